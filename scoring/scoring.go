// Package scoring computes risk: of one question from its answer, by running
// the lens's compiled risk rules, and the roll-ups per pillar and per lens.
// It also owns the one rule of ticking: "None of these" is exclusive.
package scoring

import (
	"github.com/wafr-dev/wafr/questions"
)

// Answer is what scoring needs to know of an answer.
type Answer struct {
	Selected      []string
	NotApplicable bool
}

// QuestionRisk is the risk of one question: NotApplicable when marked so,
// Unanswered when no choice of the lens is ticked, else the risk of the first
// true rule, and HighRisk when no rule is true (a risk tool errs on the side
// of caution). Ticked ids the question does not have are ignored.
func QuestionRisk(q *questions.Question, a Answer) questions.Risk {
	if a.NotApplicable {
		return questions.NotApplicable
	}
	var small [1]uint64
	set := questions.ChoiceSet(small[:])
	if len(q.Choices) > 64 {
		set = questions.NewChoiceSet(len(q.Choices))
	}
	for _, id := range a.Selected {
		if i, ok := q.ChoiceIndex(id); ok {
			set.Add(i)
		}
	}
	if set.Empty() {
		return questions.Unanswered
	}
	for _, r := range q.RiskRules {
		if r.Compiled != nil && r.Compiled.Eval(set) {
			return r.Risk
		}
	}
	return questions.HighRisk
}

// Toggle ticks choice id if it is not ticked and unticks it if it is, and
// returns the new selection in lens order. Ticking "None of these" clears the
// other choices; ticking any other choice clears "None of these". Ids the
// question does not have (left by an older lens) are kept, at the end.
func Toggle(q *questions.Question, selected []string, id string) []string {
	target := q.Choice(id)
	if target == nil {
		return selected
	}
	var known, orphans []string
	ticked := false
	for _, s := range selected {
		switch c := q.Choice(s); {
		case s == id:
			ticked = true
		case c == nil:
			orphans = append(orphans, s) // kept, in their old order
		case !target.IsNone() && !c.IsNone():
			known = append(known, s)
		}
	}
	if !ticked {
		known = append(known, id) // ticking "None of these" clears the rest, and the reverse
	}
	if len(known) == 0 {
		return orphans
	}
	out, err := Select(q, known)
	if err != nil {
		return selected // cannot happen: every id is the question's
	}
	return append(out, orphans...)
}

// Counts tallies questions by risk level.
type Counts struct {
	High          int `json:"high"`
	Medium        int `json:"medium"`
	None          int `json:"none"`
	NotApplicable int `json:"notApplicable"`
	Unanswered    int `json:"unanswered"`
}

// Add counts one question at risk r.
func (c *Counts) Add(r questions.Risk) {
	switch r {
	case questions.HighRisk:
		c.High++
	case questions.MediumRisk:
		c.Medium++
	case questions.NoRisk:
		c.None++
	case questions.NotApplicable:
		c.NotApplicable++
	default:
		c.Unanswered++
	}
}

// Plus returns the sum of two tallies.
func (c Counts) Plus(o Counts) Counts {
	return Counts{c.High + o.High, c.Medium + o.Medium, c.None + o.None,
		c.NotApplicable + o.NotApplicable, c.Unanswered + o.Unanswered}
}

// Of returns the count of one level.
func (c Counts) Of(r questions.Risk) int {
	switch r {
	case questions.HighRisk:
		return c.High
	case questions.MediumRisk:
		return c.Medium
	case questions.NoRisk:
		return c.None
	case questions.NotApplicable:
		return c.NotApplicable
	}
	return c.Unanswered
}

// Total is the number of questions counted.
func (c Counts) Total() int { return c.High + c.Medium + c.None + c.NotApplicable + c.Unanswered }

// Answered is the number of questions answered, not-applicable included.
func (c Counts) Answered() int { return c.Total() - c.Unanswered }

// Result is a scored review: every question's risk and the roll-ups.
type Result struct {
	Lens    *questions.Lens
	Pillars []PillarResult
	Counts  Counts
}

// PillarResult is one pillar's questions and tally.
type PillarResult struct {
	Pillar    *questions.Pillar
	Counts    Counts
	Questions []QuestionResult
}

// QuestionResult is one question's risk.
type QuestionResult struct {
	Question *questions.Question
	Risk     questions.Risk
}

// Lookup returns the answer to a question of a pillar, if there is one.
type Lookup func(pillarID, questionID string) (Answer, bool)

// Score computes the risk of every question of the lens.
func Score(l *questions.Lens, answers Lookup) *Result {
	res := &Result{Lens: l, Pillars: make([]PillarResult, len(l.Pillars))}
	for i, p := range l.Pillars {
		pr := &res.Pillars[i]
		pr.Pillar = p
		pr.Questions = make([]QuestionResult, len(p.Questions))
		for j, q := range p.Questions {
			risk := questions.Unanswered
			if a, ok := answers(p.ID, q.ID); ok {
				risk = QuestionRisk(q, a)
			}
			pr.Questions[j] = QuestionResult{Question: q, Risk: risk}
			pr.Counts.Add(risk)
		}
		res.Counts = res.Counts.Plus(pr.Counts)
	}
	return res
}

// Bar splits width columns between the levels in questions.Levels order
// (HIGH, MEDIUM, NONE, NOT_APPLICABLE, UNANSWERED), in proportion to the
// counts: a level with any question gets at least one column (while the
// width allows), a level with none gets no column, and the columns that
// rounding leaves over go to the levels with the largest remainders, so a
// bar never shows a level that has no question. Renderers draw the
// segments.
func (c Counts) Bar(width int) []int {
	out := make([]int, len(questions.Levels))
	total := c.Total()
	if total == 0 || width <= 0 {
		return out
	}
	rem := make([]int, len(questions.Levels)) // remainders, in 1/total columns
	used := 0
	for i, r := range questions.Levels {
		n := c.Of(r)
		out[i], rem[i] = n*width/total, n*width%total
		if n > 0 && out[i] == 0 {
			out[i], rem[i] = 1, 0
		}
		used += out[i]
	}
	// The minimum of one column can overshoot a narrow bar: take from the
	// widest segments, the least severe first.
	for used > width {
		out[widest(out)]--
		used--
	}
	// Rounding down leaves fewer columns than there are levels with
	// questions: one each to the largest remainders.
	for used < width {
		best := -1
		for i, r := range questions.Levels {
			if c.Of(r) > 0 && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		out[best]++
		rem[best] = -1 - total // not again, unless every level had one
		used++
	}
	return out
}

// widest is the index of the largest value (the last of equals).
func widest(v []int) int {
	w := 0
	for i := range v {
		if v[i] >= v[w] {
			w = i
		}
	}
	return w
}
