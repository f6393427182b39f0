package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func keyMatches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// titleBar is the first line: the tool, the workload and the lens.
func (v *Viewer) titleBar() string {
	left := " wafr · " + oneLine(sanitize(v.snap.Review.Workload.Name))
	right := oneLine(sanitize(v.snap.Lens.Name+" "+v.snap.Lens.Version)) + " "
	return v.c.styles.TitleBar.Render(spread(left, right, v.termW))
}

// refreshStatus builds the status line: save state and notice on the
// left, progress on the right.
func (v *Viewer) refreshStatus() {
	s := v.c.styles
	left := v.saveStatus()
	if n := v.currentNotice(); n != "" {
		left += "  " + s.Notice.Render(sanitize(n))
	}
	c := v.snap.Score.Counts
	right := s.Status.Render(fmt.Sprintf("%d/%d answered · HIGH %d · MEDIUM %d ", c.Answered(), c.Total(), c.High, c.Medium))
	v.status = spread(" "+left, right, v.termW)
}

// currentNotice is the newest notice, the viewer's own or the session's,
// while it is fresh.
func (v *Viewer) currentNotice() string {
	n := v.notice
	if sn := v.snap.Notice; sn.At.After(n.At) {
		n = sn
	}
	if n.Text == "" || v.c.now().Sub(n.At) > noticeFor {
		return ""
	}
	return n.Text
}

// saveStatus is the left part of the status line.
func (v *Viewer) saveStatus() string {
	s := v.c.styles
	st := v.snap.Save
	switch {
	case !v.snap.Created:
		return s.Status.Render("not created yet")
	case st.Err != nil:
		return s.StatusError.Render(fmt.Sprintf("not saved: %v (answers kept in memory, retrying)", sanitize(st.Err.Error())))
	case v.snap.Conflict != nil:
		return s.StatusError.Render("not saved: the file changed on disk")
	case st.Waiting:
		return s.Status.Render("waiting for another program to finish writing the file…")
	case st.Pending:
		return s.Status.Render("saving…")
	case st.LastSaved.IsZero():
		return s.Status.Render("no changes")
	}
	ago := v.c.now().Sub(st.LastSaved).Round(time.Second)
	if ago < time.Second {
		return s.Status.Render("saved just now")
	}
	return s.Status.Render(fmt.Sprintf("saved %s ago", shortDuration(ago)))
}

func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%dh", int(d.Hours()))
}

// fullHelpView shows every key of what lies under the overlay: the groups
// side by side when they fit, else one under the other, so no key is ever
// cut off.
func (v *Viewer) fullHelpView() string {
	_, full := v.belowOverlay()
	h := v.help
	h.ShowAll = true
	h.Width = 0 // never truncate: the layout below decides
	var rows []string
	row := ""
	for _, g := range full {
		col := h.FullHelpView([][]key.Binding{g})
		switch joined := lipgloss.JoinHorizontal(lipgloss.Top, row, "    ", col); {
		case row == "":
			row = col
		case lipgloss.Width(joined) <= v.termW:
			row = joined
		default:
			rows = append(rows, row)
			row = col
		}
	}
	body := strings.Join(append(rows, row), "\n\n")
	return v.c.styles.Heading.Render("Keys") + "  " + v.c.styles.Dim.Render("(? or esc closes)") + "\n\n" + body
}

// tooSmallView says the terminal is too small, wrapped to fit it.
func tooSmallView(w, h int) string {
	msg := fmt.Sprintf("Terminal too small: %dx%d. wafr needs at least %dx%d; enlarge the window (q quits).", w, h, minWidth, minHeight)
	return fitHeight(wrap(msg, max(1, w)), max(1, h))
}
