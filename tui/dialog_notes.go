package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// notesDialog edits a question's notes. Every change is applied at once, so
// an autosave never misses a half-written note.
type notesDialog struct {
	frame
	item     int
	question string
	area     textarea.Model
}

func newNotesArea() textarea.Model {
	t := textarea.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	t.Placeholder = "What the team said, who follows up, links…"
	t.ShowLineNumbers = false
	t.CharLimit = 0
	t.MaxHeight = 0
	return t
}

func newNotesDialog(c *common, snap *Snapshot, item int, notes string) notesDialog {
	d := notesDialog{frame: frame{c: c}, item: item, question: snap.Items[item].Question.ID, area: newNotesArea()}
	d.area.SetValue(notes)
	d.area.CursorEnd()
	return d
}

// notEditable says why the editor could not show a note exactly as it is
// ("" when it can): the editor holds at most 10,000 lines, turns tabs into
// spaces and CR LF into LF, and shows no control characters. Such a note is
// never opened in it, so that saving never changes text nobody touched.
func notEditable(notes string) string {
	if notes == "" {
		return ""
	}
	t := newNotesArea()
	t.SetValue(notes)
	switch {
	case t.Value() == notes && sanitize(notes) == notes:
		return ""
	case strings.Count(notes, "\n") >= 10000:
		return "has more than 10,000 lines"
	case strings.Contains(notes, "\t"):
		return "holds tabs"
	case strings.Contains(notes, "\r"):
		return "holds carriage returns"
	}
	return "holds control characters"
}

func (d notesDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok && (keyMatches(km, d.c.keys.Form.Done) || km.Type == tea.KeyCtrlC) {
		d.area.Blur()
		return d, nil, closed()
	}
	before := d.area.Value()
	var cmd tea.Cmd
	d.area, cmd = d.area.Update(msg)
	if after := d.area.Value(); after != before {
		return d, cmd, []event{applyEvent{NotesIntent{Item: d.item, Notes: after, Base: before}}}
	}
	return d, cmd, nil
}

func (d notesDialog) view() string {
	return d.box("Notes for "+d.question, d.area.View()+"\n"+d.c.styles.Dim.Render("Saved as you type. esc or ctrl+s closes."))
}

func (d notesDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	d.area.SetWidth(min(d.textWidth(), 100))
	d.area.SetHeight(max(3, min(10, h-8)))
	return d
}

func (d notesDialog) focus() (dialog, tea.Cmd) { cmd := d.area.Focus(); return d, cmd }

func (d notesDialog) keys() []key.Binding { return []key.Binding{d.c.keys.Form.Done} }

func (d notesDialog) typing() bool { return true }
