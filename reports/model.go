package reports

import (
	"strings"
	"time"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// Schema names the JSON report format; it changes only when a field's
// meaning does (new fields may be added).
const Schema = "wafr.report/v1"

// Scored is a review scored with its lens: everything every report shows,
// in lens order. Its JSON form is the documented `report --format json`.
type Scored struct {
	Schema    string         `json:"schema"`
	File      string         `json:"file,omitempty"`
	Workload  Workload       `json:"workload"`
	Lens      Lens           `json:"lens"`
	Milestone string         `json:"milestone,omitempty"`
	UpdatedAt string         `json:"updatedAt,omitempty"`
	Reviewers []string       `json:"reviewers"`
	Answered  int            `json:"answered"`
	Total     int            `json:"total"`
	Counts    scoring.Counts `json:"counts"`
	Notes     string         `json:"notes,omitempty"`
	Pillars   []Pillar       `json:"pillars"`
	Actions   ActionCounts   `json:"actions"`

	// Language picks the language of the reports' own words (headings,
	// labels): a tag such as "ja" or "en-GB". Score sets the lens's
	// language; a caller may replace it (wafr's --lang, the locale).
	Language string `json:"-"`
}

// ActionCounts tallies a review's actions.
type ActionCounts = review.ActionCounts

// ActionItem is an action as reports show it.
type ActionItem struct {
	ID       string `json:"id"`
	ChoiceID string `json:"choice,omitempty"`
	Title    string `json:"title"`
	Owner    string `json:"owner,omitempty"`
	Due      string `json:"due,omitempty"`
	Status   string `json:"status"`
	Reason   string `json:"reason,omitempty"`
	Link     string `json:"link,omitempty"`
	Overdue  bool   `json:"overdue"`
}

// Workload is who and what was reviewed.
type Workload struct {
	Name        string `json:"name"`
	Environment string `json:"environment,omitempty"`
	Owner       string `json:"owner,omitempty"`
}

// Lens identifies the lens used.
type Lens struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	Digest  string `json:"digest"`
}

// Pillar is one pillar's tally and questions.
type Pillar struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Counts    scoring.Counts `json:"counts"`
	Questions []Question     `json:"questions"`
}

// Question is one question's risk and answer.
type Question struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Risk       questions.Risk `json:"risk"`
	Reason     string         `json:"reason,omitempty"` // when not applicable
	Selected   []Choice       `json:"selected"`
	Missing    []Choice       `json:"missing"` // best practices not ticked, with what to do ("None of these" is none)
	Notes      string         `json:"notes,omitempty"`
	AnsweredBy string         `json:"answeredBy,omitempty"`
	UpdatedAt  string         `json:"updatedAt,omitempty"`
	Actions    []ActionItem   `json:"actions"`
	// TimeSpent is how long a live review spent on the question (Go
	// duration text, "6m30s"); Votes are the ballots of its last silent
	// vote, and Contested says whether they differed.
	TimeSpent string     `json:"timeSpent,omitempty"`
	Votes     []VoteItem `json:"votes,omitempty"`
	Contested bool       `json:"contested,omitempty"`

	pillar *Pillar
	// choices is every choice in lens order, ticked or not, "None of
	// these" included: one row each in the CSV.
	choices []answeredChoice
}

// VoteItem is one ballot of a silent vote: who, and what they ticked.
type VoteItem struct {
	By       string   `json:"by"`
	Selected []string `json:"selected"`
}

// answeredChoice is a choice and whether it is ticked.
type answeredChoice struct {
	Choice
	ticked bool
}

// Choice is a best practice, ticked or not.
type Choice struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	ImprovementPlan string `json:"improvementPlan,omitempty"`
	URL             string `json:"url,omitempty"`
	// HelpfulResource explains the practice, with a link when the lens
	// gives one; AdditionalResources are the lens's further resources,
	// each of type HELPFUL_RESOURCE or IMPROVEMENT_PLAN.
	HelpfulResource     *Resource       `json:"helpfulResource,omitempty"`
	AdditionalResources []ResourceGroup `json:"additionalResources,omitempty"`
}

