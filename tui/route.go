package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// An event is what a screen or dialog asks of the viewer. Children return
// events rather than change the viewer, and the viewer handles them at
// once, in order: a burst of keys is applied exactly as typed.
type event interface{}

type (
	applyEvent        struct{ intent Intent }
	openQuestionEvent struct{ item int }
	openScreenEvent   struct{ id screenID }
	backEvent         struct{}
	openDialogEvent   struct{ d dialog }
	closeDialogEvent  struct{}
	quitEvent         struct{ how quitRequest }
	noticeEvent       struct{ text string }
)

// Update handles one message and returns the command to run. Sizes are
// laid out and the prepared text rebuilt once, at the end (refresh).
func (v *Viewer) Update(msg tea.Msg) tea.Cmd {
	if v.holdTyped(msg) {
		return v.typedTimer()
	}
	if _, ok := msg.(typedMsg); ok {
		v.typedDue = false
		cmd := v.FlushTyped()
		v.refresh()
		return cmd
	}
	cmd := tea.Batch(v.FlushTyped(), v.route(msg))
	v.refresh() // lays out first
	return cmd
}

// typedMsg ends a typing frame: the letters held go in.
type typedMsg struct{}

// holdTyped holds a letter or space typed into a text editor until the
// frame ends (ViewerOptions.TypingFrame), or any other message comes:
// that one then follows the letters, in the order they came.
func (v *Viewer) holdTyped(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyMsg)
	if !ok || v.typingFrame <= 0 || km.Paste || km.Alt || !v.editorOnTop() {
		return false
	}
	switch km.Type {
	case tea.KeyRunes:
		v.typedAhead = append(v.typedAhead, km.Runes...)
	case tea.KeySpace:
		v.typedAhead = append(v.typedAhead, ' ')
	default:
		return false
	}
	return true
}

func (v *Viewer) typedTimer() tea.Cmd {
	if v.typedDue {
		return nil
	}
	v.typedDue = true
	return tea.Tick(v.typingFrame, func(time.Time) tea.Msg { return typedMsg{} })
}

// FlushTyped puts the letters held for the text editor in, as typed; the
// caller refreshes (Update does) and takes the intents. The program calls
// it before it ends, so no letter is left behind. Should the editor have
// closed meanwhile (a live review's host took the pen), they go nowhere:
// elsewhere a letter is a command.
func (v *Viewer) FlushTyped() tea.Cmd {
	runes := v.typedAhead
	v.typedAhead = nil
	if len(runes) == 0 || !v.editorOnTop() {
		return nil
	}
	return v.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes})
}

func (v *Viewer) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		v.termW, v.termH = clampSize(msg.Width, maxWidth), clampSize(msg.Height, maxHeight)
		v.layout()
		return v.question.helpCmds()
	case helpRenderedMsg:
		v.question = v.question.helpRendered(msg)
		return nil
	case tea.KeyMsg:
		return v.key(msg)
	case SaveFailedMsg:
		return v.openDialog(newSaveFailedDialog(v.c, v.snap.Path, msg.Err))
	case tea.MouseMsg:
		if v.top() == layerScreen && v.current == screenQuestion {
			v.question = v.question.mouse(msg)
		}
		return nil
	}
	return v.passthrough(msg)
}

// The largest screen drawn: a frame is as big as the screen it fills, and
// a live review's participant claims whatever size their SSH client says
// (a million columns grew the host by gigabytes). A larger terminal gets
// a screen this size in its top left corner; no real one is near it.
const (
	maxWidth  = 1000
	maxHeight = 500
)

// clampSize is a terminal dimension within 0 and most.
func clampSize(n, most int) int { return min(max(n, 0), most) }

// layer is who gets the keys: the topmost of the mode stack.
type layer int

const (
	layerScreen layer = iota
	layerDialog
	layerOverlay
	layerTooSmall
)

// top is the topmost layer: too small, then the help overlay, then the
// newest dialog, then the screen.
func (v *Viewer) top() layer {
	switch {
	case v.tooSmall():
		return layerTooSmall
	case v.helpOpen:
		return layerOverlay
	case len(v.dialogs) > 0:
		return layerDialog
	}
	return layerScreen
}

