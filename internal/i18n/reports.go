package i18n

import "github.com/wafr-dev/wafr/questions"

// Plan is the fixed text of the Markdown improvement plan.
type Plan struct {
	Title string // %s: the workload
	// ReduceRisk is the title of an action for a question rather than one
	// of its practices: %[1]s the question's id, %[2]s its title.
	ReduceRisk string

	// The header table's rows.
	Lens, Environment, Owner, Milestone, Date, Reviewers, Answered, Actions string

	AnsweredOf     string // %[1]d answered, %[2]d in all
	ActionsSummary string // %[1]d open, %[2]d overdue, %[3]d done, %[4]d accepted as risk
	RiskCol        string
	QuestionsCol   string
	PieTitle       string
	// Levels names the levels in the plan's tables and its sections'
	// headings come from Catalog.Risk.Heading.
	Levels map[questions.Risk]string

	OtherActions  string // heading
	OtherItem     string // %[1]s id, %[2]s title, %[3]s level: the line above a question's actions
	NotApplicable string // heading
	QuestionCol   string
	PillarCol     string
	ReasonCol     string
	NotesCol      string

	ItemFacts   string // %[1]s level (bold), %[2]s pillar
	AnsweredBy  string // %s: a person, after ItemFacts
	InPlace     string
	FollowsNone string
	WhatNext    string
	Reference   string // a link's text
	Notes       string
	ActionsHead string
	// LearnMore and ToImprove head a practice's further resources: its
	// helpful resources and its improvement plans.
	LearnMore string
	ToImprove string

	// A live review's votes and time.
	Contested     string
	Agreed        string
	Nothing       string // a ballot that ticked nothing
	ContestedHead string
	TimeHead      string
	TimeCol       string
	TimeSpent     string // %s, after ItemFacts

	FactSep     string // between an action's facts
	TaskOwner   string // %s
	TaskDue     string // %s
	TaskOverdue string
	TaskReason  string // %s
	Ticket      string
}

// History is the text of wafr history in a terminal (its level columns
// are Summary.Columns).
type History struct {
	Date, Milestone, Answered, Actions string // columns
	Current                            string // the row of the answers now
	Trend                              string // %[1]s HIGH's sparkline, %[2]s MEDIUM's
	Unscored                           string // the note under a row marked *

	// Markdown: the heading (%s the workload), the table's header row, the
	// current state's row and the chart's caption, title, axis and the
	// label of its current state.
	MDTitle, MDHeader, MDCurrent, MDCaption, MDChart, MDAxis, MDCurrentLabel string
}

// Actions is the text of wafr action list in a terminal.
type Actions struct {
	ID, Status, Due, Owner, Question, Title, Workload string // columns
	None                                              string // no action listed
	Overdue                                           string // %s: the due date of an action past it
}

// Summary is the fixed text of "wafr summary" in text and Markdown.
type Summary struct {
	// Saved heads the summary wafr review prints when it ends, and
	// NotCreated ends one left at its new review's form: %s the file.
	Saved, NotCreated string
	// AsideLeft reminds, after a session, of a file of answers an earlier
	// one could not save: %[1]s that file, %[2]s the review file.
	AsideLeft string
	// ParkedOne and ParkedMany (%d: how many) say that items wait in the
	// parking lot of a live review that ended.
	ParkedOne, ParkedMany string

	Answered    string // %[1]d answered, %[2]d in all
	AtMilestone string // %s: a milestone, after Answered
	Updated     string // %s: a date, after Answered
	Pillar      string // column
	Total       string // the total row
	// Columns names the level columns of the text table, Legend the
	// levels in the legend under it.
	Columns map[questions.Risk]string
	Legend  map[questions.Risk]string
	Actions string // %[1]d open, %[2]s overdue (OverdueN), %[3]d done, %[4]d accepted as risk
	Overdue string // %d

	// The table of several reviews.
	Workload, Lens, AnsweredCol, ActionsCol, OverdueCol, UpdatedCol string
	Reviews                                                         string // %d reviews
	ReviewOne                                                       string // Reviews for one

	// Markdown.
	MDTitle    string // %s: the workload
	MDLine     string // %[1]s lens, %[2]s version, %[3]d answered, %[4]d in all
	MDPillar   string
	MDColumns  map[questions.Risk]string
	MDTotal    string
	MDLens     string
	MDUpdated  string
	MDWorkload string
	MDAnswered string
}

