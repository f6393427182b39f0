package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// dialog is a small screen over the current one. While it is open it gets
// every key first, so typing in a note never triggers a global key.
type dialog interface {
	update(m *Model, msg tea.KeyMsg) tea.Cmd
	passthrough(m *Model, msg tea.Msg) tea.Cmd
	view(m *Model) string
	keys(m *Model) []key.Binding
}

// box draws a dialog with a title, centred in the body.
// Every line of the body is wrapped to the dialog's width, so a dialog
// fits the smallest terminal.
func (m *Model) box(title, body string) string {
	w := m.dialogWidth()
	lines := strings.Split(wrap(body, w), "\n")
	if room := m.bodyHeight() - 4; len(lines) > room { // border, title, gap
		lines = append(lines[:max(1, room-1)], "…")
	}
	inner := m.c.styles.Heading.Render(truncate(sanitize(title), w)) + "\n\n" + strings.Join(lines, "\n")
	return lipgloss.Place(m.c.width, m.bodyHeight(), lipgloss.Center, lipgloss.Center, m.c.styles.Dialog.Render(inner))
}

// dialogWidth is the text width inside a dialog's border and padding.
func (m *Model) dialogWidth() int {
	return max(20, min(70, m.c.width-2-m.c.styles.Dialog.GetHorizontalFrameSize()))
}

// --- not applicable ---

type naOption struct{ reason, label string }

// naOptions are the AWS answer model's reasons, as people read them.
var naOptions = []naOption{
	{"OUT_OF_SCOPE", "Out of scope"},
	{"BUSINESS_PRIORITIES", "Business priorities"},
	{"ARCHITECTURE_CONSTRAINTS", "Architecture constraints"},
	{"OTHER", "Other"},
	{"NONE", "None (no reason)"},
}

type notApplicableDialog struct {
	cursor   int
	marked   bool   // the question is already not applicable: a, enter unmarks
	current  string // its reason
	question string
}

func newNotApplicableDialog(m *Model) *notApplicableDialog {
	d := &notApplicableDialog{question: m.items[m.cur].q.ID}
	if a := m.answer(m.cur); a != nil && a.NotApplicable {
		d.marked, d.current = true, a.Reason
	}
	return d
}

// options: when the question is marked, the first line unmarks it.
func (d *notApplicableDialog) count() int {
	if d.marked {
		return len(naOptions) + 1
	}
	return len(naOptions)
}

func (d *notApplicableDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys
	switch {
	case keyMatches(msg, k.Question.Up):
		d.cursor = max(0, d.cursor-1)
	case keyMatches(msg, k.Question.Down):
		d.cursor = min(d.count()-1, d.cursor+1)
	case keyMatches(msg, k.Form.Cancel):
		m.dialog = nil
	case keyMatches(msg, k.Form.Confirm), keyMatches(msg, k.Question.Toggle):
		m.dialog = nil
		i := d.cursor
		if d.marked {
			if i == 0 {
				return m.change(func(a *review.Answer) { a.NotApplicable, a.Reason = false, "" })
			}
			i--
		}
		reason := naOptions[i].reason
		return m.change(func(a *review.Answer) { a.NotApplicable, a.Reason = true, reason })
	}
	return nil
}

func (d *notApplicableDialog) passthrough(*Model, tea.Msg) tea.Cmd { return nil }

func (d *notApplicableDialog) view(m *Model) string {
	s := m.c.styles
	var lines []string
	labels := []string{}
	if d.marked {
		labels = append(labels, "Applicable again (unmark)")
	}
	for _, o := range naOptions {
		if d.marked && o.reason == d.current {
			labels = append(labels, o.label+" (current)")
			continue
		}
		labels = append(labels, o.label)
	}
	for i, l := range labels {
		if i == d.cursor {
			lines = append(lines, s.Cursor.Render("› ")+s.Selected.Render(l))
		} else {
			lines = append(lines, "  "+l)
		}
	}
	return m.box(d.question+" does not apply because…", strings.Join(lines, "\n"))
}

func (d *notApplicableDialog) keys(m *Model) []key.Binding {
	return []key.Binding{m.c.keys.Question.Up, m.c.keys.Question.Down, m.c.keys.Form.Confirm, m.c.keys.Form.Cancel}
}

// --- notes ---

func newNotesArea() textarea.Model {
	t := textarea.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	t.Placeholder = "What the team said, who follows up, links…"
	t.ShowLineNumbers = false
	t.CharLimit = 0
	t.MaxHeight = 0
	return t
}

type notesDialog struct{ question string }

// openNotes edits the current question's notes. Every keystroke is applied
// to the answer, so an autosave never misses a half-written note.
func (m *Model) openNotes() tea.Cmd {
	notes := ""
	if a := m.answer(m.cur); a != nil {
		notes = a.Notes
	}
	m.notes.SetValue(sanitize(notes)) // escape codes in a note must not reach the terminal
	m.notes.CursorEnd()
	m.dialog = &notesDialog{question: m.items[m.cur].q.ID}
	return m.notes.Focus()
}

