package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
)

// notesDialog edits a question's notes. Every change is applied at once, so
// an autosave never misses a half-written note.
type notesDialog struct {
	frame
	item     int
	question string
	area     textarea.Model
	// unsaved: someone else changed the notes meanwhile, so what is typed
	// here is refused until, on closing, a notesConflictDialog says what
	// to keep.
	unsaved bool
	base    string // when unsaved, the notes the refused typing began over
	// proposing: in a live review, what is typed goes to the facilitator
	// as a proposal, not into the file.
	proposing bool
	// fileHeld: the session cannot save the file now (it changed on disk
	// and waits for a decision, or saving fails): typing is kept, not saved.
	fileHeld bool
	// afterCR: the last key was Enter, so a line feed now ends the same
	// line (CR LF, as a paste without bracketed paste brings it).
	afterCR bool
}

// newNotesArea is the editor, in bubbles' styles: style it (styleArea)
// before drawing it.
func newNotesArea(placeholder string) textarea.Model {
	t := textarea.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	t.KeyMap.Paste = noClipboard()
	t.Placeholder = placeholder
	t.ShowLineNumbers = false
	t.CharLimit = 0
	t.MaxHeight = 0
	return t
}

func newNotesDialog(c *common, snap *Snapshot, item int, notes string) notesDialog {
	return notesEditor(c, item, snap.Items[item].Question.ID, notes)
}

func notesEditor(c *common, item int, question, notes string) notesDialog {
	d := notesDialog{frame: frame{c: c}, item: item, question: question, area: newNotesArea(c.t.Notes.Placeholder)}
	c.styles.styleArea(&d.area)
	d.area.SetValue(notes)
	d.area.CursorEnd()
	return d
}

// notEditable says why the editor could not show a note exactly as it is
// ("" when it can): the editor holds at most 10,000 lines, turns tabs into
// spaces and CR LF into LF, and shows no control characters. Such a note is
// never opened in it, so that saving never changes text nobody touched.
func notEditable(notes string, t *i18n.Question) string {
	if notes == "" {
		return ""
	}
	a := newNotesArea("")
	a.SetValue(notes)
	switch {
	case a.Value() == notes && sanitize(notes) == notes:
		return ""
	case strings.Count(notes, "\n") >= maxNoteLines:
		return t.TooManyLines
	case strings.Contains(notes, "\t"):
		return t.HasTabs
	case strings.Contains(notes, "\r"):
		return t.HasCR
	}
	return t.HasControls
}

func (d notesDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok && (keyMatches(km, d.c.keys.Form.Done) || km.Type == tea.KeyCtrlC) {
		d.area.Blur()
		if d.unsaved {
			return d, nil, []event{closeDialogEvent{}, openDialogEvent{newNotesConflictDialog(d.c, d.item, d.question, d.area.Value(), d.base)}}
		}
		return d, nil, closed()
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		// A line feed (ctrl+j), as pasted text without bracketed paste
		// brings line ends, starts a new line as Enter does.
		lf, crlf := km.Type == tea.KeyCtrlJ, km.Type == tea.KeyCtrlJ && d.afterCR
		d.afterCR = km.Type == tea.KeyEnter
		switch {
		case crlf:
			return d, nil, nil
		case lf:
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case km.Type == tea.KeyTab:
			// A tab (typed, or in text pasted without bracketed paste)
			// goes in as a pasted one does; the editor has no fields to
			// move between.
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'\t'}, Paste: true}
		case km.Paste:
			// A bracketed paste brings its line ends as they are: CR LF,
			// CR and the Unicode ones each end one line, as textsafe reads
			// them.
			km.Runes = []rune(textsafe.Newlines(string(km.Runes)))
			msg = km
		}
	}
	before := d.area.Value()
	var cmd tea.Cmd
	d.area, cmd = updateArea(d.area, msg)
	var evs []event
	if km, ok := msg.(tea.KeyMsg); ok && km.Paste {
		evs = d.pasteCut(before, string(km.Runes))
	}
	// Typed over someone else's change, text is not sent (it would be
	// refused): the question on closing carries it.
	if after := d.area.Value(); after != before && !d.unsaved {
		evs = append(evs, applyEvent{NotesIntent{Item: d.item, Notes: after, Base: before}})
	}
	return d, cmd, evs
}

// maxNoteLines is as many lines as the editor (bubbles' textarea) holds.
const maxNoteLines = 10000

