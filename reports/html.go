package reports

import (
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// The templates and the style sheet of the HTML pages, read-only.
var (
	//go:embed html_templates/*.tmpl
	htmlFS embed.FS
	//go:embed html_templates/style.css
	htmlStyle string
)

// HTMLOptions change the HTML report.
type HTMLOptions struct {
	// PillarOrder lists pillar ids to put first in the plan, as for the
	// Markdown plan.
	PillarOrder []string
	// History is the review's history up to the reported point, oldest
	// first, as `wafr history` lists it: a row per milestone, then the
	// reported state (Current unless the report is as of a milestone).
	// The trend chart is drawn when a row is a milestone.
	History []HistoryRow
	// Language is the lens language; it picks the language of the
	// headings ("ja": Japanese; anything else: English).
	Language string
}

// WriteHTML writes the improvement plan as one self-contained HTML page
// (inline CSS and SVG, no script, nothing loaded from anywhere): the
// Markdown plan's content plus an executive summary, a stacked bar per
// pillar and, when there are milestones, the trend of HIGH and MEDIUM.
func WriteHTML(w io.Writer, s *Scored, opts HTMLOptions) error {
	t, err := htmlTemplates()
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "report", newHTMLReport(s, opts))
}

// htmlTemplates parses the embedded templates; once per page written, so
// that no parsed state is shared between calls.
func htmlTemplates() (*template.Template, error) {
	return template.New("").ParseFS(htmlFS, "html_templates/*.tmpl")
}

// htmlPage is what every page has: labels, language, title and styles.
type htmlPage struct {
	L     htmlLabels
	Lang  string
	Title string
	CSS   template.CSS
	// CSP allows only the inline style sheet (by its hash): no script,
	// image, font or connection of any kind, even if escaping failed.
	CSP    string
	Legend []htmlLevel
	Footer string
}

func newHTMLPage(l htmlLabels, lensLang, title string) htmlPage {
	css := htmlStyle
	sum := sha256.Sum256([]byte(css))
	p := htmlPage{L: l, Lang: l.Lang, Title: title, CSS: template.CSS(css),
		CSP: "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"}
	if validLangTag(lensLang) {
		p.Lang = lensLang // the lens text is most of the page
	}
	for _, r := range questions.Levels {
		p.Legend = append(p.Legend, htmlLevel{Risk: r.String(), Class: riskClass(r), Glyph: r.Glyph(), Name: l.level(r)})
	}
	return p
}

// Page is the page's common part, for the shared templates.
func (p htmlPage) Page() htmlPage { return p }

// validLangTag accepts a plausible BCP 47 tag (letters, digits, hyphens).
func validLangTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// htmlLevel is a level with its glyph, name and (where it applies) count.
type htmlLevel struct {
	Risk  string
	Class string
	Glyph string
	Name  string
	Count int
}

func levelCounts(c scoring.Counts, l htmlLabels) []htmlLevel {
	out := make([]htmlLevel, 0, len(questions.Levels))
	for _, r := range questions.Levels {
		out = append(out, htmlLevel{Risk: r.String(), Class: riskClass(r), Glyph: r.Glyph(), Name: l.level(r), Count: c.Of(r)})
	}
	return out
}

func levelOf(r questions.Risk, l htmlLabels) htmlLevel {
	return htmlLevel{Risk: r.String(), Class: riskClass(r), Glyph: r.Glyph(), Name: l.level(r)}
}

// htmlReport is the report page.
type htmlReport struct {
	htmlPage
	Heading      string
	Nav          []htmlNav
	Facts        []htmlFact
	AnsweredLine string
	RiskiestLine string
	Counts       []htmlLevel
	TotalBar     svgBar
	Notes        string
	Pillars      []htmlPillar
	Total        htmlPillar
	Trend        *htmlTrend
	Sections     []htmlSection
	Other        []htmlOther
	NA           []htmlNA
	Lists        []htmlList
	// Contested and Times are a live review's results, as the Markdown
	// plan ends with them: the questions the silent vote contested, and
	// the time spent on each question.
	Contested []htmlOther // ID, Title and Level only
	Times     []htmlTime
}

