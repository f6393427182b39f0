// Package yamlfast reads the YAML that wafr's own encoders write, several
// times faster than yaml.v3 and with a fraction of its allocations, into
// the same yaml.Node tree yaml.v3 would build, positions included.
//
// It knows only that shape: block mappings and sequences indented by two,
// scalars that are plain, single- or double-quoted on one line or literal
// blocks, and one-line flow sequences and mappings of scalars. Anything
// else, a comment, an anchor, a tag, a multi-line plain scalar, a tab, a
// carriage return, any doubt, makes Parse give up with ok false, and the
// caller reads the file with yaml.v3 as before; so does every file that
// does not parse, which keeps every error message what it was. The
// differential tests hold the two parsers to the same trees.
package yamlfast

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// Parse returns the root node of data, as yamlnode.Parse(data, false)
// would, or ok false when data is outside the subset this package reads
// (then nothing is decided about it: read it with yaml.v3).
func Parse(data []byte) (root *yaml.Node, ok bool) {
	return parse(data, splitMin, runtime.GOMAXPROCS(0))
}

// splitMin is how long a block sequence must be to be read in parts: a
// file's hundred milestones are, its actions are not.
const splitMin = 128 << 10

// parse is Parse reading a block sequence of splitMin bytes or more in
// parts (at most parts of them).
func parse(data []byte, splitMin, parts int) (root *yaml.Node, ok bool) {
	if len(data) == 0 || data[len(data)-1] != '\n' || !plainText(data) {
		return nil, false
	}
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(giveUp); !bail {
				panic(r)
			}
			root, ok = nil, false
		}
	}()
	p := &parser{src: string(data), splitMin: splitMin, parts: parts}
	// About two nodes a line (a key and its value) and one more per item
	// of a flow collection: one allocation for most files.
	p.nodes = make([]yaml.Node, 0, 2*bytes.Count(data, []byte("\n"))+bytes.Count(data, []byte(", "))+8)
	p.readLine()
	if p.eof || p.indent != 0 || p.isSeqEntry() {
		return nil, false
	}
	root = p.blockMapping()
	if !p.eof || p.count > yamlnode.MaxNodes {
		p.fail() // yamlnode refuses a document of more values, and says so
	}
	return root, true
}

// plainText reports whether data is UTF-8 made only of characters that
// every YAML reader treats alike: no control character but the line
// feed (no tab, no carriage return), no DEL or C1 control, none of the
// Unicode line separators, no byte order mark and no noncharacter.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		if i+8 <= len(data) && plainASCII(binary.LittleEndian.Uint64(data[i:])) {
			i += 8 // most of a file: eight bytes at a time
			continue
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// plainASCII reports whether each of the eight bytes of w is a line feed
// or a printable ASCII character, ' ' to '~'. Each test works on a byte's
// low seven bits, to which adding at most 0x7f carries into the byte's
// own high bit and never into the next byte, so each is exact byte by
// byte.
func plainASCII(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := w &^ highs
	space := (low + ones*(0x80-' ')) & highs         // at least ' '
	del := (low + ones) & highs                      // 0x7f
	other := ((low ^ ones*'\n') + ones*0x7f) & highs // not a line feed
	good := highs &^ w &^ del & (space | ^other)
	return good == highs
}

// giveUp is the panic that unwinds a parse leaving the subset.
type giveUp struct{}

type parser struct {
	src string
	// The current line: it starts at bol, its content (after indent
	// spaces) at bol+indent and it ends at eol (the '\n'); line is its
	// number from 1. A sequence entry "- " moves bol and indent past the
	// dash so that its first key reads like a line of its own (col
	// keeps the true column of bol).
	bol, eol, indent int
	line             int
	col              int // column, from 0, where bol is
	eof              bool
	// next is where the line after the current one starts.
	next  int
	nodes []yaml.Node // allocated in chunks
	count int         // nodes made
	// colLine, colAt and colN remember the last column counted: on line
	// colLine, offset colAt is colN characters from the line's start.
	colLine, colAt, colN int
	// stack holds the children of the collections being read; each gets
	// an exact slice of kids when it ends.
	stack, kids []*yaml.Node
	// lastTime is the last timestamp checked: a file has few distinct ones.
	lastTime string
	// A block sequence of splitMin bytes or more is read in parts, at
	// most parts of them (inParts); 0 parts: never.
	splitMin, parts int
}

