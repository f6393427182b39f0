package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/workspace"
)

// The smallest terminal the layout is designed for; below it wafr says so.
const (
	minWidth  = 60
	minHeight = 20
	// wideWidth puts the help pane beside the choices instead of below.
	wideWidth = 110
	// footerLines is the status line and the key help.
	footerLines = 2
	// minBody is the least height the body keeps when a long notice
	// takes lines above the status line.
	minBody = 14
	// noticeFor is how long a notice stays in the status line.
	noticeFor = 12 * time.Second
)

// common is what every screen and dialog of one viewer shares: the body's
// size, styles, keys, words and the text renderer. Each viewer has its
// own, so people on different terminals get their own colours, and their
// own language.
type common struct {
	width, height int // the body between the title bar and the footer
	styles        *Styles
	keys          *KeyMap
	cat           *i18n.Catalog
	t             *i18n.TUI // cat.TUI
	tr            textRenderer
	now           func() time.Time
}

// newCommon builds what a viewer's children share: styles for the
// renderer's terminal, words and keys in the language of the tag, and
// links as hyperlinks or not.
func newCommon(r *lipgloss.Renderer, lang string, hyperlinks bool, now func() time.Time) *common {
	cat := i18n.For(lang)
	styles := newStyles(r, cat.Risk.Label)
	return &common{styles: styles, keys: keyMapFor(&cat.TUI.Keys), cat: cat, t: &cat.TUI,
		tr: textRenderer{styles: styles, hyperlinks: hyperlinks}, now: now}
}

// screenID names a screen.
type screenID int

const (
	screenSetup screenID = iota
	screenOverview
	screenQuestion
	screenNavigator
	screenSummary
)

// A Viewer is one person's view of a session: the screen they are on, their
// cursor and scroll, the dialogs and overlays they opened, their terminal's
// size and styles. It draws the session's snapshots and turns keys into
// intents, which the program (or the hub of a live review) applies; it
// never changes the session itself.
type Viewer struct {
	c        *common
	snap     *Snapshot
	termW    int
	termH    int
	current  screenID
	back     screenID // where esc returns from the navigator and summary
	dialogs  []dialog // the top one gets every key
	helpOpen bool     // the key-help overlay, over everything
	help     help.Model

	setup     setupScreen
	overview  overviewScreen
	question  questionScreen
	navigator navigatorScreen
	summary   summaryScreen

	meeting      *Meeting // a live review; nil in "wafr review"
	asked        *bool    // a follow or roam asked of the hub, not yet in its updates
	outbox       []Intent
	quit         quitRequest
	notice       Notice // the viewer's own notice
	lint         Notice // the lens's lint warnings, for the key help
	status       string
	footerHelp   string
	frame        string // what View returns, drawn from the prepared parts
	frameStale   bool   // a refresh came since frame was drawn
	typingFrame  time.Duration
	typedAhead   []rune // letters for the text editor, waiting for typedMsg
	typedDue     bool   // a typedMsg is on its way
	seenConflict *Conflict
	join         string // how others join a live review, for the host
	joinKey      string
}

// quitRequest is how the viewer asked to end.
type quitRequest int

const (
	noQuit    quitRequest = iota
	quitSave              // save, then quit
	quitAside             // leave the file alone; set the answers aside
	quitForce             // quit although the last changes are not saved
)

// ViewerOptions set up a viewer.
type ViewerOptions struct {
	// Renderer draws for this viewer's terminal; its colour profile and
	// background decide the styles.
	Renderer *lipgloss.Renderer
	// Setup starts on the form that asks for a new review's workload.
	Setup bool
	// LensChange, when the lens is not the one the review was saved
	// with, is said once in the status line.
	LensChange *workspace.LensDrift
	// LintWarnings is the number of lint warnings of the lens, said once
	// in the status line (instead of LensChange).
	LintWarnings int
	// Language is the language of wafr's own words (a tag such as "ja");
	// empty, the lens's language.
	Language string
	// Hyperlinks makes the URLs of the help pane OSC 8 hyperlinks: for a
	// terminal that shows them (the caller decides).
	Hyperlinks bool
	// Join, on the host's screen of a live review, is the command others
	// join with, and JoinKey the host key's fingerprint: said in the
	// presence line while no one has joined, and in the key help.
	Join, JoinKey string
	// TypingFrame, when set, lets letters typed into a text editor wait
	// up to this long and go in together: the screen is not drawn more
	// often than that anyway. Text pasted without bracketed paste arrives
	// word by word, and every insertion costs the editor a pass over its
	// text. Zero takes each at once (tests that check every key).
	TypingFrame time.Duration
	Now         func() time.Time
}

