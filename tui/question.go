package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
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
	pane      scroller
	paneHelp  bool                 // the pane holds the help, not the mark of its rendering
	mark      paneMark             // where the reader was before a resize, until the help is there again
	help      map[helpKey]helpText // rendered help, per question and width
	meeting   *Meeting             // a live review's state, or nil
	// curKey is the help this question shows (helpKey(cur)) and beside
	// whether it is beside the choices: worked out in refreshPane, where
	// all they depend on changes (the question, the size, the snapshot,
	// rendered help), since each costs wrapping the title.
	curKey helpKey
	beside bool

	// Prepared in refresh, so view only returns a string.
	body string
}

// helpKey identifies rendered help: a question at a pane width and a
// screen width (the room of a long URL), and whether the screen had to
// cut its title (the help then starts with it).
type helpKey struct {
	item, width, wide int
	title             bool
}

type helpRenderedMsg struct {
	key  helpKey
	help helpText
	// stacked is the help of the full-width pane, rendered with help
	// too wide for the side pane (the question is then shown stacked).
	stacked *helpRenderedMsg
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
	return questionScreen{c: c, snap: snap, help: map[helpKey]helpText{}}
}

func (q questionScreen) item() Item { return q.snap.Items[q.cur] }

// open shows question i from its first choice.
func (q questionScreen) open(i int) questionScreen {
	q.cur, q.cursor, q.choiceTop, q.paneFocus = i, 0, 0, false
	q.pane.gotoTop()
	q.mark = paneMark{}
	return q.refreshPane()
}

func (q questionScreen) setSnapshot(snap *Snapshot) questionScreen {
	q.snap = snap
	return q.refreshPane() // the number of actions may have changed
}

func (q questionScreen) setSize(w, h int) questionScreen {
	if w == q.w && h == q.h {
		return q
	}
	// The help is wrapped anew for the new size (and shows its rendering
	// mark meanwhile): the reader's place goes with it.
	if q.paneHelp && !q.mark.set {
		q.mark = q.pane.mark()
	}
	q.w, q.h = w, h
	return q.refreshPane()
}

// wide reports whether the help pane is beside the choices: in a wide
// terminal, unless the question's help has lines wider than that pane's
// text (a long URL, which is never split where the terminal can hold it). Drawn
// beside, such a line would run over the choices and cut their titles;
// the question is shown stacked instead, the pane under the choices as
// wide as the terminal.
func (q questionScreen) wide() bool { return q.beside }

func (q questionScreen) wideTerminal() bool { return q.w >= wideWidth }

// sideLeft is the width of the choices column beside the pane, and
// sideWidth the pane's, frame included.
func (q questionScreen) sideLeft() int  { return q.w * 11 / 20 }
func (q questionScreen) sideWidth() int { return q.w - q.sideLeft() }

// leftWidth is the width of the choices column.
func (q questionScreen) leftWidth() int {
	if q.wide() {
		return q.sideLeft()
	}
	return q.w
}

// textWidth is the width of the text in the choices column.
func (q questionScreen) textWidth() int {
	if q.wide() {
		return q.leftWidth() - 1 // a space between the columns
	}
	return q.w
}

// paneSize is the help pane's size including its frame.
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

// choiceRows is how many lines the choices take: all of them when they
// fit, else as many as fit, the last of which says where the list is.
func (q questionScreen) choiceRows() int {
	n := len(q.item().Question.Choices)
	room := q.h - 1 - titleLines - 1 - 1 - q.actionRows() // position, title, n/a line, notes, actions
	if !q.wide() {
		room -= minPaneHeight
	}
	return max(1, min(n, room))
}

// visibleChoices is how many choices the list shows at once.
func (q questionScreen) visibleChoices() int {
	rows := q.choiceRows()
	if rows < len(q.item().Question.Choices) && rows > 1 {
		return rows - 1 // the last row shows the position
	}
	return rows
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
	return max(1, w-paneFrameW)
}

// titleCut reports whether question i's title needs more lines than the
// screen gives it in a column w wide.
func (q questionScreen) titleCut(i, w int) bool {
	q.cur = i
	return len(strings.Split(q.titleText(w), "\n")) > titleLines
}

