package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/workspace"
)

// conflictDialog asks what to do when the file changed on disk in a way the
// session cannot merge by itself.
type conflictDialog struct {
	frame
	path     string
	aside    string // asideName, when the dialog opened
	conflict *Conflict
	// live is the live review, nil outside one: there a participant's q
	// leaves it (the host keeps the answers), and the host's q ends it for
	// everyone, so it asks first, as the host's q does everywhere. snap
	// is the state that question is asked on (meetingDialogs keeps both
	// up to date).
	live *Meeting
	snap *Snapshot
}

func newConflictDialog(c *common, snap *Snapshot, conflict *Conflict, live *Meeting) conflictDialog {
	return conflictDialog{frame: frame{c: c}, path: snap.Path, aside: asideName(snap.Path), conflict: conflict, live: live, snap: snap}
}

// host reports whether the dialog is on the screen of a live review's
// host.
func (d conflictDialog) host() bool { return d.live != nil && d.live.Me.ID == HostID }

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
	case keyMatches(km, k.Cancel):
		// Keep working, or look before choosing: the session saves
		// nothing while the conflict waits (Session.StartSave), saving
		// resumes once a broken file loads again, and q asks again.
		return d, nil, closed()
	case keyMatches(km, k.QuitAside) && d.host():
		return d, nil, []event{openDialogEvent{newEndReviewDialog(d.c, d.live, d.snap)}}
	case keyMatches(km, k.QuitAside):
		return d, nil, []event{quitEvent{how: quitAside}}
	}
	return d, nil, nil
}

func (d conflictDialog) view() string {
	s, t := d.c.styles, &d.c.t.Conflict
	w := d.textWidth()
	text := func(s string) []string { return strings.Split(wrap(s, w), "\n") }
	lines := append(text(fmt.Sprintf(t.Changed, sanitize(d.path))), "")
	if qs := d.conflict.Questions; len(qs) > 0 {
		lines = append(append(lines, text(fmt.Sprintf(t.BothChanged, sanitize(strings.Join(qs, ", "))))...), "")
	}
	quitBroken, quit := keyLines(fmt.Sprintf(t.QuitBroken, d.aside), w), keyLines(fmt.Sprintf(t.Quit, d.aside), w)
	switch {
	case d.host():
		quitBroken = keyLines(fmt.Sprintf(t.EndMeeting, d.aside), w)
		quit = quitBroken
	case d.live != nil:
		quitBroken, quit = keyLines(t.LeaveMeeting, w), keyLines(t.LeaveMeeting, w)
	}
	if err := d.conflict.LoadErr; err != nil {
		problem, keep := t.DoesNotLoad, t.KeepWorking
		if errors.Is(err, workspace.ErrReplacedByOtherLens) {
			problem, keep = t.OtherReview, t.KeepWorkingOther // it loads: another review was put there
		}
		for _, l := range text(fmt.Sprintf(problem, sanitize(err.Error()))) {
			lines = append(lines, s.StatusError.Render(l))
		}
		lines = append(append(append(lines, ""), keyLines(keep, w)...), quitBroken...)
		return d.boxLines(t.Title, lines)
	}
	lines = append(lines, keyLines(t.Reload, w)...)
	lines = append(lines, keyLines(t.Keep, w)...)
	lines = append(lines, keyLines(t.LookFirst, w)...)
	lines = append(lines, quit...)
	return d.boxLines(t.Title, lines)
}

// asideName is the file a session's answers would be set aside in now,
// as a dialog names it: the first free name (FILE.wafr-unsaved, then -2,
// -3, ...). It looks at the folder, so a dialog asks when it opens, not
// in view.
func asideName(path string) string { return cleanLine(filepath.Base(workspace.AsideName(path))) }

// keyLines wraps "key  what it does" so that the text wraps under itself,
// not under the key.
func keyLines(s string, w int) []string {
	k, rest, _ := strings.Cut(s, " ")
	pad := len(k) + 1 + len(rest) - len(strings.TrimLeft(rest, " "))
	lines := strings.Split(wrap(strings.TrimLeft(rest, " "), max(10, w-pad)), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = padRight(k, pad) + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pad) + lines[i]
		}
	}
	return lines
}

func (d conflictDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d conflictDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d conflictDialog) keys() []key.Binding {
	k := d.c.keys.Form
	quit := k.QuitAside
	switch { // the file stays untouched either way; in a live review q does more
	case d.host():
		quit = key.NewBinding(key.WithKeys(quit.Keys()...), key.WithHelp(quit.Help().Key, d.c.t.Meeting.EndYes))
	case d.live != nil:
		quit = key.NewBinding(key.WithKeys(quit.Keys()...), key.WithHelp(quit.Help().Key, d.c.t.Keys.Leave))
	}
	if d.conflict.LoadErr != nil {
		return []key.Binding{k.Cancel, quit}
	}
	return []key.Binding{k.Reload, k.Keep, k.Cancel, quit}
}

// saveFailedDialog asks what to do when saving on quit failed.
type saveFailedDialog struct {
	frame
	path  string
	aside string // asideName, when the dialog opened
	err   error
}

// SaveFailedMsg tells a viewer that saving on quit failed.
type SaveFailedMsg struct{ Err error }

func newSaveFailedDialog(c *common, path string, err error) saveFailedDialog {
	return saveFailedDialog{frame: frame{c: c}, path: path, aside: asideName(path), err: err}
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
	case keyMatches(km, k.QuitAside):
		return d, nil, []event{quitEvent{how: quitAside}}
	case keyMatches(km, k.Cancel):
		return d, nil, closed()
	}
	return d, nil, nil
}

func (d saveFailedDialog) view() string {
	t := &d.c.t.Failed
	w := d.textWidth()
	var lines []string
	for _, l := range strings.Split(wrap(sanitize(saveErrorText(&d.c.t.Status, d.err)), w), "\n") {
		lines = append(lines, d.c.styles.StatusError.Render(l))
	}
	lines = append(append(append(lines, ""), strings.Split(wrap(t.Body, w), "\n")...), "")
	for _, k := range strings.Split(fmt.Sprintf(t.Keys, d.aside), "\n") {
		lines = append(lines, keyLines(k, w)...)
	}
	return d.boxLines(fmt.Sprintf(t.Title, sanitize(d.path)), lines)
}

func (d saveFailedDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d saveFailedDialog) focus() (dialog, tea.Cmd) { return d, nil }

func (d saveFailedDialog) keys() []key.Binding {
	k := d.c.keys.Form
	return []key.Binding{k.Retry, k.QuitAside, k.Cancel, k.Force}
}

func (d conflictDialog) typing() bool { return false }

func (d saveFailedDialog) typing() bool { return false }