// Resource is a lens's text with an optional link.
type Resource struct {
	DisplayText string `json:"displayText,omitempty"`
	URL         string `json:"url,omitempty"`
}

// ResourceGroup is a choice's further resources of one type:
// HELPFUL_RESOURCE (to learn more) or IMPROVEMENT_PLAN (to improve).
type ResourceGroup struct {
	Type    string     `json:"type"`
	Content []Resource `json:"content"`
}

// Input is what Score needs.
type Input struct {
	File      string
	Review    *review.Review // as of the milestone, when there is one
	Lens      *questions.Lens
	Milestone string
	// Today decides which actions are overdue.
	Today time.Time
	// AsRecorded takes each answered question's risk from the file
	// (review.ScoreAsRecorded): a milestone whose lens has changed since.
	AsRecorded bool
}

// score is the review scored as in says.
func (in Input) score() *scoring.Result {
	if in.AsRecorded {
		return in.Review.ScoreAsRecorded(in.Lens)
	}
	return in.Review.Score(in.Lens)
}

// Score builds the report model of a review.
func Score(in Input) *Scored {
	r := in.Review
	res := in.score()
	out := scoredHead(in, res, func(s string) string { return s })
	out.Reviewers = r.Answers.Reviewers()
	if out.Reviewers == nil {
		out.Reviewers = []string{}
	}
	out.Notes = r.Notes
	for i, pr := range res.Pillars {
		p := &out.Pillars[i]
		p.Questions = make([]Question, len(pr.Questions))
		for j, qr := range pr.Questions {
			p.Questions[j] = question(qr, r.Answers.Get(pr.Pillar.ID, qr.Question.ID))
			for _, a := range r.ActionsOf(pr.Pillar.ID, qr.Question.ID) {
				p.Questions[j].Actions = append(p.Questions[j].Actions, actionItem(a, in.Today))
			}
		}
	}
	return out
}

// Summarize is Score for the summaries, which show far less: the counts,
// the pillars and, of the questions, only the HIGH and MEDIUM ones, each
// with its id, title and risk. The rest of the model (reviewers, notes,
// every other question, choices, actions) is left empty, so it is quick
// to build and small to keep for a thousand reviews, and it holds no text
// of the review file but copies (the workload, the milestone). Give its
// result only to WriteSummaryText, WriteConsolidatedText,
// WriteSummaryMarkdown and WriteSummaryJSON: they write from it exactly
// what they write from Score's.
func Summarize(in Input) *Scored {
	res := in.score()
	out := scoredHead(in, res, strings.Clone)
	for i, pr := range res.Pillars {
		p := &out.Pillars[i]
		for _, qr := range pr.Questions {
			if qr.Risk == questions.HighRisk || qr.Risk == questions.MediumRisk {
				p.Questions = append(p.Questions, Question{ID: qr.Question.ID, Title: qr.Question.Title, Risk: qr.Risk})
			}
		}
	}
	return out
}

// scoredHead is what Score and Summarize share: the workload, the lens, the
// counts and the pillars without their questions. keep copies the text
// that comes from the review file (or returns it as it is).
func scoredHead(in Input, res *scoring.Result, keep func(string) string) *Scored {
	r, l := in.Review, in.Lens
	out := &Scored{
		Schema:    Schema,
		File:      in.File,
		Workload:  Workload{Name: keep(r.Workload.Name), Environment: keep(r.Workload.Environment), Owner: keep(r.Workload.Owner)},
		Lens:      Lens{ID: l.ID, Name: l.Name, Version: l.Version, Digest: l.Digest},
		Milestone: keep(in.Milestone),
		UpdatedAt: formatTime(r.UpdatedAt),
		Answered:  res.Counts.Answered(),
		Total:     res.Counts.Total(),
		Counts:    res.Counts,
		Actions:   review.CountActions(r.Actions, in.Today),
		Language:  l.Language,
		Pillars:   make([]Pillar, len(res.Pillars)),
	}
	for i, pr := range res.Pillars {
		out.Pillars[i] = Pillar{ID: pr.Pillar.ID, Name: pr.Pillar.Name, Counts: pr.Counts}
	}
	return out
}

