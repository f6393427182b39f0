package safeout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

const hostile = "a\u202eb\u2066c\u2069d\u200e\u200f\u061c e\u0085\u009b\u009d\u007f f\u2028\u2029\ufeff <&> \x1b[31m é 日本"

func rawEscapable(b []byte) rune {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if MustEscape(r) {
			return r
		}
		b = b[size:]
	}
	return 0
}

func TestJSONEscapesAndRoundTrips(t *testing.T) {
	type doc struct {
		K map[string]string `json:"k"`
		L []string          `json:"l"`
	}
	in := doc{K: map[string]string{hostile: hostile}, L: []string{hostile, "plain"}}
	for _, indent := range []string{"", "  "} {
		data, err := MarshalJSON(in, indent)
		if err != nil {
			t.Fatal(err)
		}
		if r := rawEscapable(data); r != 0 {
			t.Errorf("raw U+%04X in %s", r, data)
		}
		if !strings.Contains(string(data), `\u202e`) || !strings.Contains(string(data), "<&>") {
			t.Errorf("escapes: %s", data)
		}
		var back doc
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if back.K[hostile] != hostile || back.L[0] != hostile {
			t.Errorf("round trip changed the text: %q", back)
		}
	}
}

func TestEscapeInDoubleQuotedYAML(t *testing.T) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: hostile, Style: yaml.DoubleQuotedStyle},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: hostile + "\nsecond line", Style: yaml.DoubleQuotedStyle},
	}}
	var b bytes.Buffer
	if err := yaml.NewEncoder(&b).Encode(n); err != nil {
		t.Fatal(err)
	}
	data := Escape(b.Bytes())
	if r := rawEscapable(data); r != 0 {
		t.Errorf("raw U+%04X in %s", r, data)
	}
	var back map[string]string
	if err := yaml.Unmarshal(data, &back); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if back[hostile] != hostile+"\nsecond line" {
		t.Errorf("round trip: %q", back)
	}
}

func TestEscapeLeavesOrdinaryTextAlone(t *testing.T) {
	in := []byte(`{"a": "é 日本 \u00a0 ` + "\xff" + `"}`)
	if out := Escape(in); &out[0] != &in[0] {
		t.Error("copied though there was nothing to escape")
	}
	for _, s := range []string{"", "plain", "é 日本", "\u00a0", "\u200b"} {
		if Contains(s) {
			t.Errorf("Contains(%q)", s)
		}
	}
	for _, s := range []string{"\u202e", "x\u0085", "\x7f", "é\u2066"} {
		if !Contains(s) {
			t.Errorf("!Contains(%q)", s)
		}
	}
}
