package tui

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// conflictDialog asks what to do when the file changed on disk in a way the
// session cannot merge by itself.
type conflictDialog struct {
	frame
	path     string
	conflict *Conflict
	meeting  bool // a live review: quitting leaves it; the host keeps the answers
}

func newConflictDialog(c *common, snap *Snapshot, conflict *Conflict, meeting bool) conflictDialog {
	return conflictDialog{frame: frame{c: c}, path: snap.Path, conflict: conflict, meeting: meeting}
}

func (d conflictDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil, nil
	}
	k := d.c.keys.Form
	loads := d.conflict.LoadErr == nil
	switch {
	case loads && keyMatches(km, k.Reload):
		return d, nil, []event{applyEvent{ReloadIntent{}}}
	case loads && keyMatches(km, k.Keep):
		return d, nil, []event{applyEvent{KeepOursIntent{}}}
	case !loads && keyMatches(km, k.Cancel):
		// Keep working: saving resumes once the file loads again.
		return d, nil, closed()
	case keyMatches(km, k.QuitAside):
		return d, nil, []event{quitEvent{how: quitAside}}
	}
	return d, nil, nil
}

func (d conflictDialog) view() string {
	s := d.c.styles
	w := d.textWidth()
	lines := []string{wrap(sanitize(d.path)+" was changed outside this session (a git pull, or another wafr). Nothing has been overwritten.", w), ""}
	if qs := d.conflict.Questions; len(qs) > 0 {
		lines = append(lines, wrap("Both changed: "+sanitize(strings.Join(qs, ", ")), w), "")
	}
	quit := "q    quit and leave the file; this session's answers go to " + sanitize(filepath.Base(d.path)) + ".wafr-unsaved"
	if d.meeting {
		quit = "q    leave the live review (its answers stay with the host's wafr)"
	}
	if d.conflict.LoadErr != nil {
		lines = append(lines, s.StatusError.Render(wrap("The new version does not load: "+sanitize(d.conflict.LoadErr.Error()), w)), "",
			"esc  keep working; saving resumes once the file loads again",
			quit)
		return d.box("The review file changed on disk", strings.Join(lines, "\n"))
	}
	lines = append(lines, "r    take the file's answers to those questions; keep the rest of this session's",
		"k    keep this session's answers to those questions; merge the rest",
		quit)
	return d.box("The review file changed on disk", strings.Join(lines, "\n"))
}

func (d conflictDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d conflictDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d conflictDialog) keys() []key.Binding {
	k := d.c.keys.Form
	if d.conflict.LoadErr != nil {
		return []key.Binding{k.Cancel, k.QuitAside}
	}
	return []key.Binding{k.Reload, k.Keep, k.QuitAside}
}

// saveFailedDialog asks what to do when saving on quit failed.
type saveFailedDialog struct {
	frame
	path string
	err  error
}

// SaveFailedMsg tells a viewer that saving on quit failed.
type SaveFailedMsg struct{ Err error }

func newSaveFailedDialog(c *common, path string, err error) saveFailedDialog {
	return saveFailedDialog{frame: frame{c: c}, path: path, err: err}
}

func (d saveFailedDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil, nil
	}
	k := d.c.keys.Form
	switch {
	case keyMatches(km, k.Retry):
		return d, nil, []event{closeDialogEvent{}, quitEvent{how: quitSave}}
	case keyMatches(km, k.Force):
		return d, nil, []event{quitEvent{how: quitForce}}
	case keyMatches(km, k.Cancel):
		return d, nil, closed()
	}
	return d, nil, nil
}

func (d saveFailedDialog) view() string {
	w := d.textWidth()
	body := d.c.styles.StatusError.Render(wrap(sanitize(d.err.Error()), w)) + "\n\n" +
		wrap("Your answers are still here. Fix the problem (disk space, permissions) and retry, or quit and lose the changes since the last save.", w) + "\n\n" +
		"r    retry\nesc  go back to the review\nQ    quit without saving"
	return d.box("Could not save "+d.path, body)
}

func (d saveFailedDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d saveFailedDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d saveFailedDialog) keys() []key.Binding {
	k := d.c.keys.Form
	return []key.Binding{k.Retry, k.Cancel, k.Force}
}

func (d conflictDialog) typing() bool { return false }

func (d saveFailedDialog) typing() bool { return false }