func (v *Viewer) key(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !msg.Alt && v.editorOnTop() {
		// Inserted whole, as a paste is: no run reads as a key's name.
		msg.Paste = true
		return v.dialogKey(msg)
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		// Keys typed faster than the terminal is read, or text pasted
		// without bracketed paste, arrive as one message. Each rune is a
		// key of its own, routed on its own: text in a text field, a key
		// elsewhere. A run of letters never reads as a key's name ("up",
		// "esc", "end").
		cmds := make([]tea.Cmd, 0, len(msg.Runes))
		for _, r := range msg.Runes {
			cmds = append(cmds, v.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	k := v.c.keys
	switch v.top() {
	case layerTooSmall:
		// Nothing is on screen: only quitting acts (the host of a live
		// review is asked first, and the question shows).
		switch {
		case v.endAsked():
			return v.dialogKey(msg)
		case v.typingBelow() && msg.Type != tea.KeyCtrlC:
			// A field being typed in keeps its keys (a tmux split while
			// someone types): q is a letter there, and ctrl+c quits.
			return v.dialogKey(msg)
		case v.asksBeforeEnding(msg):
			return v.openDialog(newEndReviewDialog(v.c, v.meeting, v.snap))
		case keyMatches(msg, k.Global.Quit):
			return v.handle(quitEvent{how: quitSave})
		}
		return nil
	case layerOverlay:
		switch {
		case msg.Type == tea.KeyCtrlC:
			return v.handle(quitEvent{how: quitSave})
		case keyMatches(msg, k.Overlay.Close):
			v.helpOpen = false
		}
		return nil
	case layerDialog:
		i := len(v.dialogs) - 1
		if !v.dialogs[i].typing() && keyMatches(msg, k.Global.Help) {
			v.helpOpen = true
			return nil
		}
		return v.dialogKey(msg)
	}
	if msg.Type == tea.KeyCtrlC {
		return v.handle(quitEvent{how: quitSave})
	}
	if !v.typing() {
		if cmd, ok := v.meetingKey(msg); ok {
			return cmd
		}
		if cmd, ok := v.globalKey(msg); ok {
			return cmd
		}
	}
	return v.screenKey(msg)
}

// typingBelow reports whether a dialog's text field has the keys under
// the too-small screen. (The form of a new review is a screen: there, as
// at start-up in a small window, q quits.)
func (v *Viewer) typingBelow() bool {
	top := topOf(v.dialogs)
	return top != nil && top.typing() && !v.endAsked()
}

// editorOnTop reports whether the keys go to a textEditor.
func (v *Viewer) editorOnTop() bool {
	if v.top() != layerDialog {
		return false
	}
	_, ok := topOf(v.dialogs).(textEditor)
	return ok
}

// dialogKey gives a key to the top dialog.
func (v *Viewer) dialogKey(msg tea.KeyMsg) tea.Cmd {
	i := len(v.dialogs) - 1
	d, cmd, evs := v.dialogs[i].update(msg)
	v.dialogs[i] = d
	return tea.Batch(cmd, v.handle(evs...))
}

// globalKey handles the keys that work on every screen.
func (v *Viewer) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := v.c.keys
	switch {
	case v.current == screenSetup:
		return nil, false
	case msg.Type != tea.KeyCtrlC && keyMatches(msg, k.Global.Quit) && v.conflictClosed():
		// The conflict dialog was closed to look first: q asks again
		// rather than quit with the answers set aside unasked.
		v.seenConflict = nil
		v.syncConflict()
		return nil, true
	case keyMatches(msg, k.Global.Quit):
		return v.handle(quitEvent{how: quitSave}), true
	case keyMatches(msg, k.Global.Help):
		v.helpOpen = true
		return nil, true
	case keyMatches(msg, k.Global.Navigator) && v.current != screenNavigator:
		return v.handle(openScreenEvent{screenNavigator}), true
	case keyMatches(msg, k.Global.Summary) && v.current != screenSummary:
		return v.handle(openScreenEvent{screenSummary}), true
	case keyMatches(msg, k.Question.Milestone) && (v.current == screenQuestion || v.current == screenOverview):
		return v.handle(openDialogEvent{newMilestoneDialog(v.c, v.snap)}), true
	}
	return nil, false
}

func (v *Viewer) screenKey(msg tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	var evs []event
	switch v.current {
	case screenSetup:
		v.setup, cmd, evs = v.setup.update(msg)
	case screenQuestion:
		v.question, cmd, evs = v.question.update(msg)
	case screenNavigator:
		v.navigator, cmd, evs = v.navigator.update(msg)
	case screenSummary:
		v.summary, cmd, evs = v.summary.update(msg)
	default:
		v.overview, cmd, evs = v.overview.update(msg)
	}
	return tea.Batch(cmd, v.handle(evs...))
}

// typing reports whether a text field of the screen has focus: printable
// keys are then text, never commands.
func (v *Viewer) typing() bool {
	switch v.current {
	case screenSetup:
		return true
	case screenNavigator:
		return v.navigator.filtering()
	}
	return false
}

// passthrough gives other messages (cursor blinks, a list's filter results)
// to whoever has the focus.
func (v *Viewer) passthrough(msg tea.Msg) tea.Cmd {
	if len(v.dialogs) > 0 {
		i := len(v.dialogs) - 1
		d, cmd, evs := v.dialogs[i].update(msg)
		v.dialogs[i] = d
		return tea.Batch(cmd, v.handle(evs...))
	}
	var cmd tea.Cmd
	switch v.current {
	case screenSetup:
		v.setup, cmd = v.setup.passthrough(msg)
	case screenNavigator:
		v.navigator, cmd = v.navigator.passthrough(msg)
	}
	return cmd
}

// handle carries out events in order.
func (v *Viewer) handle(evs ...event) tea.Cmd {
	var cmds []tea.Cmd
	for _, e := range evs {
		switch e := e.(type) {
		case applyEvent:
			v.outbox = append(v.outbox, e.intent)
		case openQuestionEvent:
			cmds = append(cmds, v.openQuestion(e.item))
		case openScreenEvent:
			v.openScreen(e.id)
		case backEvent:
			v.goBack()
		case openDialogEvent:
			cmds = append(cmds, v.openDialog(e.d))
		case closeDialogEvent:
			if len(v.dialogs) > 0 {
				v.dialogs = v.dialogs[:len(v.dialogs)-1]
			}
			v.syncConflict() // one held back while a field was typed in
			cmds = append(cmds, v.follow())
		case quitEvent:
			v.quit = e.how
		case noticeEvent:
			v.setNotice(e.text)
		}
	}
	return tea.Batch(cmds...)
}

func (v *Viewer) openQuestion(i int) tea.Cmd {
	if i < 0 || i >= len(v.snap.Items) {
		return nil
	}
	v.moved(i)
	v.current = screenQuestion
	v.question = v.question.open(i)
	return v.question.helpCmds()
}

func (v *Viewer) openScreen(id screenID) {
	if (id == screenNavigator || id == screenSummary) && v.current != screenNavigator && v.current != screenSummary {
		v.back = v.current
		if m := v.meeting; m != nil && m.Me.Role != Facilitator && (v.asked == nil && m.Me.Following || v.asked != nil && *v.asked) {
			v.askFollow(false) // looking around: roaming
		}
	}
	v.current = id
	switch id {
	case screenNavigator:
		v.navigator = v.navigator.open(v.question.cur)
	case screenSummary:
		v.summary = v.summary.open()
	}
}

// goBack leaves the navigator or summary for the screen it came from.
func (v *Viewer) goBack() {
	if v.back == screenQuestion {
		v.current = screenQuestion
		return
	}
	v.current = screenOverview
}

func (v *Viewer) openDialog(d dialog) tea.Cmd {
	if nd, ok := d.(notesDialog); ok {
		nd.fileHeld = v.fileHeld() // as syncNotesHeld keeps it
		d = nd
	}
	d, cmd := d.setSize(v.c.width, v.c.height).focus()
	v.dialogs = append(v.dialogs, d)
	return cmd
}

// closeDialog removes the dialogs that match.
func (v *Viewer) closeDialog(match func(dialog) bool) {
	kept := v.dialogs[:0]
	for _, d := range v.dialogs {
		if !match(d) {
			kept = append(kept, d)
		}
	}
	v.dialogs = kept
}
