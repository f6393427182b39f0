package yamlnode

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxDepth bounds how deeply arrays and objects may nest, so a hostile file
// cannot exhaust the stack.
const MaxDepth = 256

// ParseJSON parses one JSON document into a yaml.Node tree. Every node carries
// the 1-based line and column (in characters) where its value starts, which
// yaml.v3 cannot give for JSON. It accepts all of RFC 8259, including "\/" and
// surrogate pairs, plus the bare NaN that spreadsheet exports leave behind (as
// a "!!float" scalar "NaN"); it rejects trailing commas and trailing data.
func ParseJSON(data []byte) (*yaml.Node, error) {
	p := newJSONParser(data)
	p.skipSpace()
	if p.off >= len(data) {
		return nil, p.errorf("the file is empty")
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.off < len(data) {
		return nil, p.errorf("unexpected %s after the end of the JSON document", p.describe())
	}
	return n, nil
}

// ParseJSONStream parses the JSON documents of data, one after another
// (as the pages of a paginated output are saved by appending), each as
// ParseJSON would, with every position in the whole of data. Data of only
// white space holds no documents. maxNodes, when above 0, bounds the values
// of all documents (keys, texts, lists and objects), so that a large file
// of tiny values cannot take all the memory there is.
func ParseJSONStream(data []byte, maxNodes int) ([]*yaml.Node, error) {
	p := newJSONParser(data)
	p.maxNodes = maxNodes
	var docs []*yaml.Node
	for {
		p.skipSpace()
		if p.off >= len(data) {
			return docs, nil
		}
		n, err := p.value(0)
		if err != nil {
			return nil, err
		}
		docs = append(docs, n)
	}
}

func newJSONParser(data []byte) *jsonParser {
	// One copy of the whole text, whose pieces become the strings of the
	// nodes: a string per key and value would be most of the work.
	p := &jsonParser{data: data, text: string(data), line: 1}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.off = 3 // a UTF-8 byte order mark is tolerated, as editors write it
		p.lineStart = 3
		p.colOff = 3
	}
	return p
}

type jsonParser struct {
	// nodes counts the values made; past maxNodes (when above 0) a value
	// is refused.
	nodes, maxNodes int
	data            []byte
	text            string // data as a string
	// free holds nodes not yet handed out, and links the content of
	// finished lists and objects: allocating them in blocks keeps a large
	// document from being one allocation per value.
	free  []yaml.Node
	links []*yaml.Node
	// open holds the children of the lists and objects being read, each
	// one's from its start on, until it ends and gets them as its Content.
	open      []*yaml.Node
	off       int
	line      int
	lineStart int
	// colOff and col cache the last column computed on the current line, so
	// positions in a one-line (minified) file cost linear time overall.
	colOff int
	col    int
}

func (p *jsonParser) pos() (line, col int) {
	if p.colOff < p.lineStart || p.colOff > p.off {
		p.colOff, p.col = p.lineStart, 0
	}
	p.col += utf8.RuneCount(p.data[p.colOff:p.off])
	p.colOff = p.off
	return p.line, p.col + 1
}

func (p *jsonParser) errorf(format string, args ...any) error {
	line, col := p.pos()
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) describe() string {
	if p.off >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.off:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", p.data[p.off])
	}
	return strconv.QuoteRune(r)
}

func (p *jsonParser) skipSpace() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case '\n':
			p.off++
			p.line++
			p.lineStart = p.off
		case ' ', '\t', '\r':
			p.off++
		default:
			return
		}
	}
}

func (p *jsonParser) node(kind yaml.Kind, tag, value string) *yaml.Node {
	p.nodes++
	line, col := p.pos()
	if len(p.free) == 0 {
		p.free = make([]yaml.Node, p.block())
	}
	n := &p.free[0]
	p.free = p.free[1:]
	*n = yaml.Node{Kind: kind, Tag: tag, Value: value, Line: line, Column: col}
	return n
}

// block is how many nodes or links to allocate at once: as many as made so
// far, from 16 up to 1024, so that a small document wastes little.
func (p *jsonParser) block() int { return min(max(p.nodes, 16), 1024) }

// content returns the children opened since start as a list of its own
// (of exactly their number, so that appending to it never writes over a
// neighbour's), and closes them.
func (p *jsonParser) content(start int) []*yaml.Node {
	kids := p.open[start:]
	if len(kids) == 0 {
		return nil
	}
	if len(kids) > len(p.links) {
		p.links = make([]*yaml.Node, max(p.block(), len(kids)))
	}
	c := p.links[:len(kids):len(kids)]
	p.links = p.links[len(kids):]
	copy(c, kids)
	clear(kids)
	p.open = p.open[:start]
	return c
}

func (p *jsonParser) value(depth int) (*yaml.Node, error) {
	if depth > MaxDepth {
		return nil, p.errorf("nesting deeper than %d levels", MaxDepth)
	}
	if p.maxNodes > 0 && p.nodes >= p.maxNodes {
		return nil, p.errorf("more than %s values (keys, texts, lists and objects); wafr reads at most %s", thousands(p.maxNodes), thousands(p.maxNodes))
	}
	if p.off >= len(p.data) {
		return nil, p.errorf("unexpected end of file, expected a value")
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		n := p.node(yaml.ScalarNode, "!!str", "")
		n.Style = yaml.DoubleQuotedStyle
		s, err := p.str()
		n.Value = s
		return n, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		for _, lit := range []struct{ text, tag string }{
			{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}, {"NaN", "!!float"},
		} {
			if p.hasPrefix(lit.text) {
				n := p.node(yaml.ScalarNode, lit.tag, lit.text)
				p.off += len(lit.text)
				return n, nil
			}
		}
		return nil, p.errorf("unexpected %s, expected a value", p.describe())
	}
}