func (p *parser) push(n *yaml.Node) { p.stack = append(p.stack, n) }

// children ends a collection whose children are on the stack from base.
func (p *parser) children(base int) []*yaml.Node {
	n := len(p.stack) - base
	if n == 0 {
		return nil
	}
	if cap(p.kids)-len(p.kids) < n {
		p.kids = make([]*yaml.Node, 0, max(n, 1024))
	}
	out := p.kids[len(p.kids) : len(p.kids)+n : len(p.kids)+n]
	p.kids = p.kids[:len(p.kids)+n]
	copy(out, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return out
}

func (p *parser) fail() { panic(giveUp{}) }

// readLine moves to the line starting at p.next.
func (p *parser) readLine() {
	if p.next >= len(p.src) {
		p.eof = true
		return
	}
	p.line++
	p.bol, p.col = p.next, 0
	end := strings.IndexByte(p.src[p.bol:], '\n')
	p.eol = p.bol + end
	p.next = p.eol + 1
	i := p.bol
	for i < p.eol && p.src[i] == ' ' {
		i++
	}
	p.indent = i - p.bol
	if i == p.eol || p.src[i] == '#' {
		p.fail() // blank lines only occur in literal blocks; comments are not read here
	}
}

// text is the current line's content after its indentation.
func (p *parser) text() string { return p.src[p.bol+p.indent : p.eol] }

func (p *parser) isSeqEntry() bool {
	t := p.text()
	return t == "-" || strings.HasPrefix(t, "- ")
}

// column is the 1-based column of byte offset at on the current line, in
// characters as yaml.v3 counts them. Nodes come in order along a line, so
// it counts on from the last offset asked about (a long line stays linear).
func (p *parser) column(at int) int {
	if p.colLine != p.line || p.colAt < p.bol || at < p.colAt {
		p.colLine, p.colAt, p.colN = p.line, p.bol, p.col
	}
	s := p.src[p.colAt:at]
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			n = utf8.RuneCountInString(s)
			break
		}
	}
	p.colAt, p.colN = at, p.colN+n
	return p.colN + 1
}

func (p *parser) node(kind yaml.Kind, tag, value string, at int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 256)
	}
	p.count++
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Tag: tag, Value: value, Line: p.line, Column: p.column(at)})
	return &p.nodes[len(p.nodes)-1]
}

// blockMapping reads the entries at the current line's indentation.
func (p *parser) blockMapping() *yaml.Node {
	indent := p.indent
	m := p.node(yaml.MappingNode, "!!map", "", p.bol+indent)
	base := len(p.stack)
	for !p.eof && p.indent == indent {
		if p.isSeqEntry() {
			p.fail()
		}
		key, rest := p.key(p.bol + indent)
		p.push(key)
		p.push(p.value(indent, rest))
	}
	m.Content = p.children(base)
	if !p.eof && p.indent > indent {
		p.fail()
	}
	return m
}

// blockSequence reads the "- " entries at the current line's indentation.
func (p *parser) blockSequence() *yaml.Node {
	indent := p.indent
	s := p.node(yaml.SequenceNode, "!!seq", "", p.bol+indent)
	if kids := p.inParts(indent); kids != nil {
		s.Content = kids
	} else {
		base := len(p.stack)
		p.entries(indent)
		s.Content = p.children(base)
	}
	if !p.eof && p.indent > indent {
		p.fail()
	}
	return s
}

// entries reads the "- " entries at the current line's indentation onto
// the stack.
func (p *parser) entries(indent int) {
	for !p.eof && p.indent == indent && p.isSeqEntry() {
		if p.text() == "-" {
			p.fail() // an entry on the lines below
		}
		// Read the entry as a line indented past "- ".
		start := p.bol + indent + 2
		if start >= p.eol || p.src[start] == ' ' {
			p.fail()
		}
		p.col = p.column(start) - 1
		p.bol, p.indent = start, 0
		p.push(p.entry(indent + 2))
	}
}