// helpKey is the help question i shows, and whether it is beside the
// choices: in a wide terminal it is, until its help is rendered and found
// too wide for the side pane; else it is under them.
func (q questionScreen) helpKey(i int) (k helpKey, beside bool) {
	if q.wideTerminal() {
		side := q.sideKey(i)
		if h, ok := q.help[side]; !ok || h.widest <= q.sideWidth()-paneFrameW {
			return side, true
		}
	}
	return q.stackKey(i), false
}

// sideKey is the help of the pane beside the choices; stackKey of the
// pane under them, as wide as the screen.
func (q questionScreen) sideKey(i int) helpKey {
	return helpKey{item: i, width: max(1, q.sideWidth()-paneFrameW), wide: q.w, title: q.titleCut(i, q.sideLeft()-1)}
}

func (q questionScreen) stackKey(i int) helpKey {
	return helpKey{item: i, width: max(1, q.w-paneFrameW), wide: q.w, title: q.titleCut(i, q.w)}
}

// helpCmds render the help of this question and its neighbours off the
// event loop, once per width, so the next and the previous question open
// with their help ready.
func (q questionScreen) helpCmds() tea.Cmd {
	if len(q.snap.Items) == 0 || q.w == 0 {
		return nil
	}
	return tea.Batch(q.helpCmd(q.cur), q.helpCmd(q.cur+1), q.helpCmd(q.cur-1))
}

func (q questionScreen) helpCmd(i int) tea.Cmd {
	if i < 0 || i >= len(q.snap.Items) {
		return nil
	}
	k, beside := q.helpKey(i)
	if _, ok := q.help[k]; ok || k.width < 10 {
		return nil
	}
	question, tr, t := q.snap.Items[i].Question, q.c.tr, &q.c.t.Question
	render := func(k helpKey) helpRenderedMsg {
		return helpRenderedMsg{key: k, help: buildHelp(question, helpWriter{tr: tr, t: t, width: k.width, wide: k.wide}, k.title)}
	}
	if !beside {
		return func() tea.Msg { return render(k) }
	}
	// Beside the choices, unless that help is too wide for the side pane:
	// then the question is stacked, and needs its help at that width too.
	stack, side := q.stackKey(i), q.sideWidth()-paneFrameW
	return func() tea.Msg {
		msg := render(k)
		if msg.help.widest > side {
			st := render(stack)
			msg.stacked = &st
		}
		return msg
	}
}

func (q questionScreen) helpRendered(msg helpRenderedMsg) questionScreen {
	q.help[msg.key] = msg.help
	if st := msg.stacked; st != nil {
		q.help[st.key] = st.help
	}
	if len(q.snap.Items) > 0 && (msg.key == q.curKey || msg.stacked != nil && msg.stacked.key == q.curKey) {
		return q.refreshPane()
	}
	return q
}

// refreshPane sizes the help pane and fills it: the highlighted choice's
// help, then the question's description (or a mark until it is rendered).
func (q questionScreen) refreshPane() questionScreen {
	if len(q.snap.Items) == 0 || q.w == 0 {
		q.curKey, q.beside = helpKey{}, false
		return q
	}
	q.curKey, q.beside = q.helpKey(q.cur)
	_, ph := q.paneSize()
	q.pane.setHeight(ph - paneFrameH)
	h, ok := q.help[q.curKey]
	if !ok {
		q.pane.setLines([]string{q.c.styles.Dim.Render(q.c.t.Question.Rendering)})
		q.paneHelp = false
		return q
	}
	var lines []string
	if q.cursor < len(h.choices) {
		// Who ticked the choice in a revealed vote, the choice's help, a
		// rule, then what the question says.
		lines = q.voteHelp(q.item().Question.Choices[q.cursor].ID)
		rule := q.c.styles.Dim.Render(strings.Repeat("─", q.paneContentWidth()))
		lines = append(append(lines, strings.Split(h.choices[q.cursor], "\n")...), "", rule, "")
	}
	q.pane.setLines(append(lines, strings.Split(h.desc, "\n")...))
	q.paneHelp = true
	if q.mark.set {
		q.pane.restore(q.mark)
		q.mark = paneMark{}
	}
	return q
}

