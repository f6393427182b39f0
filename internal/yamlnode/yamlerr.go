package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yaml.v3 reports a syntax error with at most a line, and often not the
// line of the mistake: a parser error names the line before the start of
// the enclosing mapping or list (its 0-based line), a scanner error the
// start of the enclosing token (a key, a quoted string), and a bad
// character none at all. yamlError finds the real place by parsing
// prefixes of the document: the first prefix that fails with the same
// message ends at the mistake. Parsing is linear, so this costs a few
// parses of the part of the file before the mistake, bounded by
// locateBudget, and only when a file does not parse.

// locateBudget bounds the bytes parsed while looking for a syntax error's
// place (about a second); past it the message keeps yaml.v3's line.
const locateBudget = 32 << 20

// yamlErrLine reads yaml.v3's messages; compiled when first needed (on an
// error), like keyLine.
var yamlErrLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlError turns a yaml.v3 error on data into a *SyntaxError with the real
// line and column, and a message that says what is wrong.
func yamlError(data []byte, err error) error {
	msg := err.Error()
	reported := 0
	if m := yamlErrLine().FindStringSubmatch(msg); m != nil {
		reported, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if msg == "control characters are not allowed" || strings.Contains(msg, "UTF-8") {
		// yaml.v3 checks characters as it reads ahead, before it parses
		// them, so the first bad character is the one it refused.
		if se := badCharacter(data); se != nil {
			return se
		}
	}
	breaks := otherBreaks(data)
	if breaks {
		// yaml.v3 also counts lone CRs and U+0085, U+2028 and U+2029 as
		// line breaks, so its line is not a line of the file.
		reported = 0
	}
	if depth, ok := strings.CutPrefix(msg, "exceeded max depth of "); ok {
		// Every longer prefix fails the same way, and each parse of a deep
		// document is slow: the line is enough.
		return &SyntaxError{Line: reported, Msg: "lists and mappings nest deeper than " + depth + " levels here"}
	}
	budget := locateBudget
	l := newLocator(data, msg, &budget)
	line, col, ok := l.find(reported)
	if !ok { // the place is not found: yaml.v3's line, and what usually causes its words
		return &SyntaxError{Line: reported, Msg: msg, Hint: syntaxHint(msg)}
	}
	if breaks {
		if se := l.midLineBreak(line); se != nil {
			return se
		}
	}
	if se := l.unclosedQuote(line, col); se != nil {
		return se
	}
	se := &SyntaxError{Line: line, Column: col, Msg: l.explain(line, col)}
	if se.Msg == l.msg { // yaml.v3's words: say what usually causes them
		se.Hint = syntaxHint(l.msg)
	}
	return se
}

// breakTries bounds the characters midLineBreak tries.
const breakTries = 16

// midLineBreak explains an error caused by a character YAML reads as a
// line break in the middle of a line of the file: U+0085, U+2028, U+2029
// or a CR without an LF. yaml.v3 breaks the line there, so the rest of the
// line reads as a new line, and it fails at a key or on the next line,
// without naming the character. Of these characters up to the end of line
// k (where the document starts to fail), those on line k and then the
// nearest before it are tried: the first one that, made a space, lets the
// document up to line k parse (or fail otherwise) is the cause.
func (l *locator) midLineBreak(k int) *SyntaxError {
	end := l.lineEnd(k)
	start := l.lines[k-1]
	var on, before []int
	for off := 0; off < end; {
		r, size := utf8.DecodeRune(l.data[off:])
		if breakName(r) != "" && (r != '\r' || off+1 >= len(l.data) || l.data[off+1] != '\n') {
			if off >= start {
				on = append(on, off)
			} else {
				before = append(before, off)
			}
		}
		off += size
	}
	slices.Reverse(before)
	for i, off := range append(on, before...) {
		if i == breakTries {
			break
		}
		r, size := utf8.DecodeRune(l.data[off:])
		mod := make([]byte, 0, end-size+1)
		mod = append(append(append(mod, l.data[:off]...), ' '), l.data[off+size:end]...)
		p := &locator{data: mod, msg: l.msg, budget: l.budget}
		same, ok := p.same(len(mod))
		if !ok {
			return nil
		}
		if same {
			continue
		}
		line, col := position(l.data, off)
		return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(
			"%U (%s) in the middle of a line; YAML reads it as a line break: remove it or write it as \"%s\" in a double-quoted string",
			r, breakName(r), yamlEscape(r))}
	}
	return nil
}

