package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// errorLens is a valid lens; each case of TestYAMLSyntaxErrorPositions
// changes one of its lines (line 1 is the comment).
const errorLens = `# A lens with one mistake in it.
schemaVersion: "2021-11-01"
id: t
version: 1.0.0
name: Test
description: A lens for tests.
pillars:
  - id: pil
    name: Pillar
    questions:
      - id: QA1
        title: A question?
        description: Why it matters.
        choices:
          - id: QA1_a
            title: Practice A
            helpfulResource:
              displayText: Some help.
            improvementPlan:
              displayText: Do it.
          - id: QA1_b
            title: Practice B
          - id: QA1_no
            title: None of these
        riskRules:
          - {condition: QA1_a && QA1_b, risk: NO_RISK}
          - {condition: QA1_a, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
      - id: QA2
        title: Second question?
        description: Why it matters.
        choices:
          - id: QA2_a
            title: Practice A
            helpfulResource:
              displayText: Some help.
            improvementPlan:
              displayText: Do it.
          - id: QA2_b
            title: "Practice B"
          - id: QA2_no
            title: None of these
        riskRules:
          - {condition: QA2_a && QA2_b, risk: NO_RISK}
          - {condition: QA2_a, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
`

// withLine returns errorLens with line n (1-based) replaced by text, and
// optionally more lines and texts.
func withLine(n int, text string, more ...any) []byte {
	lines := strings.Split(errorLens, "\n")
	lines[n-1] = text
	for i := 0; i+1 < len(more); i += 2 {
		lines[more[i].(int)-1] = more[i+1].(string)
	}
	return []byte(strings.Join(lines, "\n"))
}

var rawYAMLLine = regexp.MustCompile(`^yaml: line (\d+):`)

// yamlV3Line is the line yaml.v3 itself reports for data, 0 for none.
func yamlV3Line(data []byte) int {
	var n yaml.Node
	err := yaml.Unmarshal(data, &n)
	if err == nil {
		return -1
	}
	if m := rawYAMLLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line
	}
	return 0
}