// htmlTime is a row of the time spent in a live review.
type htmlTime struct{ ID, Title, Time string }

type htmlNav struct{ ID, Title string }

// htmlFact is a row of the header table; Code is shown as code after Value.
type htmlFact struct{ Label, Value, Code string }

type htmlPillar struct {
	Name   string
	Counts []htmlLevel
	Bar    svgBar
}

type htmlTrend struct {
	Chart     svgTrend
	Rows      []htmlTrendRow
	NotScored bool
}

type htmlTrendRow struct {
	Date, Name, Answered   string
	High, Medium, None, NA string // counts with the change from the row before
	Current, NotScored     bool
	HighCount, MediumCount int
}

// htmlSection is the HIGH or the MEDIUM part of the plan.
type htmlSection struct {
	ID, Title string
	Level     htmlLevel
	Items     []htmlItem
}

type htmlItem struct {
	L                             *htmlLabels
	ID, Title, Pillar, AnsweredBy string
	Level                         htmlLevel
	InPlace                       []string
	FollowsNone                   bool
	Missing                       []htmlMissing
	Notes                         string
	// TimeSpent is how long a live review spent on the question, as a
	// fact of the item; Votes the ballots of its silent vote, if any.
	TimeSpent string
	Votes     *htmlVotes
	Actions   htmlActionList
}

// htmlVotes is how the team voted on a question: whether the ballots
// differed, said in words, and each ballot.
type htmlVotes struct {
	Contested bool
	Line      string
	Ballots   []htmlBallot
}

// htmlBallot is one person's ballot: the choice ids they ticked, or
// Nothing when they ticked none.
type htmlBallot struct {
	By      string
	IDs     []string
	Nothing string
}

// htmlActionList is a question's actions with the labels to show them.
type htmlActionList struct {
	L     *htmlLabels
	Items []htmlAction
}

type htmlMissing struct {
	Title, Plan string
	Link        htmlLink
	Resources   []htmlResources
}

// htmlResources is a heading of a practice's further resources
// (resourceSections) with its items.
type htmlResources struct {
	Title string
	Items []htmlResource
}

// htmlResource is an item of a resource list: its text, its link (the
// text is the link's; without text the link shows its address), with
// NotALink saying so when the address is not a web link, and the items
// nested under it.
type htmlResource struct {
	Text     string
	Link     htmlLink
	NotALink string
	Items    []htmlResource
}

// htmlLink is a URL from a lens or review: Href when it is an http(s)
// link, else Text, shown as text and never followed.
type htmlLink struct{ Href, Text string }

type htmlAction struct {
	ID, Title, Status, StatusName string
	Owner, Due, Reason            string
	Closed, Overdue               bool
	Link                          htmlLink
}

type htmlOther struct {
	ID, Title string
	Level     htmlLevel
	Actions   htmlActionList
}

type htmlNA struct{ ID, Title, Pillar, Reason, Notes string }

type htmlList struct {
	ID, Title string
	Level     htmlLevel
	Items     []htmlNA // ID and Title only
}