// inParts reads a long block sequence (a file's milestones) in parts, at
// once on several processors, and returns its entries; nil when it is
// short or there is one processor. Where each entry starts is known from
// the text alone: every line inside an entry, a literal block's too, is
// indented further than the sequence, so a line indented exactly as it
// and starting "- " starts an entry, and the first other line indented
// as far or less ends the sequence. Each part is read by a parser of its
// own, over the text up to the part's end and from the part's first
// line, into the tree one parser would build; any doubt in one part
// gives the whole file up, as always.
func (p *parser) inParts(indent int) []*yaml.Node {
	if p.parts < 2 || p.col != 0 || len(p.src)-p.bol < p.splitMin {
		return nil
	}
	starts, lines, end, endLine := p.entryStarts(indent)
	n := min(p.parts, len(starts))
	if n < 2 || end-p.bol < p.splitMin {
		return nil
	}
	// n parts of about the same size, each from an entry's start to the
	// next part's (the last to the sequence's end); each takes a window
	// of the node slab, sized as Parse sized the whole.
	cut := make([]int, n+1) // cut[k]: the index in starts where part k begins
	for k := 1; k < n; k++ {
		target := p.bol + (end-p.bol)*k/n
		cut[k] = min(max(cut[k-1]+1, sort.SearchInts(starts, target)), len(starts)-(n-k)) // an entry or more each
	}
	cut[n] = len(starts)
	spare := p.nodes[len(p.nodes):cap(p.nodes)]
	results := make([]part, n)
	var wg sync.WaitGroup
	for k := n - 1; k >= 0; k-- {
		from, firstLine, to, lastLine := starts[cut[k]], lines[cut[k]], end, endLine
		if k+1 < n {
			to, lastLine = starts[cut[k+1]], lines[cut[k+1]]
		}
		est := 2*(lastLine-firstLine) + strings.Count(p.src[from:to], ", ") + 8
		est = min(est, len(spare)) // past its window a parser takes chunks of its own
		nodes := spare[:0:est]
		spare = spare[est:]
		read := func() { results[k] = p.readPart(from, to, firstLine, indent, nodes) }
		if k == 0 {
			read() // on this goroutine, while the others read theirs
		} else {
			wg.Go(read)
		}
	}
	wg.Wait()
	kids := make([]*yaml.Node, 0, len(starts))
	for _, r := range results {
		if !r.ok {
			p.fail()
		}
		kids = append(kids, r.kids...)
		p.count += r.count
	}
	p.nodes = spare[:0]
	p.next, p.line = end, endLine-1 // on after the sequence
	p.readLine()
	return kids
}

// entryStarts scans from the current line, the sequence's first, to its
// end: the offset and line number of each entry's first line, and of the
// line after the sequence.
func (p *parser) entryStarts(indent int) (starts, lines []int, end, endLine int) {
	at, line := p.bol, p.line
	for at < len(p.src) {
		eol := at + strings.IndexByte(p.src[at:], '\n')
		i := at
		for i < eol && p.src[i] == ' ' {
			i++
		}
		if i < eol { // a blank line is inside a literal block, in an entry
			entry := i-at == indent && p.src[i] == '-' && (i+1 == eol || p.src[i+1] == ' ')
			if i-at < indent || i-at == indent && !entry {
				break
			}
			if entry {
				starts, lines = append(starts, at), append(lines, line)
			}
		}
		at, line = eol+1, line+1
	}
	return starts, lines, at, line
}

// part is what readPart read: the entries, how many nodes, and whether
// the part was in the subset.
type part struct {
	kids  []*yaml.Node
	count int
	ok    bool
}