func (q questionScreen) update(msg tea.KeyMsg) (questionScreen, tea.Cmd, []event) {
	k := q.c.keys.Question
	question := q.item().Question
	if q.paneFocus {
		switch {
		case keyMatches(msg, k.Focus), keyMatches(msg, q.c.keys.Global.Back):
			q.paneFocus = false
			return q, nil, nil
		case keyMatches(msg, k.Up):
			q.pane.scroll(-1)
			return q, nil, nil
		case keyMatches(msg, k.Down):
			q.pane.scroll(1)
			return q, nil, nil
		}
	}
	switch {
	case keyMatches(msg, k.Up), keyMatches(msg, k.Down):
		if keyMatches(msg, k.Up) {
			q.cursor = max(0, q.cursor-1)
		} else {
			q.cursor = min(len(question.Choices)-1, q.cursor+1)
		}
		q.pane.gotoTop()
		q.mark = paneMark{}
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
	case keyMatches(msg, k.PageUp):
		q.pane.scroll(-max(1, q.pane.height-1))
	case keyMatches(msg, k.PageDown):
		q.pane.scroll(max(1, q.pane.height-1))
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
// note as it is (wafr never changes text the user did not touch). In a live
// review, someone whose notes here wait as a proposal goes on with them:
// the hub keeps one notes proposal per person and question, which the
// editor's text replaces.
func (q questionScreen) notesEvent() event {
	notes := ""
	if a := q.snap.Answer(q.cur); a != nil {
		notes = a.Notes
	}
	if p, ok := q.meeting.myNotesProposal(q.cur); ok && proposes(q.meeting) {
		notes = p.Notes
	}
	t := &q.c.t.Question
	if why := notEditable(notes, t); why != "" {
		body := fmt.Sprintf(t.NotEditable, cleanLine(q.item().Question.ID), why, sanitize(q.snap.Path))
		return openDialogEvent{messageDialog{frame: frame{c: q.c}, title: t.NotEditableTitle, body: body}}
	}
	d := newNotesDialog(q.c, q.snap, q.cur, notes)
	d.proposing = proposes(q.meeting)
	return openDialogEvent{d}
}

// actionEvent opens the dialog for an action that adopts the highlighted
// practice, or says why there can be none.
func (q questionScreen) actionEvent() event {
	it := q.item()
	c := it.Question.Choices[q.cursor]
	if _, err := q.snap.Review.CheckAdopt(it.Pillar, it.Question, c.ID); err != nil {
		return noticeEvent{q.c.errorText(err)}
	}
	return openDialogEvent{newActionDialog(q.c, q.snap, q.cur, c)}
}

// errorText is an error from another package as the catalogue says it:
// mapped by kind, and shown as it is only when wafr has no words for it.
func (c *common) errorText(err error) string {
	t := &c.t.Question
	switch {
	case errors.Is(err, review.ErrNothingToAdopt):
		return t.NothingToAdopt
	case errors.Is(err, review.ErrAlreadyTicked):
		return t.AlreadyTicked
	case errors.Is(err, review.ErrAlreadyAdopted):
		return t.AlreadyAdopted
	case errors.Is(err, ErrNoItem):
		return t.NoSuchQuestion
	case errors.Is(err, review.ErrMilestoneName):
		return c.t.Mile.NeedsName
	case errors.Is(err, ErrNotesChanged):
		return t.NotesChanged
	case errors.Is(err, ErrParkedGone):
		return c.t.Meeting.ParkedGone
	case errors.Is(err, ErrMilestoneExists):
		return c.t.Mile.Exists
	}
	var size *workspace.SizeError
	if errors.Is(err, ErrMilestoneTooLarge) && errors.As(err, &size) {
		return fmt.Sprintf(c.t.Mile.TooLarge, review.SizeString(size.Size), review.SizeString(review.MaxFileSize))
	}
	if text, ok := liveErrorText(&c.t.Live, err); ok {
		return text
	}
	return err.Error()
}

func (q questionScreen) mouse(msg tea.MouseMsg) questionScreen {
	if msg.Action != tea.MouseActionPress {
		return q
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		q.pane.scroll(-3)
	case tea.MouseButtonWheelDown:
		q.pane.scroll(3)
	}
	return q
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
