package yamlfast_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/internal/yamlfast"
	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// same checks that whatever Parse accepts, yaml.v3 (through yamlnode,
// which review.Parse used alone before) reads into the same tree, and
// returns whether Parse accepted data.
func same(t *testing.T, data []byte) bool {
	t.Helper()
	fast, ok := yamlfast.Parse(data)
	for _, parts := range []int{2, 3} {
		split, splitOK := yamlfast.ParseInParts(data, parts)
		if splitOK != ok || !reflect.DeepEqual(split, fast) {
			path := ""
			if splitOK && ok {
				path = firstDifference("", split, fast)
			}
			t.Fatalf("read in %d parts (ok %v), the tree is not the one read whole (ok %v) %s:\n%s", parts, splitOK, ok, path, data)
		}
	}
	if !ok {
		if fast != nil {
			t.Fatal("a tree without ok")
		}
		return false
	}
	slow, err := yamlnode.Parse(data, false)
	if err != nil {
		t.Fatalf("accepted what yaml.v3 refuses (%v):\n%s", err, data)
	}
	if path := firstDifference("", fast, slow); path != "" {
		t.Fatalf("trees differ at %s:\n%s", path, data)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("trees differ:\n%s", data)
	}
	return true
}

// firstDifference names the first node where a and b differ, and how.
func firstDifference(path string, a, b *yaml.Node) string {
	if (a == nil) != (b == nil) {
		return path + ": one is nil"
	}
	if a == nil {
		return ""
	}
	at := fmt.Sprintf("%s (fast %d:%d %q, yaml.v3 %d:%d %q)", path, a.Line, a.Column, a.Value, b.Line, b.Column, b.Value)
	switch {
	case a.Kind != b.Kind:
		return at + fmt.Sprintf(": kind %v != %v", a.Kind, b.Kind)
	case a.Style != b.Style:
		return at + fmt.Sprintf(": style %v != %v", a.Style, b.Style)
	case a.Tag != b.Tag:
		return at + fmt.Sprintf(": tag %s != %s", a.Tag, b.Tag)
	case a.Value != b.Value:
		return at + ": value"
	case a.Line != b.Line || a.Column != b.Column:
		return at + ": position"
	case len(a.Content) != len(b.Content):
		return at + fmt.Sprintf(": %d children != %d", len(a.Content), len(b.Content))
	case (a.Content == nil) != (b.Content == nil):
		return at + ": nil and empty children"
	}
	for i := range a.Content {
		if d := firstDifference(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// odd is text that tests the scalar styles the encoder picks.
var odd = []string{
	"plain", "two words", "Chloé", "日本語のメモ", "yes", "no", "true", "False", "null", "~", "1", "007", "1.5", "-x", "-",
	"#c", "a: b", "a #b", "a#b", "[x]", "{y}", "a,b", "'quoted'", `"dq"`, `back\slash`, "trailing ", " leading",
	"2026-12-31", "2026-11-25T10:00:00Z", "2026-13-45T10:00:00Z", "../lens.json", "./x", ".hidden", "/abs/path", "_u",
	"sha256:abc", "https://example.com/a?b=c#d", "line one\nline two\n\nafter blank\n", "trailing newlines\n\n\n",
	"no final newline\nsecond", "tab\there", "cr\r\nlf", "bidi \u202e override", "c1 \u0085 x", "nbsp\u00a0x",
	"\u2028ls", "emoji 😀", "%percent", "@at", "`tick`", "&amp", "*star", "!bang", "|pipe", ">gt", "?q", "<<",
	strings.Repeat("long line ", 40), "x:", ":x", "a:b", "a, b", "key: [v]", "\\u0041", "null\x00byte", "del\x7f",
	"0x1F", "1e3", "+1", ".5", ".inf", "-.inf", "1_000", "0o17", "0b101", "12345678901234567890",
}

// textReview puts s everywhere text goes in a review file.
func textReview(s string) *review.Review {
	r := &review.Review{
		Workload:  review.Workload{Name: s, Owner: s, Environment: review.Production},
		Lens:      review.LensRef{ID: "ops", Version: s, Source: s, Digest: "sha256:" + s},
		UpdatedAt: t0, Notes: s,
		Answers: review.Answers{"p " + s: {s: {Selected: []string{s, "b " + s}, Notes: s, AnsweredBy: s, UpdatedAt: t0,
			Votes: []review.Vote{{By: s, Selected: []string{s}}, {}}, TimeSpent: 90 * time.Second}}},
		Actions: []review.Action{{ID: "A1", PillarID: "p", QuestionID: s, ChoiceID: s, Title: s, Owner: s, Due: "2026-12-31",
			Status: review.StatusAcceptedRisk, Reason: s, Link: s, Notes: s, CreatedAt: t0, CreatedBy: s, UpdatedAt: t0, UpdatedBy: s}},
		Parked: []review.Parked{{PillarID: "p", QuestionID: "q", Text: s, By: s, At: t0}},
	}
	r.Milestones = []review.Milestone{{Name: "m " + s, RecordedAt: t0, Notes: s, Lens: r.Lens, Answers: r.Answers.Clone(), Actions: r.Actions}}
	return r
}

func encode(t testing.TB, r *review.Review) []byte {
	data, err := r.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Every odd text, in every place of a review file: trees agree.
func TestSameTreesAsYAMLv3(t *testing.T) {
	accepted := 0
	for _, s := range odd {
		if same(t, encode(t, textReview(s))) {
			accepted++
		}
	}
	t.Logf("%d of %d files read by the fast path", accepted, len(odd))
}

// What wafr writes for an ordinary review is read by the fast path, with
// every kind of answer, actions, votes, time spent, parked items and
// milestones: else there is nothing to gain.
func TestReadsWhatWafrWrites(t *testing.T) {
	for _, lens := range []struct {
		name string
		data []byte
	}{{"gen.json", lensgen.AWSJSON(6, 57, 6, 170)}, {"gen.yaml", lensgen.YAML(3, 10, 5)}} {
		l, problems := questions.Parse(lens.name, lens.data, questions.Options{})
		if l == nil {
			t.Fatal(problems)
		}
		l.ID, l.Source = "gen", "../lenses/"+lens.name
		for seed := range 8 {
			r := reviewgen.Review(l, reviewgen.Options{Workload: "Service " + fmt.Sprint(seed), Seed: seed, Milestones: seed, Now: t0})
			if !same(t, encode(t, r)) {
				t.Fatalf("%s seed %d: not read by the fast path:\n%s", lens.name, seed, encode(t, r))
			}
		}
	}
	// (Text with line breaks in ids and names gives YAML's "? |" keys:
	// yaml.v3 reads those. Notes with line breaks are in reviewgen's.)
	for _, s := range []string{"plain", "Chloé", "bidi \u202e override", "a: b", "2026-12-31", "../lens.json", "1.0.0", "1m30s"} {
		if !same(t, encode(t, textReview(s))) {
			t.Errorf("%q: not read by the fast path:\n%s", s, encode(t, textReview(s)))
		}
	}
}

// Files that are not what wafr writes: the fast path says no, or agrees.
func TestOtherYAML(t *testing.T) {
	for _, s := range []string{
		"", "\n", "a: 1", "a: 1\n", "a: 1\nb:\n", "a:\n- x\n", "a:\n  - x\n  - y\n", "a: 1 # c\n", "# c\na: 1\n",
		"a: &x 1\nb: *x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "a:\n  b: 1\n c: 2\n",
		"a: |\n  x\n y\n", "a: |2\n  x\n", "a: >\n  x\n", "a: 'x\n  y'\n", "a: \"x\n  y\"\n", "a: x\n  y\n",
		"a: [x,\n  y]\n", "a: {b: c, d: [e, f]}\n", "a: {}\n", "a: []\n", "a: [[x]]\n", "a: [{b: c}]\n", "? a\n: b\n",
		"a:  1\n", "a : 1\n", "a: 1 \n", "a:\tb\n", "a: 1\r\n", "\ufeffa: 1\n", "a: \"\\/\"\n", "a: \"\\ud83d\"\n",
		"a: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\\\\"\n", "a: '' \n", "a: ''''\n",
		"- a\n", "a:\n  - b: 1\n    c: 2\n  - d\n", "a:\n  -  b\n", "a:\n  -\n    b\n", "a:\n  - - b\n", "a: |\n\n  x\n",
		"a: |-\n  x\n\n\nb: 1\n", "a: |+\n  x\n\n\nb: 1\n", "a: |\n  x\n   y\n  z\n", "a: |\n  x\n", "a: |", "a: |\n",
		"日本: 語\n", "a: 日本, 語\n", "a: [日本, 語]\n", "é: [x, é, y]\n", "a: b: c\n", "a: 'b': c\n", "'a': b\n", "\"a\": b\n",
		"a:\n  b:\n    c: [1, 2]\n", "wafr: 1\nworkload:\n  name: x\n", "a: 0x10\n", "a: 1e3\n", "a: 12:30\n",
	} {
		same(t, []byte(s))
	}
}

// FuzzSame: for any bytes the fast path accepts, yaml.v3 builds the same
// tree. Seeds are files wafr writes, so mutations stay near the subset.
func FuzzSame(f *testing.F) {
	for _, s := range odd[:20] {
		f.Add(encode(f, textReview(s)))
	}
	f.Add([]byte("a:\n  - b: |\n      x\n\n      y\n    c: [d, 'e']\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, data)
	})
}

// FuzzSameEncoded: any text, written by the review encoder, is read into
// the same tree by both parsers.
func FuzzSameEncoded(f *testing.F) {
	for _, s := range odd {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		same(t, encode(t, textReview(s)))
	})
}

// A document of more values than yamlnode reads is left to yamlnode,
// which refuses it with its own message.
func TestTooManyValues(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: [")
	for i := range yamlnode.MaxNodes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("x")
	}
	b.WriteString("]\n")
	if _, ok := yamlfast.Parse([]byte(b.String())); ok {
		t.Error("read a document yamlnode refuses")
	}
	if _, err := yamlnode.Parse([]byte(b.String()), false); err == nil {
		t.Error("yamlnode reads it: the test no longer tests the limit")
	}
}