// TypingFrame is a frame at 60 frames a second, bubbletea's rate.
const TypingFrame = time.Second / 60

// NewViewer makes a viewer of a session's snapshot, at 80x24 until told
// its size.
func NewViewer(snap *Snapshot, o ViewerOptions) *Viewer {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Renderer == nil {
		o.Renderer = lipgloss.DefaultRenderer()
	}
	lang := o.Language
	if lang == "" {
		lang = snap.Lens.Language
	}
	c := newCommon(o.Renderer, lang, o.Hyperlinks, o.Now)
	v := &Viewer{c: c, snap: snap, termW: 80, termH: 24, help: help.New(), join: cleanLine(o.Join), joinKey: cleanLine(o.JoinKey),
		typingFrame: o.TypingFrame}
	c.styles.styleHelp(&v.help)
	if d := o.LensChange; d != nil && d.Kind != workspace.LensSame {
		v.notice = Notice{Kind: NoticeLensChanged, Lens: d, At: o.Now()}
	}
	if o.LintWarnings > 0 {
		v.notice = Notice{Kind: noticeLint, N: o.LintWarnings, Arg: snap.Lens.Source, At: o.Now()}
		v.lint = v.notice
	}
	v.setup = newSetupScreen(c, snap)
	v.overview = newOverviewScreen(c, snap)
	v.question = newQuestionScreen(c, snap)
	v.navigator = newNavigatorScreen(c, snap)
	v.summary = newSummaryScreen(c, snap)
	switch i := snap.FirstUnanswered(); {
	case o.Setup:
		v.current = screenSetup
	case i >= 0:
		v.current = screenQuestion
		v.question = v.question.open(i)
	default:
		v.current = screenOverview
	}
	v.refresh()
	return v
}

// Init is the first command of the viewer: render the help of the first
// question, focus the setup form.
func (v *Viewer) Init() tea.Cmd {
	if v.current == screenSetup {
		return v.setup.focus()
	}
	return v.question.helpCmds()
}

// SetSnapshot shows a new state of the session.
func (v *Viewer) SetSnapshot(snap *Snapshot) {
	if snap == v.snap {
		return
	}
	v.snap = snap
	v.setup.snap, v.overview.snap, v.navigator.snap, v.summary.snap = snap, snap, snap, snap
	v.question = v.question.setSnapshot(snap)
	v.syncConflict()
	v.syncNotesHeld()
	v.refresh()
}

// fileHeld reports whether the session cannot save the file now.
func (v *Viewer) fileHeld() bool { return v.snap.Conflict != nil || v.snap.Save.Err != nil }

// syncNotesHeld tells an open notes editor whether the file can be saved
// now, so that its hint never says "saved as you type" while a change on
// disk waits for a decision (the dialog opens when the editor closes) or
// saving fails.
func (v *Viewer) syncNotesHeld() {
	held := v.fileHeld()
	for i, d := range v.dialogs {
		if nd, ok := d.(notesDialog); ok && nd.fileHeld != held {
			nd.fileHeld = held
			v.dialogs[i] = nd.setSize(nd.w, nd.h) // its hint, on other lines
		}
	}
}

// syncConflict opens the conflict dialog when the session has a conflict
// and closes it when the conflict is settled.
func (v *Viewer) syncConflict() {
	c := v.snap.Conflict
	if m := v.meeting; m != nil && m.Me.Role != Facilitator {
		c = nil // the facilitator decides; the status line tells everyone else
	}
	if c == v.seenConflict || c != nil && v.seenConflict != nil && c.LoadErr == v.seenConflict.LoadErr && fmt.Sprint(c.Questions) == fmt.Sprint(v.seenConflict.Questions) {
		return
	}
	if top := topOf(v.dialogs); c != nil && top != nil && top.typing() {
		// Never over a text field being typed in: its next keys would
		// answer the dialog. The status line says the file changed; the
		// dialog opens when the field closes.
		return
	}
	v.seenConflict = c
	v.closeDialog(func(d dialog) bool { _, ok := d.(conflictDialog); return ok })
	if c != nil {
		v.openDialog(newConflictDialog(v.c, v.snap, c, v.meeting))
	}
}

// conflictClosed reports whether a conflict of both sides' answers waits
// for this viewer's decision with its dialog closed (esc, to look first).
// One about a file that does not load needs none: saving resumes once it
// loads.
func (v *Viewer) conflictClosed() bool {
	c := v.snap.Conflict
	if c == nil || c.LoadErr != nil || v.meeting != nil && v.meeting.Me.Role != Facilitator {
		return false
	}
	for _, d := range v.dialogs {
		if _, ok := d.(conflictDialog); ok {
			return false
		}
	}
	return true
}