// pasteCut says so when a paste over before did not fit in the editor's
// lines: the editor drops the rest without a word.
func (d notesDialog) pasteCut(before, pasted string) []event {
	want := strings.Count(before, "\n") + strings.Count(pasted, "\n") + 1
	if got := d.area.LineCount(); got < want {
		return []event{noticeEvent{fmt.Sprintf(d.c.t.Notes.PasteCut, maxNoteLines, want-got)}}
	}
	return nil
}

// view draws the editor as it is: its lines are never wrapped again (a
// wrapped line would lose its prompt and grow the box).
func (d notesDialog) view() string {
	t := &d.c.t.Notes
	lines := strings.Split(d.area.View(), "\n")
	lines = append(lines, strings.Split(d.c.styles.Dim.Render(wrap(d.hint(), d.textWidth())), "\n")...)
	return d.boxLines(fmt.Sprintf(t.Title, cleanLine(d.question)), lines)
}

func (d notesDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	// One column fewer than the dialog: the cursor after a full line
	// needs a cell of its own.
	width, height := d.area.Width(), d.area.Height()
	d.area.SetWidth(min(d.textWidth(), 100) - 1)
	d.area.SetHeight(max(3, min(10, h-8-strings.Count(wrap(d.hint(), d.textWidth()), "\n"))))
	if d.area.Width() != width || d.area.Height() != height {
		d.area = scrollToCursor(d.area) // opened on long notes, or resized: the cursor in view
	}
	return d
}

// hint says where the typing goes.
func (d notesDialog) hint() string {
	switch {
	case d.unsaved:
		return d.c.t.Notes.UnsavedHint
	case d.proposing:
		return d.c.t.Notes.ProposeHint
	case d.fileHeld:
		return d.c.t.Notes.HeldHint
	}
	return d.c.t.Notes.Hint
}

func (d notesDialog) focus() (dialog, tea.Cmd) { cmd := d.area.Focus(); return d, cmd }

func (d notesDialog) keys() []key.Binding { return []key.Binding{d.c.keys.Form.Done} }

func (d notesDialog) typing() bool { return true }

func (d notesDialog) editsText() {}

// notesConflictDialog asks what to keep when someone else changed a
// question's notes while they were typed in: nothing typed is dropped
// unless it says so.
type notesConflictDialog struct {
	frame
	item                 int
	question, mine, base string // base: the notes mine was typed over
}

func newNotesConflictDialog(c *common, item int, question, mine, base string) notesConflictDialog {
	return notesConflictDialog{frame: frame{c: c}, item: item, question: question, mine: mine, base: base}
}

func (d notesConflictDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil, nil
	}
	k := d.c.keys.Form
	keep := func(how NotesKeep, said string) []event {
		return []event{closeDialogEvent{}, noticeEvent{said}, applyEvent{NotesIntent{Item: d.item, Notes: d.mine, Base: d.base, Keep: how}}}
	}
	switch {
	case keyMatches(km, k.Mine):
		return d, nil, keep(KeepMine, d.c.t.Notes.KeptMine)
	case keyMatches(km, k.Both), km.Type == tea.KeyCtrlC:
		// ctrl+c, which closed the editor, closes this too (it would
		// open the editor again): keeping both loses nothing.
		return d, nil, keep(KeepBoth, d.c.t.Notes.KeptBoth)
	case keyMatches(km, k.Theirs):
		return d, nil, []event{closeDialogEvent{}, noticeEvent{d.c.t.Notes.Dropped}}
	case keyMatches(km, k.Cancel):
		back := notesEditor(d.c, d.item, d.question, d.mine)
		back.unsaved, back.base = true, d.base
		return d, nil, []event{closeDialogEvent{}, openDialogEvent{back}}
	}
	return d, nil, nil
}

func (d notesConflictDialog) view() string {
	t := &d.c.t.Notes
	w := d.textWidth()
	lines := append(strings.Split(wrap(fmt.Sprintf(t.Conflict, cleanLine(d.question)), w), "\n"), "")
	for _, l := range []string{t.KeepMine, t.KeepBoth, t.TakeTheirs, t.BackToText} {
		lines = append(lines, keyLines(l, w)...)
	}
	return d.boxLines(t.ConflictTitle, lines)
}

func (d notesConflictDialog) setSize(w, h int) dialog { d.w, d.h = w, h; return d }

func (d notesConflictDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d notesConflictDialog) keys() []key.Binding {
	k := d.c.keys.Form
	return []key.Binding{k.Mine, k.Both, k.Theirs, k.Cancel}
}

func (d notesConflictDialog) typing() bool { return false }