// readPart reads the entries of a block sequence at indent from offset
// from (line number line) up to offset to, where they must end.
func (p *parser) readPart(from, to, line, indent int, nodes []yaml.Node) (r part) {
	defer func() {
		if e := recover(); e != nil {
			if _, bail := e.(giveUp); !bail {
				panic(e)
			}
			r = part{}
		}
	}()
	q := &parser{src: p.src[:to], next: from, line: line - 1, nodes: nodes}
	q.readLine()
	q.entries(indent)
	if !q.eof {
		q.fail()
	}
	return part{kids: q.children(0), count: q.count, ok: true}
}

// entry reads a sequence entry whose content starts the current (shifted)
// line: a mapping whose keys line up at column indent, or one value.
func (p *parser) entry(indent int) *yaml.Node {
	t := p.text()
	if t[0] == '[' || t[0] == '{' || !p.startsKey() {
		v := p.inline(indent-2, p.bol)
		p.readLine()
		return v
	}
	// The mapping's later lines are indented to where its first key is.
	m := p.node(yaml.MappingNode, "!!map", "", p.bol)
	base := len(p.stack)
	first := true
	for !p.eof && (first || p.indent == indent && !p.isSeqEntry()) {
		start := p.bol + p.indent
		key, rest := p.key(start)
		p.push(key)
		p.push(p.value(indent, rest))
		first = false
	}
	m.Content = p.children(base)
	if !p.eof && p.indent > indent {
		p.fail()
	}
	return m
}

// startsKey reports whether the current line's content is "KEY: ..." or
// "KEY:".
func (p *parser) startsKey() bool {
	t := p.text()
	switch t[0] {
	case '"', '\'':
		end := quotedEnd(t)
		return end > 0 && end < len(t) && t[end] == ':'
	}
	i := strings.Index(t, ": ")
	return i > 0 || strings.HasSuffix(t, ":")
}

// quotedEnd is the index just past the quoted scalar that t starts with,
// or -1 when it does not close on this line.
func quotedEnd(t string) int {
	q := t[0]
	for i := 1; i < len(t); i++ {
		switch {
		case q == '"' && t[i] == '\\':
			i++
		case t[i] == q:
			if q == '\'' && i+1 < len(t) && t[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		}
	}
	return -1
}

// key reads "KEY:" at byte offset at of the current line and returns the
// key and the offset after ": " (or the end of the line after "KEY:").
func (p *parser) key(at int) (*yaml.Node, int) {
	t := p.src[at:p.eol]
	var k *yaml.Node
	var end int
	switch t[0] {
	case '"', '\'':
		end = quotedEnd(t)
		if end < 0 {
			p.fail()
		}
		k = p.quoted(t[:end], at)
	default:
		end = strings.Index(t, ": ")
		if end < 0 {
			if !strings.HasSuffix(t, ":") {
				p.fail()
			}
			end = len(t) - 1
		}
		k = p.plain(t[:end], false, at)
	}
	if end >= len(t) || t[end] != ':' {
		p.fail()
	}
	if end+1 == len(t) {
		return k, p.eol
	}
	if t[end+1] != ' ' || end+2 == len(t) || t[end+2] == ' ' {
		p.fail()
	}
	return k, at + end + 2
}

// value reads a mapping value that starts at byte offset at of the
// current line (the end of the line: it is on the lines below, more
// indented than the mapping's keys at indent), and moves past it.
func (p *parser) value(indent, at int) *yaml.Node {
	if at == p.eol {
		p.readLine()
		if p.eof || p.indent <= indent {
			p.fail() // an empty value: null, left to yaml.v3
		}
		if p.isSeqEntry() {
			return p.blockSequence()
		}
		return p.blockMapping()
	}
	if p.src[at] == '|' {
		return p.literal(indent, at)
	}
	v := p.inline(indent, at)
	p.readLine()
	return v
}

// inline reads a value that fills the rest of the current line from at.
func (p *parser) inline(indent, at int) *yaml.Node {
	t := p.src[at:p.eol]
	switch t[0] {
	case '"', '\'':
		if quotedEnd(t) != len(t) {
			p.fail()
		}
		return p.quoted(t, at)
	case '[', '{':
		n, end := p.flow(at)
		if end != p.eol {
			p.fail()
		}
		return n
	case '|':
		p.fail() // a literal block as a sequence entry: not written by wafr
	}
	return p.plain(t, false, at)
}

// literal reads a literal block scalar ("|", "|-" or "|+" ending the
// line at at) whose lines are indented more than indent.
func (p *parser) literal(indent, at int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "!!str", "", at)
	n.Style = yaml.LiteralStyle
	chomp := p.src[at+1 : p.eol]
	if chomp != "" && chomp != "-" && chomp != "+" {
		p.fail()
	}
	// The first line sets the block's indentation; blank lines are empty
	// lines of the block, and its end is the first line indented less.
	var b strings.Builder
	content, blank := -1, 0
	for {
		if p.next >= len(p.src) {
			p.eof = true
			break
		}
		start := p.next
		end := start + strings.IndexByte(p.src[start:], '\n')
		if end == start {
			if content < 0 {
				p.fail() // leading blank lines: not written by wafr
			}
			blank++
			p.line++
			p.next = end + 1
			continue
		}
		i := start
		for i < end && p.src[i] == ' ' {
			i++
		}
		if i == end {
			p.fail() // a line of spaces
		}
		if content < 0 {
			content = i - start
			if content <= indent {
				p.fail() // an empty block
			}
		}
		if i-start < content {
			break // the block ends; this line is read below
		}
		if b.Len() > 0 || blank > 0 {
			b.WriteByte('\n')
			for ; blank > 0; blank-- {
				b.WriteByte('\n')
			}
		}
		b.WriteString(p.src[start+content : end])
		p.line++
		p.next = end + 1
	}
	if content < 0 {
		p.fail() // an empty block at the end of the file
	}
	switch chomp {
	case "":
		b.WriteByte('\n')
	case "+":
		b.WriteByte('\n')
		for ; blank > 0; blank-- {
			b.WriteByte('\n')
		}
	}
	n.Value = b.String()
	if !p.eof {
		p.readLine()
		if p.indent > indent {
			p.fail()
		}
	}
	return n
}

