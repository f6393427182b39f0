package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// milestoneDialog asks for a name and records the current answers as a
// milestone.
type milestoneDialog struct {
	frame
	snap  *Snapshot
	input textinput.Model
	err   string
}

func newMilestoneDialog(c *common, snap *Snapshot) milestoneDialog {
	in := newTextInput()
	in.Placeholder = c.t.Mile.Placeholder
	in.CharLimit = 100
	return milestoneDialog{frame: frame{c: c}, snap: snap, input: in}
}

func (d milestoneDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case keyMatches(km, d.c.keys.Form.Cancel), km.Type == tea.KeyCtrlC:
			return d, nil, closed()
		case keyMatches(km, d.c.keys.Form.Confirm):
			name := strings.TrimSpace(d.input.Value())
			switch {
			case name == "":
				d.err = d.c.t.Mile.NeedsName
			case d.snap.Review.Milestone(name) != nil:
				d.err = d.c.t.Mile.Exists
			default:
				return d, nil, []event{closeDialogEvent{}, applyEvent{MilestoneIntent{Name: name}}}
			}
			return d, nil, nil
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd, nil
}

func (d milestoneDialog) view() string {
	w := d.textWidth()
	body := fmt.Sprintf(d.c.t.Mile.Body, textsafe.ShellQuote(sanitize(d.snap.Path)))
	lines := append(strings.Split(wrap(body, w), "\n"), "", d.input.View())
	if d.err != "" {
		lines = append(lines, "", d.c.styles.StatusError.Render(wrap(sanitize(d.err), w)))
	}
	return d.boxLines(d.c.t.Mile.Title, lines)
}

func (d milestoneDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	d.input.Width = min(50, d.textWidth()-2)
	return d
}

func (d milestoneDialog) focus() (dialog, tea.Cmd) { cmd := d.input.Focus(); return d, cmd }

func (d milestoneDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Form.Confirm, d.c.keys.Form.Cancel}
}

// actionDialog asks for the owner and due date of an action that adopts a
// best practice.
type actionDialog struct {
	frame
	item       int
	choice     *questions.Choice
	owner, due textinput.Model
	field      int
	err        string
}

func newActionDialog(c *common, _ *Snapshot, item int, choice *questions.Choice) actionDialog {
	d := actionDialog{frame: frame{c: c}, item: item, choice: choice, owner: newTextInput(), due: newTextInput()}
	d.owner.Placeholder = c.t.Action.OwnerPlaceholder
	d.due.Placeholder = c.t.Action.DuePlaceholder
	d.due.CharLimit = 10
	return d
}

func (d actionDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok {
		k := d.c.keys.Form
		switch {
		case keyMatches(km, k.Cancel), km.Type == tea.KeyCtrlC:
			return d, nil, closed()
		case keyMatches(km, k.Next), keyMatches(km, k.Prev):
			d.field = 1 - d.field
			next, cmd := d.focus()
			return next, cmd, nil
		case keyMatches(km, k.Confirm) && d.field == 0:
			d.field = 1
			next, cmd := d.focus()
			return next, cmd, nil
		case keyMatches(km, k.Confirm):
			due := strings.TrimSpace(d.due.Value())
			if _, err := review.ParseDue(due); err != nil {
				d.err = fmt.Sprintf(d.c.t.Action.BadDue, due)
				return d, nil, nil
			}
			intent := ActionIntent{Item: d.item, ChoiceID: d.choice.ID, Owner: strings.TrimSpace(d.owner.Value()), Due: due}
			return d, nil, []event{closeDialogEvent{}, applyEvent{intent}}
		}
	}
	var cmd tea.Cmd
	if d.field == 0 {
		d.owner, cmd = d.owner.Update(msg)
	} else {
		d.due, cmd = d.due.Update(msg)
	}
	return d, cmd, nil
}

func (d actionDialog) view() string {
	t := &d.c.t.Action
	w := d.textWidth()
	lw := max(displayWidth(t.Owner), displayWidth(t.Due)) + 2
	lines := append(strings.Split(wrap(fmt.Sprintf(t.Adopt, sanitize(d.choice.Title)), w), "\n"), "",
		padRight(t.Owner, lw)+d.owner.View(), padRight(t.Due, lw)+d.due.View())
	if d.err != "" {
		lines = append(lines, "", d.c.styles.StatusError.Render(wrap(sanitize(d.err), w)))
	}
	return d.boxLines(t.Title, lines)
}

func (d actionDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	d.owner.Width, d.due.Width = min(40, d.textWidth()-14), 22
	return d
}

func (d actionDialog) focus() (dialog, tea.Cmd) {
	d.owner.Blur()
	d.due.Blur()
	if d.field == 0 {
		return d, d.owner.Focus()
	}
	return d, d.due.Focus()
}

func (d actionDialog) keys() []key.Binding {
	k := d.c.keys.Form
	return []key.Binding{k.Next, k.Confirm, k.Cancel}
}

func (d milestoneDialog) typing() bool { return true }

func (d actionDialog) typing() bool { return true }