// breakName names the characters other than LF that YAML reads as line
// breaks, and is "" for any other.
func breakName(r rune) string {
	switch r {
	case '\r':
		return "carriage return"
	case 0x85:
		return "next line"
	case 0x2028:
		return "line separator"
	case 0x2029:
		return "paragraph separator"
	}
	return ""
}

// yamlEscape is the escape that stands for r in a double-quoted YAML
// string: \x takes exactly two hex digits, \u four and \U eight, so
// each is used only for the characters it can hold.
func yamlEscape(r rune) string {
	switch {
	case r == '\r':
		return `\r`
	case r <= 0xff && breakName(r) == "":
		return fmt.Sprintf(`\x%02X`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04X`, r)
	}
	return fmt.Sprintf(`\U%08X`, r)
}

// otherBreaks reports whether data has line breaks other than LF and CR LF.
func otherBreaks(data []byte) bool {
	if bytes.Contains(data, []byte("\xc2\x85")) || bytes.Contains(data, []byte("\xe2\x80\xa8")) || bytes.Contains(data, []byte("\xe2\x80\xa9")) {
		return true
	}
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 >= len(data) || data[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// badCharacter finds the first byte sequence that is not UTF-8 or the first
// character YAML does not allow in a file (C0 and C1 controls but tab, line
// feed, carriage return and next line; DEL; U+FFFE and U+FFFF).
func badCharacter(data []byte) *SyntaxError {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			line, col := position(data, off)
			return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(
				"invalid UTF-8 (byte 0x%02X): a YAML file must be UTF-8 text (was it saved in another encoding, such as Latin-1?)", data[off])}
		}
		if !yamlAllows(r) {
			line, col := position(data, off)
			kind := "control character"
			if r == 0xfffe || r == 0xffff {
				kind = "character"
			}
			return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(
				"%s %U%s is not allowed in YAML: remove it, or write it as an escape (\"%s\") inside a double-quoted string", kind, r, controlName(r), yamlEscape(r))}
		}
		off += size
	}
	return nil
}

// yamlAllows reports the characters YAML allows in a file.
func yamlAllows(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return false
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return true
}

func controlName(r rune) string {
	switch r {
	case 0x07:
		return " (bell)"
	case 0x08:
		return " (backspace)"
	case 0x0b:
		return " (vertical tab)"
	case 0x0c:
		return " (form feed)"
	case 0x1b:
		return " (escape)"
	case 0x7f:
		return " (delete)"
	}
	if r >= 0x80 && r < 0xa0 {
		return " (a C1 control)"
	}
	if r == 0xfffe || r == 0xffff {
		return " (a noncharacter)"
	}
	return ""
}

// position is the 1-based line and column (in characters) of byte off. A
// byte order mark at the start of the file is not a column.
func position(data []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	line = bytes.Count(data[:start], []byte("\n")) + 1
	if start == 0 && bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && off >= 3 {
		start = 3
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// locator finds where a prefix of data starts to fail with msg.
type locator struct {
	data   []byte
	msg    string
	budget *int  // bytes left to parse, shared by the locators of one error
	lines  []int // start offset of each line
	// base is the number of parent lines a skeleton starts with: the
	// search makes a smaller skeleton only once it is past them, so each
	// skeleton has fewer lines of the original than the one before.
	base int
}

func newLocator(data []byte, msg string, budget *int) *locator {
	l := &locator{data: data, msg: msg, budget: budget, lines: []int{0}}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			l.lines = append(l.lines, i+1)
		}
	}
	return l
}

// ancestors lists, in order, the lines before line k that hold it by
// indentation: each the nearest earlier line indented less, or as much when
// the line below it starts a "- " item of its list.
func ancestors(l *locator, k int) []int {
	text := func(j int) []byte { return l.data[l.lines[j-1]:l.lineEnd(j)] }
	indent := func(b []byte) int { return len(b) - len(bytes.TrimLeft(b, " ")) }
	blank := func(b []byte) bool {
		t := bytes.TrimSpace(b)
		return len(t) == 0 || t[0] == '#'
	}
	first := k
	for first <= len(l.lines) && blank(text(first)) {
		first++
	}
	if first > len(l.lines) {
		return nil
	}
	limit := indent(text(first))
	dash := bytes.HasPrefix(bytes.TrimLeft(text(first), " "), []byte("- "))
	var out []int
	for j := k - 1; j >= 1 && limit > 0; j-- {
		t := text(j)
		if blank(t) {
			continue
		}
		in := indent(t)
		isDash := bytes.HasPrefix(bytes.TrimLeft(t, " "), []byte("- "))
		if in < limit || (in == limit && dash && !isDash) {
			out = append(out, j)
			limit, dash = in, isDash
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// probe parses data[:end] (every document in it) and returns yaml.v3's
// message without its line, and the line it reported; ok is false when the
// budget is spent.
func (l *locator) probe(end int) (msg string, line int, ok bool) {
	if *l.budget < end {
		return "", 0, false
	}
	*l.budget -= end
	dec := yaml.NewDecoder(bytes.NewReader(l.data[:end]))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return "", 0, true
		}
		if err != nil {
			s := err.Error()
			if m := yamlErrLine().FindStringSubmatch(s); m != nil {
				line, _ = strconv.Atoi(m[1])
				return m[2], line, true
			}
			return strings.TrimPrefix(s, "yaml: "), 0, true
		}
	}
}

// same reports whether data[:end] fails with the message being located.
func (l *locator) same(end int) (bool, bool) {
	msg, _, ok := l.probe(end)
	return ok && msg == l.msg, ok
}

// lineEnd is the offset just after line k (1-based), its newline included.
func (l *locator) lineEnd(k int) int {
	if k <= 0 {
		return 0
	}
	if k >= len(l.lines) {
		return len(l.data)
	}
	return l.lines[k]
}

// find returns the line and column where the error starts: the line ends
// the shortest run of whole lines that fails with the message, and the
// column is the character that makes that line fail. The mistake is never
// before the line yaml.v3 reported (the start of its enclosing construct),
// so the search gallops forward from there, which costs about twice the
// bytes before the mistake. It then halves the lines left, and finds the
// column, in a skeleton of the document when one fails the same way: only
// the lines that hold the first line left (its parents by indentation:
// "pillars:", "- id: p1", "questions:"...) and the lines left, so that these
// probes do not parse everything before the mistake again and again.
func (l *locator) find(reported int) (line, col int, ok bool) {
	n := len(l.lines)
	lo := min(max(reported-1, 0), n-1) // lines up to lo do not fail
	hi := n                            // the whole document fails with msg
	for step := 1; lo+step < hi; step *= 2 {
		s, ok := l.same(l.lineEnd(lo + step))
		if !ok {
			return 0, 0, false
		}
		if s {
			hi = lo + step
			break
		}
		lo += step
	}
	if line, col, ok := l.findInSkeleton(lo, hi); ok {
		return line, col, true
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		s, ok := l.same(l.lineEnd(mid))
		if !ok {
			return 0, 0, false
		}
		if s {
			hi = mid
		} else {
			lo = mid
		}
	}
	col, ok = l.column(hi)
	return hi, col, ok
}

// findInSkeleton finishes find between lines lo (does not fail) and hi
// (fails) in the skeleton of lines lo+1 to hi, if it fails the same way;
// the search in the skeleton may make a smaller skeleton in turn.
func (l *locator) findInSkeleton(lo, hi int) (line, col int, ok bool) {
	if lo <= l.base {
		return 0, 0, false
	}
	first := lo + 1
	parents := ancestors(l, first)
	if len(parents) == 0 {
		return 0, 0, false
	}
	var sk []byte
	for _, k := range parents {
		sk = append(sk, l.data[l.lines[k-1]:l.lineEnd(k)]...)
	}
	kept := len(parents)
	sk = append(sk, l.data[l.lines[first-1]:l.lineEnd(hi)]...)
	s := newLocator(sk, l.msg, l.budget)
	s.base = len(parents)
	if same, ok := s.same(len(sk)); !ok || !same {
		return 0, 0, false
	}
	if same, ok := s.same(s.lineEnd(kept)); !ok || same {
		return 0, 0, false // the parent lines alone fail: not a skeleton
	}
	line, col, ok = s.find(kept + 1)
	if !ok || line <= kept {
		return 0, 0, false
	}
	return line - kept - 1 + first, col, true
}

// column finds the character of line k at which a prefix starts to fail.
func (l *locator) column(k int) (int, bool) {
	start := l.lines[k-1]
	text := l.data[start:l.lineEnd(k)]
	text = bytes.TrimSuffix(bytes.TrimSuffix(text, []byte("\n")), []byte("\r"))
	var ends []int // offset after each character of the line
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRune(text[i:])
		i += size
		ends = append(ends, start+i)
	}
	if len(ends) == 0 {
		return 1, true
	}
	if s, ok := l.same(ends[len(ends)-1]); !ok {
		return 0, false
	} else if !s {
		return len(ends) + 1, true // it fails only with the line break: at the end of the line
	}
	lo, hi := -1, len(ends)-1 // ends[hi] fails with msg; lo is before the line
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		s, ok := l.same(ends[mid])
		if !ok {
			return 0, false
		}
		if s {
			hi = mid
		} else {
			lo = mid
		}
	}
	col := hi + 1
	if start == 0 && bytes.HasPrefix(l.data, []byte("\xef\xbb\xbf")) {
		col-- // the byte order mark
	}
	return max(col, 1), true
}

// charAt returns the character at a 1-based line and column, or 0.
func (l *locator) charAt(line, col int) rune {
	if line < 1 || line > len(l.lines) {
		return 0
	}
	text := l.data[l.lines[line-1]:l.lineEnd(line)]
	if line == 1 {
		text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	}
	for i := 1; len(text) > 0; i++ {
		r, size := utf8.DecodeRune(text)
		if i == col {
			return r
		}
		text = text[size:]
	}
	return 0
}

// explain words yaml.v3's message for the character found.
func (l *locator) explain(line, col int) string {
	r := l.charAt(line, col)
	switch {
	case r == '\t' || strings.Contains(l.msg, "tab character"):
		return "a tab: YAML is indented with spaces, never tabs (replace the tab with spaces)"
	case l.msg == "found character that cannot start any token" && r != 0:
		return fmt.Sprintf("found %s, which cannot start a YAML value here (put the value in quotes)", describeRune(r))
	case l.msg == "found unexpected end of stream" && (r == '"' || r == '\''):
		return fmt.Sprintf("the %s string that starts here is never closed (the file ends inside it)", quoteKind(r))
	}
	return l.msg
}

// syntaxHint says what usually causes one of yaml.v3's parser messages in
// a file edited by hand, and what to do.
func syntaxHint(msg string) string {
	switch msg {
	case "mapping values are not allowed in this context":
		return `a ": " in a value (or after a quoted one) reads as a new key; put the whole value in quotes, or check the line's indentation`
	case "did not find expected key":
		return "this line does not line up with the keys around it; check its indentation, and that nothing follows a quoted value"
	case "did not find expected '-' indicator":
		return "this line breaks the list it is in: a list item's keys line up under its first one, and a list and a mapping cannot share one level"
	case "could not find expected ':'":
		return `a key needs ": " after it (key: value), unless the line goes on with a value above it`
	case "did not find expected ',' or ']'":
		return "a [ list is not closed (a missing ]?)"
	case "did not find expected ',' or '}'":
		return "a { mapping is not closed (a missing }?)"
	case "did not find expected node content":
		return "a value is missing here: a list or mapping left open, or a stray character"
	case "block sequence entries are not allowed in this context":
		return `a "- " list item where a value was expected; put the list on the lines under its key`
	}
	return ""
}

func describeRune(r rune) string {
	if r < 0x80 && r > 0x20 {
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("%q (%U)", r, r)
}

func quoteKind(q rune) string {
	if q == '"' {
		return "double-quoted"
	}
	return "single-quoted"
}

// keyLine matches a line that reads as a YAML key, the sign that a quoted
// string swallowed structure.
var keyLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:- +)?[A-Za-z_][A-Za-z0-9_.-]*:(?:\s|$)`)
})

// unclosedQuote explains an error that follows a quoted string left open:
// yaml.v3 reads on, across lines, to the next quote of the same kind and
// fails after it, far from the mistake. When a line before the error opens
// a quote that it does not close, yaml.v3 confirms that the string runs on
// past that line, and the lines it swallowed read as YAML keys, the quote
// is the mistake.
func (l *locator) unclosedQuote(line, col int) *SyntaxError {
	const window, tries = 200, 3
	for k, tried := line-1, 0; k >= 1 && k >= line-window && tried < tries; k-- {
		start := l.lines[k-1]
		text := l.data[start:l.lineEnd(k)]
		q := openQuote(text)
		if q < 0 {
			continue
		}
		tried++
		msg, reported, ok := l.probe(l.lineEnd(k))
		if !ok {
			return nil
		}
		if msg != "found unexpected end of stream" || reported != k {
			continue // not a string left open on this line
		}
		closeLine := l.closingLine(start + q)
		if closeLine == 0 || closeLine > line {
			return nil
		}
		swallowed := false
		for j := k + 1; j <= closeLine && !swallowed; j++ {
			swallowed = keyLine().Match(l.data[l.lines[j-1]:l.lineEnd(j)])
		}
		if !swallowed {
			return nil
		}
		_, qcol := position(l.data, start+q)
		return &SyntaxError{Line: k, Column: qcol, Msg: fmt.Sprintf(
			"the %s string that starts here is not closed on its line (a missing %c?): it runs on to line %d, and YAML then fails at line %d, column %d: %s",
			quoteKind(rune(text[q])), text[q], closeLine, line, col, l.explain(line, col))}
	}
	return nil
}

// openQuote returns the offset in a line of a quote that starts a value and
// is not closed on the line, or -1.
func openQuote(text []byte) int {
	valueStart := true // at the start of the line, after "- ", ": ", "[", "{", ","
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\t':
			continue
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
			return -1
		case (c == '"' || c == '\'') && valueStart:
			end := closeQuote(text, i)
			if end < 0 {
				return i
			}
			i = end
			valueStart = false
			continue
		}
		next := i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t' || text[i+1] == '\n' || text[i+1] == '\r')
		valueStart = c == '[' || c == '{' || c == ',' || ((c == '-' || c == ':' || c == '?') && next)
	}
	return -1
}

// closeQuote returns the offset of the quote that closes the one at open in
// text, or -1: a double-quoted string escapes with backslashes, a
// single-quoted one doubles the quote.
func closeQuote(text []byte, open int) int {
	q := text[open]
	for i := open + 1; i < len(text); i++ {
		switch {
		case q == '"' && text[i] == '\\':
			i++
		case text[i] == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case text[i] == q:
			return i
		}
	}
	return -1
}

// closingLine is the line of the quote that closes the one at offset open,
// or 0.
func (l *locator) closingLine(open int) int {
	end := closeQuote(l.data, open)
	if end < 0 {
		return 0
	}
	line, _ := position(l.data, end)
	return line
}