func topOf(ds []dialog) dialog {
	if len(ds) == 0 {
		return nil
	}
	return ds[len(ds)-1]
}

// TakeIntents returns the intents the viewer produced since the last call.
func (v *Viewer) TakeIntents() []Intent {
	out := v.outbox
	v.outbox = nil
	return out
}

// Applied tells the viewer what happened to one of its intents.
func (v *Viewer) Applied(res Result) {
	switch {
	case errors.Is(res.Err, ErrMilestoneTooLarge):
		// Too long for the status line, and it must be read.
		v.openDialog(messageDialog{frame: frame{c: v.c}, title: v.c.t.Mile.TooLargeTitle, body: v.c.errorText(res.Err)})
	case res.Err != nil:
		v.notesRefused(res.Err) // only a *NotesConflict does anything
		v.setNotice(v.c.errorText(res.Err))
	case !res.Message.Empty():
		n := res.Message
		n.At = v.c.now()
		v.notice = v.decided(n) // a proposal may be decided already
	}
	v.refresh()
}

// notesRefused keeps what was typed in notes someone else changed
// meanwhile: the editor, still open, asks what to keep when it closes; if
// it closed already, the question is asked now (under a field being typed
// in, which keeps its keys).
func (v *Viewer) notesRefused(err error) {
	var nc *NotesConflict
	if !errors.As(err, &nc) || nc.Item < 0 || nc.Item >= len(v.snap.Items) {
		return
	}
	for i, d := range v.dialogs {
		if nd, ok := d.(notesDialog); ok && nd.item == nc.Item {
			if !nd.unsaved {
				nd.unsaved, nd.base = true, nc.Base
			}
			v.dialogs[i] = nd.setSize(nd.w, nd.h) // its hint says so, on other lines
			return
		}
		if cd, ok := d.(notesConflictDialog); ok && cd.item == nc.Item {
			// Asked already: results come in the order the text was
			// typed, so this one holds the latest of it.
			cd.mine = nc.Notes
			v.dialogs[i] = cd
			return
		}
	}
	ask, _ := newNotesConflictDialog(v.c, nc.Item, v.snap.Items[nc.Item].Question.ID, nc.Notes, nc.Base).setSize(v.c.width, v.c.height).focus()
	if top := topOf(v.dialogs); top != nil && top.typing() {
		v.dialogs = slices.Insert(v.dialogs, len(v.dialogs)-1, ask)
		return
	}
	v.dialogs = append(v.dialogs, ask)
}

// TakeLeftBehind returns, once, what the viewer still holds as its program
// ends, as intents to apply: the letters of a typing frame, then the notes
// typed over someone else's change that no one has said what to keep of
// yet, which keep both texts (takePendingNotes).
func (v *Viewer) TakeLeftBehind() []Intent {
	v.FlushTyped()
	return append(v.TakeIntents(), v.takePendingNotes()...)
}

// Unconfirmed says, a line each, what was typed in open dialogs and never
// confirmed (an "Other" reason, an action's owner): ending the program
// drops it, since keeping it would decide what nobody confirmed, and the
// closing lines name it so that it can be typed again.
func (v *Viewer) Unconfirmed() []string {
	var out []string
	for _, d := range v.dialogs {
		if u, ok := d.(unconfirmedText); ok {
			if where, text := u.unconfirmed(); text != "" {
				out = append(out, fmt.Sprintf(v.c.t.Notice.Unconfirmed, cleanLine(where), cleanLine(text)))
			}
		}
	}
	return out
}

// takePendingNotes returns the notes typed over someone else's change that
// no one has said what to keep of yet, as intents that keep both texts,
// once: a program ending before the question is answered applies them, so
// nothing typed is lost, and a second try at ending does not add them again.
func (v *Viewer) takePendingNotes() []Intent {
	var out []Intent
	kept := v.dialogs[:0]
	for _, d := range v.dialogs {
		switch d := d.(type) {
		case notesDialog:
			if d.unsaved {
				out = append(out, NotesIntent{Item: d.item, Notes: d.area.Value(), Base: d.base, Keep: KeepBoth})
				d.unsaved = false
			}
			kept = append(kept, d)
		case notesConflictDialog:
			out = append(out, NotesIntent{Item: d.item, Notes: d.mine, Base: d.base, Keep: KeepBoth})
		default:
			kept = append(kept, d)
		}
	}
	v.dialogs = kept
	return out
}

func (v *Viewer) setNotice(text string) { v.notice = Notice{Text: text, At: v.c.now()} }

// View draws the viewer from the parts refresh prepared, once however
// many refreshes one message made (a key, its intent applied, the new
// snapshot). No Markdown rendering, no styles built.
func (v *Viewer) View() string {
	if v.frameStale {
		v.frame, v.frameStale = v.frameText(), false
	}
	return v.frame
}

