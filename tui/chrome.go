package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/internal/i18n"
)

func keyMatches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// titleBar is the first line: the tool, the workload and the lens. While
// the form of a new review asks for the workload, it names the file
// instead (the workload's name is not known yet).
func (v *Viewer) titleBar() string {
	right := cleanLine(v.snap.Lens.Name+" "+v.snap.Lens.Version) + " "
	name := cleanName(v.snap.Review.Workload.Name)
	if v.current == screenSetup {
		// A path is cut at its start: its end names the file.
		label := fmt.Sprintf(v.c.t.Status.NewReview, "")
		room := v.termW - displayWidth(" wafr · "+label) - displayWidth(right) - spreadGap
		name = label + truncateLeft(cleanLine(v.snap.Path), max(12, room))
	}
	left := " wafr · " + name
	return v.c.styles.TitleBar.Render(titleSpread(left, right, v.termW))
}

// titleSpread puts the workload and the lens at the two ends of the
// title bar. When they do not fit, both are shortened with "…": the left
// part keeps at least half the line (less when the lens needs less), so
// neither name is ever dropped whole.
func titleSpread(left, right string, w int) string {
	if displayWidth(left)+spreadGap+displayWidth(right) <= w {
		return spread(left, right, w)
	}
	left = truncate(left, max(w/2, w-spreadGap-displayWidth(right)))
	room := w - displayWidth(left) - spreadGap - 1 // one space after
	if room < 4 {
		return truncate(left, w)
	}
	right = truncate(strings.TrimRight(right, " "), room) + " "
	return spread(left, right, w)
}

// refreshStatus builds the status line: save state and notice on the
// left, progress on the right. A notice (or a save error) too long for
// the line is never cut there: it gets lines of its own above it, wrapped
// to the terminal, as many as statusRoom allows; the layout takes them
// from the body.
func (v *Viewer) refreshStatus() {
	s := v.c.styles
	save, saveStyle := v.saveStatus()
	c := v.snap.Score.Counts
	right := s.Status.Render(fmt.Sprintf(v.c.t.Status.Progress, c.Answered(), c.Total(), c.High, c.Medium))
	notices := v.noticeTexts()
	left := " " + saveStyle.Render(save)
	if len(notices) > 0 {
		left += "  " + s.Notice.Render(notices[0])
	}
	if displayWidth(left)+spreadGap+displayWidth(right) <= v.termW {
		v.status = spread(left, right, v.termW)
		return
	}
	// Lines of their own: the save state joins them when it does not fit
	// beside the progress either.
	w, room := max(1, v.termW-2), v.statusRoom()
	var above []string
	if displayWidth(" "+save)+spreadGap+displayWidth(right) > v.termW {
		above = styleLines(saveStyle, wrap(save, w))
		save = ""
	}
	if len(notices) > 0 {
		// The fullest wording that fits one line (a notice with shorter
		// wordings never takes more), two, else the room; else the
		// shortest, cut.
		text := wrap(notices[len(notices)-1], w)
		for _, fit := range []int{1, min(2, room), room} {
			if t, ok := fullestIn(notices, w, fit-len(above)); ok {
				text = t
				break
			}
		}
		above = append(above, styleLines(s.Notice, text)...)
	}
	if len(above) > room {
		above = above[:room]
		above[room-1] = truncate(above[room-1]+" …", w)
	}
	for i, l := range above {
		above[i] = " " + l
	}
	if save != "" {
		save = " " + saveStyle.Render(save)
	}
	v.status = strings.Join(append(above, spread(save, right, v.termW)), "\n")
}

// statusRoom is how many lines a long notice may take above the status
// line: never so many that the body gets shorter than minBody.
func (v *Viewer) statusRoom() int {
	return max(1, v.termH-v.headerLines()-footerLines-minBody)
}

// styleLines styles each line of text on its own.
func styleLines(st lipgloss.Style, text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return lines
}

// noticeTexts are the newest notice, the viewer's own or the session's,
// while it is fresh, in the viewer's words: the fullest wording first. A
// lint notice gives the command whole (a path cut or without its folder
// would not run), in a shorter sentence, or else says that the key help
// has it.
func (v *Viewer) noticeTexts() []string {
	n := v.notice
	if sn := v.snap.Notice; sn.At.After(n.At) {
		n = sn
	}
	if n.Empty() || v.c.now().Sub(n.At) > noticeFor {
		return nil
	}
	out := []string{cleanLine(v.c.noticeText(v.snap, n))}
	if n.Kind == noticeLint {
		w := &v.c.t.Notice
		out = append(out, cleanLine(fmt.Sprintf(i18n.Plural(n.N, w.LintCommandOne, w.LintCommand), n.N, shellArg(n.Arg))),
			fmt.Sprintf(i18n.Plural(n.N, w.LintWarningShort, w.LintWarningsShort), n.N))
	}
	return out
}