func newHTMLReport(s *Scored, opts HTMLOptions) *htmlReport {
	l := htmlLabelsFor(opts.Language)
	name := plain(s.Workload.Name)
	heading := fmt.Sprintf(l.PlanTitle, name)
	lens := plain(strings.TrimSpace(s.Lens.Name + " " + s.Lens.Version))
	r := &htmlReport{htmlPage: newHTMLPage(l, opts.Language, heading), Heading: heading}
	r.Footer = fmt.Sprintf(l.Footer, plain(orDash(s.File)), lens)
	r.Facts = reportFacts(s, l, lens)
	r.AnsweredLine = fmt.Sprintf(l.AnsweredLine, s.Answered, s.Total, l.counts(s.Counts, false))
	r.RiskiestLine = riskiest(s, l)
	r.Counts = levelCounts(s.Counts, l)
	r.TotalBar = newSVGBar(l.Total, s.Counts, l)
	r.Notes = multiline(s.Notes)
	for _, p := range s.Pillars {
		r.Pillars = append(r.Pillars, htmlPillar{Name: plain(p.Name), Counts: levelCounts(p.Counts, l), Bar: newSVGBar(plain(p.Name), p.Counts, l)})
	}
	r.Total = htmlPillar{Name: l.Total, Counts: levelCounts(s.Counts, l), Bar: r.TotalBar}
	r.Nav = []htmlNav{{"summary", l.Summary}, {"pillars", l.Pillars}}
	if tr := newHTMLTrend(opts.History, l); tr != nil {
		r.Trend = tr
		r.Nav = append(r.Nav, htmlNav{"trend", l.Trend})
	}
	for _, sec := range []struct {
		risk      questions.Risk
		id, title string
	}{{questions.HighRisk, "high", l.HighRisk}, {questions.MediumRisk, "medium", l.MediumRisk}} {
		items := s.byRisk(sec.risk, opts.PillarOrder)
		if len(items) == 0 {
			continue
		}
		hs := htmlSection{ID: sec.id, Title: sec.title, Level: levelOf(sec.risk, l)}
		for _, q := range items {
			hs.Items = append(hs.Items, newHTMLItem(q, &r.L))
		}
		r.Sections = append(r.Sections, hs)
		r.Nav = append(r.Nav, htmlNav{sec.id, sec.title})
	}
	for _, risk := range []questions.Risk{questions.NoRisk, questions.NotApplicable, questions.Unanswered} {
		for _, q := range s.byRisk(risk, opts.PillarOrder) {
			if len(q.Actions) > 0 {
				r.Other = append(r.Other, htmlOther{ID: plain(q.ID), Title: plain(q.Title), Level: levelOf(q.Risk, l), Actions: htmlActions(q.Actions, &r.L)})
			}
		}
	}
	if len(r.Other) > 0 {
		r.Nav = append(r.Nav, htmlNav{"other-actions", l.OtherActions})
	}
	for _, q := range s.byRisk(questions.NotApplicable, opts.PillarOrder) {
		r.NA = append(r.NA, htmlNA{ID: plain(q.ID), Title: plain(q.Title), Pillar: plain(q.pillar.Name), Reason: l.reason(q.Reason), Notes: multiline(q.Notes)})
	}
	if len(r.NA) > 0 {
		r.Nav = append(r.Nav, htmlNav{"not-applicable", l.NotApplicable})
	}
	for _, sec := range []struct {
		risk      questions.Risk
		id, title string
	}{{questions.Unanswered, "unanswered", l.Unanswered}, {questions.NoRisk, "no-risk", l.NoRisk}} {
		list := htmlList{ID: sec.id, Title: sec.title, Level: levelOf(sec.risk, l)}
		for _, q := range s.byRisk(sec.risk, opts.PillarOrder) {
			list.Items = append(list.Items, htmlNA{ID: plain(q.ID), Title: plain(q.Title)})
		}
		if len(list.Items) > 0 {
			r.Lists = append(r.Lists, list)
			r.Nav = append(r.Nav, htmlNav{sec.id, sec.title})
		}
	}
	contested, timed := s.meeting()
	for _, q := range contested {
		r.Contested = append(r.Contested, htmlOther{ID: plain(q.ID), Title: plain(q.Title), Level: levelOf(q.Risk, l)})
	}
	for _, q := range timed {
		r.Times = append(r.Times, htmlTime{ID: plain(q.ID), Title: plain(q.Title), Time: plain(q.TimeSpent)})
	}
	if len(r.Contested) > 0 {
		r.Nav = append(r.Nav, htmlNav{"contested", l.ContestedHead})
	}
	if len(r.Times) > 0 {
		r.Nav = append(r.Nav, htmlNav{"time-spent", l.TimeHead})
	}
	return r
}

