package questions

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// AWS Well-Architected Tool limits for custom lenses. Without --aws they are
// warnings (real lenses break some of them); with it they are errors.
const (
	awsMaxPillars   = 10
	awsMaxQuestions = 20 // per pillar
	awsMaxChoices   = 15 // per question
	awsMaxRules     = 3  // per question
	awsMinIDLen     = 3
	awsMaxIDLen     = 128
	awsMaxTitleLen  = 128
	awsMaxTextLen   = 2048
	awsMaxLensBytes = 500 << 10
	maxAnalyzedVars = 16 // choices a rule set may mention for the dead-rule check
)

// validate checks what the decoder could not: references between fields,
// duplicates, and the AWS limits.
func (d *decoder) validate(l *Lens, size int, aws bool) {
	limit := Warning
	if aws {
		limit = Error
	}
	// limitf adds a breach of an AWS limit, marked so that OnlyAWSLimits
	// can tell it from the lens's own errors.
	limitf := func(p Pos, where, format string, args ...any) {
		d.addProblem(limit, p, where, aws, format, args...)
	}
	awsf := func(p Pos, where, format string, args ...any) {
		limitf(p, where, "AWS limit: "+format, args...)
	}
	top := Pos{1, 1}
	if size > awsMaxLensBytes {
		awsf(Pos{}, WhereLens, "a lens file is at most 500 KB (this one is %d KB)", size>>10)
	}
	switch {
	case l.SchemaVersion == "":
		limitf(top, WhereLens, "schemaVersion is missing (AWS expects %q)", SchemaVersion)
	case l.SchemaVersion != SchemaVersion:
		limitf(top, WhereLens, "schemaVersion %q is not %q, the only version AWS accepts", l.SchemaVersion, SchemaVersion)
	}
	if l.Name == "" {
		d.add(Warning, top, WhereLens, "the lens has no name")
	} else if n := utf8.RuneCountInString(l.Name); n > awsMaxTitleLen {
		awsf(top, WhereLens, "the lens name is at most %d characters (it has %d)", awsMaxTitleLen, n)
	}
	if l.Description == "" {
		d.add(Warning, top, WhereLens, "the lens has no description")
	}
	d.textLimit(awsf, top, WhereLens, "the lens description", l.Description)
	if len(l.Pillars) == 0 {
		d.add(Error, top, WhereLens, "the lens has no pillars")
	}
	if len(l.Pillars) > awsMaxPillars {
		awsf(top, WhereLens, "a lens has at most %d pillars (this one has %d)", awsMaxPillars, len(l.Pillars))
	}
	pillarIDs := map[string]bool{}
	questionPillar := map[string]string{} // question id -> the first pillar using it
	for _, p := range l.Pillars {
		where := p.ID
		d.checkID(awsf, p.pos, where, "pillar", p.ID)
		if p.ID != "" && pillarIDs[p.ID] {
			d.add(Error, p.pos, where, "duplicate pillar id %q", p.ID)
		}
		pillarIDs[p.ID] = true
		if p.Name == "" {
			d.add(Warning, p.pos, where, "the pillar has no name")
		} else if n := utf8.RuneCountInString(p.Name); n > awsMaxTitleLen {
			awsf(p.pos, where, "a pillar name is at most %d characters (it has %d)", awsMaxTitleLen, n)
		}
		if len(p.Questions) == 0 {
			d.add(Warning, p.pos, where, "the pillar has no questions")
		}
		if len(p.Questions) > awsMaxQuestions {
			awsf(p.pos, where, "a pillar has at most %d questions (this one has %d)", awsMaxQuestions, len(p.Questions))
		}
		questionIDs := map[string]bool{}
		for _, q := range p.Questions {
			if q.ID != "" && questionIDs[q.ID] {
				d.add(Error, q.pos, join(p.ID, q.ID), "duplicate question id %q in pillar %q", q.ID, p.ID)
			}
			questionIDs[q.ID] = true
			if first, ok := questionPillar[q.ID]; ok && first != p.ID && q.ID != "" {
				limitf(q.pos, join(p.ID, q.ID), "question id %q is also used in pillar %q: AWS addresses answers by question id alone, so in the AWS tool one question's answer overwrites the other's", q.ID, first)
			} else if !ok {
				questionPillar[q.ID] = p.ID
			}
			d.checkQuestion(q, join(p.ID, q.ID), awsf)
		}
	}
}

