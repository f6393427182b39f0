// Package tui is wafr's terminal interface: a bubbletea program in which a
// team walks a lens together, ticks choices, marks questions not applicable,
// writes notes and sees the risk move as it answers. Every change is saved
// to the review file within half a second; nothing is lost on quit, on a
// signal or when the file changes underneath.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// ErrUnsaved is returned by Run when the user chose to quit although the
// last changes could not be saved.
var ErrUnsaved = errors.New("the last changes were not saved")

// Options describe a review session.
type Options struct {
	Review *review.Review
	Lens   *questions.Lens
	Path   string // the review file; it is saved here
	Author string // recorded as answeredBy
	// Setup asks for the workload's name, environment and owner first
	// (a new file whose details were not given as flags).
	Setup bool
	// Notice is shown once in the status line (e.g. the lens changed).
	Notice string
	// Dark and Color are decided once, before the program starts.
	Dark, Color bool
	// DiskHash identifies the file's content as loaded ("" if it did not
	// exist), so a change on disk is noticed rather than overwritten.
	DiskHash string
	Now      func() time.Time

	// Input and Output replace the terminal in tests.
	Input  io.Reader
	Output io.Writer
}

type screen int

const (
	screenSetup screen = iota
	screenOverview
	screenQuestion
	screenNavigator
	screenSummary
)

// common is what every screen needs: sizes, styles, keys and the Markdown
// renderer.
type common struct {
	width, height int
	styles        *Styles
	keys          *KeyMap
	md            *markdown
}

// item is one question of the lens, in lens order.
type item struct {
	pi, qi int
	p      *questions.Pillar
	q      *questions.Question
}

// Model is the root bubbletea model.
type Model struct {
	c      *common
	opts   Options
	rev    *review.Review
	lens   *questions.Lens
	score  *scoring.Result
	items  []item
	screen screen
	back   screen // where esc returns from the navigator and summary

	// question screen
	cur       int // index into items
	cursor    int // highlighted choice
	choiceTop int // first visible choice when they scroll
	paneFocus bool
	pane      viewport.Model
	helpMD    map[helpKey]string // rendered question help per (question, width)
	qv        questionView
	leftCol   lipgloss.Style // the choices column in the wide layout

	overview  listState
	navigator navigatorState
	summary   listState
	setup     setupForm

	dialog dialog
	notes  textarea.Model

	save       saveState
	help       help.Model
	fullHelp   bool
	status     string // the status line, rebuilt on change and each second
	footerHelp string
	notice     string
	noticeAt   time.Time
	quitting   bool
	// after starts a timer: tea.Tick, replaced in tests so that no
	// command sleeps.
	after   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	unsaved bool   // quit although a save failed
	aside   string // quit leaving a changed file alone: our answers are in this file
}

// New builds the model. It does no IO.
func New(opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &common{
		width: 80, height: 24,
		styles: DefaultStyles(opts.Dark, opts.Color),
		keys:   DefaultKeyMap(),
		md:     newMarkdown(opts.Dark, opts.Color),
	}
	m := &Model{
		c: c, opts: opts, rev: opts.Review, lens: opts.Lens,
		helpMD: map[helpKey]string{},
		notice: opts.Notice, noticeAt: opts.Now(),
		after: tea.Tick,
		help:  help.New(),
	}
	m.save.diskHash = opts.DiskHash
	m.save.base = opts.Review.Clone()
	m.help.Styles.ShortKey = c.styles.Footer
	m.help.Styles.ShortDesc = c.styles.Footer
	m.help.Styles.ShortSeparator = c.styles.Footer
	m.help.Styles.FullKey = c.styles.Heading
	m.help.Styles.FullDesc = c.styles.Footer
	for pi, p := range opts.Lens.Pillars {
		for qi, q := range p.Questions {
			m.items = append(m.items, item{pi: pi, qi: qi, p: p, q: q})
		}
	}
	m.pane = viewport.New(0, 0)
	m.notes = newNotesArea()
	m.rescore()
	switch {
	case opts.Setup:
		m.screen = screenSetup
		m.setup = newSetupForm(opts.Review.Workload)
	default:
		m.screen = screenOverview
		if i := m.firstUnanswered(); i >= 0 {
			m.openQuestion(i)
		}
	}
	m.layout()
	m.refresh()
	return m
}

// Review returns the review as the model holds it.
func (m *Model) Review() *review.Review { return m.rev }