// flow reads a one-line flow sequence or mapping of scalars (and, in a
// mapping, flow sequences) starting at at; it returns the node and the
// offset just past it.
func (p *parser) flow(at int) (*yaml.Node, int) {
	open := p.src[at]
	kind, tag, close := yaml.SequenceNode, "!!seq", byte(']')
	if open == '{' {
		kind, tag, close = yaml.MappingNode, "!!map", '}'
	}
	n := p.node(kind, tag, "", at)
	n.Style = yaml.FlowStyle
	i := at + 1
	if i < p.eol && p.src[i] == close {
		return n, i + 1
	}
	base := len(p.stack)
	for {
		if kind == yaml.MappingNode {
			k, end := p.flowScalar(i, true)
			if end+1 >= p.eol || p.src[end] != ':' || p.src[end+1] != ' ' {
				p.fail()
			}
			p.push(k)
			i = end + 2
		}
		var v *yaml.Node
		if kind == yaml.MappingNode && p.src[i] == '[' {
			v, i = p.flow(i)
		} else {
			v, i = p.flowScalar(i, false)
		}
		p.push(v)
		switch {
		case i < p.eol && p.src[i] == close:
			n.Content = p.children(base)
			return n, i + 1
		case i+1 < p.eol && p.src[i] == ',' && p.src[i+1] == ' ':
			i += 2
		default:
			p.fail()
		}
	}
}

// flowScalar reads a scalar inside a flow collection, starting at at: a
// quoted one, or a plain one up to ",", the closing bracket or (for a
// key) ":".
func (p *parser) flowScalar(at int, key bool) (*yaml.Node, int) {
	if at >= p.eol {
		p.fail()
	}
	t := p.src[at:p.eol]
	if t[0] == '"' || t[0] == '\'' {
		end := quotedEnd(t)
		if end < 0 {
			p.fail()
		}
		return p.quoted(t[:end], at), at + end
	}
	end := strings.IndexAny(t, ",]}:")
	if end < 0 {
		p.fail()
	}
	if t[end] == ':' && !key {
		p.fail()
	}
	return p.plain(t[:end], true, at), at + end
}

