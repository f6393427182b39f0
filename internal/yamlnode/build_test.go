package yamlnode

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Text written with String reads back exactly, whatever it starts, ends or
// is made of: the rule that picks a literal block or a quoted string must
// never pick a form yaml.v3 reads back differently.
func TestStringRoundTrip(t *testing.T) {
	leads := []string{"\u2028", "\u2029", "\u0085", "\u00a0", "\ufeff", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r",
		"#", "- ", "? ", ": ", "|", ">", "'", "\"", "%", "@", "`", "!", "&a ", "*a ", "---", "...", "\u3000", "\u200b", "\x1b", "\x7f"}
	bodies := []string{"note", "first line\nsecond line", "line\n", "line\n\n", "a\n b\n\tc", "a \nb", "a\t\nb", "x\u2028y\nz",
		"x\u2029\ny", "a\u0085b\nc", "end \u00a0\nz", "a\r\nb", "-- \n--"}
	var texts []string
	for _, lead := range leads {
		for _, body := range bodies {
			texts = append(texts, lead+body, body+lead, body+"\n"+lead+body)
		}
	}
	for _, text := range texts {
		n := Mapping("notes", String(text))
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		if err := enc.Encode(n); err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		enc.Close()
		root, err := Parse(b.Bytes(), false)
		if err != nil {
			t.Errorf("%q written as\n%s\ndoes not parse: %v", text, b.String(), err)
			continue
		}
		if got := Pairs(root)[0].Value.Value; got != text {
			t.Errorf("%q written as\n%s\nreads back as %q", text, b.String(), got)
		}
	}
}

// Multi-line text that reads back exactly stays a literal block, the form
// that reads well in files and diffs.
func TestMultilineStyleKeepsLiteralBlocks(t *testing.T) {
	for _, s := range []string{"first\nsecond", "a\n  indented\nb\n", "日本語\nの行", "\u00a0leading nbsp\nb"} {
		if MultilineStyle(s) != yaml.LiteralStyle {
			t.Errorf("%q: not a literal block", s)
		}
	}
	for _, s := range []string{"\u2028first\nsecond", "a\u2029\nb", " lead\nb", "trail \nb", "\ufeffbom\nb", "a\r\nb", "a\u0085b\nc"} {
		if MultilineStyle(s) == yaml.LiteralStyle {
			t.Errorf("%q: a literal block", s)
		}
	}
}

// Strings a YAML 1.1 reader (PyYAML, many CI tools) would take for a
// boolean or a base-60 number are quoted, as yaml.v3 quotes them when it
// marshals a Go string; other strings are left as they were.
func TestStringQuotesYAML11Types(t *testing.T) {
	base60Ref := regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
	for _, s := range []string{"12:30", "1:20:30", "-1:30", "+190:20:30.15", "1_0:59", "1:60", "1:5a", ":30", "1:", "a:30", "1.5:30", "1:30.", "12:30:", "1:3_0", "100", "x"} {
		if got, want := base60(s), base60Ref.MatchString(s); got != want {
			t.Errorf("base60(%q) = %v, want %v", s, got, want)
		}
	}
	for s, quoted := range map[string]bool{
		"yes": true, "No": true, "OFF": true, "on": true, "y": true, "N": true, "12:30": true,
		"yes please": false, "nope": false, "YeS": false, "OPS1_no": false, "plain": false, "12:61": false,
	} {
		var b strings.Builder
		enc := yaml.NewEncoder(&b)
		if err := enc.Encode(Mapping("k", String(s))); err != nil {
			t.Fatal(err)
		}
		out := strings.TrimSpace(b.String())
		if got := strings.HasPrefix(out, `k: "`); got != quoted {
			t.Errorf("%q is written %s, want quoted: %v", s, out, quoted)
		}
		var back map[string]any
		if err := yaml.Unmarshal([]byte(out), &back); err != nil || back["k"] != s {
			t.Errorf("%q reads back as %#v (%v)", s, back["k"], err)
		}
	}
}