func (d *notesDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	if keyMatches(msg, m.c.keys.Form.Done) {
		m.notes.Blur()
		m.dialog = nil
		return nil
	}
	return d.passthrough(m, msg)
}

func (d *notesDialog) passthrough(m *Model, msg tea.Msg) tea.Cmd {
	before := m.notes.Value()
	var cmd tea.Cmd
	m.notes, cmd = m.notes.Update(msg)
	if after := m.notes.Value(); after != before {
		return tea.Batch(cmd, m.change(func(a *review.Answer) { a.Notes = after }))
	}
	return cmd
}

func (d *notesDialog) view(m *Model) string {
	return m.box("Notes for "+d.question, m.notes.View()+"\n"+m.c.styles.Dim.Render("Saved as you type. esc or ctrl+s closes."))
}

func (d *notesDialog) keys(m *Model) []key.Binding { return []key.Binding{m.c.keys.Form.Done} }

// --- the file changed on disk ---

type conflictDialog struct {
	data      []byte
	theirs    *review.Review
	loadErr   error
	conflicts []review.Conflict
}

func newConflictDialog(m *Model, data []byte) *conflictDialog {
	d := &conflictDialog{data: data}
	d.theirs, d.loadErr = review.Parse(m.opts.Path, data)
	if d.loadErr == nil && m.save.base != nil {
		_, d.conflicts = review.Merge(m.save.base, m.rev, d.theirs)
	}
	return d
}

func (d *conflictDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys.Form
	switch {
	case keyMatches(msg, k.Reload) && d.loadErr == nil:
		m.dialog = nil
		m.reload(d.theirs, d.data)
	case keyMatches(msg, k.Keep):
		m.dialog = nil
		return m.keepMine(d.data)
	case keyMatches(msg, k.QuitAside):
		return m.quitAside()
	}
	return nil
}

func (d *conflictDialog) passthrough(*Model, tea.Msg) tea.Cmd { return nil }

func (d *conflictDialog) view(m *Model) string {
	s := m.c.styles
	w := m.dialogWidth()
	lines := []string{wrap(sanitize(m.opts.Path)+" was changed outside this session (a git pull, or another wafr). Nothing has been overwritten.", w), ""}
	if len(d.conflicts) > 0 {
		var qs []string
		for _, c := range d.conflicts {
			qs = append(qs, c.QuestionID)
		}
		lines = append(lines, wrap("Both changed: "+sanitize(strings.Join(qs, ", ")), w), "")
	}
	if d.loadErr != nil {
		lines = append(lines, s.StatusError.Render(wrap("The new version does not load: "+sanitize(d.loadErr.Error()), w)), "")
	} else {
		lines = append(lines, "r  reload the file (this session's unsaved changes are dropped)")
	}
	lines = append(lines, "k  keep this session's answers and overwrite the file",
		"q  quit and leave the file; this session's answers go to "+sanitize(filepath.Base(m.asidePath())))
	return m.box("The review file changed on disk", strings.Join(lines, "\n"))
}

func (d *conflictDialog) keys(m *Model) []key.Binding {
	if d.loadErr != nil {
		return []key.Binding{m.c.keys.Form.Keep, m.c.keys.Form.QuitAside}
	}
	return []key.Binding{m.c.keys.Form.Reload, m.c.keys.Form.Keep, m.c.keys.Form.QuitAside}
}

// --- a save failed while quitting ---

type saveFailedDialog struct{ err error }

func (d *saveFailedDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys.Form
	switch {
	case keyMatches(msg, k.Retry):
		m.dialog = nil
		return m.quit()
	case keyMatches(msg, k.Force):
		m.unsaved = true
		return tea.Quit
	case keyMatches(msg, k.Cancel):
		m.dialog = nil
	}
	return nil
}

func (d *saveFailedDialog) passthrough(*Model, tea.Msg) tea.Cmd { return nil }

func (d *saveFailedDialog) view(m *Model) string {
	w := m.dialogWidth()
	body := m.c.styles.StatusError.Render(wrap(sanitize(d.err.Error()), w)) + "\n\n" +
		wrap("Your answers are still here. Fix the problem (disk space, permissions) and retry, or quit and lose the changes since the last save.", w) + "\n\n" +
		"r    retry\nesc  go back to the review\nQ    quit without saving"
	return m.box("Could not save "+m.opts.Path, body)
}

func (d *saveFailedDialog) keys(m *Model) []key.Binding {
	return []key.Binding{m.c.keys.Form.Retry, m.c.keys.Form.Cancel, m.c.keys.Form.Force}
}

// --- milestone ---

type milestoneDialog struct {
	input textinput.Model
	err   string
}