// reportFacts is the header table, as the Markdown plan's.
func reportFacts(s *Scored, l htmlLabels, lens string) []htmlFact {
	var out []htmlFact
	add := func(label, value, code string) {
		if value != "" || code != "" {
			out = append(out, htmlFact{Label: label, Value: value, Code: code})
		}
	}
	add(l.Lens, lens, plain(s.Lens.ID))
	add(l.Environment, plain(l.environment(s.Workload.Environment)), "")
	add(l.Owner, plain(s.Workload.Owner), "")
	add(l.Milestone, plain(s.Milestone), "")
	if len(s.UpdatedAt) >= 10 {
		add(l.Date, s.UpdatedAt[:10], "")
	}
	reviewers := make([]string, len(s.Reviewers))
	for i, r := range s.Reviewers {
		reviewers[i] = plain(r)
	}
	add(l.Reviewers, strings.Join(reviewers, l.ListSep), "")
	add(l.AnsweredFact, fmt.Sprintf(l.AnsweredOf, s.Answered, s.Total), "")
	if a := s.Actions; a.Open+a.Done+a.AcceptedRisk > 0 {
		add(l.ActionsFact, fmt.Sprintf(l.ActionsSummary, a.Open, a.Overdue, a.Done, a.AcceptedRisk), "")
	}
	return out
}

// riskiest names up to three pillars with HIGH or MEDIUM questions, most
// HIGH first, then most MEDIUM, then in lens order.
func riskiest(s *Scored, l htmlLabels) string {
	var ps []Pillar
	for _, p := range s.Pillars {
		if p.Counts.High+p.Counts.Medium > 0 {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b Pillar) int {
		if c := cmp.Compare(b.Counts.High, a.Counts.High); c != 0 {
			return c
		}
		return cmp.Compare(b.Counts.Medium, a.Counts.Medium)
	})
	if len(ps) == 0 {
		return l.NoRiskiest
	}
	var names []string
	for _, p := range ps[:min(3, len(ps))] {
		names = append(names, fmt.Sprintf(l.PillarWith, plain(p.Name), l.counts(scoring.Counts{High: p.Counts.High, Medium: p.Counts.Medium}, false)))
	}
	return fmt.Sprintf(l.Riskiest, l.list(names))
}

func newHTMLItem(q Question, l *htmlLabels) htmlItem {
	it := htmlItem{L: l, ID: plain(q.ID), Title: plain(q.Title), Pillar: plain(q.pillar.Name), Level: levelOf(q.Risk, *l), Notes: multiline(q.Notes)}
	if q.AnsweredBy != "" {
		it.AnsweredBy = fmt.Sprintf(l.AnsweredBy, plain(q.AnsweredBy))
	}
	if q.TimeSpent != "" {
		it.TimeSpent = fmt.Sprintf(l.TimeSpent, plain(q.TimeSpent))
	}
	if len(q.Votes) > 0 {
		v := &htmlVotes{Contested: q.Contested, Line: l.Agreed}
		if q.Contested {
			v.Line = l.Contested
		}
		for _, b := range q.Votes {
			hb := htmlBallot{By: plain(b.By)}
			for _, id := range b.Selected {
				hb.IDs = append(hb.IDs, plain(id))
			}
			if len(hb.IDs) == 0 {
				hb.Nothing = l.Nothing
			}
			v.Ballots = append(v.Ballots, hb)
		}
		it.Votes = v
	}
	for _, c := range q.Selected {
		if !strings.HasSuffix(c.ID, questions.NoneSuffix) {
			it.InPlace = append(it.InPlace, plain(c.Title))
		}
	}
	it.FollowsNone = len(it.InPlace) == 0 && len(q.Selected) > 0
	for _, c := range q.Missing {
		m := htmlMissing{Title: plain(c.Title), Plan: plain(c.ImprovementPlan), Link: webLink(c.URL)}
		for _, sec := range resourceSections(c, l.ToImprove, l.LearnMore) {
			m.Resources = append(m.Resources, htmlResources{Title: sec.Title, Items: htmlResourceItems(sec.Items, l)})
		}
		it.Missing = append(it.Missing, m)
	}
	it.Actions = htmlActions(q.Actions, l)
	return it
}

