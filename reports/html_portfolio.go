package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// PortfolioItem is one review on the portfolio page.
type PortfolioItem struct {
	Scored *Scored
	// History is the review's history up to the reported point, as for
	// HTMLOptions.History; the row's trend is drawn when a row is a
	// milestone.
	History []HistoryRow
}

// PortfolioOptions change the portfolio page.
type PortfolioOptions struct {
	// Language picks the language of the headings, as
	// HTMLOptions.Language; the caller decides for a mix of lenses.
	Language string
}

// WritePortfolioHTML writes one self-contained HTML page for many reviews:
// a row per workload, most HIGH risks first (as the consolidated summary),
// with its bar, open and overdue actions and trend; a heat map of pillars
// by workload; and the overdue actions.
func WritePortfolioHTML(w io.Writer, items []PortfolioItem, opts PortfolioOptions) error {
	t, err := htmlTemplates()
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "portfolio", newHTMLPortfolio(items, opts))
}

// htmlPortfolio is the portfolio page.
type htmlPortfolio struct {
	htmlPage
	Heading  string
	Line     string
	Rows     []htmlWorkload
	Total    htmlWorkload
	HeatCols []string
	Heat     []htmlHeatRow
	Overdue  []htmlOverdue
}

// htmlWorkload is one row of the portfolio table.
type htmlWorkload struct {
	Name, Environment, Lens, Milestone, Answered, Updated string
	Counts                                                []htmlLevel
	Bar                                                   svgBar
	Open, Overdue                                         int
	Trend                                                 *svgTrend
	TrendText                                             []string // per series: "HIGH 4→3→2"
}

type htmlHeatRow struct {
	Workload string
	Cells    []htmlHeatCell
}

// htmlHeatCell is one pillar of one workload: the worst level in it sets
// class and glyph; Text shows the HIGH and MEDIUM counts, Full every count.
type htmlHeatCell struct {
	Absent             bool
	Risk, Class, Glyph string
	Text, Full         string
	High, Medium       int
}

type htmlOverdue struct{ Workload, Question, ID, Title, Owner, Due string }

func newHTMLPortfolio(items []PortfolioItem, opts PortfolioOptions) *htmlPortfolio {
	l := htmlLabelsFor(opts.Language)
	heading := i18n.Plural(len(items), l.PortfolioOne, fmt.Sprintf(l.PortfolioTitle, len(items)))
	reviews := i18n.Plural(len(items), l.ReviewOne, fmt.Sprintf(l.Reviews, len(items)))
	p := &htmlPortfolio{htmlPage: newHTMLPage(l, opts.Language, heading), Heading: heading}
	p.Footer = fmt.Sprintf(l.Footer, reviews, strings.Join(portfolioLenses(items), l.ListSep))
	history := map[*Scored][]HistoryRow{}
	all := make([]*Scored, len(items))
	for i, it := range items {
		all[i], history[it.Scored] = it.Scored, it.History
	}
	var total scoring.Counts
	var open, overdue int
	colIndex := map[string]int{}
	for _, s := range sortForConsolidation(all) {
		p.Rows = append(p.Rows, newHTMLWorkload(s, history[s], l))
		total = total.Plus(s.Counts)
		open, overdue = open+s.Actions.Open, overdue+s.Actions.Overdue
		for _, pl := range s.Pillars {
			if _, ok := colIndex[pl.ID]; !ok {
				colIndex[pl.ID] = len(p.HeatCols)
				p.HeatCols = append(p.HeatCols, plain(pl.Name))
			}
		}
	}
	for _, s := range sortForConsolidation(all) {
		row := htmlHeatRow{Workload: plain(s.Workload.Name), Cells: make([]htmlHeatCell, len(p.HeatCols))}
		for i := range row.Cells {
			row.Cells[i] = htmlHeatCell{Absent: true, Class: "absent", Text: "–", Full: l.NotInLens}
		}
		for _, pl := range s.Pillars {
			row.Cells[colIndex[pl.ID]] = heatCell(pl.Counts, l)
		}
		p.Heat = append(p.Heat, row)
		for _, pl := range s.Pillars {
			for _, q := range pl.Questions {
				for _, a := range q.Actions {
					if a.Overdue {
						p.Overdue = append(p.Overdue, htmlOverdue{Workload: plain(s.Workload.Name), Question: plain(q.ID) + " " + plain(q.Title),
							ID: plain(a.ID), Title: plain(a.Title), Owner: plain(orDash(a.Owner)), Due: plain(a.Due)})
					}
				}
			}
		}
	}
	p.Total = htmlWorkload{Name: l.Total, Lens: reviews, Answered: fmt.Sprintf("%d/%d", total.Answered(), total.Total()),
		Counts: levelCounts(total, l), Bar: newSVGBar(l.Total, total, l), Open: open, Overdue: overdue}
	p.Line = fmt.Sprintf(l.PortfolioLine, len(items), l.counts(total, false), open, overdue)
	return p
}

func newHTMLWorkload(s *Scored, history []HistoryRow, l htmlLabels) htmlWorkload {
	name := plain(s.Workload.Name)
	w := htmlWorkload{Name: name, Environment: plain(l.environment(s.Workload.Environment)), Lens: lensLabel(s), Milestone: plain(s.Milestone),
		Answered: fmt.Sprintf("%d/%d", s.Answered, s.Total), Updated: dateOf(s), Counts: levelCounts(s.Counts, l),
		Bar: newSVGBar(name, s.Counts, l), Open: s.Actions.Open, Overdue: s.Actions.Overdue}
	if hasMilestone(history) {
		chart := newSVGTrend(history, sparkLayout(), l)
		var parts []string
		for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
			vals := make([]string, len(history))
			for i, h := range history {
				vals[i] = fmt.Sprint(h.Counts.Of(r))
			}
			parts = append(parts, l.level(r)+" "+strings.Join(vals, "→"))
		}
		w.TrendText = parts
		chart.Title = name + ": " + strings.Join(parts, l.ListSep)
		w.Trend = &chart
	}
	return w
}

func heatCell(c scoring.Counts, l htmlLabels) htmlHeatCell {
	worst := questions.NotApplicable
	switch {
	case c.High > 0:
		worst = questions.HighRisk
	case c.Medium > 0:
		worst = questions.MediumRisk
	case c.Unanswered > 0 && c.None == 0:
		worst = questions.Unanswered
	case c.None > 0:
		worst = questions.NoRisk
	}
	cell := htmlHeatCell{Risk: worst.String(), Class: riskClass(worst), Glyph: worst.Glyph(), High: c.High, Medium: c.Medium, Full: l.counts(c, true)}
	var parts []string
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		if n := c.Of(r); n > 0 {
			parts = append(parts, r.Glyph()+" "+fmt.Sprint(n))
		}
	}
	cell.Text = strings.Join(parts, "  ")
	if cell.Text == "" {
		cell.Text = cell.Glyph + " " + l.level(worst)
	}
	return cell
}

// portfolioLenses lists the lenses used, each once.
func portfolioLenses(items []PortfolioItem) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range items {
		if n := lensLabel(it.Scored); !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
