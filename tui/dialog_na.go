package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
)

type naOption struct{ reason, label string }

// reasonOther is the AWS reason whose words the team types.
const reasonOther = "OTHER"

// naOptions are the AWS answer model's reasons, as people read them.
func naOptions(t *i18n.NotApplicable) []naOption {
	return []naOption{
		{"OUT_OF_SCOPE", t.OutOfScope},
		{"BUSINESS_PRIORITIES", t.Business},
		{"ARCHITECTURE_CONSTRAINTS", t.Constraints},
		{reasonOther, t.Other},
		{"NONE", t.None},
	}
}

// notApplicableDialog marks a question not applicable, with a reason.
// "Other" then asks for the reason in words, which go into the first
// line of the question's notes (the review file keeps the AWS reason
// code; the AWS tool also keeps such words in the notes).
type notApplicableDialog struct {
	frame
	item     int
	question string
	cursor   int
	marked   bool   // the question is already not applicable: the first line unmarks it
	current  string // its reason
	asking   bool   // "Other" was picked: the reason is being typed
	input    textinput.Model
	problem  string
}

func newNotApplicableDialog(c *common, snap *Snapshot, item int) notApplicableDialog {
	d := notApplicableDialog{frame: frame{c: c}, item: item, question: snap.Items[item].Question.ID, input: newTextInput(c.styles)}
	d.input.CharLimit = 300
	a := snap.Answer(item)
	if a != nil && a.NotApplicable {
		d.marked, d.current = true, a.Reason
	}
	if a != nil {
		d.input.SetValue(otherReason(a.Notes, &c.t.NA))
		d.input = cleanInput(d.input)
	}
	return d
}

func (d notApplicableDialog) count() int {
	if d.marked {
		return len(naOptions(&d.c.t.NA)) + 1
	}
	return len(naOptions(&d.c.t.NA))
}

func (d notApplicableDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if d.asking {
		return d.updateOther(msg)
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil, nil
	}
	k := d.c.keys
	switch {
	case keyMatches(km, k.Question.Up):
		d.cursor = max(0, d.cursor-1)
	case keyMatches(km, k.Question.Down):
		d.cursor = min(d.count()-1, d.cursor+1)
	case keyMatches(km, k.Form.Cancel), km.Type == tea.KeyCtrlC:
		return d, nil, closed()
	case keyMatches(km, k.Form.Confirm), keyMatches(km, k.Question.Toggle):
		i := d.cursor
		if d.marked {
			if i == 0 {
				return d, nil, []event{closeDialogEvent{}, applyEvent{NotApplicableIntent{Item: d.item, Applicable: true}}}
			}
			i--
		}
		reason := naOptions(&d.c.t.NA)[i].reason
		if reason == reasonOther {
			d.asking = true
			d.input.CursorEnd()
			return d, d.input.Focus(), nil
		}
		return d, nil, []event{closeDialogEvent{}, applyEvent{NotApplicableIntent{Item: d.item, Reason: reason}}}
	}
	return d, nil, nil
}

// updateOther takes the words of an "Other" reason: enter records them,
// esc goes back to the list.
func (d notApplicableDialog) updateOther(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case km.Type == tea.KeyCtrlC:
			return d, nil, closed()
		case keyMatches(km, d.c.keys.Form.Cancel):
			d.asking, d.problem = false, ""
			d.input.Blur()
			return d, nil, nil
		case keyMatches(km, d.c.keys.Form.Confirm):
			text := textsafe.Name(d.input.Value())
			if text == "" {
				d.problem = d.c.t.NA.OtherNeeded
				return d, nil, nil
			}
			in := NotApplicableIntent{Item: d.item, Reason: reasonOther, Words: text, NotePrefix: d.c.t.NA.NotePrefix}
			return d, nil, []event{closeDialogEvent{}, applyEvent{in}}
		}
	}
	var cmd tea.Cmd
	d.input, cmd = updateInput(d.input, msg)
	return d, cmd, nil
}

func (d notApplicableDialog) view() string {
	s, t := d.c.styles, &d.c.t.NA
	w := d.textWidth()
	if d.asking {
		lines := append(strings.Split(wrap(t.OtherAsk, w), "\n"), "", d.input.View(), "")
		if d.problem != "" {
			lines = append(append(lines, styleLines(s.StatusError, wrap(d.problem, w))...), "")
		}
		lines = append(lines, styleLines(s.Dim, wrap(t.OtherHint, w))...)
		return d.boxLines(fmt.Sprintf(t.OtherTitle, cleanLine(d.question)), lines)
	}
	var labels []string
	if d.marked {
		labels = append(labels, t.Unmark)
	}
	for _, o := range naOptions(t) {
		if d.marked && o.reason == d.current {
			labels = append(labels, fmt.Sprintf(t.Current, o.label))
			continue
		}
		labels = append(labels, o.label)
	}
	var lines []string
	for i, l := range labels {
		// Every label keeps the same indentation, highlighted or not; a
		// long one wraps under its own text.
		wrapped := strings.Split(wrap(l, w-2), "\n")
		for j, part := range wrapped {
			switch {
			case j > 0:
				lines = append(lines, "  "+part)
			case i == d.cursor:
				lines = append(lines, s.Cursor.Render("› ")+s.Selected.Render(part))
			default:
				lines = append(lines, "  "+part)
			}
		}
	}
	return d.boxLines(fmt.Sprintf(t.Title, cleanLine(d.question)), lines)
}

func (d notApplicableDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	setInputWidth(&d.input, max(10, d.textWidth()-3))
	return d
}

func (d notApplicableDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d notApplicableDialog) keys() []key.Binding {
	k := d.c.keys
	if d.asking {
		return []key.Binding{k.Form.Confirm, k.Form.Cancel}
	}
	return []key.Binding{k.Question.Up, k.Question.Down, k.Form.Confirm, k.Form.Cancel}
}

func (d notApplicableDialog) typing() bool { return d.asking }

func (d notApplicableDialog) unconfirmed() (string, string) {
	if !d.asking {
		return "", ""
	}
	return fmt.Sprintf(d.c.t.NA.OtherTitle, d.question), strings.TrimSpace(d.input.Value())
}

// otherReason is the reason typed for "Other", found in the first line of
// the notes (in either language's words).
func otherReason(notes string, t *i18n.NotApplicable) string {
	first, _, _ := strings.Cut(notes, "\n")
	for _, p := range notePrefixes(t.NotePrefix) {
		if rest, ok := strings.CutPrefix(first, p); ok {
			return rest
		}
	}
	return ""
}

// notePrefixes are the prefixes that mark the reason line of the notes:
// this viewer's, then every language's, so a Japanese viewer replaces a
// reason an English one typed.
func notePrefixes(own string) []string {
	out := []string{own}
	for _, l := range i18n.Langs() {
		if p := i18n.New(l).TUI.NA.NotePrefix; p != own {
			out = append(out, p)
		}
	}
	return out
}

// withReason puts the reason line at the top of the notes, replacing the
// one there.
func withReason(notes, prefix, words string) string {
	notes = cutReason(notes, notePrefixes(prefix))
	line := prefix + oneLine(words)
	if notes == "" {
		return line
	}
	return line + "\n" + notes
}

// withoutReason takes the reason line, in any language's words, off the
// top of the notes: exactly what withReason put there.
func withoutReason(notes string) string { return cutReason(notes, notePrefixes("")) }

func cutReason(notes string, prefixes []string) string {
	first, rest, _ := strings.Cut(notes, "\n")
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(first, p) {
			return rest
		}
	}
	return notes
}