func (p *jsonParser) hasPrefix(s string) bool {
	return len(p.data)-p.off >= len(s) && string(p.data[p.off:p.off+len(s)]) == s
}

func (p *jsonParser) object(depth int) (*yaml.Node, error) {
	n := p.node(yaml.MappingNode, "!!map", "")
	n.Style = yaml.FlowStyle
	p.off++ // {
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return n, nil
	}
	start := len(p.open)
	for {
		p.skipSpace()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			if p.off < len(p.data) && p.data[p.off] == '}' {
				return nil, p.errorf("trailing comma before '}'")
			}
			return nil, p.errorf("unexpected %s, expected a field name in double quotes", p.describe())
		}
		key := p.node(yaml.ScalarNode, "!!str", "")
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		key.Value = s
		p.skipSpace()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			return nil, p.errorf("unexpected %s, expected ':' after field name %q", p.describe(), s)
		}
		p.off++
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.open = append(p.open, key, v)
		p.skipSpace()
		if p.off >= len(p.data) {
			return nil, p.errorf("unexpected end of file, expected ',' or '}'")
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case '}':
			p.off++
			n.Content = p.content(start)
			return n, nil
		default:
			return nil, p.errorf("unexpected %s, expected ',' or '}'", p.describe())
		}
	}
}

func (p *jsonParser) array(depth int) (*yaml.Node, error) {
	n := p.node(yaml.SequenceNode, "!!seq", "")
	n.Style = yaml.FlowStyle
	p.off++ // [
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.off++
		return n, nil
	}
	start := len(p.open)
	for {
		p.skipSpace()
		if p.off < len(p.data) && p.data[p.off] == ']' {
			return nil, p.errorf("trailing comma before ']'")
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.open = append(p.open, v)
		p.skipSpace()
		if p.off >= len(p.data) {
			return nil, p.errorf("unexpected end of file, expected ',' or ']'")
		}
		switch p.data[p.off] {
		case ',':
			p.off++
		case ']':
			p.off++
			n.Content = p.content(start)
			return n, nil
		default:
			return nil, p.errorf("unexpected %s, expected ',' or ']'", p.describe())
		}
	}
}

func (p *jsonParser) number() (*yaml.Node, error) {
	n := p.node(yaml.ScalarNode, "!!int", "")
	start := p.off
	digits := func() int {
		k := 0
		for p.off < len(p.data) && p.data[p.off] >= '0' && p.data[p.off] <= '9' {
			p.off++
			k++
		}
		return k
	}
	if p.data[p.off] == '-' {
		p.off++
	}
	if p.off < len(p.data) && p.data[p.off] == '0' {
		p.off++
	} else if digits() == 0 {
		return nil, p.errorf("unexpected %s in a number, expected a digit", p.describe())
	}
	if p.off < len(p.data) && p.data[p.off] == '.' {
		n.Tag = "!!float"
		p.off++
		if digits() == 0 {
			return nil, p.errorf("unexpected %s in a number, expected a digit after '.'", p.describe())
		}
	}
	if p.off < len(p.data) && (p.data[p.off] == 'e' || p.data[p.off] == 'E') {
		n.Tag = "!!float"
		p.off++
		if p.off < len(p.data) && (p.data[p.off] == '+' || p.data[p.off] == '-') {
			p.off++
		}
		if digits() == 0 {
			return nil, p.errorf("unexpected %s in a number, expected a digit in the exponent", p.describe())
		}
	}
	n.Value = p.text[start:p.off]
	return n, nil
}

// str reads a double-quoted string starting at p.off.
func (p *jsonParser) str() (string, error) {
	p.off++ // opening quote
	start := p.off
	// Fast path: no escapes.
	for p.off < len(p.data) {
		c := p.data[p.off]
		if c == '"' {
			s := p.text[start:p.off]
			if !utf8.ValidString(s) {
				return "", p.errorf("invalid UTF-8 in a string")
			}
			p.off++
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.off++
	}
	buf := append([]byte(nil), p.data[start:p.off]...)
	for {
		if p.off >= len(p.data) {
			return "", p.errorf("unexpected end of file inside a string")
		}
		c := p.data[p.off]
		switch {
		case c == '"':
			p.off++
			if !utf8.Valid(buf) {
				return "", p.errorf("invalid UTF-8 in a string")
			}
			return string(buf), nil
		case c < 0x20:
			return "", p.errorf("control character %#02x inside a string (write it as an escape)", c)
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		default:
			buf = append(buf, c)
			p.off++
		}
	}
}

func (p *jsonParser) escape() (rune, error) {
	p.off++ // backslash
	if p.off >= len(p.data) {
		return 0, p.errorf("unexpected end of file in an escape")
	}
	c := p.data[p.off]
	p.off++
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, err := p.hex4()
		if err != nil {
			return 0, err
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by \uDC00-\uDFFF forms one character;
			// a lone surrogate becomes U+FFFD, as encoding/json does.
			if r < 0xDC00 && p.hasPrefix(`\u`) {
				save := p.off
				p.off += 2
				r2, err := p.hex4()
				if err == nil {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						return d, nil
					}
				}
				p.off = save
			}
			return utf8.RuneError, nil
		}
		return r, nil
	}
	p.off -= 2
	return 0, p.errorf("unknown escape \\%c in a string", c)
}

func (p *jsonParser) hex4() (rune, error) {
	if len(p.data)-p.off < 4 {
		return 0, p.errorf("incomplete \\u escape")
	}
	v, err := strconv.ParseUint(string(p.data[p.off:p.off+4]), 16, 32)
	if err != nil {
		return 0, p.errorf("invalid \\u escape %q", p.data[p.off:p.off+4])
	}
	p.off += 4
	return rune(v), nil
}