type awsFunc func(p Pos, where, format string, args ...any)

func (d *decoder) add(sev Severity, p Pos, where, format string, args ...any) {
	d.addProblem(sev, p, where, false, format, args...)
}

// addProblem is add with the mark of a breach of an AWS limit.
func (d *decoder) addProblem(sev Severity, p Pos, where string, awsLimit bool, format string, args ...any) {
	if sev == Error {
		d.errors++
	}
	d.problems = append(d.problems, Problem{File: d.file, Line: p.Line, Column: p.Column,
		Severity: sev, Where: whereOrLens(where), Msg: fmt.Sprintf(format, args...), awsLimit: awsLimit})
}

// whereOrLens gives a problem with no pillar, question or choice to name
// the Where of the lens as a whole.
func whereOrLens(where string) string {
	if where == "" {
		return WhereLens
	}
	return where
}

func (d *decoder) checkID(awsf awsFunc, p Pos, where, what, id string) {
	if id == "" {
		d.add(Error, p, where, "the %s has no id", what)
		return
	}
	if strings.Contains(id, "/") {
		// wafr names questions PILLAR/QUESTION (on the command line, in
		// actions): a "/" inside an id would be read as that separator.
		d.add(Error, p, where, "the %s id %q has a '/', which wafr uses between a pillar's and a question's id: use '_' or '-'", what, id)
		return
	}
	if n := utf8.RuneCountInString(id); n < awsMinIDLen || n > awsMaxIDLen {
		awsf(p, where, "a %s id is %d to %d characters (%q has %d)", what, awsMinIDLen, awsMaxIDLen, id, n)
	}
	for _, r := range id {
		if !isSafeIDRune(r) {
			awsf(p, where, "the %s id %q has a character (%U) other than A-Z, a-z, 0-9, '_' and '-', the characters ids are written with", what, id, r)
			break
		}
	}
}

// isSafeIDRune reports the characters an id may use: those of every real
// AWS custom lens, plus '-'. Anything else can break the AWS tool, or
// carry terminal escapes and bidi overrides into every screen that shows
// the id.
func isSafeIDRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-'
}

func (d *decoder) textLimit(awsf awsFunc, p Pos, where, what, text string) {
	if n := utf8.RuneCountInString(text); n > awsMaxTextLen {
		awsf(p, where, "%s is at most %d characters (it has %d)", what, awsMaxTextLen, n)
	}
}

func (d *decoder) resourceLimits(awsf awsFunc, p Pos, where, what string, r *Resource) {
	if r != nil {
		d.textLimit(awsf, p, where, what+" text", r.DisplayText)
		d.textLimit(awsf, p, where, what+" url", r.URL)
	}
}

