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

// newMilestoneDialog asks for a name and records the current answers as
// a milestone.
func newMilestoneDialog(c *common, snap *Snapshot) textDialog {
	t := &c.t.Mile
	intro := fmt.Sprintf(t.Body, textsafe.ShellQuote(sanitize(snap.Path)))
	return newTextDialog(c, t.Title, intro, t.Placeholder, 100, func(name string) (Intent, string) {
		switch {
		case name == "":
			return nil, t.NeedsName
		case review.NumberName(name):
			return nil, t.IsNumber
		case snap.Review.Milestone(name) != nil:
			return nil, t.Exists
		}
		return MilestoneIntent{Name: name}, ""
	})
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
	d := actionDialog{frame: frame{c: c}, item: item, choice: choice, owner: newTextInput(c.styles), due: newTextInput(c.styles)}
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
			intent := ActionIntent{Item: d.item, ChoiceID: d.choice.ID, Owner: textsafe.Name(d.owner.Value()), Due: due}
			return d, nil, []event{closeDialogEvent{}, applyEvent{intent}}
		}
	}
	var cmd tea.Cmd
	if d.field == 0 {
		d.owner, cmd = updateInput(d.owner, msg)
	} else {
		d.due, cmd = updateInput(d.due, msg)
	}
	return d, cmd, nil
}

func (d actionDialog) view() string {
	t := &d.c.t.Action
	w := d.textWidth()
	lw := d.labelWidth()
	lines := append(strings.Split(wrap(fmt.Sprintf(t.Adopt, cleanLine(d.choice.Title)), w), "\n"), "",
		padRight(t.Owner, lw)+d.owner.View(), padRight(t.Due, lw)+d.due.View())
	if d.err != "" {
		lines = append(append(lines, ""), styleLines(d.c.styles.StatusError, wrap(sanitize(d.err), w))...)
	}
	return d.boxLines(t.Title, lines)
}

func (d actionDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	// A field is wide enough for its placeholder, whose end the text
	// input would otherwise cut to "…", and for what is typed in it, its
	// prompt and cursor beside it, within the box.
	room := d.textWidth() - d.labelWidth()
	typed := room - displayWidth(d.owner.Prompt) - 1
	setInputWidth(&d.owner, max(min(40, typed), min(room, fieldFor(d.owner))))
	setInputWidth(&d.due, max(d.due.CharLimit, min(room, fieldFor(d.due))))
	return d
}

// labelWidth is the width of the fields' labels and the gap after them.
func (d actionDialog) labelWidth() int {
	t := &d.c.t.Action
	return max(displayWidth(t.Owner), displayWidth(t.Due)) + 2
}

// fieldFor is the width a text input needs to show its placeholder whole:
// for the placeholder, the input counts its prompt in its width.
func fieldFor(in textinput.Model) int {
	return displayWidth(in.Prompt) + displayWidth(in.Placeholder)
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

func (d actionDialog) typing() bool { return true }

func (d actionDialog) unconfirmed() (string, string) {
	t := &d.c.t.Action
	var typed []string
	if v := strings.TrimSpace(d.owner.Value()); v != "" {
		typed = append(typed, t.Owner+" "+v)
	}
	if v := strings.TrimSpace(d.due.Value()); v != "" {
		typed = append(typed, t.Due+" "+v)
	}
	where := t.Title
	if d.choice != nil {
		where = fmt.Sprintf(t.Adopt, d.choice.Title)
	}
	return where, strings.Join(typed, ", ")
}
