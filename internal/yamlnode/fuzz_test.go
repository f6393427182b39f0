package yamlnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FuzzParseJSON checks the JSON parser against encoding/json: it accepts
// exactly the documents encoding/json accepts, except that it also reads a
// bare NaN and a byte order mark, and refuses invalid UTF-8 (which
// encoding/json quietly replaces) and nesting beyond MaxDepth.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"\u00e9\/",true,null]}`, `"\ud83d\ude00"`, `[NaN]`, `{"a":1,}`, `01`, `"\x"`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseJSON(data)
		if err == nil && n == nil {
			t.Fatal("nil node without error")
		}
		opens := bytes.Count(data, []byte("[")) + bytes.Count(data, []byte("{"))
		if !utf8.Valid(data) || opens > MaxDepth {
			return
		}
		valid := json.Valid(data)
		if valid && err != nil {
			t.Fatalf("valid JSON %q rejected: %v", data, err)
		}
		if err == nil && !valid && !bytes.Contains(data, []byte("NaN")) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			t.Fatalf("invalid JSON accepted: %q", data)
		}
	})
}

// FuzzParseYAML checks the YAML path: no panic, and a syntax error points
// into the file (a line it has, a column at most one past that line's end;
// yaml.v3 also breaks lines at CR, NEL, LS and PS, so those count too).
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{"a: b\n", "a: [b\n", "a:\n\t- b\n", "a: \"b\nc: d\n", "a: 'b\n  c: d\ne: 'f'\n", "a: \x07\n",
		"a: caf\xe9\n", "a: &x [1]\nb: *x\nc: *y\n", "a: |x\n  b\n", "- a\n b: c\n", "a: b: c\n", "---\na: 1\n---\nb: [\n",
		"a:\n  b: 1\n c: 2\n", "a: {b: 1, c: 2\nd: 3\n", "\ufeffa: b: c\n", "a: \"x\u2028y\"\nb: [\n"} {
		f.Add([]byte(s))
	}
	f.Add([]byte(errorLens))
	f.Add(withLine(34, "           title: Practice A"))
	f.Add(withLine(12, `        title: "A question?`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Parse(data, false)
		if err == nil {
			if n == nil {
				t.Fatal("nil node without error")
			}
			return
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		text := string(data)
		for _, br := range []string{"\r\n", "\r", "\u0085", "\u2028", "\u2029"} {
			text = strings.ReplaceAll(text, br, "\n")
		}
		lines := strings.Split(text, "\n")
		if se.Line < 0 || se.Line > len(lines) {
			t.Fatalf("line %d of %d: %v", se.Line, len(lines), err)
		}
		if se.Line > 0 && se.Column > utf8.RuneCountInString(lines[se.Line-1])+1 {
			// Our own positions count only LF; allow the longer LF line.
			longest := 0
			for _, l := range strings.Split(string(data), "\n") {
				longest = max(longest, utf8.RuneCountInString(l))
			}
			if se.Column > longest+1 {
				t.Fatalf("column %d beyond every line: %v", se.Column, err)
			}
		}
	})
}

// FuzzStringRoundTrip writes any text with String, as review notes and lens
// texts are written, and reads it back: it must be the same text.
func FuzzStringRoundTrip(f *testing.F) {
	for _, s := range []string{"note", "\u2028first\nsecond", "a\n\n", " lead\nb", "\ttab\n", "\ufeffbom\nx", "\u0085nel\nx", "x\r\ny", "# not a comment\n- not a list"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // review and lens text is valid UTF-8 by the time it is written
		}
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		if err := enc.Encode(Mapping("notes", String(s))); err != nil {
			return // yaml.v3 refuses to write it (e.g. invalid UTF-8)
		}
		enc.Close()
		root, err := Parse(b.Bytes(), false)
		if s == "" {
			return // an empty note is not written
		}
		if err != nil {
			t.Fatalf("%q written as %q does not parse: %v", s, b.String(), err)
		}
		if got := Pairs(root)[0].Value.Value; got != s {
			t.Fatalf("%q written as %q reads back as %q", s, b.String(), got)
		}
	})
}
