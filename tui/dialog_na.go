package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

type naOption struct{ reason, label string }

// naOptions are the AWS answer model's reasons, as people read them.
func naOptions() []naOption {
	return []naOption{
		{"OUT_OF_SCOPE", "Out of scope"},
		{"BUSINESS_PRIORITIES", "Business priorities"},
		{"ARCHITECTURE_CONSTRAINTS", "Architecture constraints"},
		{"OTHER", "Other"},
		{"NONE", "None (no reason)"},
	}
}

// notApplicableDialog marks a question not applicable, with a reason.
type notApplicableDialog struct {
	frame
	item     int
	question string
	cursor   int
	marked   bool   // the question is already not applicable: the first line unmarks it
	current  string // its reason
}

func newNotApplicableDialog(c *common, snap *Snapshot, item int) notApplicableDialog {
	d := notApplicableDialog{frame: frame{c: c}, item: item, question: snap.Items[item].Question.ID}
	if a := snap.Answer(item); a != nil && a.NotApplicable {
		d.marked, d.current = true, a.Reason
	}
	return d
}

func (d notApplicableDialog) count() int {
	if d.marked {
		return len(naOptions()) + 1
	}
	return len(naOptions())
}

func (d notApplicableDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
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
		return d, nil, []event{closeDialogEvent{}, applyEvent{NotApplicableIntent{Item: d.item, Reason: naOptions()[i].reason}}}
	}
	return d, nil, nil
}

func (d notApplicableDialog) view() string {
	s := d.c.styles
	var labels []string
	if d.marked {
		labels = append(labels, "Applicable again (unmark)")
	}
	for _, o := range naOptions() {
		if d.marked && o.reason == d.current {
			labels = append(labels, o.label+" (current)")
			continue
		}
		labels = append(labels, o.label)
	}
	lines := make([]string, len(labels))
	for i, l := range labels {
		if i == d.cursor {
			lines[i] = s.Cursor.Render("› ") + s.Selected.Render(l)
		} else {
			lines[i] = "  " + l
		}
	}
	return d.box(sanitize(d.question)+" does not apply because…", strings.Join(lines, "\n"))
}

func (d notApplicableDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d notApplicableDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d notApplicableDialog) keys() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Question.Up, k.Question.Down, k.Form.Confirm, k.Form.Cancel}
}

func (d notApplicableDialog) typing() bool { return false }
