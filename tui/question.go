package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// questionScreen shows one question: its choices to tick, the notes and
// actions, and a help pane with the highlighted choice's help and the
// question's description.
type questionScreen struct {
	c    *common
	snap *Snapshot
	w, h int

	cur       int // the question: an index into snap.Items
	cursor    int // the highlighted choice
	choiceTop int // first visible choice when they scroll
	paneFocus bool
	pane      viewport.Model
	helpMD    map[helpKey]string // rendered descriptions, per question and width
	leftCol   lipgloss.Style     // the choices column in the wide layout
	meeting   *Meeting           // a live review's state, or nil

	// Prepared in refresh, so view only joins strings.
	top, choices, notes, actions string
}

// helpKey identifies a rendered help text: a question at a width.
type helpKey struct{ item, width int }

type helpRenderedMsg struct {
	key helpKey
	out string
}

// Layout of the question screen in a narrow terminal, top to bottom: the
// position line, two lines of title, the not-applicable line, the choices,
// the notes line, the actions, then the help pane, which gets at least
// minPaneHeight lines.
const (
	titleLines    = 2
	minPaneHeight = 6
)

func newQuestionScreen(c *common, snap *Snapshot) questionScreen {
	return questionScreen{c: c, snap: snap, pane: viewport.New(0, 0), helpMD: map[helpKey]string{}}
}

func (q questionScreen) item() Item { return q.snap.Items[q.cur] }

// open shows question i from its first choice.
func (q questionScreen) open(i int) questionScreen {
	q.cur, q.cursor, q.choiceTop, q.paneFocus = i, 0, 0, false
	q.pane.GotoTop()
	return q.layout()
}

func (q questionScreen) setSnapshot(snap *Snapshot) questionScreen {
	q.snap = snap
	return q.layout() // the number of actions may have changed
}

func (q questionScreen) setSize(w, h int) questionScreen {
	if w == q.w && h == q.h {
		return q
	}
	q.w, q.h = w, h
	return q.layout()
}

func (q questionScreen) wide() bool { return q.w >= wideWidth }

// layout sizes the choices column and the help pane.
func (q questionScreen) layout() questionScreen {
	if len(q.snap.Items) == 0 || q.w == 0 {
		return q
	}
	pw, ph := q.paneSize()
	fw, fh := q.c.styles.Pane.GetFrameSize()
	q.pane.Width, q.pane.Height = max(1, pw-fw), max(1, ph-fh)
	q.leftCol = q.c.styles.Plain.Width(q.leftWidth() - 1)
	return q.refreshPane()
}

// leftWidth is the width of the choices column.
func (q questionScreen) leftWidth() int {
	if q.wide() {
		return q.w * 11 / 20
	}
	return q.w
}

// paneSize is the help pane's size including its border.
func (q questionScreen) paneSize() (w, h int) {
	if q.wide() {
		return q.w - q.leftWidth(), q.h
	}
	return q.w, max(3, q.h-q.topRows())
}

// topRows is the height of everything above the help pane in the narrow
// layout.
func (q questionScreen) topRows() int {
	return 1 + titleLines + 1 + q.choiceRows() + 1 + q.actionRows()
}

// choiceRows is how many choices are visible at once.
func (q questionScreen) choiceRows() int {
	n := len(q.item().Question.Choices)
	room := q.h - 1 - titleLines - 1 - 1 - q.actionRows() // position, title, n/a line, notes, actions
	if !q.wide() {
		room -= minPaneHeight
	}
	return max(1, min(n, room))
}

// actionRows is how many lines the question's actions take.
func (q questionScreen) actionRows() int {
	it := q.item()
	n := len(q.snap.Review.ActionsOf(it.Pillar.ID, it.Question.ID))
	limit := 2
	if q.wide() {
		limit = 6
	}
	return min(n, limit)
}

func (q questionScreen) paneContentWidth() int {
	w, _ := q.paneSize()
	return boxWidth(q.c.styles.Pane, w)
}

func (q questionScreen) helpKey(i int) helpKey { return helpKey{item: i, width: q.paneContentWidth()} }

// helpCmds render the help of this question and the next off the event
// loop, once per width.
func (q questionScreen) helpCmds() tea.Cmd {
	if len(q.snap.Items) == 0 || q.w == 0 {
		return nil
	}
	return tea.Batch(q.helpCmd(q.cur), q.helpCmd(q.cur+1))
}

func (q questionScreen) helpCmd(i int) tea.Cmd {
	if i < 0 || i >= len(q.snap.Items) {
		return nil
	}
	k := q.helpKey(i)
	if _, ok := q.helpMD[k]; ok || k.width < 10 {
		return nil
	}
	text, md := helpMarkdown(q.snap.Items[i].Question), q.c.md
	return func() tea.Msg { return helpRenderedMsg{key: k, out: md.render(text, k.width)} }
}

