package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/review"
)

// setupScreen asks for the workload's details when a review file is new.
// The details the review starts with (the folder's name, an --owner) are
// suggestions, not text to edit: each field shows its suggestion as a
// placeholder, typing replaces it, and enter on an empty field takes it.
type setupScreen struct {
	c            *common
	snap         *Snapshot
	name, owner  textinput.Model
	suggestName  string
	suggestOwner string
	production   bool
	field        int // 0 name, 1 environment, 2 owner
	problem      string
	width        int
}

const setupFields = 3

func newSetupScreen(c *common, snap *Snapshot) setupScreen {
	w := snap.Review.Workload
	t := &c.t.Setup
	f := setupScreen{c: c, snap: snap, name: newTextInput(c.styles), owner: newTextInput(c.styles), production: w.Environment != review.PreProduction,
		suggestName: textsafe.Name(w.Name), suggestOwner: textsafe.Name(w.Owner)}
	f.name.Placeholder = t.NamePlaceholder
	if f.suggestName != "" {
		f.name.Placeholder = f.suggestName
	}
	f.name.CharLimit = 200
	f.owner.Placeholder = t.OwnerPlaceholder
	if f.suggestOwner != "" {
		f.owner.Placeholder = f.suggestOwner
	}
	f.owner.CharLimit = 200
	return f
}

func (f setupScreen) setSize(w, _ int) setupScreen {
	f.width = w
	setInputWidth(&f.name, max(10, min(60, w-20)))
	setInputWidth(&f.owner, f.name.Width)
	return f
}

// focus puts the cursor in the current field.
func (f *setupScreen) focus() tea.Cmd {
	f.name.Blur()
	f.owner.Blur()
	switch f.field {
	case 0:
		return f.name.Focus()
	case 2:
		return f.owner.Focus()
	}
	return nil
}

func (f setupScreen) update(msg tea.KeyMsg) (setupScreen, tea.Cmd, []event) {
	k := f.c.keys.Form
	switch {
	case keyMatches(msg, k.Abort), keyMatches(msg, k.Cancel):
		return f, nil, []event{quitEvent{how: quitSave}} // nothing to save yet: the file is not created
	case keyMatches(msg, k.Confirm):
		if f.field == setupFields-1 {
			return f.finish()
		}
		f.field++
		return f, f.focus(), nil
	case keyMatches(msg, k.Next):
		f.field = (f.field + 1) % setupFields
		return f, f.focus(), nil
	case keyMatches(msg, k.Prev):
		f.field = (f.field + setupFields - 1) % setupFields
		return f, f.focus(), nil
	case f.field == 1 && keyMatches(msg, k.Switch):
		f.production = !f.production
		return f, nil, nil
	}
	f, cmd := f.passthrough(msg)
	return f, cmd, nil
}

func (f setupScreen) passthrough(msg tea.Msg) (setupScreen, tea.Cmd) {
	var cmd tea.Cmd
	switch f.field {
	case 0:
		f.name, cmd = updateInput(f.name, msg)
	case 2:
		f.owner, cmd = updateInput(f.owner, msg)
	}
	return f, cmd
}

// finish records the details, which creates the file, and opens the first
// question.
func (f setupScreen) finish() (setupScreen, tea.Cmd, []event) {
	name := textsafe.Name(f.name.Value())
	if name == "" {
		name = f.suggestName
	}
	if name == "" {
		f.field = 0
		f.problem = f.c.t.Setup.NeedsName
		return f, f.focus(), nil
	}
	owner := textsafe.Name(f.owner.Value())
	if owner == "" {
		owner = f.suggestOwner
	}
	w := review.Workload{Name: name, Owner: owner, Environment: review.PreProduction}
	if f.production {
		w.Environment = review.Production
	}
	f.problem = ""
	return f, nil, []event{applyEvent{WorkloadIntent{Workload: w}}, openQuestionEvent{0}}
}

func (f setupScreen) view() string {
	s, t := f.c.styles, &f.c.t.Setup
	w := max(20, f.width)
	env := func(label string, on bool) string {
		if on {
			return s.Selected.Render("(•) " + label)
		}
		return s.Dim.Render("( ) " + label)
	}
	label := func(i int, text string) string {
		if f.field == i {
			return s.Cursor.Render("› ") + s.Heading.Render(text)
		}
		return "  " + text
	}
	hint := func(suggestion string, in textinput.Model) string {
		if suggestion == "" || in.Value() != "" {
			return ""
		}
		return "\n" + s.Dim.Render(wrap("    "+fmt.Sprintf(t.Suggested, suggestion), w))
	}
	lines := []string{
		s.Heading.Render(t.Title), // the title bar names the file
		"",
		wrap(fmt.Sprintf(t.Intro, cleanLine(f.snap.Lens.Name)), w),
		"",
		label(0, t.Name),
		"    " + f.name.View() + hint(f.suggestName, f.name),
		"",
		label(1, t.Environment) + s.Dim.Render("  "+t.SpaceToSwitch),
		"    " + env(t.Production, f.production) + "   " + env(t.PreProduction, !f.production),
		"",
		label(2, t.Owner),
		"    " + f.owner.View() + hint(f.suggestOwner, f.owner),
		"",
		s.Dim.Render(wrap(t.Hint, w)),
	}
	if f.problem != "" {
		lines = append(lines, "", s.StatusError.Render(wrap(f.problem, w)))
	}
	return strings.Join(lines, "\n")
}

func (f setupScreen) keys() (short []key.Binding, full [][]key.Binding) {
	k := f.c.keys.Form
	b := []key.Binding{k.Next, k.Switch, k.Confirm, k.Cancel}
	return b, [][]key.Binding{b}
}

// newTextInput is a text field in the viewer's styles, with a steady
// cursor: a blinking one redraws the screen twice a second for nothing.
// ctrl+v does not read the clipboard (see noClipboard).
func newTextInput(s *Styles) textinput.Model {
	t := textinput.New()
	t.Cursor.SetMode(cursor.CursorStatic)
	t.KeyMap.Paste = noClipboard()
	s.styleInput(&t)
	return t
}

// noClipboard is the binding bubbles' fields give ctrl+v, which reads the
// system clipboard: of the machine wafr runs on, so in a live review a
// participant's ctrl+v would paste the host's clipboard. Terminals paste
// themselves, as bracketed paste, which every field takes.
func noClipboard() key.Binding { return key.NewBinding(key.WithDisabled()) }
