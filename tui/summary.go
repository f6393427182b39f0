package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
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
	list    rowList
}

// The summary's bar is at most maxBar wide and, narrower than minBar, not
// drawn.
const (
	maxBar = 22
	minBar = 4
)

func newSummaryScreen(c *common, snap *Snapshot) summaryScreen {
	return summaryScreen{c: c, snap: snap, list: newRowList(c)}
}

func (m summaryScreen) open() summaryScreen {
	m = m.refresh()
	m.list = m.list.selectWhere(func(listRow) bool { return true })
	return m
}

// barLayout shares the width between pillar names and bars: text before
// decoration. The names keep their whole width and the bar takes what is
// left; when too little is left for a bar, there is none, and only when
// the names alone do not fit are they cut (to no less than 12 columns).
func barLayout(names []string, w, counts int) (nameW, barW int) {
	natural := 0
	for _, n := range names {
		natural = max(natural, displayWidth(n))
	}
	room := w - counts - 4 // two gaps of two
	if room-natural >= minBar {
		return natural, min(maxBar, room-natural)
	}
	return min(natural, max(12, room+2)), 0 // no bar: one gap fewer
}

func (m summaryScreen) refresh() summaryScreen {
	s, t := m.c.styles, &m.c.t.Summary
	w := m.c.width
	cc := newCountColumns(m.c)
	sc := m.snap.Score
	names := []string{m.c.t.Lists.Pillar, m.c.t.Lists.Total}
	for _, p := range sc.Pillars {
		names = append(names, cleanLine(p.Pillar.Name))
	}
	nameW, barW := barLayout(names, w, cc.width())
	lines := []string{s.Heading.Render(t.Title) + "  " + s.Dim.Render(fmt.Sprintf(t.Answered, sc.Counts.Answered(), sc.Counts.Total())), ""}
	row := func(name, bar, counts string) string {
		if barW == 0 {
			return name + "  " + counts
		}
		return name + "  " + bar + "  " + counts
	}
	lines = append(lines, s.Dim.Render(row(padRight(m.c.t.Lists.Pillar, nameW), padRight("", barW), cc.header())))
	for _, p := range sc.Pillars {
		lines = append(lines, row(padRight(truncate(cleanLine(p.Pillar.Name), nameW), nameW), bar(s, p.Counts, barW), cc.counts(s, p.Counts)))
	}
	lines = append(lines, row(s.Heading.Render(padRight(m.c.t.Lists.Total, nameW)), bar(s, sc.Counts, barW), cc.counts(s, sc.Counts)))
	// Distinct glyphs as well as colours, so the bars read without colour.
	var legend []string
	for _, r := range questions.Levels {
		legend = append(legend, s.Risk(r).Render(r.Glyph())+" "+m.c.cat.Summary.Legend[r])
	}
	lines = append(lines, "", truncate(strings.Join(legend, "  "), w), "")
	if acts := m.snap.Review.Actions; len(acts) > 0 {
		ac := review.CountActions(acts, m.c.now())
		line := fmt.Sprintf(t.Actions, ac.Open, ac.Overdue, ac.Done, ac.AcceptedRisk)
		if ac.Overdue > 0 {
			line = s.RiskHigh.Render(line)
		}
		lines = append(lines, line, "")
	}
	var rows []listRow
	idW := idWidth(m.c, m.snap, w)
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		for i := range m.snap.Items {
			if m.snap.Risk(i) == r {
				rows = append(rows, listRow{lines: questionLines(m.c, m.snap, i, idW, w), item: i, pillar: m.snap.Items[i].PI})
			}
		}
	}
	if len(rows) == 0 {
		lines = append(lines, s.Dim.Render(t.NoRisks))
	} else {
		lines = append(lines, s.Heading.Render(t.RiskList)+"  "+s.Dim.Render(t.EnterOpens))
	}
	m.heading = strings.Join(lines, "\n")
	m.list = m.list.setRows(rows).setHeight(max(1, m.c.height-len(lines)))
	return m
}

// bar draws a tally as a proportional bar of width w.
func bar(s *Styles, c scoring.Counts, w int) string {
	if c.Total() == 0 {
		return strings.Repeat(" ", w)
	}
	var b strings.Builder
	for i, n := range c.Bar(w) {
		r := questions.Levels[i]
		b.WriteString(s.Risk(r).Render(strings.Repeat(r.Glyph(), n)))
	}
	return b.String()
}

func (m summaryScreen) update(msg tea.KeyMsg) (summaryScreen, tea.Cmd, []event) {
	k := m.c.keys
	switch {
	case keyMatches(msg, k.List.Open):
		if r, ok := m.list.selected(); ok && r.item >= 0 {
			return m, nil, []event{openQuestionEvent{r.item}}
		}
	case keyMatches(msg, k.Global.Back):
		return m, nil, []event{backEvent{}}
	case keyMatches(msg, k.List.Up):
		m.list = m.list.move(-1)
	case keyMatches(msg, k.List.Down):
		m.list = m.list.move(1)
	}
	return m, nil, nil
}

func (m summaryScreen) view() string {
	if len(m.list.rows) == 0 {
		return m.heading
	}
	return m.heading + "\n" + m.list.view()
}

func (m summaryScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, l := m.c.keys.Global, m.c.keys.List
	short = []key.Binding{g.Help, g.Quit, l.Open, g.Back, g.Navigator}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open}, {g.Back, g.Navigator, g.Help, g.Quit}}
}
