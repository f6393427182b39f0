package questions

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Risk is the risk level of a question. The order matters: a higher value is
// worse, so "regressed" means the level went up.
type Risk int

// Risk levels. Rules only produce NoRisk, MediumRisk and HighRisk; the other
// two come from the answer itself.
const (
	Unanswered Risk = iota
	NotApplicable
	NoRisk
	MediumRisk
	HighRisk
)

// Levels lists every risk level, worst first, the order reports use.
var Levels = []Risk{HighRisk, MediumRisk, NoRisk, NotApplicable, Unanswered}

var riskNames = [...]string{"UNANSWERED", "NOT_APPLICABLE", "NONE", "MEDIUM", "HIGH"}

// String is the level's name as the AWS answer model spells it: HIGH,
// MEDIUM, NONE, NOT_APPLICABLE, UNANSWERED.
func (r Risk) String() string {
	if r < 0 || int(r) >= len(riskNames) {
		return fmt.Sprintf("Risk(%d)", int(r))
	}
	return riskNames[r]
}

// Glyph is the mark that draws the level in bars and legends, in the
// terminal and in HTML: distinct without colour, too.
func (r Risk) Glyph() string {
	switch r {
	case HighRisk:
		return "█"
	case MediumRisk:
		return "▓"
	case NoRisk:
		return "░"
	case NotApplicable:
		return "-"
	case Unanswered:
		return "·"
	}
	return ""
}

// RuleName is the name a risk rule uses: NO_RISK, MEDIUM_RISK, HIGH_RISK.
func (r Risk) RuleName() string {
	switch r {
	case NoRisk:
		return "NO_RISK"
	case MediumRisk:
		return "MEDIUM_RISK"
	case HighRisk:
		return "HIGH_RISK"
	}
	return r.String()
}

// ParseRuleRisk reads a risk rule's risk name.
func ParseRuleRisk(s string) (Risk, bool) {
	switch s {
	case "NO_RISK":
		return NoRisk, true
	case "MEDIUM_RISK":
		return MediumRisk, true
	case "HIGH_RISK":
		return HighRisk, true
	}
	return 0, false
}

// ParseRisk reads a level name as String writes it.
func ParseRisk(s string) (Risk, bool) {
	for i, n := range riskNames {
		if n == s {
			return Risk(i), true
		}
	}
	return 0, false
}

// MarshalText writes the level name (HIGH, MEDIUM, ...).
func (r Risk) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a level name (HIGH, MEDIUM, ...).
func (r *Risk) UnmarshalText(b []byte) error {
	v, ok := ParseRisk(string(b))
	if !ok {
		return fmt.Errorf("unknown risk level %q", b)
	}
	*r = v
	return nil
}

// MarshalJSON writes the rule in the AWS form, with NO_RISK-style names.
// It does not escape HTML characters, so a condition's "&&" stays "&&" in
// an encoder that has HTML escaping turned off (encoding/json only adds
// escapes to a marshaler's output, never removes them).
func (r *Rule) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Condition string `json:"condition"`
		Risk      string `json:"risk"`
	}{r.Condition, r.Risk.RuleName()})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}