// Syntax errors name the line and column of the mistake, where yaml.v3
// names the enclosing construct (often a line or two before), or nothing.
func TestYAMLSyntaxErrorPositions(t *testing.T) {
	cases := []struct {
		name      string
		doc       []byte
		line, col int
		msg       string
		yamlWrong bool // yaml.v3 alone names another line
	}{
		{"less indented key", withLine(34, "           title: Practice A"), 34, 12, "did not find expected '-' indicator", true},
		{"list item among keys", withLine(34, "            - title: Practice A"), 34, 13, "did not find expected key", true},
		{"text after a quoted value", withLine(34, `            title: "Practice A" b`), 34, 33, "did not find expected key", true},
		{"list item dedented", withLine(39, "         - id: QA2_b"), 39, 10, "did not find expected key", true},
		{"more indented key", withLine(34, "              title: Practice A"), 34, 20, "mapping values are not allowed in this context", false},
		{"missing colon", withLine(34, "            title Practice A"), 34, 13, "could not find expected ':'", false},
		{"colon in a plain value", withLine(34, "            title: Practice: A"), 34, 28, "mapping values are not allowed", false},
		{"unknown escape", withLine(30, `        title: "Second \q question?"`), 30, 24, "found unknown escape character", false},
		{"flow mapping not closed", withLine(44, "          - {condition: QA2_a && QA2_b, risk: NO_RISK"), 44, 14, "did not find expected ',' or '}'", true},
		{"unknown anchor", withLine(34, "            title: *nope"), 34, 24, "unknown anchor 'nope' referenced", true},
		{"bad block scalar header", withLine(34, "            title: |x"), 34, 21, "did not find expected comment or line break", false},
		{"reserved indicator", withLine(34, "            title: @foo"), 34, 20, "found '@', which cannot start a YAML value here (put the value in quotes)", false},
		{"backtick", withLine(34, "            title: `foo"), 34, 20, "found '`', which cannot start", false},

		// A quote left open runs on to the next quote of its kind; the
		// mistake is where it opens.
		{"unclosed quote swallows lines", withLine(36, `              displayText: "Some help.`), 36, 28,
			`the double-quoted string that starts here is not closed on its line (a missing "?): it runs on to line 40, and YAML then fails at line 40, column 21: did not find expected key`, true},
		{"unclosed quote, long run", withLine(30, `        title: "Second question?`), 30, 16, "is not closed on its line (a missing \"?): it runs on to line 40", true},
		{"unclosed quote to the end", withLine(30, `        title: 'Second question?`), 30, 16, "the single-quoted string that starts here is never closed (the file ends inside it)", false},

		// Tabs.
		{"tab indenting a key", withLine(34, "\t    title: Practice A"), 34, 1, "a tab: YAML is indented with spaces, never tabs (replace the tab with spaces)", true},
		{"tab alone", withLine(34, "\ttitle: Practice A"), 34, 1, "a tab: YAML is indented with spaces", false},
		{"tab after spaces", withLine(34, "            \ttitle: Practice A"), 34, 13, "a tab: YAML is indented with spaces", false},

		// Characters YAML refuses: named, with their place.
		{"bell", withLine(34, "            title: Practice \aA"), 34, 29, `control character U+0007 (bell) is not allowed in YAML: remove it, or write it as an escape ("\x07") inside a double-quoted string`, true},
		{"escape", withLine(34, "            title: \x1b[31mred"), 34, 20, "control character U+001B (escape)", true},
		{"C1 control", withLine(34, "            title: Practice \u009bA"), 34, 29, "control character U+009B (a C1 control)", true},
		{"delete", withLine(6, "description: \x7f"), 6, 14, "control character U+007F (delete)", true},
		{"Latin-1", withLine(5, "name: caf\xe9"), 5, 10, "invalid UTF-8 (byte 0xE9): a YAML file must be UTF-8 text", true},

		// Positions count characters, not bytes, and not a byte order mark.
		{"after Japanese text", withLine(34, "            title: 日本語: x"), 34, 23, "mapping values are not allowed", false},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), withLine(1, "a: b: c")...), 1, 5, "mapping values are not allowed", false},
		{"CRLF line ends", bytes.ReplaceAll(withLine(34, "            - title: Practice A"), []byte("\n"), []byte("\r\n")), 34, 13, "did not find expected key", true},
		{"after a line separator", withLine(34, "            - title: Practice A", 6, "description: \"a line\u2028separator\""), 34, 13, "did not find expected key", true},
		{"control character after the mistake", withLine(10, "    questions", 46, "          - {condition: default, risk: \aHIGH_RISK}"), 10, 5, "could not find expected ':'", false},
		{"second document", append(withLine(1, "# one"), []byte("---\na: [b\nc: d\n")...), 48, 5, "did not find expected ',' or ']'", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseYAML(c.doc)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a SyntaxError", err)
			}
			if se.Line != c.line || se.Column != c.col || !strings.Contains(se.Msg, c.msg) {
				t.Errorf("got %d:%d %q\nwant %d:%d %q", se.Line, se.Column, se.Msg, c.line, c.col, c.msg)
			}
			if got := yamlV3Line(c.doc); c.yamlWrong && got == c.line {
				t.Errorf("yaml.v3 names line %d too: not a case for this test", got)
			}
		})
	}
}

// The search for the place is bounded: when the budget is spent, the
// message keeps yaml.v3's line.
func TestYAMLSyntaxErrorBudget(t *testing.T) {
	doc := withLine(34, "            - title: Practice A")
	budget := len(doc) // one parse
	l := newLocator(doc, "did not find expected key", &budget)
	if _, _, ok := l.find(32); ok {
		t.Error("found the place without the budget for it")
	}
	// And a document without a line break at all still works.
	_, err := parseYAML([]byte("a: [b"))
	if err == nil || err.Error() != "line 1, column 5: did not find expected ',' or ']': a [ list is not closed (a missing ]?)" {
		t.Errorf("got %v", err)
	}
}

// Errors in large files are located without parsing the whole prefix for
// every probe.
func TestYAMLSyntaxErrorInLargeFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("items:\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "  - id: item%d\n    title: Item %d\n", i, i)
	}
	lines := strings.Split(b.String(), "\n")
	lines[39000] = "   title: bad indent"
	doc := []byte(strings.Join(lines, "\n"))
	// yaml.v3 names the line before the list, far from the mistake; finding
	// it costs about twice the bytes before it, then little.
	yl := yamlV3Line(doc)
	budget := 3 * len(doc)
	l := newLocator(doc, "did not find expected '-' indicator", &budget)
	line, col, ok := l.find(yl)
	if !ok || line != 39001 || col != 4 {
		t.Errorf("got %d:%d %v, want 39001:4 (yaml.v3 says %d)", line, col, ok, yl)
	}
}

