package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
)

// setupForm asks for the workload's details when a review file is new.
type setupForm struct {
	name, owner textinput.Model
	production  bool
	field       int // 0 name, 1 environment, 2 owner
}

const setupFields = 3

func newSetupForm(w review.Workload) setupForm {
	f := setupForm{name: newTextInput(), owner: newTextInput(), production: w.Environment != review.PreProduction}
	f.name.Placeholder = "e.g. Payments API"
	f.name.SetValue(w.Name)
	f.name.CharLimit = 200
	f.owner.Placeholder = "team or person (optional)"
	f.owner.SetValue(w.Owner)
	f.owner.CharLimit = 200
	return f
}

func (f *setupForm) setWidth(w int) {
	f.name.Width = max(10, min(60, w-20))
	f.owner.Width = f.name.Width
}

func (f *setupForm) focusCmd() tea.Cmd {
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

func (f *setupForm) update(m *Model, msg tea.KeyMsg) tea.Cmd {
	k := m.c.keys.Form
	switch {
	case keyMatches(msg, k.Abort), keyMatches(msg, k.Cancel):
		return tea.Quit // nothing to save yet: the file is not created
	case keyMatches(msg, k.Confirm):
		if f.field == setupFields-1 {
			return f.finish(m)
		}
		f.field++
		return f.focusCmd()
	case keyMatches(msg, k.Next):
		f.field = (f.field + 1) % setupFields
		return f.focusCmd()
	case keyMatches(msg, k.Prev):
		f.field = (f.field + setupFields - 1) % setupFields
		return f.focusCmd()
	case f.field == 1 && keyMatches(msg, k.Switch):
		f.production = !f.production
		return nil
	}
	return f.passthrough(msg)
}

func (f *setupForm) passthrough(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.field {
	case 0:
		f.name, cmd = f.name.Update(msg)
	case 2:
		f.owner, cmd = f.owner.Update(msg)
	}
	return cmd
}

// finish records the details, writes the new file and opens the first question.
func (f *setupForm) finish(m *Model) tea.Cmd {
	name := strings.TrimSpace(f.name.Value())
	if name == "" {
		f.field = 0
		m.setNotice("the workload needs a name")
		return f.focusCmd()
	}
	m.rev.Workload.Name = name
	m.rev.Workload.Owner = strings.TrimSpace(f.owner.Value())
	m.rev.Workload.Environment = review.PreProduction
	if f.production {
		m.rev.Workload.Environment = review.Production
	}
	m.rev.UpdatedAt = m.opts.Now().UTC()
	m.setNotice("")
	cmd := m.openQuestion(0)
	m.save.dirty = true
	return tea.Batch(cmd, m.startSave())
}

func (f *setupForm) view(m *Model) string {
	s := m.c.styles
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
	lines := []string{
		s.Heading.Render("New review") + "  " + s.Dim.Render(sanitize(m.opts.Path)),
		"",
		"A review looks at one workload (a service or system) with the lens " + oneLine(sanitize(m.lens.Name)) + ".",
		"",
		label(0, "Workload name"),
		"    " + f.name.View(),
		"",
		label(1, "Environment") + s.Dim.Render("  (space to switch)"),
		"    " + env("production", f.production) + "   " + env("pre-production", !f.production),
		"",
		label(2, "Owner"),
		"    " + f.owner.View(),
		"",
		s.Dim.Render("enter: next / start · esc: quit without creating the file"),
	}
	return strings.Join(lines, "\n")
}