// openMilestone asks for a name and records the current answers as a
// milestone (saved with the next autosave, at once).
func (m *Model) openMilestone() tea.Cmd {
	in := newTextInput()
	in.Placeholder = "e.g. 2026 Q4 review"
	in.CharLimit = 100
	in.Width = min(50, m.dialogWidth()-2)
	d := &milestoneDialog{input: in}
	m.dialog = d
	return d.input.Focus()
}

func (d *milestoneDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	switch {
	case keyMatches(msg, m.c.keys.Form.Cancel):
		m.dialog = nil
		return nil
	case keyMatches(msg, m.c.keys.Form.Confirm):
		name := strings.TrimSpace(d.input.Value())
		if err := m.rev.AddMilestone(name, "", m.lens, m.opts.Now()); err != nil {
			d.err = err.Error()
			return nil
		}
		m.dialog = nil
		m.setNotice(fmt.Sprintf("milestone %q recorded", name))
		return m.markDirty()
	}
	return d.passthrough(m, msg)
}

func (d *milestoneDialog) passthrough(_ *Model, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return cmd
}

func (d *milestoneDialog) view(m *Model) string {
	body := "Snapshot the current answers under a name, to compare later\n(wafr diff FILE@NAME FILE, wafr history FILE).\n\n" + d.input.View()
	if d.err != "" {
		body += "\n\n" + m.c.styles.StatusError.Render(sanitize(d.err))
	}
	return m.box("Save a milestone", body)
}

func (d *milestoneDialog) keys(m *Model) []key.Binding {
	return []key.Binding{m.c.keys.Form.Confirm, m.c.keys.Form.Cancel}
}

// --- action ---

// actionDialog asks for the owner and due date of an action that adopts
// the highlighted best practice.
type actionDialog struct {
	choice     *questions.Choice
	owner, due textinput.Model
	field      int
	err        string
}

func (m *Model) openAction() tea.Cmd {
	it := m.items[m.cur]
	c := it.q.Choices[m.cursor]
	if a := m.answer(m.cur); c.IsNone() || a != nil && slices.Contains(a.Selected, c.ID) {
		m.setNotice("A needs an unticked practice")
		return nil
	}
	d := &actionDialog{choice: c, owner: newTextInput(), due: newTextInput()}
	d.owner.Placeholder = "who will do it"
	d.due.Placeholder = "YYYY-MM-DD (optional)"
	d.owner.Width, d.due.Width = min(40, m.dialogWidth()-10), 22
	d.due.CharLimit = 10
	m.dialog = d
	return d.owner.Focus()
}

func (d *actionDialog) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys.Form
	switch {
	case keyMatches(msg, k.Cancel):
		m.dialog = nil
		return nil
	case keyMatches(msg, k.Next), keyMatches(msg, k.Prev):
		d.field = 1 - d.field
		return d.focus()
	case keyMatches(msg, k.Confirm):
		if d.field == 0 {
			d.field = 1
			return d.focus()
		}
		it := m.items[m.cur]
		a, err := m.rev.AddAction(review.Action{PillarID: it.p.ID, QuestionID: it.q.ID, ChoiceID: d.choice.ID, Title: d.choice.Title,
			Owner: strings.TrimSpace(d.owner.Value()), Due: strings.TrimSpace(d.due.Value())}, m.opts.Author, m.opts.Now())
		if err != nil {
			d.err = err.Error()
			return nil
		}
		m.dialog = nil
		m.setNotice(fmt.Sprintf("action %s added", a.ID))
		m.layout()
		return m.markDirty()
	}
	return d.passthrough(m, msg)
}

func (d *actionDialog) focus() tea.Cmd {
	d.owner.Blur()
	d.due.Blur()
	if d.field == 0 {
		return d.owner.Focus()
	}
	return d.due.Focus()
}

func (d *actionDialog) passthrough(_ *Model, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if d.field == 0 {
		d.owner, cmd = d.owner.Update(msg)
	} else {
		d.due, cmd = d.due.Update(msg)
	}
	return cmd
}

func (d *actionDialog) view(m *Model) string {
	w := m.dialogWidth()
	body := wrap("Adopt: "+sanitize(d.choice.Title), w) + "\n\n" +
		"Owner  " + d.owner.View() + "\n" + "Due    " + d.due.View()
	if d.err != "" {
		body += "\n\n" + m.c.styles.StatusError.Render(wrap(sanitize(d.err), w))
	}
	return m.box("New action", body)
}

func (d *actionDialog) keys(m *Model) []key.Binding {
	return []key.Binding{m.c.keys.Form.Next, m.c.keys.Form.Confirm, m.c.keys.Form.Cancel}
}

// newTextInput is a text field with a steady cursor: a blinking one redraws
// the screen twice a second for nothing.
func newTextInput() textinput.Model {
	t := textinput.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	return t
}