func (q questionScreen) helpRendered(msg helpRenderedMsg) questionScreen {
	q.helpMD[msg.key] = msg.out
	if len(q.snap.Items) > 0 && msg.key == q.helpKey(q.cur) {
		return q.refreshPane()
	}
	return q
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

// refreshPane rebuilds the help pane: the highlighted choice's help, then
// the question's rendered description (or a placeholder until it arrives).
func (q questionScreen) refreshPane() questionScreen {
	question := q.item().Question
	var b strings.Builder
	if q.cursor < len(question.Choices) {
		if votes := q.voteHelp(question.Choices[q.cursor].ID); votes != "" {
			b.WriteString(wrap(votes, q.pane.Width) + "\n\n")
		}
		b.WriteString(q.choiceHelp(question.Choices[q.cursor], q.pane.Width))
		b.WriteString("\n\n")
	}
	if md, ok := q.helpMD[q.helpKey(q.cur)]; ok {
		b.WriteString(md)
	} else {
		b.WriteString(q.c.styles.Dim.Render("…"))
	}
	q.pane.SetContent(b.String())
	return q
}

// choiceHelp is the plain-text help of one choice, wrapped to width.
func (q questionScreen) choiceHelp(c *questions.Choice, width int) string {
	s := q.c.styles
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

func (q questionScreen) update(msg tea.KeyMsg) (questionScreen, tea.Cmd, []event) {
	k := q.c.keys.Question
	question := q.item().Question
	if q.paneFocus {
		switch {
		case keyMatches(msg, k.Focus), keyMatches(msg, q.c.keys.Global.Back):
			q.paneFocus = false
			return q, nil, nil
		case keyMatches(msg, k.Up), keyMatches(msg, k.Down), keyMatches(msg, k.PageUp), keyMatches(msg, k.PageDown):
			var cmd tea.Cmd
			q.pane, cmd = q.pane.Update(msg)
			return q, cmd, nil
		}
	}
	switch {
	case keyMatches(msg, k.Up), keyMatches(msg, k.Down):
		if keyMatches(msg, k.Up) {
			q.cursor = max(0, q.cursor-1)
		} else {
			q.cursor = min(len(question.Choices)-1, q.cursor+1)
		}
		q.pane.GotoTop()
		return q.refreshPane(), nil, nil
	case keyMatches(msg, k.Toggle):
		id := question.Choices[q.cursor].ID
		if m := q.meeting; m != nil && m.Vote != nil && m.Vote.Item == q.cur && !m.Vote.Revealed {
			return q, nil, []event{applyEvent{BallotIntent{ChoiceID: id}}}
		}
		return q, nil, []event{applyEvent{TickIntent{Item: q.cur, ChoiceID: id}}}
	case keyMatches(msg, k.Next):
		if q.cur == len(q.snap.Items)-1 {
			return q, nil, []event{openScreenEvent{screenSummary}}
		}
		return q, nil, []event{openQuestionEvent{q.cur + 1}}
	case keyMatches(msg, k.Prev):
		return q, nil, []event{openQuestionEvent{q.cur - 1}}
	case keyMatches(msg, k.Focus):
		q.paneFocus = true
	case keyMatches(msg, k.PageUp), keyMatches(msg, k.PageDown):
		var cmd tea.Cmd
		q.pane, cmd = q.pane.Update(msg)
		return q, cmd, nil
	case keyMatches(msg, k.NotApplicable):
		return q, nil, []event{openDialogEvent{newNotApplicableDialog(q.c, q.snap, q.cur)}}
	case keyMatches(msg, k.Notes):
		return q, nil, []event{q.notesEvent()}
	case keyMatches(msg, k.Action):
		return q, nil, []event{q.actionEvent()}
	case keyMatches(msg, q.c.keys.Global.Back):
		return q, nil, []event{openScreenEvent{screenOverview}}
	}
	return q, nil, nil
}

// notesEvent opens the notes editor, unless the editor could not hold the
// note as it is (wafr never changes text the user did not touch).
func (q questionScreen) notesEvent() event {
	notes := ""
	if a := q.snap.Answer(q.cur); a != nil {
		notes = a.Notes
	}
	if why := notEditable(notes); why != "" {
		body := fmt.Sprintf("The note of %s %s, which the editor here would change. It is kept as it is; to replace it, run:\n\n  wafr answer %s %s --notes TEXT",
			sanitize(q.item().Question.ID), why, sanitize(q.snap.Path), sanitize(q.item().Question.ID))
		return openDialogEvent{messageDialog{frame: frame{c: q.c}, title: "This note cannot be edited here", body: body}}
	}
	return openDialogEvent{newNotesDialog(q.c, q.snap, q.cur, notes)}
}

// actionEvent opens the dialog for an action that adopts the highlighted
// practice, or says why there can be none.
func (q questionScreen) actionEvent() event {
	it := q.item()
	c := it.Question.Choices[q.cursor]
	switch _, err := q.snap.Review.CheckAdopt(it.Pillar, it.Question, c.ID); {
	case errors.Is(err, review.ErrNothingToAdopt):
		return noticeEvent{`"None of these": nothing to adopt`}
	case errors.Is(err, review.ErrAlreadyTicked):
		return noticeEvent{"already ticked: no action needed"}
	case err != nil:
		return noticeEvent{err.Error()}
	}
	return openDialogEvent{newActionDialog(q.c, q.snap, q.cur, c)}
}

func (q questionScreen) mouse(msg tea.MouseMsg) (questionScreen, tea.Cmd) {
	var cmd tea.Cmd
	q.pane, cmd = q.pane.Update(msg)
	return q, cmd
}

func (q questionScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, k := q.c.keys.Global, q.c.keys.Question
	short = []key.Binding{g.Help, g.Quit, k.Toggle, k.Next, k.Prev, k.NotApplicable, k.Notes, g.Navigator, g.Summary}
	full = [][]key.Binding{
		{k.Up, k.Down, k.Toggle, k.NotApplicable, k.Notes, k.Action},
		{k.Next, k.Prev, k.Focus, k.PageUp, k.PageDown},
		{k.Milestone, g.Navigator, g.Summary, g.Back, g.Help, g.Quit},
	}
	return short, full
}