// shellArg is a path as a shell reads it: quoted when it holds anything
// but the characters of ordinary paths.
func shellArg(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./:@%+=,", r) || r > 0x7f) {
			plain = false
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fullestIn is the first of the wordings that, wrapped to w, takes at most
// lines lines.
func fullestIn(wordings []string, w, lines int) (string, bool) {
	for _, n := range wordings {
		if t := wrap(n, w); strings.Count(t, "\n") < lines {
			return t, true
		}
	}
	return "", false
}

// saveStatus is the left part of the status line, and its style.
func (v *Viewer) saveStatus() (string, lipgloss.Style) {
	s, t := v.c.styles, &v.c.t.Status
	st := v.snap.Save
	switch {
	case !v.snap.Created:
		return t.NotCreated, s.Status
	case st.Err != nil:
		return oneLine(fmt.Sprintf(t.SaveFailed, sanitize(saveErrorText(t, st.Err)))), s.StatusError
	case v.conflictClosed():
		return t.ChangedOnDiskAsk, s.StatusError
	case v.snap.Conflict != nil:
		return t.ChangedOnDisk, s.StatusError
	case st.Waiting:
		return t.Waiting, s.Status
	case st.Pending:
		return t.Saving, s.Status
	case st.LastSaved.IsZero():
		return t.NoChanges, s.Status
	}
	ago := v.c.now().Sub(st.LastSaved).Round(time.Second)
	if ago < time.Second {
		return t.SavedJustNow, s.Status
	}
	return fmt.Sprintf(t.SavedAgo, shortDuration(t, ago)), s.Status
}

func shortDuration(t *i18n.Status, d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf(t.Seconds, int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf(t.Minutes, int(d.Minutes()))
	}
	return fmt.Sprintf(t.Hours, int(d.Hours()))
}

// fullHelpView shows every key of what lies under the overlay: the groups
// side by side when they fit, else one under the other; when that is
// taller than the screen, every key in as many columns as the height
// needs, so no key is ever cut off.
func (v *Viewer) fullHelpView() string {
	_, full := v.belowOverlay()
	t := &v.c.t.Status
	head := v.c.styles.Heading.Render(t.KeysTitle) + "  " + v.c.styles.Dim.Render(t.KeysClose) + "\n\n"
	if v.join != "" && v.meeting != nil {
		m := &v.c.t.Meeting
		join := fmt.Sprintf(m.JoinWith, v.join)
		if v.joinKey != "" {
			join += " · " + fmt.Sprintf(m.HostKey, v.joinKey)
		}
		head += v.c.styles.Dim.Render(wrap(join, v.termW)) + "\n\n"
	}
	if v.lint.N > 0 { // the status line may have had room only to say it is here
		head += v.c.styles.Dim.Render(wrap(v.c.noticeText(v.snap, v.lint), v.termW)) + "\n\n"
	}
	room := v.c.height - (lipgloss.Height(head) - 1) // head ends in a blank line
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
	if lipgloss.Height(body) <= room {
		return head + body
	}
	return head + v.keyColumns(full, room)
}

// keyColumns lays every key out top to bottom in columns of at most rows
// lines, as many columns as that takes.
func (v *Viewer) keyColumns(groups [][]key.Binding, rows int) string {
	var keys, descs []string
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				keys, descs = append(keys, b.Help().Key), append(descs, b.Help().Desc)
			}
		}
	}
	rows = max(1, rows)
	var cols []string
	for start := 0; start < len(keys); start += rows {
		end := min(len(keys), start+rows)
		kw := 0
		for _, k := range keys[start:end] {
			kw = max(kw, displayWidth(k))
		}
		lines := make([]string, 0, end-start)
		for i := start; i < end; i++ {
			lines = append(lines, v.c.styles.Heading.Render(padRight(keys[i], kw))+" "+v.c.styles.Footer.Render(descs[i]))
		}
		cols = append(cols, strings.Join(lines, "\n"))
	}
	out := lipgloss.JoinHorizontal(lipgloss.Top, interleave(cols, "  ")...)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = truncate(strings.TrimRight(l, " "), v.termW)
	}
	return strings.Join(lines, "\n")
}

// interleave puts sep between the items.
func interleave(items []string, sep string) []string {
	var out []string
	for i, it := range items {
		if i > 0 {
			out = append(out, sep)
		}
		out = append(out, it)
	}
	return out
}

// tooSmallView says the terminal is too small, wrapped to fit it, in the
// fullest wording that fits; typing, that a text field still takes the
// keys, for as long as any wording that says so fits (the Japanese ones
// are wider: dropping only the sizes keeps the sentence).
func tooSmallView(t *i18n.Status, w, h int, typing bool) string {
	wordings := []string{fmt.Sprintf(t.TooSmall, w, h, minWidth, minHeight), t.TooSmallShort}
	if typing {
		wordings = []string{fmt.Sprintf(t.TooSmallTyping, w, h, minWidth, minHeight), t.TooSmallTypingMid, t.TooSmallTypingShort}
	}
	w, h = max(1, w), max(1, h)
	msg, ok := fullestIn(wordings, w, h)
	if !ok {
		msg = wrap(wordings[len(wordings)-1], w) // the way out, at least
	}
	return fitHeight(msg, h)
}
