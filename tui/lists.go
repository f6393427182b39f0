package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

var sanitize = textsafe.Clean

// row is one line of a list: text prepared in Update, and what it opens.
type row struct {
	text   string
	filter string
	item   int // question index, or -1
	pillar int // pillar index, or -1
}

func (r row) FilterValue() string { return r.filter }

// rowDelegate draws prepared rows, one line each, with a cursor mark.
type rowDelegate struct{ cursor, blank string }

func (d rowDelegate) Height() int                         { return 1 }
func (d rowDelegate) Spacing() int                        { return 0 }
func (d rowDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }
func (d rowDelegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	r, _ := it.(row)
	mark := d.blank
	if index == m.Index() {
		mark = d.cursor
	}
	io.WriteString(w, truncate(mark+r.text, m.Width()))
}

func (m *Model) newList(filtering bool) list.Model {
	l := list.New(nil, rowDelegate{cursor: m.c.styles.Cursor.Render("› "), blank: "  "}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.SetShowStatusBar(filtering)
	l.SetFilteringEnabled(filtering)
	l.DisableQuitKeybindings()
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	l.KeyMap.ShowFullHelp.SetEnabled(false)
	l.KeyMap.CloseFullHelp.SetEnabled(false)
	l.Styles.StatusBar = m.c.styles.Dim
	l.Styles.NoItems = m.c.styles.Dim
	l.SetStatusBarItemName("question", "questions")
	return l
}

// listState is a list screen: a heading prepared in Update and a bubbles
// list below it.
type listState struct {
	heading string
	list    list.Model
	ready   bool
}

// counts formats a tally as fixed-width columns.
func (m *Model) counts(c scoring.Counts) string {
	s := m.c.styles
	cell := func(n int, r questions.Risk, w int) string {
		text := fmt.Sprintf("%*d", w, n)
		if n == 0 {
			return s.Dim.Render(text)
		}
		return s.Risk(r).Render(text)
	}
	return fmt.Sprintf("%8s  %s  %s  %s  %s",
		fmt.Sprintf("%d/%d", c.Answered(), c.Total()),
		cell(c.High, questions.HighRisk, 4), cell(c.Medium, questions.MediumRisk, 6),
		cell(c.None, questions.NoRisk, 4), cell(c.NotApplicable, questions.NotApplicable, 3))
}

const countsHeader = "ANSWERED  HIGH  MEDIUM  NONE  N/A"

// --- overview ---

func (m *Model) openOverview() {
	m.screen = screenOverview
	m.refresh()
}

func (m *Model) refreshOverview() {
	s := m.c.styles
	if !m.overview.ready {
		m.overview.list = m.newList(false)
		m.overview.ready = true
	}
	w := m.c.width
	nameW := max(12, w-len(countsHeader)-6)
	wl := m.rev.Workload
	details := []string{}
	if wl.Environment != "" {
		details = append(details, strings.ToLower(wl.Environment))
	}
	if wl.Owner != "" {
		details = append(details, "owner "+sanitize(wl.Owner))
	}
	head := []string{
		s.Heading.Render(truncate(oneLine(sanitize(wl.Name)), w)) + "  " + s.Dim.Render(strings.Join(details, ", ")),
		truncate(fmt.Sprintf("%s %s · %s · %s", oneLine(sanitize(m.lens.Name)), sanitize(m.lens.Version),
			plural(len(m.lens.Pillars), "pillar"), plural(len(m.items), "question")), w),
		"",
		s.Dim.Render("  " + padRight("PILLAR", nameW) + "  " + countsHeader),
	}
	m.overview.heading = strings.Join(head, "\n")
	var rows []list.Item
	for pi, p := range m.score.Pillars {
		rows = append(rows, row{text: padRight(truncate(oneLine(sanitize(p.Pillar.Name)), nameW), nameW) + "  " + m.counts(p.Counts), item: -1, pillar: pi})
	}
	rows = append(rows, row{text: s.Heading.Render(padRight("Total", nameW)) + "  " + m.counts(m.score.Counts), item: -1, pillar: -1})
	m.overview.list.SetItems(rows)
	m.overview.list.SetSize(w, m.bodyHeight()-4)
}

func (m *Model) updateOverview(msg tea.KeyMsg) tea.Cmd {
	if keyMatches(msg, m.c.keys.List.Open) {
		r, _ := m.overview.list.SelectedItem().(row)
		if r.pillar < 0 {
			return nil
		}
		return m.openQuestion(m.firstOfPillar(r.pillar))
	}
	var cmd tea.Cmd
	m.overview.list, cmd = m.overview.list.Update(msg)
	return cmd
}

// firstOfPillar is the pillar's first unanswered question, else its first.
func (m *Model) firstOfPillar(pi int) int {
	first := -1
	for i, it := range m.items {
		if it.pi != pi {
			continue
		}
		if first < 0 {
			first = i
		}
		if m.risk(i) == questions.Unanswered {
			return i
		}
	}
	return first
}

func (m *Model) overviewView() string {
	return m.overview.heading + "\n" + m.overview.list.View()
}

// --- navigator ---

// navFilter narrows the navigator.
type navFilter int

const (
	filterAll navFilter = iota
	filterUnanswered
	filterHigh
)

var navFilterNames = []string{"all questions", "unanswered", "HIGH risk"}

type navigatorState struct {
	listState
	filter navFilter
}

func (m *Model) openNavigator() {
	if m.screen != screenNavigator && m.screen != screenSummary {
		m.back = m.screen
	}
	m.screen = screenNavigator
	m.navigator.list.ResetFilter()
	m.refresh()
	m.navigator.list.Select(m.rowIndexOf(m.navigator.list, m.cur))
}

func (m *Model) rowIndexOf(l list.Model, item int) int {
	for i, it := range l.VisibleItems() {
		if r, ok := it.(row); ok && r.item == item {
			return i
		}
	}
	return 0
}

// questionRow formats a question for the navigator and summary lists.
func (m *Model) questionRow(i, pillarW int) row {
	s := m.c.styles
	it := m.items[i]
	r := m.risk(i)
	pillar := padRight(truncate(oneLine(sanitize(it.p.Name)), pillarW), pillarW)
	text := fmt.Sprintf("%s  %s  %s  %s", s.Dim.Render(pillar), padRight(it.q.ID, 8), s.riskTags[r], oneLine(sanitize(it.q.Title)))
	return row{text: text, filter: it.p.Name + " " + it.q.ID + " " + it.q.Title, item: i, pillar: it.pi}
}

func (m *Model) refreshNavigator() {
	n := &m.navigator
	if !n.ready {
		n.list = m.newList(true)
		n.ready = true
	}
	pillarW := min(24, max(8, m.c.width/5))
	var rows []list.Item
	for i := range m.items {
		r := m.risk(i)
		if n.filter == filterUnanswered && r != questions.Unanswered || n.filter == filterHigh && r != questions.HighRisk {
			continue
		}
		rows = append(rows, m.questionRow(i, pillarW))
	}
	n.heading = truncate(m.c.styles.Heading.Render("Go to question")+"  "+
		m.c.styles.Dim.Render(fmt.Sprintf("showing %s (f to change, / to search)", navFilterNames[n.filter])), m.c.width)
	if n.list.FilterState() == list.Unfiltered {
		n.list.SetItems(rows)
	}
	n.list.SetSize(m.c.width, m.bodyHeight()-2)
}

func (m *Model) updateNavigator(msg tea.KeyMsg) tea.Cmd {
	n := &m.navigator
	k := m.c.keys
	if n.list.FilterState() != list.Filtering {
		switch {
		case keyMatches(msg, k.List.Filter):
			n.filter = (n.filter + 1) % 3
			n.list.ResetFilter()
			n.list.Select(0)
			return nil
		case keyMatches(msg, k.List.Open):
			if r, ok := n.list.SelectedItem().(row); ok {
				return m.openQuestion(r.item)
			}
			return nil
		case keyMatches(msg, k.Global.Back) && n.list.FilterState() == list.Unfiltered:
			m.goBack()
			return nil
		}
	}
	var cmd tea.Cmd
	n.list, cmd = n.list.Update(msg)
	return cmd
}

func (m *Model) navigatorView() string {
	return m.navigator.heading + "\n\n" + m.navigator.list.View()
}

// goBack leaves the navigator or summary for the screen it came from.
func (m *Model) goBack() {
	if m.back == screenQuestion {
		m.screen = screenQuestion
		m.layout()
		return
	}
	m.openOverview()
}

// --- summary ---

func (m *Model) openSummary() {
	if m.screen != screenNavigator && m.screen != screenSummary {
		m.back = m.screen
	}
	m.screen = screenSummary
	m.refresh()
	m.summary.list.Select(0)
}

func (m *Model) refreshSummary() {
	s := m.c.styles
	sm := &m.summary
	if !sm.ready {
		sm.list = m.newList(false)
		sm.ready = true
	}
	w := m.c.width
	nameW := min(30, max(12, w/4))
	barW := w - nameW - len(countsHeader) - 5 // two gaps of 2, one spare
	if barW < 4 {
		barW = 0
	}
	lines := []string{s.Heading.Render("Risk summary") + "  " + s.Dim.Render(fmt.Sprintf("answered %d of %d", m.score.Counts.Answered(), m.score.Counts.Total())), ""}
	lines = append(lines, s.Dim.Render(padRight("PILLAR", nameW)+"  "+padRight("", barW)+"  "+countsHeader))
	for _, p := range m.score.Pillars {
		lines = append(lines, padRight(truncate(oneLine(sanitize(p.Pillar.Name)), nameW), nameW)+"  "+m.bar(p.Counts, barW)+"  "+m.counts(p.Counts))
	}
	lines = append(lines, s.Heading.Render(padRight("Total", nameW))+"  "+m.bar(m.score.Counts, barW)+"  "+m.counts(m.score.Counts))
	// Distinct glyphs as well as colours, so the bars read without colour.
	var legend strings.Builder
	for _, r := range questions.Levels {
		legend.WriteString(s.Risk(r).Render(barGlyphs[r]) + " " + strings.ToLower(riskLabels[r]) + "  ")
	}
	lines = append(lines, "", strings.TrimRight(legend.String(), " "), "")
	if len(m.rev.Actions) > 0 {
		ac := review.CountActions(m.rev.Actions, m.opts.Now())
		line := fmt.Sprintf("Actions: %d open, %d overdue, %d closed", ac.Open, ac.Overdue, ac.Done+ac.AcceptedRisk)
		if ac.Overdue > 0 {
			line = s.RiskHigh.Render(line)
		}
		lines = append(lines, line, "")
	}
	var rows []list.Item
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		for i := range m.items {
			if m.risk(i) == r {
				rows = append(rows, m.questionRow(i, min(24, max(8, w/5))))
			}
		}
	}
	if len(rows) == 0 {
		lines = append(lines, s.Dim.Render("No HIGH or MEDIUM risks."))
	} else {
		lines = append(lines, s.Heading.Render("HIGH and MEDIUM questions")+"  "+s.Dim.Render("(enter opens)"))
	}
	sm.heading = strings.Join(lines, "\n")
	sm.list.SetItems(rows)
	sm.list.SetSize(w, max(1, m.bodyHeight()-len(lines)))
}