func (d *decoder) checkQuestion(q *Question, where string, awsf awsFunc) {
	d.checkID(awsf, q.pos, where, "question", q.ID)
	if q.Title == "" {
		d.add(Warning, q.pos, where, "the question has no title")
	} else if n := utf8.RuneCountInString(q.Title); n > awsMaxTitleLen {
		awsf(q.pos, where, "a question title is at most %d characters (it has %d)", awsMaxTitleLen, n)
	}
	if q.Description == "" {
		d.add(Warning, q.pos, where, "the question has no description")
	}
	d.textLimit(awsf, q.pos, where, "a question description", q.Description)
	d.resourceLimits(awsf, q.pos, where, "the helpful resource", q.HelpfulResource)
	if len(q.Choices) == 0 {
		d.add(Error, q.pos, where, "the question has no choices")
	}
	if len(q.Choices) > awsMaxChoices {
		awsf(q.pos, where, "a question has at most %d choices (this one has %d)", awsMaxChoices, len(q.Choices))
	}
	seen := map[string]bool{}
	var nones []string
	for _, c := range q.Choices {
		cw := where + "/" + c.ID
		d.checkID(awsf, c.pos, cw, "choice", c.ID)
		if c.ID != "" && seen[c.ID] {
			d.add(Error, c.pos, cw, "duplicate choice id %q in question %q", c.ID, q.ID)
		}
		seen[c.ID] = true
		if c.Title == "" {
			d.add(Warning, c.pos, cw, "the choice has no title")
		} else if n := utf8.RuneCountInString(c.Title); n > awsMaxTitleLen {
			awsf(c.pos, cw, "a choice title is at most %d characters (it has %d)", awsMaxTitleLen, n)
		}
		d.resourceLimits(awsf, c.pos, cw, "the helpful resource", c.HelpfulResource)
		d.resourceLimits(awsf, c.pos, cw, "the improvement plan", c.ImprovementPlan)
		if c.IsNone() {
			nones = append(nones, c.ID)
		} else if c.ReadsAsNone() {
			d.add(Warning, c.pos, cw, "choice %q reads as \"None of these\" but its id does not end in %q, so ticking it does not clear the others", c.ID, NoneSuffix)
		}
	}
	if len(nones) > 1 {
		d.add(Warning, q.pos, where, "more than one \"None of these\" choice (%s); only one is expected", strings.Join(nones, ", "))
	}
	d.checkRules(q, where, awsf)
}

func (d *decoder) checkRules(q *Question, where string, awsf awsFunc) {
	if len(q.RiskRules) > awsMaxRules {
		awsf(q.pos, where, "a question has at most %d risk rules (this one has %d)", awsMaxRules, len(q.RiskRules))
	}
	if len(q.RiskRules) == 0 {
		d.add(Warning, q.pos, where, "the question has no risk rules, so every answer is HIGH")
		return
	}
	if d.lint {
		d.analyzeRules(q, where)
	}
}

// analyzeRules adds the warnings of the rule analysis (Options.Lint).
func (d *decoder) analyzeRules(q *Question, where string) {
	if q.rulesBroken || len(q.RiskRules) == 0 {
		return // a rule has an error, which is enough; no rules is warned about
	}
	last := q.RiskRules[len(q.RiskRules)-1]
	noDefault := !last.Compiled.IsDefault()
	a := q.analyze(&d.analysisBudget)
	if !a.Checked {
		if noDefault {
			d.add(Warning, last.pos, where, "no \"default\" rule at the end, and the rules name too many choices to try every answer: an answer that matches no rule scores HIGH")
		}
		return
	}
	for i, r := range q.RiskRules {
		if !a.Fires[i] {
			d.add(Warning, r.pos, where, "rule %d (%q -> %s) can never fire: no answer makes it the first true rule", i+1, r.Condition, r.Risk.RuleName())
		}
	}
	if noDefault && a.Unmatched {
		d.add(Warning, last.pos, where, "no \"default\" rule at the end: %s matches no rule, so it scores HIGH", describeAnswer(q, a.UnmatchedAnswer))
	}
	if len(a.Reachable) == 1 {
		for risk := range a.Reachable {
			d.add(Warning, q.pos, where, "every answer scores %s: the rules cannot tell a good answer from a bad one", risk)
		}
	}
}

// describeAnswer names an answer for a message: "ticking every practice",
// "ticking only \"None of these\" (Q_no)", "ticking only Q_a and Q_c".
func describeAnswer(q *Question, ids []string) string {
	practices := 0
	for _, c := range q.Choices {
		if !c.IsNone() {
			practices++
		}
	}
	switch {
	case len(ids) == 0:
		return "an answer"
	case len(ids) == 1 && q.Choice(ids[0]) != nil && q.Choice(ids[0]).IsNone():
		return fmt.Sprintf("ticking only \"None of these\" (%s)", ids[0])
	case len(ids) == practices && practices > 1:
		return "ticking every practice"
	case len(ids) == 1:
		return "ticking only " + ids[0]
	}
	return "ticking only " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}
