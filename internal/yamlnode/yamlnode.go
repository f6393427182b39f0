// Package yamlnode parses YAML and JSON into yaml.Node trees with exact
// positions, within limits that keep hostile files harmless. The lens and
// review decoders walk these trees themselves, so that every problem can name
// its line and column and all problems are collected, not just the first.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Limits on a document, counted with every alias expanded (as the lens
// and review decoders walk it, and as a review is written back): they stop
// "billion laughs" documents before anyone walks them.
const (
	// MaxNodes bounds the values (mappings, lists, keys and scalars).
	MaxNodes = 1_000_000
	// MaxExpandedBytes bounds the text of all scalars, keys included. It is
	// the size of the largest lens or review file wafr reads, so aliases
	// can never make a document larger than a file wafr would accept.
	MaxExpandedBytes = 10 << 20
)

// SyntaxError is a document that does not parse. Line and Column are 1-based;
// Column is 0 when the parser did not say.
type SyntaxError struct {
	Line, Column int
	Msg          string
	Hint         string // what usually causes Msg, and what to do; may be ""
}

// Message is the message and its hint.
func (e *SyntaxError) Message() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + ": " + e.Hint
}

func (e *SyntaxError) Error() string {
	switch {
	case e.Line == 0:
		return e.Message()
	case e.Column == 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Message())
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message())
}

// Parse reads data as JSON when isJSON is set, else as YAML, and returns the
// root value node (never a DocumentNode). Binary data, empty documents, more
// than one document and alias bombs are refused with a *SyntaxError.
func Parse(data []byte, isJSON bool) (*yaml.Node, error) {
	if IsUTF16(data) {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file is UTF-16 text, not UTF-8: save it as UTF-8 (PowerShell 5: '| Out-File -Encoding utf8'; an editor: choose UTF-8 when saving)"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return nil, &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf("this looks like a binary file (NUL byte at offset %d), not text", i)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file is empty"}
	}
	if isJSON {
		return ParseJSON(data)
	}
	return parseYAML(data)
}

// IsUTF16 reports whether data starts as UTF-16 text does: with its byte
// order mark, or with two ASCII characters each beside a NUL.
func IsUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	text := func(b byte) bool { return b == '\t' || b == '\n' || b == '\r' || b >= ' ' && b < 0x7f }
	return len(data) >= 4 && (text(data[0]) && data[1] == 0 && text(data[2]) && data[3] == 0 ||
		data[0] == 0 && text(data[1]) && data[2] == 0 && text(data[3]))
}

func parseYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file is empty"}
		}
		return nil, yamlError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &SyntaxError{Line: extra.Line, Column: extra.Column, Msg: "more than one YAML document in the file (remove the second '---')"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the file is empty"}
	}
	root := doc.Content[0]
	if err := CheckSize(root); err != nil {
		return nil, err
	}
	return root, nil
}

// CheckSize refuses a tree beyond MaxNodes values or MaxExpandedBytes of
// text once its aliases are expanded, with a *SyntaxError that says which
// limit and, for an alias, where it is. A writer can check a tree with it
// before saving what the loader would then refuse.
func CheckSize(root *yaml.Node) error {
	w := sizeWalker{memo: map[*yaml.Node]treeSize{}}
	total := w.size(root, 0)
	switch {
	case total.nodes > MaxNodes && w.firstAlias == nil:
		return &SyntaxError{Line: root.Line, Column: root.Column,
			Msg: fmt.Sprintf("the document has more than %s values (keys, texts, lists and mappings); wafr reads at most %s", thousands(MaxNodes), thousands(MaxNodes))}
	case total.nodes > MaxNodes:
		return &SyntaxError{Line: w.firstAlias.Line, Column: w.firstAlias.Column,
			Msg: fmt.Sprintf("YAML aliases expand to more than %s values (wafr reads at most %s); the first alias is here", thousands(MaxNodes), thousands(MaxNodes))}
	case total.bytes > MaxExpandedBytes:
		at := root
		if w.firstAlias != nil {
			at = w.firstAlias
		}
		return &SyntaxError{Line: at.Line, Column: at.Column,
			Msg: fmt.Sprintf("YAML aliases expand to more than %d MB of text (wafr reads at most %d MB, aliases expanded); the first alias is here", MaxExpandedBytes>>20, MaxExpandedBytes>>20)}
	}
	return nil
}

// thousands writes n with comma separators: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// treeSize is the size of a subtree with its aliases expanded.
type treeSize struct{ nodes, bytes int }

// sizeWalker measures a tree. Sizes of anchored nodes (the only ones an
// alias can name) are memoized, so the walk stays linear in the document;
// it stops adding past the limits, so the sums cannot overflow.
type sizeWalker struct {
	memo       map[*yaml.Node]treeSize
	firstAlias *yaml.Node
}

func (w *sizeWalker) size(n *yaml.Node, depth int) treeSize {
	if n == nil {
		return treeSize{}
	}
	if s, ok := w.memo[n]; ok {
		return s
	}
	over := treeSize{MaxNodes + 1, MaxExpandedBytes + 1}
	if depth > 10_000 {
		return over
	}
	s := treeSize{nodes: 1, bytes: len(n.Value)}
	if n.Kind == yaml.AliasNode {
		if w.firstAlias == nil {
			w.firstAlias = n
		}
		s = w.size(n.Alias, depth+1)
	}
	for _, c := range n.Content {
		cs := w.size(c, depth+1)
		s.nodes += cs.nodes
		s.bytes += cs.bytes
		if s.nodes > MaxNodes || s.bytes > MaxExpandedBytes {
			break
		}
	}
	if n.Anchor != "" {
		w.memo[n] = s
	}
	return s
}

// Resolve follows an alias to the node it names.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is absent or an explicit null.
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// IsNaN reports whether n is the bare NaN that spreadsheet exports write for
// an empty cell.
func IsNaN(n *yaml.Node) bool {
	n = Resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!float" &&
		(n.Value == "NaN" || n.Value == ".nan" || n.Value == ".NaN" || n.Value == ".NAN")
}

// Describe names the kind of value n holds, for messages such as
// "expected a string, found a list".
func Describe(n *yaml.Node) string {
	n = Resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return "a string"
	}
	return "an unexpected value"
}

// Pair is one key and its value in a mapping.
type Pair struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Pairs returns the key/value pairs of a mapping node, following aliases
// (and YAML merge keys are not supported: they are rare in hand-written files).
func Pairs(n *yaml.Node) []Pair {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]Pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, Pair{Key: Resolve(n.Content[i]), Value: n.Content[i+1]})
	}
	return out
}

// MultilineStyle picks how to write multi-line text: a literal block, which
// reads well in files and diffs, when yaml.v3 reads it back exactly, and a
// double-quoted string otherwise (leading space or newline, trailing
// spaces, tabs, control characters, a byte order mark, and the line and
// paragraph separators U+2028 and U+2029, which YAML 1.1 readers such as
// yaml.v3 take for line breaks: at the start of a block they are dropped).
func MultilineStyle(s string) yaml.Style {
	if s == "" || s[0] == ' ' || s[0] == '\n' {
		return yaml.DoubleQuotedStyle
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimRight(line, " \t") != line {
			return yaml.DoubleQuotedStyle
		}
	}
	for _, r := range s {
		if r == '\r' || r == '\t' || (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff ||
			r == '\u2028' || r == '\u2029' {
			return yaml.DoubleQuotedStyle
		}
	}
	return yaml.LiteralStyle
}
