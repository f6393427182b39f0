package yamlnode

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/safeout"
)

// The builders below write node trees in a fixed order, which is how wafr
// keeps saved files stable and readable.

// Mapping builds a mapping from key/value pairs, leaving out nil values; it
// is nil itself when nothing is left.
func Mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		if v, _ := kv[i+1].(*yaml.Node); v != nil {
			n.Content = append(n.Content, Scalar(kv[i].(string), "!!str"), v)
		}
	}
	if len(n.Content) == 0 {
		return nil
	}
	return n
}

// Sequence is an empty list node.
func Sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }

// Scalar is a scalar node with a tag.
func Scalar(v, tag string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

// String is a string node, or nil for "" (empty fields are not written).
// Multi-line text is a literal block where that reads back exactly. Text
// holding characters that must not reach a terminal raw (bidi controls,
// C1 controls) is double-quoted, the one style in which the writer can
// then escape them (safeout.Escape).
func String(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	n := Scalar(s, "!!str")
	if strings.Contains(s, "\n") {
		n.Style = MultilineStyle(s)
	}
	if safeout.Contains(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}
