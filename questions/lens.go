// Package questions is the lens model: pillars, questions, choices and risk
// rules in the AWS Well-Architected custom-lens format, plus wafr's optional
// extensions (id, version, language). It loads lenses from YAML or JSON files
// and from the built-in set, validates them, and reports every problem with
// its file, line and column.
//
// The risk-rule grammar lives here too, not in scoring: a condition that does
// not parse makes a lens unusable, so it must be caught when the lens loads,
// and this package imports nothing else of ours.
package questions

import "strings"

// SchemaVersion is the only custom-lens format version the AWS tool accepts.
const SchemaVersion = "2021-11-01"

// Lens is a questionnaire. Field names and JSON tags follow the AWS
// custom-lens template, so encoding/json writes the AWS field order.
type Lens struct {
	SchemaVersion string    `json:"schemaVersion"`
	Name          string    `json:"name"`
	Description   string    `json:"description,omitempty"`
	ID            string    `json:"id,omitempty"`       // wafr extension
	Version       string    `json:"version,omitempty"`  // wafr extension
	Language      string    `json:"language,omitempty"` // wafr extension
	Pillars       []*Pillar `json:"pillars"`

	// Source is where the lens came from: a path or "builtin:NAME".
	Source string `json:"-"`
	// Digest identifies the content ("sha256:..."), so a review can tell
	// that its lens changed since it was answered.
	Digest string `json:"-"`
	// Warnings are the problems found while loading that did not stop it.
	Warnings []Problem `json:"-"`

	// idFromFile is set when the file has no id and ID was derived from
	// the file name: such an id is not part of the lens, so exports leave
	// it out and the digest never covered it.
	idFromFile bool
	// file is the name problems give; linted is set when Warnings hold
	// those of the rule analysis (Options.Lint).
	file   string
	linted bool
}

// IDFromFile reports whether the lens file has no id of its own, so that ID
// was derived from the file name.
func (l *Lens) IDFromFile() bool { return l.idFromFile }

// SameLens reports whether a review that records the lens id recorded is
// a review of l: the same id, or translations of one lens, whose ids are
// the original's with a language after a hyphen (ops, ops-ja: the same
// questions, choices and rules in other words).
func SameLens(recorded string, l *Lens) bool {
	own := l.ID
	if l.Language != "" {
		own = strings.TrimSuffix(l.ID, "-"+l.Language)
	}
	return recorded == l.ID || untranslated(recorded) == own
}

// untranslated is a lens id without a two-letter language after its last
// hyphen (ops-ja: ops).
func untranslated(id string) string {
	i := strings.LastIndexByte(id, '-')
	if lang := id[i+1:]; i > 0 && len(lang) == 2 && lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z' {
		return id[:i]
	}
	return id
}

// Pillar groups questions.
type Pillar struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	Questions []*Question `json:"questions"`

	pos Pos
}

// Question is answered by ticking choices, or by marking it not applicable.
type Question struct {
	ID              string    `json:"id"`
	Title           string    `json:"title"`
	Description     string    `json:"description,omitempty"`
	HelpfulResource *Resource `json:"helpfulResource,omitempty"`
	Choices         []*Choice `json:"choices"`
	RiskRules       []*Rule   `json:"riskRules"`

	pos     Pos
	choices map[string]int
	// rulesBroken is set when a rule had an error: RiskRules then lacks it,
	// and analysing the rest would only mislead.
	rulesBroken bool
}

// Choice is one best practice. A choice whose id ends in "_no" is "None of
// these": it answers the question and excludes every other choice.
type Choice struct {
	ID                  string               `json:"id"`
	Title               string               `json:"title"`
	HelpfulResource     *Resource            `json:"helpfulResource,omitempty"`
	ImprovementPlan     *Resource            `json:"improvementPlan,omitempty"`
	AdditionalResources []AdditionalResource `json:"additionalResources,omitempty"`

	pos Pos
}

// Resource is a text with an optional link.
type Resource struct {
	DisplayText string `json:"displayText,omitempty"`
	URL         string `json:"url,omitempty"`
}

// AdditionalResource lists further links of one type (HELPFUL_RESOURCE or
// IMPROVEMENT_PLAN).
type AdditionalResource struct {
	Type    string     `json:"type"`
	Content []Resource `json:"content"`
}

// Rule maps a condition over the question's choices to a risk.
type Rule struct {
	Condition string `json:"condition"`
	Risk      Risk   `json:"risk"`

	// Compiled is Condition parsed once at load time.
	Compiled *Condition `json:"-"`
	pos      Pos
}

// Pos is a 1-based position in a lens file; zero when unknown.
type Pos struct{ Line, Column int }

// NoneSuffix marks the "None of these" choice of a question.
const NoneSuffix = "_no"

// IsNone reports whether the choice is the question's "None of these".
func (c *Choice) IsNone() bool { return strings.HasSuffix(c.ID, NoneSuffix) }

// ReadsAsNone reports whether a choice that is not "None of these" (its id
// does not end in NoneSuffix) reads as one, by its title or an id ending in
// _none: lint warns about it, and wafr answer --none names it.
func (c *Choice) ReadsAsNone() bool {
	id := c.ID
	return !c.IsNone() && (looksLikeNone(c.Title) || len(id) >= 5 && strings.EqualFold(id[len(id)-5:], "_none"))
}

// ChoiceIndex returns the position of the choice with this id.
func (q *Question) ChoiceIndex(id string) (int, bool) {
	i, ok := q.choices[id]
	return i, ok
}

// Choice returns the choice with this id, or nil.
func (q *Question) Choice(id string) *Choice {
	if i, ok := q.choices[id]; ok {
		return q.Choices[i]
	}
	return nil
}

// Pillar returns the pillar with this id, or nil.
func (l *Lens) Pillar(id string) *Pillar {
	for _, p := range l.Pillars {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Question returns the question with this id, or nil.
func (p *Pillar) Question(id string) *Question {
	for _, q := range p.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// QuestionCount is the number of questions in all pillars.
func (l *Lens) QuestionCount() int {
	n := 0
	for _, p := range l.Pillars {
		n += len(p.Questions)
	}
	return n
}

// indexChoices builds the id lookup of a question's choices; the first of
// duplicate ids wins (duplicates are an error anyway).
func (q *Question) indexChoices() {
	q.choices = make(map[string]int, len(q.Choices))
	for i, c := range q.Choices {
		if _, dup := q.choices[c.ID]; !dup {
			q.choices[c.ID] = i
		}
	}
}