// Init starts the clock that refreshes the status line and watches the
// file, and renders the first help text.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.clockCmd(), m.helpCmd(m.cur), m.helpCmd(m.cur + 1)}
	switch {
	case m.screen == screenSetup:
		cmds = append(cmds, m.setup.focusCmd())
	case m.save.diskHash == "":
		// A new file whose details came as flags: create it now.
		m.save.dirty = true
		cmds = append(cmds, m.startSave())
	}
	return tea.Batch(cmds...)
}

func (m *Model) rescore() { m.score = m.rev.Score(m.lens) }

func (m *Model) risk(i int) questions.Risk {
	it := m.items[i]
	return m.score.Pillars[it.pi].Questions[it.qi].Risk
}

func (m *Model) answer(i int) *review.Answer {
	it := m.items[i]
	return m.rev.Answers.Get(it.p.ID, it.q.ID)
}

func (m *Model) firstUnanswered() int {
	for i := range m.items {
		if m.risk(i) == questions.Unanswered {
			return i
		}
	}
	return -1
}

// change edits the answer to the current question and schedules a save.
func (m *Model) change(fn func(*review.Answer)) tea.Cmd {
	it := m.items[m.cur]
	m.rev.Update(it.p.ID, it.q.ID, m.opts.Author, m.opts.Now(), fn)
	m.rescore()
	return m.markDirty()
}

// Update routes messages: sizes and background results first, then keys to
// the open dialog, the global keys, and the current screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.route(msg)
	m.refresh()
	return m, cmd
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.layout()
		return m.helpCmd(m.cur)
	case helpRenderedMsg:
		m.helpMD[msg.key] = msg.out
		if msg.key == m.helpKey(m.cur) {
			m.refreshPane()
		}
		return nil
	case clockMsg:
		if m.notice != "" && m.opts.Now().Sub(m.noticeAt) > noticeFor {
			m.notice = ""
		}
		return tea.Batch(m.clockCmd(), m.watchCmd())
	case signalMsg:
		if m.save.paused {
			return m.quitAside() // the file changed under us: do not overwrite it
		}
		return m.quit()
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		if m.screen == screenQuestion && m.dialog == nil {
			var cmd tea.Cmd
			m.pane, cmd = m.pane.Update(msg)
			return cmd
		}
		return nil
	}
	if cmd, handled := m.updateSave(msg); handled {
		return cmd
	}
	if m.screen == screenNavigator && m.dialog == nil {
		// The list's search results arrive as a message of its own.
		var cmd tea.Cmd
		m.navigator.list, cmd = m.navigator.list.Update(msg)
		return cmd
	}
	return m.updateText(msg)
}

// refresh rebuilds the prepared text of the status line, the key help and
// the current screen, so View only joins strings.
func (m *Model) refresh() {
	m.refreshStatus()
	m.refreshHelp()
	switch m.screen {
	case screenOverview:
		m.refreshOverview()
	case screenQuestion:
		m.refreshQuestion()
	case screenNavigator:
		m.refreshNavigator()
	case screenSummary:
		m.refreshSummary()
	}
}

// refreshStatus builds the status line: save state and notice on the
// left, progress on the right.
func (m *Model) refreshStatus() {
	left := m.saveStatus()
	if m.notice != "" {
		left += "  " + m.c.styles.Notice.Render(sanitize(m.notice))
	}
	c := m.score.Counts
	right := m.c.styles.Status.Render(fmt.Sprintf("%d/%d answered · HIGH %d · MEDIUM %d ", c.Answered(), c.Total(), c.High, c.Medium))
	m.status = spread(" "+left, right, m.c.width)
}

