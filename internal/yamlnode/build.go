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
	if safeout.Contains(s) || yaml11Typed(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Typed reports whether s, written plain, is a string to YAML 1.2
// (yaml.v3, wafr) but a boolean or a number to a YAML 1.1 reader (PyYAML,
// many CI tools): yes, no, on, off, y, n in their three cases, and the
// base-60 numbers such as 12:30. yaml.v3 quotes these when it marshals a
// Go string, but not in a node built by hand, as wafr builds its files.
func yaml11Typed(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	return base60(s)
}

// base60 reports whether s is a YAML 1.1 base-60 number: digits, then
// one or more ":" and a number under 60, then perhaps a fraction
// ([-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?).
func base60(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	s, frac, _ := strings.Cut(s, ".")
	parts := strings.Split(s, ":")
	if len(parts) < 2 || parts[0] == "" || parts[0][0] < '0' || parts[0][0] > '9' || !allIn(parts[0], "0123456789_") || !allIn(frac, "0123456789_") {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) == 0 || len(p) > 2 || !allIn(p, "0123456789") || len(p) == 2 && p[0] > '5' {
			return false
		}
	}
	return true
}

// allIn reports whether every byte of s is one of set.
func allIn(s, set string) bool {
	for i := range len(s) {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}
