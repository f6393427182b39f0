package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/textsafe"
)

// sanitize makes text that came from a lens, a review file or another
// person fit to show over several lines: escape codes and control
// characters replaced, and every line break it holds (U+2028, U+2029,
// NEL, CR) a newline. Text that has one line to itself takes cleanLine.
func sanitize(s string) string { return textsafe.Clean(s) }

// cleanLine is sanitize for text that has one line to itself (a name, an
// id, a title in a list): its line breaks and tabs are spaces, runs of
// white space one space.
func cleanLine(s string) string { return oneLine(sanitize(s)) }

// cleanName is cleanLine for a name someone wrote (the workload's, an
// action's owner, a participant's): the zero-width characters that would
// make it look like another name are spelled out as \u200b (see
// textsafe: wafr strips them from the names it writes, and shows them in
// names others wrote).
func cleanName(s string) string { return textsafe.ShowInvisible(cleanLine(s)) }

// showName spells out the zero-width characters of a name put into a
// message with format, unless the format quotes it with %q, which spells
// them out itself.
func showName(format, name string) string {
	for i := strings.IndexByte(format, '%'); i >= 0; i = strings.IndexByte(format, '%') {
		format = strings.TrimLeft(format[i+1:], "[]0123456789")
		if strings.HasPrefix(format, "q") {
			return name
		}
	}
	return textsafe.ShowInvisible(name)
}

// fitHeight pads or cuts s to exactly h lines, so the footer stays put and
// bubbletea never has to cut the top off a frame that is too tall.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// truncate cuts s to w display columns, keeping escape codes intact.
func truncate(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// truncateLeft cuts s to w display columns from its start, with "…".
func truncateLeft(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	for ansi.StringWidth(s) > w-1 && s != "" {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return "…" + s
}

// spread puts left and right text at the two ends of a line of width w,
// at least spreadGap apart, so the two never read as one; when they do
// not fit, the left part is cut with "…" so the right part stays.
func spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	gap := w - ansi.StringWidth(left) - rw
	switch {
	case gap >= spreadGap:
		return left + strings.Repeat(" ", gap) + right
	case w-rw-spreadGap >= 10:
		left = truncate(left, w-rw-spreadGap)
		return left + strings.Repeat(" ", w-rw-ansi.StringWidth(left)) + right
	}
	return truncate(left, w)
}

// spreadGap is the least space between the two ends of a spread line.
const spreadGap = 2

// oneLine flattens text for places that have one line for it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func displayWidth(s string) int { return ansi.StringWidth(s) }

// tabWidth is the distance between tab stops wherever wafr lays out text
// that keeps its tabs: lipgloss draws a tab as that many spaces, the notes
// editor turns one into as many, and CommonMark reads Markdown with stops
// that far apart.
const tabWidth = 4

// expandTabs replaces each tab of a line with spaces up to the next tab
// stop, the line starting at column col. Widths are measured without
// tabs, which ansi.StringWidth counts as nothing, though a terminal moves
// to a stop and lipgloss draws tabWidth spaces.
func expandTabs(s string, col int) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	for {
		before, after, found := strings.Cut(s, "\t")
		b.WriteString(before)
		if !found {
			return b.String()
		}
		col += ansi.StringWidth(before)
		n := tabWidth - col%tabWidth
		b.WriteString(strings.Repeat(" ", n))
		col += n
		s = after
	}
}

// padRight pads s with spaces to w display columns.
func padRight(s string, w int) string {
	if n := w - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