func (m *Model) updateKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys
	if m.dialog != nil {
		return m.dialog.update(m, msg)
	}
	if m.screen == screenSetup {
		return m.setup.update(m, msg)
	}
	if m.screen == screenNavigator && m.navigator.list.FilterState() == list.Filtering {
		return m.updateNavigator(msg) // typing a search: every key is text
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		// Keys typed faster than the terminal is read arrive together
		// ("j j"); they are separate commands here.
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		return tea.Batch(cmds...)
	}
	switch {
	case keyMatches(msg, k.Global.Quit):
		return m.quit()
	case keyMatches(msg, k.Global.Help):
		m.fullHelp = !m.fullHelp
		m.layout()
		return nil
	case m.fullHelp && keyMatches(msg, k.Global.Back):
		m.fullHelp = false
		m.layout()
		return nil
	case keyMatches(msg, k.Global.Navigator) && m.screen != screenNavigator:
		m.openNavigator()
		return nil
	case keyMatches(msg, k.Global.Summary) && m.screen != screenSummary:
		m.openSummary()
		return nil
	case keyMatches(msg, k.Question.Milestone) && (m.screen == screenQuestion || m.screen == screenOverview):
		return m.openMilestone()
	}
	switch m.screen {
	case screenOverview:
		return m.updateOverview(msg)
	case screenQuestion:
		return m.updateQuestion(msg)
	case screenNavigator:
		return m.updateNavigator(msg)
	case screenSummary:
		return m.updateSummary(msg)
	}
	return nil
}

// updateText passes other messages (cursor blink and the like) to the text
// field that has focus.
func (m *Model) updateText(msg tea.Msg) tea.Cmd {
	if m.dialog != nil {
		return m.dialog.passthrough(m, msg)
	}
	if m.screen == screenSetup {
		return m.setup.passthrough(msg)
	}
	return nil
}

// quit saves and then quits; if the save fails the user is asked.
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	if !m.save.dirty && !m.save.inFlight {
		return tea.Quit
	}
	return m.startSave()
}

// View assembles cached pieces; it renders no Markdown and builds no styles.
func (m *Model) View() string {
	if m.c.width < minWidth || m.c.height < minHeight {
		return fmt.Sprintf("Terminal too small: %dx%d.\nwafr needs at least %dx%d; enlarge the window (q quits).",
			m.c.width, m.c.height, minWidth, minHeight)
	}
	var body string
	switch {
	case m.fullHelp:
		body = m.fullHelpView()
	case m.screen == screenSetup:
		body = m.setup.view(m)
	case m.screen == screenOverview:
		body = m.overviewView()
	case m.screen == screenQuestion:
		body = m.questionView()
	case m.screen == screenNavigator:
		body = m.navigatorView()
	case m.screen == screenSummary:
		body = m.summaryView()
	}
	if m.dialog != nil {
		body = m.dialog.view(m)
	}
	return m.titleBar() + "\n" + fitHeight(body, m.bodyHeight()) + "\n" + m.footer()
}

// Run starts the program on the terminal (or opts.Input/Output) and returns
// the review as it was when the program ended.
func Run(opts Options) (*review.Review, error) {
	m := New(opts)
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithoutSignalHandler()}
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Output))
	}
	p := tea.NewProgram(m, progOpts...)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	go func() {
		for range signals {
			p.Send(signalMsg{})
		}
	}()
	_, runErr := p.Run()
	if m.unsaved {
		return m.rev, ErrUnsaved
	}
	if m.aside != "" {
		return m.rev, fmt.Errorf("%w to %s, which changed on disk: this session's answers are in %s", ErrUnsaved, opts.Path, m.aside)
	}
	// The program may have ended another way (the terminal went away, an
	// error): whatever is not on disk yet is written now, with the same
	// lock and change check as any save.
	if err := m.finalSave(); err != nil {
		return m.rev, err
	}
	return m.rev, runErr
}

// finalSave writes unsaved answers after the program has stopped. If the
// file changed meanwhile, it is left alone and the answers go beside it.
func (m *Model) finalSave() error {
	if !m.save.dirty && !m.save.inFlight || m.screen == screenSetup {
		return nil
	}
	m.rev.RecordRisks(m.lens)
	data := m.rev.Marshal()
	switch msg := saveCmd(m.opts.Path, data, m.save.diskHash, m.opts.Now)().(type) {
	case savedMsg:
		return nil
	case saveFailedMsg:
		return fmt.Errorf("%w: %v", ErrUnsaved, msg.err)
	}
	if err := atomicfile.Write(m.asidePath(), data); err != nil {
		return fmt.Errorf("%w: %s changed on disk, and %v", ErrUnsaved, m.opts.Path, err)
	}
	return fmt.Errorf("%w to %s, which changed on disk: this session's answers are in %s", ErrUnsaved, m.opts.Path, m.asidePath())
}

type signalMsg struct{}

// noticeFor is how long a notice stays in the status line.
const noticeFor = 12 * time.Second

// setNotice shows a one-line notice in the status line for a while.
func (m *Model) setNotice(s string) {
	m.notice, m.noticeAt = s, m.opts.Now()
}
