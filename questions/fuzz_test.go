package questions

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseCondition(f *testing.F) {
	for _, s := range []string{"default", "a && b", "a || b && !c", "(a || (b && !(c)))", "a &&", "((", "!!!a", "a & b", "日本 || a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCondition(s, lookupIn(condChoices))
		if err != nil {
			ce, ok := err.(*ConditionError)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			if ce.Column < 1 || ce.Column > utf8.RuneCountInString(s)+1 {
				t.Fatalf("column %d outside %q", ce.Column, s)
			}
			return
		}
		for mask := 0; mask < 1<<len(condChoices); mask++ {
			set := NewChoiceSet(len(condChoices))
			for i := range condChoices {
				if mask&(1<<i) != 0 {
					set.Add(i)
				}
			}
			c.Eval(set)
		}
	})
}

// FuzzParseLens feeds the loader arbitrary YAML and JSON. It must never
// panic, and a lens that loads must survive a trip through its JSON form
// and through its YAML export with the same digest (so export and
// re-import lose nothing), and the digest's canonical encoding must stay
// what encoding/json writes.
func FuzzParseLens(f *testing.F) {
	f.Add([]byte(lensYAML(goodQuestion)), false)
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "aws", "*.json"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data, true)
		}
	}
	if data, err := builtinFS.ReadFile("lenses/ops.yaml"); err == nil {
		f.Add(data, false)
	}
	// Syntax errors whose place yaml.v3 gets wrong, control characters,
	// tabs, aliases, a question id in two pillars, unsafe ids, "None".
	good := lensYAML(goodQuestion)
	for _, s := range []string{
		strings.Replace(good, "        title: A question?", "       title: A question?", 1),
		strings.Replace(good, "        title: A question?", `        title: "A question?`, 1),
		strings.Replace(good, "        title: A question?", "\ttitle: A question?", 1),
		strings.Replace(good, "A question?", "A \x07question?", 1),
		strings.Replace(good, "A question?", "caf\xe9", 1),
		strings.Replace(good, "{id: QA1_b, title: Practice B}", "{id: QA1_b, title: *nope}", 1),
		"d: &d [a, b]\nname: *d\n" + good,
		good + "  - id: second\n    name: S\n    questions:\n" + goodQuestion,
		strings.Replace(good, "{id: QA1_no, title: None of these}", "{id: \"QA1_\\u202eb\", title: None of the above apply to us.}", 1),
		strings.Replace(good, "          - {condition: default, risk: HIGH_RISK}\n", "", 1),
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "f.yaml"
		if isJSON {
			name = "f.json"
		}
		l, problems := Parse(name, data, Options{Lint: true})
		checkPositions(t, data, problems)
		if l == nil {
			if !HasErrors(problems) {
				t.Fatal("no lens and no error")
			}
			return
		}
		checkCacheRoundTrip(t, l)
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		l2, problems2 := Parse("again.json", out, Options{})
		if l2 == nil {
			t.Fatalf("re-parse of %s failed: %v", out, problems2)
		}
		if l2.Digest != l.Digest {
			t.Fatalf("digest changed on round trip:\n%s", out)
		}
		var canon bytes.Buffer
		writeCanonical(&canon, l)
		if !bytes.Equal(canon.Bytes(), out) {
			t.Fatalf("canonical encoding differs from json.Marshal:\n%s\n%s", canon.Bytes(), out)
		}
		y, err := MarshalYAML(l)
		if err != nil {
			t.Fatal(err)
		}
		l3, problems3 := Parse("again.yaml", y, Options{})
		if l3 == nil {
			t.Fatalf("YAML export does not load: %v\n%s", problems3, y)
		}
		if l3.Digest != l.Digest {
			t.Fatalf("digest changed through the YAML export:\n%s", y)
		}
	})
}

// checkPositions checks that every problem points into the file: a line it
// has (YAML also breaks lines at CR, NEL, LS and PS), a column at most one
// past the end of the longest line.
func checkPositions(t *testing.T, data []byte, problems []Problem) {
	t.Helper()
	text := string(data)
	for _, br := range []string{"\r\n", "\r", "\u0085", "\u2028", "\u2029"} {
		text = strings.ReplaceAll(text, br, "\n")
	}
	lines := strings.Split(text, "\n")
	longest := 0
	for _, l := range strings.Split(string(data), "\n") {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	for _, p := range problems {
		if p.Where == "" {
			t.Fatalf("no WHERE: %s", p)
		}
		if p.Line < 0 || p.Line > len(lines) {
			t.Fatalf("line %d of a %d-line file: %s", p.Line, len(lines), p)
		}
		if p.Column < 0 || p.Column > longest+1 {
			t.Fatalf("column %d, beyond the longest line (%d characters): %s", p.Column, longest, p)
		}
	}
}