// HTML is every fixed string of the HTML pages.
type HTML struct {
	// Levels names the levels in columns and legends (Catalog.Risk.Word
	// in sentences).
	Levels map[questions.Risk]string

	// Report page.
	PlanTitle     string // %s: workload
	Contents      string
	Summary       string
	Pillars       string
	Trend         string
	HighRisk      string
	MediumRisk    string
	OtherActions  string
	NotApplicable string
	Unanswered    string
	NoRisk        string

	Lens, Environment, Owner, Milestone, Date, Reviewers, AnsweredFact, ActionsFact string

	AnsweredOf     string // %[1]d answered, %[2]d total
	ActionsSummary string // open, overdue, done, accepted
	AnsweredLine   string // %[1]d answered, %[2]d total, %[3]s level counts
	Riskiest       string // %s: a list of pillars with their counts
	NoRiskiest     string
	PillarWith     string // %[1]s pillar, %[2]s its counts
	LevelCount     string // %[1]d count, %[2]s level name
	ListSep        string
	ListLast       string

	Legend, BarCol, Total, RiskCol, QuestionsCol, PillarCol, QuestionCol, ReasonCol, NotesCol string

	RiskIs, PillarIs, AnsweredBy                              string // AnsweredBy: %s a person
	TimeSpent                                                 string // %s: how long a live review spent on a question
	InPlace, FollowsNone, WhatNext, Reference, Notes, Actions string
	NotALink                                                  string // %s: a URL that is not http(s)
	ActionOwner, ActionDue, ActionReason                      string // %s
	Overdue, Ticket                                           string

	TrendCaption, TrendDate, TrendMilestone, Current, NotScored string
	TrendTable                                                  string
	Footer                                                      string // %[1]s file, %[2]s lens

	// Portfolio page.
	PortfolioTitle   string // %d reviews
	PortfolioOne     string // PortfolioTitle for one review
	PortfolioLine    string // %[1]d reviews, %[2]s counts, %[3]d open actions, %[4]d overdue
	Workload         string
	Workloads        string
	Due              string
	Updated          string
	OpenActions      string
	OverdueActions   string
	HeatMap          string
	HeatMapCaption   string
	NotInLens        string
	TrendPerWorkload string
	NoMilestones     string
	OverdueList      string
	NoOverdue        string
	Reviews          string // %d reviews
	ReviewOne        string // Reviews for one
}

// Diff is the fixed text of wafr diff in a terminal and in Markdown (its
// JSON is the same in every language).
type Diff struct {
	// Levels names the levels in the line of counts and the Markdown
	// table, Risks a question's risk before and after.
	Levels, Risks map[questions.Risk]string
	// Changes titles the groups of questions, by the name of their
	// review.Change ("regressed", "newly answered").
	Changes  map[string]string
	NoChange string // no question changed

	Ticked, Unticked string // Markdown: %s a choice
	Dropped          string // text: after the id of a choice ticked that the lens no longer has
	MDDropped        string // Markdown: %s the choice's id
	Reason           string // %s: a not-applicable reason
	Notes            string // %s: the notes now

	Actions string // heading
	// ActionChanges names what happened to an action, by the Change of
	// its review.ActionDiff ("opened", "risk accepted").
	ActionChanges map[string]string
	StatusChange  string // %[1]s the change, %[2]s the status before, %[3]s after
	Closable      string // %[1]s the choice ticked now, %[2]s the review file, %[3]s the action's id
	ActionSep     string // between the change and Closable

	// The notes on the lenses: LensChanged (%[1]s the old lens, %[2]s the
	// new) or LensContent (%s the lens) ends with LensListed when both
	// sides are scored with their lens, else with LensEnd. Unscored is a
	// side scored from the risks its file records: %[1]s the side, %[2]s
	// why (LensMissing, LensNotFound, LensChangedSince, LensNotLoading with
	// %s the error).
	LensChanged, LensContent, LensListed, LensEnd               string
	Unscored                                                    string
	LensMissing, LensNotFound, LensChangedSince, LensNotLoading string

	// Markdown: the heading (%s the workload), the line under it (%[1]s
	// the old side, %[2]s the new) and the table's header.
	MDTitle, MDFrom           string
	MDRisk, MDBefore, MDAfter string
}