// barGlyphs draw each level: distinct glyphs as well as colours, so the
// bars read without colour.
var barGlyphs = map[questions.Risk]string{
	questions.HighRisk: "█", questions.MediumRisk: "▓", questions.NoRisk: "░",
	questions.NotApplicable: "-", questions.Unanswered: "·",
}

// bar draws a tally as a proportional bar of width w.
func (m *Model) bar(c scoring.Counts, w int) string {
	if c.Total() == 0 {
		return strings.Repeat(" ", w)
	}
	var b strings.Builder
	for i, n := range c.Bar(w) {
		r := questions.Levels[i]
		b.WriteString(m.c.styles.Risk(r).Render(strings.Repeat(barGlyphs[r], n)))
	}
	return b.String()
}

func (m *Model) updateSummary(msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case keyMatches(msg, k.List.Open):
		if r, ok := m.summary.list.SelectedItem().(row); ok {
			return m.openQuestion(r.item)
		}
		return nil
	case keyMatches(msg, k.Global.Back):
		m.goBack()
		return nil
	}
	var cmd tea.Cmd
	m.summary.list, cmd = m.summary.list.Update(msg)
	return cmd
}

func (m *Model) summaryView() string {
	if len(m.summary.list.Items()) == 0 {
		return m.summary.heading
	}
	return m.summary.heading + "\n" + m.summary.list.View()
}

// padRight pads s with spaces to w display columns.
func padRight(s string, w int) string {
	if n := w - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