// frameText joins the title bar, the body of the top layer, the status
// line and the key help.
func (v *Viewer) frameText() string {
	if v.tooSmall() {
		if d, ok := topOf(v.dialogs).(endReviewDialog); ok {
			return d.small(v.termW, v.termH)
		}
		return tooSmallView(&v.c.t.Status, v.termW, v.termH, v.typingBelow())
	}
	var body string
	switch {
	case v.helpOpen:
		body = v.fullHelpView()
	case len(v.dialogs) > 0:
		body = v.dialogs[len(v.dialogs)-1].view()
	default:
		body = v.screenView()
	}
	top := v.titleBar()
	if v.meeting != nil {
		top += "\n" + v.presenceLine()
	}
	return top + "\n" + fitHeight(body, v.c.height) + "\n" + v.status + "\n" + v.footerHelp
}

func (v *Viewer) screenView() string {
	switch v.current {
	case screenSetup:
		return v.setup.view()
	case screenQuestion:
		return v.question.view()
	case screenNavigator:
		return v.navigator.view()
	case screenSummary:
		return v.summary.view()
	}
	return v.overview.view()
}

func (v *Viewer) tooSmall() bool { return v.termW < minWidth || v.termH < minHeight }

// layout gives every child its size. It runs at the end of every update
// and before every refresh, so a change that moves anything (a resize, a
// dialog, a merge, a notice that needs more than the status line) is laid
// out in this one place; children do their own work only when their size
// or content changed.
func (v *Viewer) layout() {
	v.refreshStatus()
	extra := strings.Count(v.status, "\n") // a long notice's own lines
	v.c.width, v.c.height = v.termW, max(1, v.termH-v.headerLines()-footerLines-extra)
	v.help.Width = v.termW
	v.setup = v.setup.setSize(v.c.width, v.c.height)
	v.question = v.question.setSize(v.c.width, v.c.height)
	for i, d := range v.dialogs {
		v.dialogs[i] = d.setSize(v.c.width, v.c.height)
	}
}

// headerLines is the height of what is above the body: the title bar, and
// who is here in a live review.
func (v *Viewer) headerLines() int {
	if v.meeting != nil {
		return 2
	}
	return 1
}

// refresh rebuilds the prepared text of the status line, the key help and
// the current screen, so View only joins strings. It lays out first: the
// status line may have grown or shrunk (a notice came or went).
func (v *Viewer) refresh() {
	v.layout()
	short, _ := v.bindings()
	v.footerHelp = truncate(v.help.ShortHelpView(short), v.termW)
	switch v.current {
	case screenOverview:
		v.overview = v.overview.refresh()
	case screenNavigator:
		v.navigator = v.navigator.refresh()
	case screenSummary:
		v.summary = v.summary.refresh()
	case screenQuestion:
		v.question = v.question.refresh()
	}
	v.frameStale = true
}

// bindings are the keys of whatever has the keys now, for the help.
func (v *Viewer) bindings() (short []key.Binding, full [][]key.Binding) {
	g := v.c.keys.Global
	switch {
	case v.tooSmall():
		return []key.Binding{g.Quit}, [][]key.Binding{{g.Quit}}
	case v.helpOpen:
		return []key.Binding{v.c.keys.Overlay.Close}, [][]key.Binding{{v.c.keys.Overlay.Close}}
	}
	return v.belowOverlay()
}

// belowOverlay are the keys of the dialog or screen, which the help
// overlay lists.
func (v *Viewer) belowOverlay() (short []key.Binding, full [][]key.Binding) {
	switch {
	case len(v.dialogs) > 0:
		b := v.dialogs[len(v.dialogs)-1].keys()
		return b, [][]key.Binding{b}
	}
	defer func() { short, full = v.forRole(short, full) }() // a screen's keys, as far as this person may use them
	switch v.current {
	case screenSetup:
		return v.setup.keys()
	case screenQuestion:
		short, full = v.question.keys()
		if mk := v.meetingBindings(); mk != nil {
			full = append(full, mk)
		}
		return short, full
	case screenNavigator:
		return v.navigator.keys()
	case screenSummary:
		return v.summary.keys()
	}
	return v.overview.keys()
}

// TakeQuit returns how the person asked to quit, once.
func (v *Viewer) TakeQuit() quitRequest {
	q := v.quit
	v.quit = noQuit
	return q
}

// WantsQuit reports, once, whether the person asked to leave.
func (v *Viewer) WantsQuit() bool { return v.TakeQuit() != noQuit }

// Refresh rebuilds the prepared text: the clock moved ("saved 3s ago").
func (v *Viewer) Refresh() { v.refresh() }
