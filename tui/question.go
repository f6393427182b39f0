package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// questionView holds the question screen's text, rebuilt in Update.
type questionView struct {
	top     string // position, badge, title, not-applicable line
	choices string
	notes   string
	actions string
}

// helpKey identifies a rendered help text: a question at a width.
type helpKey struct {
	item  int
	width int
}

type helpRenderedMsg struct {
	key helpKey
	out string
}

func (m *Model) helpKey(i int) helpKey { return helpKey{item: i, width: m.paneContentWidth()} }

// helpCmd renders question i's help off the event loop, once per width.
func (m *Model) helpCmd(i int) tea.Cmd {
	if i < 0 || i >= len(m.items) {
		return nil
	}
	k := m.helpKey(i)
	if _, ok := m.helpMD[k]; ok || k.width < 10 {
		return nil
	}
	text := helpMarkdown(m.items[i].q)
	md := m.c.md
	return func() tea.Msg { return helpRenderedMsg{key: k, out: md.render(text, k.width)} }
}

// helpMarkdown is the question's description and helpful resource.
func helpMarkdown(q *questions.Question) string {
	var b strings.Builder
	b.WriteString(sanitize(q.Description))
	if r := q.HelpfulResource; r != nil && (r.DisplayText != "" || r.URL != "") {
		b.WriteString("\n\n---\n\n**Learn more:** ")
		text := sanitize(r.DisplayText)
		switch {
		case r.URL != "" && text != "":
			fmt.Fprintf(&b, "%s <%s>", text, sanitize(r.URL))
		case r.URL != "":
			fmt.Fprintf(&b, "<%s>", sanitize(r.URL))
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

// openQuestion shows question i.
func (m *Model) openQuestion(i int) tea.Cmd {
	if i < 0 || i >= len(m.items) {
		return nil
	}
	m.screen = screenQuestion
	m.cur, m.cursor, m.choiceTop, m.paneFocus = i, 0, 0, false
	m.pane.GotoTop()
	m.layout()
	return tea.Batch(m.helpCmd(i), m.helpCmd(i+1))
}

func (m *Model) updateQuestion(msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys.Question
	q := m.items[m.cur].q
	if m.paneFocus {
		switch {
		case keyMatches(msg, k.Focus), keyMatches(msg, m.c.keys.Global.Back):
			m.paneFocus = false
			return nil
		case keyMatches(msg, k.Up), keyMatches(msg, k.Down), keyMatches(msg, k.PageUp), keyMatches(msg, k.PageDown):
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(msg)
			return cmd
		}
	}
	switch {
	case keyMatches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
		m.pane.GotoTop()
		m.refreshPane()
	case keyMatches(msg, k.Down):
		if m.cursor < len(q.Choices)-1 {
			m.cursor++
		}
		m.pane.GotoTop()
		m.refreshPane()
	case keyMatches(msg, k.Toggle):
		id := q.Choices[m.cursor].ID
		return m.change(func(a *review.Answer) {
			a.Selected = scoring.Toggle(q, a.Selected, id)
			a.NotApplicable, a.Reason = false, "" // ticking answers the question
		})
	case keyMatches(msg, k.Next):
		if m.cur == len(m.items)-1 {
			m.openSummary()
			return nil
		}
		return m.openQuestion(m.cur + 1)
	case keyMatches(msg, k.Prev):
		return m.openQuestion(m.cur - 1)
	case keyMatches(msg, k.Focus):
		m.paneFocus = true
	case keyMatches(msg, k.PageUp), keyMatches(msg, k.PageDown):
		var cmd tea.Cmd
		m.pane, cmd = m.pane.Update(msg)
		return cmd
	case keyMatches(msg, k.NotApplicable):
		m.dialog = newNotApplicableDialog(m)
	case keyMatches(msg, k.Notes):
		return m.openNotes()
	case keyMatches(msg, k.Action):
		return m.openAction()
	case keyMatches(msg, m.c.keys.Global.Back):
		m.openOverview()
	}
	return nil
}

// Layout of the question screen in a narrow terminal, top to bottom: the
// position line, two lines of title, a gap, the choices, the notes line,
// then the help pane, which gets at least minPaneHeight lines.
const (
	titleLines    = 2
	minPaneHeight = 6
)

// choiceRows is how many choices are visible at once.
func (m *Model) choiceRows() int {
	n := 1
	if len(m.items) > 0 {
		n = len(m.items[m.cur].q.Choices)
	}
	room := m.bodyHeight() - 1 - titleLines - 1 - 1 - m.actionRows() // position, title, n/a line, notes, actions
	if !m.wide() {
		room -= minPaneHeight
	}
	return max(1, min(n, room))
}

// leftWidth is the width of the choices column.
func (m *Model) leftWidth() int {
	if m.wide() {
		return m.c.width * 11 / 20
	}
	return m.c.width
}

// paneSize is the help pane's size including its border.
func (m *Model) paneSize() (w, h int) {
	if m.wide() {
		return m.c.width - m.leftWidth(), m.bodyHeight()
	}
	return m.c.width, max(3, m.bodyHeight()-m.topRows())
}

// topRows is the height of everything above the help pane in the narrow
// layout: position, title, n/a line, choices, notes and actions.
func (m *Model) topRows() int { return 1 + titleLines + 1 + m.choiceRows() + 1 + m.actionRows() }

// actionRows is how many lines the current question's actions take.
func (m *Model) actionRows() int {
	if len(m.items) == 0 {
		return 0
	}
	it := m.items[m.cur]
	n := len(m.rev.ActionsOf(it.p.ID, it.q.ID))
	limit := 2
	if m.wide() {
		limit = 6
	}
	return min(n, limit)
}

func (m *Model) paneContentWidth() int {
	w, _ := m.paneSize()
	return boxWidth(m.c.styles.Pane, w)
}

// refreshPane rebuilds the help pane: the highlighted choice's help, then
// the question's rendered description (or a placeholder until it arrives).
func (m *Model) refreshPane() {
	if len(m.items) == 0 {
		return
	}
	w, h := m.paneSize()
	frameW, frameH := m.c.styles.Pane.GetFrameSize()
	m.pane.Width, m.pane.Height = max(1, w-frameW), max(1, h-frameH)
	q := m.items[m.cur].q
	var b strings.Builder
	if m.cursor < len(q.Choices) {
		b.WriteString(m.choiceHelp(q.Choices[m.cursor], m.pane.Width))
		b.WriteString("\n\n")
	}
	if md, ok := m.helpMD[m.helpKey(m.cur)]; ok {
		b.WriteString(md)
	} else {
		b.WriteString(m.c.styles.Dim.Render("…"))
	}
	m.pane.SetContent(b.String())
}

// choiceHelp is the plain-text help of one choice, wrapped to width.
func (m *Model) choiceHelp(c *questions.Choice, width int) string {
	s := m.c.styles
	parts := []string{s.Heading.Render(wrap(sanitize(c.Title), width))}
	if r := c.HelpfulResource; r != nil && r.DisplayText != "" {
		parts = append(parts, wrap(sanitize(r.DisplayText), width))
	}
	if r := c.ImprovementPlan; r != nil && r.DisplayText != "" {
		parts = append(parts, "", s.Heading.Render("To improve"), wrap(sanitize(r.DisplayText), width))
		if r.URL != "" {
			parts = append(parts, s.Dim.Render(wrap(sanitize(r.URL), width)))
		}
	}
	for _, a := range c.AdditionalResources {
		for _, r := range a.Content {
			if r.URL != "" {
				parts = append(parts, s.Dim.Render(wrap(sanitize(r.URL), width)))
			}
		}
	}
	return strings.Join(parts, "\n")
}

// refreshQuestion rebuilds the question screen's text.
func (m *Model) refreshQuestion() {
	s := m.c.styles
	it := m.items[m.cur]
	w := m.leftWidth()
	if m.wide() {
		w-- // a space between the columns
	}
	risk := m.risk(m.cur)
	a := m.answer(m.cur)

	pos := fmt.Sprintf("%s - %d/%d", oneLine(sanitize(it.p.Name)), it.qi+1, len(it.p.Questions))
	badge := s.badges[risk]
	top := []string{spread(s.Heading.Render(truncate(pos, w-14)), badge, w)}
	title := wrap(it.q.ID+"  "+oneLine(sanitize(it.q.Title)), w)
	top = append(top, s.QuestionTitle.Render(fitHeight(title, titleLines)))
	na := ""
	if a != nil && a.NotApplicable {
		na = s.NotApplicable.Render(truncate("Not applicable: "+reasonLabel(a.Reason)+"  (a to change)", w))
	}
	top = append(top, na)
	m.qv.top = strings.Join(top, "\n")

	rows := m.choiceRows()
	if m.cursor < m.choiceTop {
		m.choiceTop = m.cursor
	}
	if m.cursor >= m.choiceTop+rows {
		m.choiceTop = m.cursor - rows + 1
	}
	selected := map[string]bool{}
	if a != nil {
		for _, id := range a.Selected {
			selected[id] = true
		}
	}
	var lines []string
	for i := m.choiceTop; i < len(it.q.Choices) && i < m.choiceTop+rows; i++ {
		c := it.q.Choices[i]
		box := s.Unchecked.Render("[ ]")
		if selected[c.ID] {
			box = s.Checked.Render("[x]")
		}
		marker := "  "
		text := truncate(oneLine(sanitize(c.Title)), w-6)
		if i == m.cursor {
			marker = s.Cursor.Render("› ")
			if !m.paneFocus {
				text = s.Selected.Render(text)
			}
		}
		lines = append(lines, marker+box+" "+text)
	}
	if more := len(it.q.Choices) - rows; more > 0 {
		lines[len(lines)-1] = truncate(lines[len(lines)-1], w-8) + s.Dim.Render(fmt.Sprintf(" (%d/%d)", m.cursor+1, len(it.q.Choices)))
	}
	m.qv.choices = strings.Join(lines, "\n")

	notes := s.Dim.Render("No notes (e to add).")
	if a != nil && a.Notes != "" {
		first, rest, _ := strings.Cut(sanitize(a.Notes), "\n")
		line := "Notes: " + first
		if rest != "" {
			line += fmt.Sprintf(" (+%s)", plural(strings.Count(rest, "\n")+1, "line"))
		}
		notes = s.Notes.Render(truncate(line, w))
	}
	m.qv.notes = notes

	actions := m.rev.ActionsOf(it.p.ID, it.q.ID)
	var lines2 []string
	for i, a := range actions {
		if i == m.actionRows()-1 && len(actions) > m.actionRows() {
			lines2 = append(lines2, s.Dim.Render(fmt.Sprintf("  +%d more actions (wafr action list)", len(actions)-i)))
			break
		}
		box := "[ ]"
		if a.Closed() {
			box = "[x]"
		}
		facts := []string{a.Status}
		if a.Owner != "" {
			facts = append(facts, sanitize(a.Owner))
		}
		if a.Due != "" {
			due := "due " + a.Due
			if a.Overdue(m.opts.Now()) {
				due = s.RiskHigh.Render(due + " overdue")
			}
			facts = append(facts, due)
		}
		// Status, owner and due date first: the title is what gets cut.
		line := fmt.Sprintf("%s %s %s: %s", box, sanitize(a.ID), strings.Join(facts, ", "), oneLine(sanitize(a.Title)))
		lines2 = append(lines2, truncate(line, w))
	}
	m.qv.actions = strings.Join(lines2, "\n")
}

func (m *Model) questionView() string {
	left := m.qv.top + "\n" + m.qv.choices + "\n" + m.qv.notes
	if m.qv.actions != "" {
		left += "\n" + m.qv.actions
	}
	paneStyle := m.c.styles.Pane
	if m.paneFocus {
		paneStyle = m.c.styles.PaneFocused
	}
	pane := paneStyle.Render(m.pane.View())
	if m.wide() {
		left = m.leftCol.Render(fitHeight(left, m.bodyHeight()))
		return lipgloss.JoinHorizontal(lipgloss.Top, left, " ", pane)
	}
	return fitHeight(left, m.topRows()) + "\n" + pane
}

// reasonLabel is a reason as people read it.
func reasonLabel(r string) string {
	for _, o := range naOptions {
		if o.reason == r {
			return o.label
		}
	}
	if r == "" {
		return "no reason given"
	}
	return r
}
