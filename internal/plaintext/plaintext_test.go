package plaintext

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name, in string
		want     []Block
	}{
		{"hard line breaks re-flowed", "Amazon S3 offers several security\nfeatures to consider.\n\nA second paragraph.", []Block{
			{Text: "Amazon S3 offers several security features to consider."}, {Text: "A second paragraph."}}},
		{"Japanese joined without a space", "サービスを止めずに\n更新します。", []Block{{Text: "サービスを止めずに更新します。"}}},
		{"bullets of both kinds, nested", "Consider:\n- Block public access\n  - at the account\n  * and the bucket\n- Versioning\n1. first\n2) second", []Block{
			{Text: "Consider:"},
			{Text: "Block public access", Bullet: true, Marker: "-", Level: 0},
			{Text: "at the account", Bullet: true, Marker: "-", Level: 1},
			{Text: "and the bucket", Bullet: true, Marker: "*", Level: 1},
			{Text: "Versioning", Bullet: true, Marker: "-", Level: 0},
			{Text: "first", Bullet: true, Marker: "1.", Level: 0},
			{Text: "second", Bullet: true, Marker: "2)", Level: 0},
		}},
		{"an item wrapped in the file", "- Use S3 Block Public Access to\nprevent public buckets.\nThen review the policies.", []Block{
			{Text: "Use S3 Block Public Access to prevent public buckets.", Bullet: true, Marker: "-"},
			{Text: "Then review the policies."},
		}},
		{"indented continuation", "- one\n  more of one.\n- two", []Block{
			{Text: "one more of one.", Bullet: true, Marker: "-"}, {Text: "two", Bullet: true, Marker: "-"}}},
		{"Japanese bullets", "・バケットを非公開にする\n・バージョニングを有効にする", []Block{
			{Text: "バケットを非公開にする", Bullet: true, Marker: "・"}, {Text: "バージョニングを有効にする", Bullet: true, Marker: "・"}}},
		{"not bullets", "-5% cost\n2026.11 release", []Block{{Text: "-5% cost 2026.11 release"}}},
		{"CR LF", "one\r\ntwo", []Block{{Text: "one two"}}},
	}
	for _, c := range cases {
		if got := Parse(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	for _, c := range [][3]string{{"a", "b", "a b"}, {"止めずに", "更新", "止めずに更新"}, {"SLO を", "決める", "SLO を決める"}, {"決める", "SLO", "決める SLO"}, {"a ", " b", "a b"}} {
		if got := JoinLines(c[0], c[1]); got != c[2] {
			t.Errorf("JoinLines(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