func actionItem(a *review.Action, today time.Time) ActionItem {
	return ActionItem{ID: a.ID, ChoiceID: a.ChoiceID, Title: a.Title, Owner: a.Owner, Due: a.Due, Status: a.Status,
		Reason: a.Reason, Link: a.Link, Overdue: a.Overdue(today)}
}

func question(qr scoring.QuestionResult, a *review.Answer) Question {
	q := qr.Question
	out := Question{ID: q.ID, Title: q.Title, Risk: qr.Risk, Actions: []ActionItem{},
		choices: make([]answeredChoice, 0, len(q.Choices))}
	ticked := map[string]bool{}
	if a != nil {
		for _, id := range a.Selected {
			ticked[id] = true
		}
		out.Notes, out.AnsweredBy, out.UpdatedAt = a.Notes, a.AnsweredBy, formatTime(a.UpdatedAt)
		if a.TimeSpent > 0 {
			out.TimeSpent = a.TimeSpent.Round(time.Second).String()
		}
		for _, v := range a.Votes {
			out.Votes = append(out.Votes, VoteItem{By: v.By, Selected: append([]string{}, v.Selected...)})
		}
		out.Contested = review.Contested(a.Votes)
		if a.NotApplicable {
			out.Reason = a.Reason
		}
	}
	out.Selected = make([]Choice, 0, len(ticked))
	out.Missing = make([]Choice, 0, len(q.Choices))
	for _, c := range q.Choices {
		ch := Choice{ID: c.ID, Title: c.Title}
		if c.ImprovementPlan != nil {
			ch.ImprovementPlan, ch.URL = c.ImprovementPlan.DisplayText, c.ImprovementPlan.URL
		}
		if r := c.HelpfulResource; r != nil && (r.DisplayText != "" || r.URL != "") {
			ch.HelpfulResource = &Resource{DisplayText: r.DisplayText, URL: r.URL}
		}
		for _, a := range c.AdditionalResources {
			g := ResourceGroup{Type: a.Type, Content: []Resource{}}
			for _, r := range a.Content {
				g.Content = append(g.Content, Resource{DisplayText: r.DisplayText, URL: r.URL})
			}
			ch.AdditionalResources = append(ch.AdditionalResources, g)
		}
		switch {
		case ticked[c.ID]:
			out.Selected = append(out.Selected, ch)
		case !c.IsNone() && !c.ReadsAsNone():
			// A choice that reads as "None of these" (lint warns of
			// its id) is no practice to adopt either.
			out.Missing = append(out.Missing, ch)
		}
		out.choices = append(out.choices, answeredChoice{ch, ticked[c.ID]})
	}
	return out
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// meeting lists, in lens order, the questions a live review contested
// and those it timed.
func (s *Scored) meeting() (contested, timed []Question) {
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			if q.Contested {
				contested = append(contested, q)
			}
			if q.TimeSpent != "" {
				timed = append(timed, q)
			}
		}
	}
	return contested, timed
}

// byRisk returns the questions at one risk level, pillars in the given
// order (lens order when order is empty) and questions in lens order.
func (s *Scored) byRisk(r questions.Risk, order []string) []Question {
	var out []Question
	for _, pi := range s.pillarOrder(order) {
		p := &s.Pillars[pi]
		for _, q := range p.Questions {
			if q.Risk == r {
				q.pillar = p
				out = append(out, q)
			}
		}
	}
	return out
}

// pillarOrder lists pillar indexes: those named in order first, then the
// rest in lens order.
func (s *Scored) pillarOrder(order []string) []int {
	var out []int
	used := map[int]bool{}
	for _, id := range order {
		for i, p := range s.Pillars {
			if p.ID == id && !used[i] {
				out = append(out, i)
				used[i] = true
			}
		}
	}
	for i := range s.Pillars {
		if !used[i] {
			out = append(out, i)
		}
	}
	return out
}
