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
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxNodes bounds the size of a tree once aliases are expanded, which stops
// "billion laughs" documents before anyone walks them.
const MaxNodes = 1_000_000

// SyntaxError is a document that does not parse. Line and Column are 1-based;
// Column is 0 when the parser did not say.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	switch {
	case e.Line == 0:
		return e.Msg
	case e.Column == 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads data as JSON when isJSON is set, else as YAML, and returns the
// root value node (never a DocumentNode). Binary data, empty documents, more
// than one document and alias bombs are refused with a *SyntaxError.
func Parse(data []byte, isJSON bool) (*yaml.Node, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &SyntaxError{Msg: fmt.Sprintf("this looks like a binary file (NUL byte at offset %d), not text", i)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &SyntaxError{Msg: "the file is empty"}
	}
	if isJSON {
		return ParseJSON(data)
	}
	return parseYAML(data)
}

func parseYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &SyntaxError{Msg: "the file is empty"}
		}
		return nil, yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &SyntaxError{Line: extra.Line, Column: extra.Column, Msg: "more than one YAML document in the file (remove the second '---')"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &SyntaxError{Msg: "the file is empty"}
	}
	root := doc.Content[0]
	if size := expandedSize(root, map[*yaml.Node]int{}, 0); size > MaxNodes {
		return nil, &SyntaxError{Line: root.Line, Column: root.Column,
			Msg: fmt.Sprintf("YAML aliases expand to more than %d values; refusing to read it", MaxNodes)}
	}
	return root, nil
}

func yamlError(err error) error {
	msg := err.Error()
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &SyntaxError{Line: line, Msg: m[2]}
	}
	return &SyntaxError{Msg: trimYAMLPrefix(msg)}
}

func trimYAMLPrefix(s string) string {
	if len(s) > 6 && s[:6] == "yaml: " {
		return s[6:]
	}
	return s
}

// expandedSize counts the nodes of n with every alias expanded. Sizes of
// anchored nodes (the only ones an alias can name) are memoized, so the
// count stays linear; it stops counting past MaxNodes.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int, depth int) int {
	if n == nil {
		return 0
	}
	if s, ok := memo[n]; ok {
		return s
	}
	if depth > 10_000 {
		return MaxNodes + 1
	}
	size := 1
	if n.Kind == yaml.AliasNode {
		size = expandedSize(n.Alias, memo, depth+1)
	}
	for _, c := range n.Content {
		size += expandedSize(c, memo, depth+1)
		if size > MaxNodes {
			break
		}
	}
	if n.Anchor != "" {
		memo[n] = size
	}
	return size
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