// quoted decodes a single- or double-quoted scalar s (quotes included)
// found at byte offset at.
func (p *parser) quoted(s string, at int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "!!str", "", at)
	body := s[1 : len(s)-1]
	if s[0] == '\'' {
		n.Style = yaml.SingleQuotedStyle
		n.Value = strings.ReplaceAll(body, "''", "'")
		return n
	}
	n.Style = yaml.DoubleQuotedStyle
	if strings.IndexByte(body, '\\') < 0 {
		n.Value = body
		return n
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			p.fail()
		}
		switch body[i] {
		case '0':
			b.WriteByte(0)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case ' ', '"', '\\':
			b.WriteByte(body[i])
		case 'N':
			b.WriteRune('\u0085')
		case '_':
			b.WriteRune('\u00a0')
		case 'L':
			b.WriteRune('\u2028')
		case 'P':
			b.WriteRune('\u2029')
		case 'x', 'u', 'U':
			width := 2
			switch body[i] {
			case 'u':
				width = 4
			case 'U':
				width = 8
			}
			if i+width >= len(body) {
				p.fail()
			}
			v, err := strconv.ParseUint(body[i+1:i+1+width], 16, 32)
			if err != nil || v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
				p.fail()
			}
			b.WriteRune(rune(v))
			i += width
		default:
			p.fail()
		}
	}
	n.Value = b.String()
	return n
}

// plain makes the node of a plain scalar s found at byte offset at, in a
// flow collection when flow is set; it gives up on any plain scalar that
// yaml.v3 might read otherwise (one that starts with an indicator, holds
// ": " or " #", or whose type this package does not settle).
func (p *parser) plain(s string, flow bool, at int) *yaml.Node {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		p.fail()
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ':':
			if flow || s[i+1] == ' ' {
				p.fail()
			}
		case '#':
			if s[i-1] == ' ' {
				p.fail()
			}
		case ',', '[', ']', '{', '}':
			if flow {
				p.fail()
			}
		}
	}
	var tag string
	if s == p.lastTime {
		tag = "!!timestamp"
	} else if tag = plainTag(s); tag == "!!timestamp" {
		p.lastTime = s
	}
	if tag == "" {
		p.fail()
	}
	return p.node(yaml.ScalarNode, tag, s, at)
}

// plainTag is the tag yaml.v3 resolves a plain scalar to, for the plain
// scalars this package reads, or "" for any other.
func plainTag(s string) string {
	c := s[0]
	switch {
	case c >= utf8.RuneSelf || c == '_' || c == '/':
		return "!!str"
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "null", "Null", "NULL":
			return "!!null"
		}
		return "!!str"
	case c == '.':
		if len(s) > 1 && (s[1] == '.' || s[1] == '/') {
			return "!!str" // a relative path
		}
	case c >= '0' && c <= '9':
		switch {
		case isDecimal(s):
			return "!!int"
		case isTimestamp(s):
			return "!!timestamp"
		case !numberLike(s):
			return "!!str" // a duration, "1m30s"
		case isVersion(s):
			return "!!str"
		}
	}
	return ""
}

// isVersion reports whether s is digits with two points or more between
// them ("1.0.0"): neither a number (one point at most) nor a time.
func isVersion(s string) bool {
	points := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			if i == 0 || s[i-1] == '.' || i == len(s)-1 {
				return false
			}
			points++
		case c < '0' || c > '9':
			return false
		}
	}
	return points >= 2
}

// numberLike reports whether s has only characters that a number or a
// time can be written with in YAML (digits, signs, points, exponents,
// 0x/0o/0b prefixes and hexadecimal digits, underscores, date and time
// separators): a string with any other is a string.
func numberLike(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		case strings.IndexByte("xXoO._+-:TtZ ", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// isDecimal reports whether s is a decimal number without a leading zero
// that fits an int64 with room to spare.
func isDecimal(s string) bool {
	if len(s) > 18 || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isTimestamp reports whether s is a valid time written as wafr writes
// them, 2026-11-25T10:00:00Z.
func isTimestamp(s string) bool {
	if len(s) != len("2006-01-02T15:04:05Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return false
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
