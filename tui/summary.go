package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// summaryScreen shows the risk per pillar as bars and counts, the actions,
// and the HIGH and MEDIUM questions to open.
type summaryScreen struct {
	c       *common
	snap    *Snapshot
	heading string
	list    list.Model
}

func newSummaryScreen(c *common, snap *Snapshot) summaryScreen {
	return summaryScreen{c: c, snap: snap, list: newList(c, false)}
}

func (m summaryScreen) open() summaryScreen {
	m = m.refresh()
	m.list.Select(0)
	return m
}

func (m summaryScreen) refresh() summaryScreen {
	s := m.c.styles
	w := m.c.width
	nameW := min(30, max(12, w/4))
	barW := w - nameW - len(countsHeader) - 5 // two gaps of 2, one spare
	if barW < 4 {
		barW = 0
	}
	sc := m.snap.Score
	lines := []string{s.Heading.Render("Risk summary") + "  " + s.Dim.Render(fmt.Sprintf("answered %d of %d", sc.Counts.Answered(), sc.Counts.Total())), ""}
	lines = append(lines, s.Dim.Render(padRight("PILLAR", nameW)+"  "+padRight("", barW)+"  "+countsHeader))
	for _, p := range sc.Pillars {
		lines = append(lines, padRight(truncate(oneLine(sanitize(p.Pillar.Name)), nameW), nameW)+"  "+bar(s, p.Counts, barW)+"  "+counts(s, p.Counts))
	}
	lines = append(lines, s.Heading.Render(padRight("Total", nameW))+"  "+bar(s, sc.Counts, barW)+"  "+counts(s, sc.Counts))
	// Distinct glyphs as well as colours, so the bars read without colour.
	var legend strings.Builder
	for _, r := range questions.Levels {
		legend.WriteString(s.Risk(r).Render(barGlyph(r)) + " " + strings.ToLower(riskLabel(r)) + "  ")
	}
	lines = append(lines, "", strings.TrimRight(legend.String(), " "), "")
	if acts := m.snap.Review.Actions; len(acts) > 0 {
		ac := review.CountActions(acts, m.c.now())
		line := fmt.Sprintf("Actions: %d open, %d overdue, %d closed", ac.Open, ac.Overdue, ac.Done+ac.AcceptedRisk)
		if ac.Overdue > 0 {
			line = s.RiskHigh.Render(line)
		}
		lines = append(lines, line, "")
	}
	var rows []list.Item
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		for i := range m.snap.Items {
			if m.snap.Risk(i) == r {
				rows = append(rows, questionRow(s, m.snap, i, min(24, max(8, w/5))))
			}
		}
	}
	if len(rows) == 0 {
		lines = append(lines, s.Dim.Render("No HIGH or MEDIUM risks."))
	} else {
		lines = append(lines, s.Heading.Render("HIGH and MEDIUM questions")+"  "+s.Dim.Render("(enter opens)"))
	}
	m.heading = strings.Join(lines, "\n")
	m.list.SetItems(rows)
	m.list.SetSize(w, max(1, m.c.height-len(lines)))
	return m
}

// barGlyph draws a level: distinct glyphs as well as colours, so the bars
// read without colour.
func barGlyph(r questions.Risk) string {
	switch r {
	case questions.HighRisk:
		return "█"
	case questions.MediumRisk:
		return "▓"
	case questions.NoRisk:
		return "░"
	case questions.NotApplicable:
		return "-"
	}
	return "·"
}

// bar draws a tally as a proportional bar of width w.
func bar(s *Styles, c scoring.Counts, w int) string {
	if c.Total() == 0 {
		return strings.Repeat(" ", w)
	}
	var b strings.Builder
	for i, n := range c.Bar(w) {
		r := questions.Levels[i]
		b.WriteString(s.Risk(r).Render(strings.Repeat(barGlyph(r), n)))
	}
	return b.String()
}

func (m summaryScreen) update(msg tea.KeyMsg) (summaryScreen, tea.Cmd, []event) {
	k := m.c.keys
	switch {
	case keyMatches(msg, k.List.Open):
		if r, ok := m.list.SelectedItem().(row); ok {
			return m, nil, []event{openQuestionEvent{r.item}}
		}
		return m, nil, nil
	case keyMatches(msg, k.Global.Back):
		return m, nil, []event{backEvent{}}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd, nil
}

func (m summaryScreen) view() string {
	if len(m.list.Items()) == 0 {
		return m.heading
	}
	return m.heading + "\n" + m.list.View()
}

func (m summaryScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, l := m.c.keys.Global, m.c.keys.List
	short = []key.Binding{g.Help, g.Quit, l.Open, g.Back, g.Navigator}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open}, {g.Back, g.Navigator, g.Help, g.Quit}}
}
