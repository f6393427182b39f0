package review

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// Reasons an action cannot adopt a choice.
var (
	ErrNothingToAdopt = errors.New(`"None of these" has nothing to adopt`)
	ErrAlreadyTicked  = errors.New("the practice is in place")
	ErrAlreadyAdopted = errors.New("an open action adopts the practice already")
)

// Ticked reports whether a choice is ticked in the answer to a question.
func (r *Review) Ticked(pillarID, questionID, choiceID string) bool {
	a := r.Answers.Get(pillarID, questionID)
	return a != nil && slices.Contains(a.Selected, choiceID)
}

// CheckAdopt says whether an action can adopt a choice of a question: the
// choice must exist, be a practice rather than "None of these", and not be
// ticked yet. Its messages are written for people, on the command line and
// in the TUI alike.
func (r *Review) CheckAdopt(p *questions.Pillar, q *questions.Question, choiceID string) (*questions.Choice, error) {
	c := q.Choice(choiceID)
	switch {
	case c == nil:
		return nil, fmt.Errorf("%w: question %s has no choice %q; its choices: %s", scoring.ErrNoSuchChoice, q.ID, choiceID, strings.Join(scoring.ChoiceIDs(q), ", "))
	case c.IsNone():
		return nil, fmt.Errorf("%s: %w; %s", c.ID, ErrNothingToAdopt, r.adoptable(p, q))
	case r.Ticked(p.ID, q.ID, c.ID):
		return nil, fmt.Errorf("%s is already ticked for %s: %w", c.ID, q.ID, ErrAlreadyTicked)
	}
	if open := r.openAction(p.ID, q.ID, c.ID); open != nil {
		return nil, fmt.Errorf("%s of %s: %w (%s, %s): change that one (wafr action set), or close it first", c.ID, q.ID, ErrAlreadyAdopted, open.ID, open.Status)
	}
	return c, nil
}

// adoptable says which practices of a question an action can adopt.
func (r *Review) adoptable(p *questions.Pillar, q *questions.Question) string {
	var ids []string
	for _, c := range q.Choices {
		if !c.IsNone() && !c.ReadsAsNone() && !r.Ticked(p.ID, q.ID, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return "every practice of " + q.ID + " is ticked already"
	}
	return "pick a practice not yet ticked: " + strings.Join(ids, ", ")
}

// HasOpenAction reports whether a practice already has an action not yet
// closed.
func (r *Review) HasOpenAction(pillarID, questionID, choiceID string) bool {
	return r.openAction(pillarID, questionID, choiceID) != nil
}

// openAction is the first action of a practice not yet closed, or nil.
func (r *Review) openAction(pillarID, questionID, choiceID string) *Action {
	return r.openWhere(pillarID, questionID, func(a *Action) bool { return a.ChoiceID == choiceID })
}

// OpenActionTitled is the first action of the whole question (adopting no
// practice) with this title and not yet closed, or nil.
func (r *Review) OpenActionTitled(pillarID, questionID, title string) *Action {
	return r.openWhere(pillarID, questionID, func(a *Action) bool { return a.ChoiceID == "" && a.Title == title })
}

func (r *Review) openWhere(pillarID, questionID string, match func(*Action) bool) *Action {
	for _, a := range r.ActionsOf(pillarID, questionID) {
		if match(a) && !a.Closed() {
			return a
		}
	}
	return nil
}

// AddActionsForHigh adds one open action per missing best practice of every
// HIGH question, skipping practices that already have an open action. Each
// action copies owner, due date and link from template. It returns the
// actions added, in lens order.
func (r *Review) AddActionsForHigh(l *questions.Lens, template Action, by string, now time.Time) ([]Action, error) {
	if err := ValidLink(template.Link); err != nil {
		return nil, err // even when no question is HIGH: say so now
	}
	var added []Action
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			ans := r.Answers.Get(p.ID, q.ID)
			if ans.RiskWith(q) != questions.HighRisk {
				continue
			}
			for _, c := range q.Choices {
				// A "None of the above" the lens did not mark as such
				// (ReadsAsNone) is no practice to adopt either.
				if c.IsNone() || c.ReadsAsNone() || r.Ticked(p.ID, q.ID, c.ID) || r.HasOpenAction(p.ID, q.ID, c.ID) {
					continue
				}
				a := template
				a.PillarID, a.QuestionID, a.ChoiceID, a.Title = p.ID, q.ID, c.ID, c.Title
				na, err := r.AddAction(a, by, now)
				if err != nil {
					return added, err
				}
				added = append(added, *na)
			}
		}
	}
	return added, nil
}

// Staleness says why an open action may no longer be needed: its question
// left the lens, or its practice is ticked now. It is "" otherwise.
func (r *Review) Staleness(l *questions.Lens, a *Action) string {
	if a.Closed() {
		return ""
	}
	p := l.Pillar(a.PillarID)
	if p == nil || p.Question(a.QuestionID) == nil {
		return "question no longer in the lens"
	}
	if a.ChoiceID != "" && r.Ticked(a.PillarID, a.QuestionID, a.ChoiceID) {
		return "practice ticked: can be closed"
	}
	return ""
}
