package yamlnode

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestParseJSONValues(t *testing.T) {
	n, err := ParseJSON([]byte(`{"url": "https:\/\/example.com\/a", "emoji": "\ud83d\ude00", "tab": "a\tb\u00e9",
  "n": -12.5e3, "i": 0, "t": true, "f": false, "z": null, "x": NaN, "list": [1, "two", []], "obj": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*yaml.Node{}
	for _, kv := range Pairs(n) {
		got[kv.Key.Value] = kv.Value
	}
	checks := []struct {
		key, value, tag string
	}{
		{"url", "https://example.com/a", "!!str"},
		{"emoji", "😀", "!!str"},
		{"tab", "a\tbé", "!!str"},
		{"n", "-12.5e3", "!!float"},
		{"i", "0", "!!int"},
		{"t", "true", "!!bool"},
		{"f", "false", "!!bool"},
		{"z", "null", "!!null"},
		{"x", "NaN", "!!float"},
	}
	for _, c := range checks {
		v := got[c.key]
		if v == nil || v.Value != c.value || v.Tag != c.tag {
			t.Errorf("%s = %+v, want value %q tag %s", c.key, v, c.value, c.tag)
		}
	}
	if !IsNaN(got["x"]) || !IsNull(got["z"]) {
		t.Error("NaN or null not recognised")
	}
	if l := got["list"]; l.Kind != yaml.SequenceNode || len(l.Content) != 3 {
		t.Errorf("list = %+v", l)
	}
	if o := got["obj"]; o.Kind != yaml.MappingNode || len(o.Content) != 0 {
		t.Errorf("obj = %+v", o)
	}
}

// Every document encoding/json accepts, this parser accepts with the same
// string values (the lens loader relies on reading all valid JSON).
func TestParseJSONAgreesWithEncodingJSON(t *testing.T) {
	docs := []string{
		`"\u0000\u001f\"\\\/\b\f\n\r\t"`,
		`"\ud800"`, // lone surrogate: both give U+FFFD
		`"\udc00\ud800x"`,
		`["é", "日本語", "\u65e5"]`,
		`{"a": {"b": [[[]]]}}`,
	}
	for _, doc := range docs {
		var want any
		if err := json.Unmarshal([]byte(doc), &want); err != nil {
			t.Fatalf("encoding/json rejects %s: %v", doc, err)
		}
		n, err := ParseJSON([]byte(doc))
		if err != nil {
			t.Errorf("ParseJSON(%s): %v", doc, err)
			continue
		}
		if s, ok := want.(string); ok && n.Value != s {
			t.Errorf("ParseJSON(%s) = %q, want %q", doc, n.Value, s)
		}
	}
}

func TestParseJSONPositions(t *testing.T) {
	// Minified: everything on line 1, columns in characters (é is one).
	n, err := ParseJSON([]byte(`{"é":"x","b":[1,{"c":true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	pairs := Pairs(n)
	if k := pairs[1].Key; k.Line != 1 || k.Column != 10 {
		t.Errorf("key b at %d:%d, want 1:10", k.Line, k.Column)
	}
	inner := pairs[1].Value.Content[1]
	if inner.Line != 1 || inner.Column != 17 {
		t.Errorf("inner object at %d:%d, want 1:17", inner.Line, inner.Column)
	}
	n, err = ParseJSON([]byte("{\n  \"a\": 1,\n    \"b\": [\n  2]\n}"))
	if err != nil {
		t.Fatal(err)
	}
	two := Pairs(n)[1].Value.Content[0]
	if two.Line != 4 || two.Column != 3 {
		t.Errorf("2 at %d:%d, want 4:3", two.Line, two.Column)
	}
}

func TestParseJSONErrors(t *testing.T) {
	cases := []struct {
		doc        string
		line, col  int
		msgContain string
	}{
		{`{"a": 1,}`, 1, 9, "trailing comma"},
		{`[1, 2,]`, 1, 7, "trailing comma"},
		{`{'a': 1}`, 1, 2, "field name in double quotes"},
		{`{"a": 1} x`, 1, 10, "after the end"},
		{`{"a" 1}`, 1, 6, "expected ':'"},
		{"{\n\"a\": tru}", 2, 6, "expected a value"},
		{`{"a": "\x"}`, 1, 8, `unknown escape \x`},
		{`{"a": "abc`, 1, 11, "end of file inside a string"},
		{"\"a\nb\"", 1, 3, "control character"},
		{`{"a": 01}`, 1, 8, "expected ',' or '}'"},
		{`{"a": -}`, 1, 8, "expected a digit"},
		{`{"a": 1.}`, 1, 9, "after '.'"},
		{`[1 2]`, 1, 4, "expected ',' or ']'"},
		{`{"a": [`, 1, 8, "end of file"},
		{"\"\xff\"", 1, 3, "invalid UTF-8"},
		{"  ", 1, 3, "empty"},
	}
	for _, c := range cases {
		_, err := ParseJSON([]byte(c.doc))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a SyntaxError", c.doc, err)
			continue
		}
		if se.Line != c.line || se.Column != c.col || !strings.Contains(se.Msg, c.msgContain) {
			t.Errorf("%q: got %d:%d %q, want %d:%d containing %q", c.doc, se.Line, se.Column, se.Msg, c.line, c.col, c.msgContain)
		}
	}
}

func TestParseJSONDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5)
	_, err := ParseJSON([]byte(deep))
	if err == nil || !strings.Contains(err.Error(), "nesting deeper") {
		t.Fatalf("got %v, want a nesting error", err)
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := ParseJSON([]byte(ok)); err != nil {
		t.Fatalf("depth %d: %v", MaxDepth, err)
	}
}

func TestParseYAMLLimits(t *testing.T) {
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
`
	// One 1 MB note, aliased by 300 answers: few values, 300 MB of text.
	note := "note: &n " + strings.Repeat("x", 1<<20) + "\nanswers:\n" + strings.Repeat("  - *n\n", 300)
	cases := []struct{ name, doc, want string }{
		{"alias bomb", bomb, "YAML aliases expand to more than 1,000,000 values (wafr reads at most 1,000,000); the first alias is here"},
		{"alias text bomb", note, "YAML aliases expand to more than 10 MB of text (wafr reads at most 10 MB, aliases expanded); the first alias is here"},
		{"empty", "", "empty"},
		{"comment only", "# nothing\n", "empty"},
		{"binary", "a: \x00\x01", "binary"},
		{"two documents", "a: 1\n---\nb: 2\n", "more than one"},
		{"syntax", "a: [1, 2\nb: 3\n", "line"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.doc), false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
	// Where the first alias is.
	var se *SyntaxError
	if _, err := Parse([]byte(note), false); !errors.As(err, &se) || se.Line != 3 || se.Column != 5 {
		t.Errorf("alias text bomb: %v at %+v, want line 3, column 5", err, se)
	}
	// Aliases within the budget are fine.
	n, err := Parse([]byte("a: &x {k: v}\nb: *x\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if v := Resolve(Pairs(n)[1].Value); v.Kind != yaml.MappingNode {
		t.Errorf("alias not resolved: %+v", v)
	}
}

// A large document without aliases is refused for what it is: too many
// values, with the real limit, and not a word about aliases.
func TestParseYAMLTooManyValues(t *testing.T) {
	// At the limit (the list and its items), and one more. (Parsing a file
	// that big takes seconds; Parse calls CheckSize on what it read.)
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: 1, Column: 1}
	item := Scalar("ab", "!!str") // one node, in every place: no anchor, so counted each time
	for range MaxNodes - 1 {
		list.Content = append(list.Content, item)
	}
	if err := CheckSize(list); err != nil {
		t.Errorf("%d values: %v", MaxNodes, err)
	}
	list.Content = append(list.Content, item)
	err := CheckSize(list)
	if err == nil || err.Error() != "line 1, column 1: the document has more than 1,000,000 values (keys, texts, lists and mappings); wafr reads at most 1,000,000" {
		t.Fatalf("got %v", err)
	}
	text := "a: &t " + strings.Repeat("y", MaxExpandedBytes/5) + "\nb: [*t, *t, *t]\n"
	if _, err := Parse([]byte(text), false); err != nil {
		t.Errorf("aliases expanding to just under %d bytes: %v", MaxExpandedBytes, err)
	}
}

func TestCheckSizeOfBuiltTrees(t *testing.T) {
	long := String(strings.Repeat("z", MaxExpandedBytes+1))
	if err := CheckSize(Mapping("notes", long)); err == nil || !strings.Contains(err.Error(), "more than 10 MB of text") {
		t.Errorf("got %v", err)
	}
	if err := CheckSize(Mapping("notes", String("short"))); err != nil {
		t.Error(err)
	}
}

func TestDescribe(t *testing.T) {
	n, _ := ParseJSON([]byte(`[{}, [], "s", 1, true, null]`))
	want := []string{"a mapping", "a list", "a string", "a number", "a boolean", "null"}
	for i, c := range n.Content {
		if got := Describe(c); got != want[i] {
			t.Errorf("Describe(%d) = %q, want %q", i, got, want[i])
		}
	}
}

// Documents one after another (saved pages of a paginated output) are read
// with their positions in the whole file; an error is at its place in it.
func TestParseJSONStream(t *testing.T) {
	docs, err := ParseJSONStream([]byte("\xef\xbb\xbf{\"a\": 1}\n  [2]{}\n\"s\" "), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ line, col int }{{1, 1}, {2, 3}, {2, 6}, {3, 1}}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, w := range want {
		if docs[i].Line != w.line || docs[i].Column != w.col {
			t.Errorf("document %d at %d:%d, want %d:%d", i+1, docs[i].Line, docs[i].Column, w.line, w.col)
		}
	}
	if docs, err := ParseJSONStream([]byte(" \n\t"), 0); err != nil || len(docs) != 0 {
		t.Errorf("white space: %v, %v", docs, err)
	}
	var se *SyntaxError
	if _, err := ParseJSONStream([]byte("{}\n{\"a\": [1,]}"), 0); !errors.As(err, &se) || se.Line != 2 || se.Column != 10 || !strings.Contains(se.Msg, "trailing comma") {
		t.Errorf("error in the second document: %v", err)
	}
	if _, err := ParseJSONStream([]byte("[1, 2, 3] [4]"), 4); !errors.As(err, &se) || se.Column != 11 || !strings.Contains(se.Msg, "more than 4 values") {
		t.Errorf("value limit: %v", err)
	}
	if _, err := ParseJSONStream([]byte("[1, 2] [3]"), 5); err != nil {
		t.Errorf("5 values, limit 5: %v", err)
	}
}

// The parser hands out nodes and content lists in blocks: each list must
// still be its own, so that appending to one never writes over another.
func TestParseJSONContentListsAreSeparate(t *testing.T) {
	root, err := ParseJSON([]byte(`[[1, 2], {"a": 3}, [4]]`))
	if err != nil {
		t.Fatal(err)
	}
	first, obj, last := root.Content[0], root.Content[1], root.Content[2]
	first.Content = append(first.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "x"})
	obj.Content = append(obj.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "y"})
	if got := obj.Content[0].Value + obj.Content[1].Value; got != "a3" {
		t.Errorf("the object reads %q after appending to the list before it, want a3", got)
	}
	if got := last.Content[0].Value; got != "4" || len(root.Content) != 3 {
		t.Errorf("the last list reads %q (root has %d items) after appending to the others", got, len(root.Content))
	}
}

// A large document costs far fewer allocations than it has values: one per
// value made every lens load thousands of allocations.
func TestParseJSONAllocatesInBlocks(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 2000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "q%d", "title": "Question %d", "choices": [1, 2]}`, i, i)
	}
	b.WriteString("]")
	data := []byte(b.String())
	values := 2000*9 + 1
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := ParseJSON(data); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > float64(values)/10 {
		t.Errorf("parsing %d values took %.0f allocations, want at most a tenth as many", values, allocs)
	}
}