// htmlResourceItems is resource items as the page shows them: the text
// cleaned, a numbered item's marker before it, and only http(s) links.
func htmlResourceItems(items []resourceItem, l *htmlLabels) []htmlResource {
	var out []htmlResource
	for _, it := range items {
		r := htmlResource{Text: plain(strings.TrimSpace(it.Marker + " " + it.Text)), Link: webLink(it.URL)}
		if r.Link.Text != "" {
			r.NotALink = fmt.Sprintf(l.NotALink, r.Link.Text)
		}
		r.Items = htmlResourceItems(it.Items, l)
		out = append(out, r)
	}
	return out
}

func htmlActions(as []ActionItem, l *htmlLabels) htmlActionList {
	out := htmlActionList{L: l}
	for _, a := range as {
		h := htmlAction{ID: plain(a.ID), Title: plain(a.Title), Status: plain(a.Status), StatusName: l.status(a.Status),
			Closed: a.Status == review.StatusDone || a.Status == review.StatusAcceptedRisk, Overdue: a.Overdue, Link: webLink(a.Link)}
		if a.Owner != "" {
			h.Owner = fmt.Sprintf(l.ActionOwner, plain(a.Owner))
		}
		if a.Due != "" {
			h.Due = fmt.Sprintf(l.ActionDue, plain(a.Due))
		}
		if a.Status == review.StatusAcceptedRisk && a.Reason != "" {
			h.Reason = fmt.Sprintf(l.ActionReason, plain(a.Reason))
		}
		out.Items = append(out.Items, h)
	}
	return out
}

// newHTMLTrend is the trend chart and its table, or nil when no row is a
// milestone.
func newHTMLTrend(rows []HistoryRow, l htmlLabels) *htmlTrend {
	if !hasMilestone(rows) {
		return nil
	}
	t := &htmlTrend{Chart: newSVGTrend(rows, trendLayout(), l)}
	for i, r := range rows {
		var prev scoring.Counts
		if i > 0 {
			prev = rows[i-1].Counts
		}
		c := r.Counts
		t.Rows = append(t.Rows, htmlTrendRow{Date: day(r.Date), Name: rowName(r, l), Answered: r.answeredOf(),
			High: withChange(c.High, prev.High, i == 0), Medium: withChange(c.Medium, prev.Medium, i == 0),
			None: withChange(c.None, prev.None, i == 0), NA: withChange(c.NotApplicable, prev.NotApplicable, i == 0),
			Current: r.Current, NotScored: !r.Scored, HighCount: c.High, MediumCount: c.Medium})
		t.NotScored = t.NotScored || !r.Scored
	}
	return t
}

// hasMilestone reports whether a history has a milestone row, which is
// when a trend is drawn.
func hasMilestone(rows []HistoryRow) bool {
	return slices.ContainsFunc(rows, func(r HistoryRow) bool { return !r.Current })
}

// webLink keeps a URL from a lens or review as a link only when the
// Markdown plan links it too (webAddress: an absolute http or https URL,
// as written); anything else (javascript:, data:, file:, relative, a
// control character inside) is shown as text, cleaned.
func webLink(raw string) htmlLink {
	if u, ok := webAddress(raw); ok {
		return htmlLink{Href: u}
	}
	return htmlLink{Text: plain(raw)}
}

// multiline cleans text whose line breaks matter (notes); the page keeps
// them with white-space: pre-wrap.
func multiline(s string) string {
	return strings.Trim(strings.ReplaceAll(textsafe.Clean(s), "\r", ""), "\n")
}