// The two kinds of mistake the issue reported: a key indented one space
// less, which yaml.v3 places two lines up, and an unclosed quote, which it
// places where the string finally ends, 29 lines down.
func TestYAMLSyntaxErrorIssueExamples(t *testing.T) {
	cases := []struct {
		doc                 []byte
		yamlLine, line, col int
		msg                 string
	}{
		{withLine(34, "           title: Practice A"), 32, 34, 12, "did not find expected '-' indicator"},
		{withLine(12, `        title: "A question?`), 41, 12, 16, `the double-quoted string that starts here is not closed on its line (a missing "?): it runs on to line 40, and YAML then fails at line 41, column 15: mapping values are not allowed in this context`},
	}
	for _, c := range cases {
		if got := yamlV3Line(c.doc); got != c.yamlLine {
			t.Errorf("yaml.v3 says line %d, the test expects it to say %d", got, c.yamlLine)
		}
		_, err := parseYAML(c.doc)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != c.line || se.Column != c.col || se.Msg != c.msg {
			t.Errorf("got %v, want %d:%d %s", err, c.line, c.col, c.msg)
		}
	}
}

// yaml.v3's words for the mistakes of a hand-edited file come with what
// usually causes them, where the message is yaml.v3's own; a message of
// wafr's own (a tab, a quote left open) needs none.
func TestYAMLSyntaxErrorHints(t *testing.T) {
	for _, c := range []struct {
		doc, hint string
	}{
		{"notes: n1: colon\n", `a ": " in a value (or after a quoted one) reads as a new key; put the whole value in quotes`},
		{"a:\n  b: 1\n c: 2\n", "check its indentation"},
		{"selected: [a, b\n", "a [ list is not closed (a missing ]?)"},
		{"x: {a: 1\n", "a { mapping is not closed (a missing }?)"},
		{"a:\n  - x\n  b c\n  d: e\n", `a key needs ": " after it`},
		{"\tb: 1\n", ""},
	} {
		_, err := parseYAML([]byte(c.doc))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%q: got %v, want a SyntaxError", c.doc, err)
		}
		if c.hint == "" && se.Hint != "" || !strings.Contains(se.Hint, c.hint) || !strings.HasSuffix(err.Error(), se.Hint) {
			t.Errorf("%q: %v (hint %q), want the hint %q", c.doc, err, se.Hint, c.hint)
		}
	}
}

// The escape a message suggests for a refused character, written in a
// double-quoted string, reads back as that character: "\xFFFE" would be
// U+00FF and "FE".
func TestBadCharacterEscapeRoundTrips(t *testing.T) {
	escape := regexp.MustCompile(`\("(\\[^"]*)"\)`)
	for _, r := range []rune{0x01, 0x07, 0x1b, 0x7f, 0x80, 0x9b, 0x9f, 0xfffe, 0xffff} {
		_, err := parseYAML([]byte("a: x" + string(r) + "\n"))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != 1 || se.Column != 5 {
			t.Errorf("%U: got %v, want line 1, column 5", r, err)
			continue
		}
		m := escape.FindStringSubmatch(se.Msg)
		if m == nil {
			t.Errorf("%U: no escape in %q", r, se.Msg)
			continue
		}
		var back map[string]string
		if err := yaml.Unmarshal([]byte(`v: "`+m[1]+`"`), &back); err != nil || back["v"] != string(r) {
			t.Errorf("%U: %q reads back as %q (%v)", r, m[1], back["v"], err)
		}
	}
	// And the escapes of characters beyond U+FFFF and of line breaks.
	for _, r := range []rune{'\r', 0x85, 0x100, 0x2028, 0x2029, 0x1f600, 0x10ffff} {
		var back map[string]string
		if err := yaml.Unmarshal([]byte(`v: "`+yamlEscape(r)+`"`), &back); err != nil || back["v"] != string(r) {
			t.Errorf("%U: %q reads back as %q (%v)", r, yamlEscape(r), back["v"], err)
		}
	}
}

// A character YAML reads as a line break (U+0085, U+2028, U+2029, a CR
// without an LF) in the middle of a line is named, at its own place:
// yaml.v3 fails at the key before it, or on the next line.
func TestYAMLMidLineBreaks(t *testing.T) {
	breaks := []struct {
		s, name, escape string
	}{
		{"\u0085", "U+0085 (next line)", `"\u0085"`},
		{"\u2028", "U+2028 (line separator)", `"\u2028"`},
		{"\u2029", "U+2029 (paragraph separator)", `"\u2029"`},
		{"\r", "U+000D (carriage return)", `"\r"`},
	}
	for _, br := range breaks {
		want := br.name + " in the middle of a line; YAML reads it as a line break: remove it or write it as " + br.escape + " in a double-quoted string"
		cases := []struct {
			name      string
			doc       []byte
			line, col int
		}{
			{"in a title", withLine(12, "        title: A que"+br.s+"stion?"), 12, 21},
			{"before a value", withLine(12, "        title: "+br.s+"A question?"), 12, 16},
			{"after an id", withLine(11, "      - id: QA1"+br.s+"x"), 11, 16},
			// yaml.v3 fails on the next line.
			{"fails on the next line", withLine(16, "            title: Prac"+br.s+"   tice A"), 16, 24},
			// A harmless one in a quoted string on the same line is not it.
			{"after a quoted one", withLine(26, `          - {condition: "QA1_a`+br.s+`&& QA1_b", risk: NO_RISK}`, 12, "        title: A que"+br.s+"stion?"), 12, 21},
			{"CRLF elsewhere", bytes.ReplaceAll(withLine(12, "        title: A que"+br.s+"stion?"), []byte("\n"), []byte("\r\n")), 12, 21},
		}
		for _, c := range cases {
			t.Run(br.name+"/"+c.name, func(t *testing.T) {
				_, err := parseYAML(c.doc)
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line != c.line || se.Column != c.col || se.Msg != want {
					t.Errorf("got %v\nwant line %d, column %d: %s", err, c.line, c.col, want)
				}
			})
		}
	}
}

// An empty file is an error at line 1, column 1, like every other, so the
// message reads file:1:1: ...
func TestEmptyFilePosition(t *testing.T) {
	for _, c := range []struct {
		doc    string
		isJSON bool
	}{{"", false}, {"  \n\t\n", false}, {"# only a comment\n", false}, {"", true}, {" \n", true}, {"\ufeff", true}} {
		_, err := Parse([]byte(c.doc), c.isJSON)
		if err == nil || err.Error() != "line 1, column 1: the file is empty" {
			t.Errorf("%q (JSON %v): got %v, want line 1, column 1: the file is empty", c.doc, c.isJSON, err)
		}
	}
}

// A NUL byte is reported where it is, as every other problem is.
func TestBinaryFilePosition(t *testing.T) {
	for _, isJSON := range []bool{false, true} {
		_, err := Parse([]byte("title: a\nid: b\x00c\n"), isJSON)
		if err == nil || err.Error() != "line 2, column 6: this looks like a binary file (NUL byte at offset 14), not text" {
			t.Errorf("JSON %v: %v", isJSON, err)
		}
	}
}

// A file saved as UTF-16 (PowerShell 5, Notepad's "Unicode") is called
// that, not binary, with what to do.
func TestUTF16IsNamed(t *testing.T) {
	text := "name: x\n"
	le, be := []byte{0xff, 0xfe}, []byte{0xfe, 0xff}
	for _, r := range text {
		le = append(le, byte(r), 0)
		be = append(be, 0, byte(r))
	}
	for name, data := range map[string][]byte{"LE": le, "BE": be, "LE without a mark": le[2:], "BE without a mark": be[2:]} {
		for _, isJSON := range []bool{false, true} {
			_, err := Parse(data, isJSON)
			if err == nil || !strings.Contains(err.Error(), "the file is UTF-16 text, not UTF-8: save it as UTF-8") {
				t.Errorf("%s (JSON %v): %v", name, isJSON, err)
			}
		}
	}
}
