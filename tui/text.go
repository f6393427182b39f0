package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/textsafe"
)

// sanitize removes escape codes and control characters from text that
// came from a lens, a review file or another person.
func sanitize(s string) string { return textsafe.Clean(s) }

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

// spread puts left and right text at the two ends of a line of width w;
// when they do not fit, the left part is cut so the right part stays.
func spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	gap := w - ansi.StringWidth(left) - rw
	switch {
	case gap >= 1:
		return left + strings.Repeat(" ", gap) + right
	case w-rw-1 >= 10:
		left = truncate(left, w-rw-1)
		return left + strings.Repeat(" ", w-rw-ansi.StringWidth(left)) + right
	}
	return truncate(left, w)
}

// oneLine flattens text for places that have one line for it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// wrap word-wraps plain text to w display columns. Lines break at spaces,
// and also between wide (CJK) characters, since Japanese has no spaces;
// a word longer than the line is cut.
func wrap(s string, w int) string {
	if w < 1 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(s string, w int) []string {
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, tok := range tokens(s) {
		tw := ansi.StringWidth(tok)
		if tok == " " {
			if lineW > 0 && lineW < w {
				line.WriteString(" ")
				lineW++
			}
			continue
		}
		if lineW > 0 && lineW+tw > w {
			flush()
		}
		for tw > w { // a word wider than the line: cut it
			head := ansi.Truncate(tok, w, "")
			lines = append(lines, head)
			tok = tok[len(head):]
			tw = ansi.StringWidth(tok)
		}
		line.WriteString(tok)
		lineW += tw
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// tokens splits a line into words, single spaces, and single wide
// characters (each a place where the line may break).
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		wide := ansi.StringWidth(string(r)) > 1
		if r == ' ' || wide {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if r == ' ' {
				out = append(out, " ")
			} else {
				out = append(out, string(r))
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// boxWidth is the content width inside a style's border and padding.
func boxWidth(st lipgloss.Style, outer int) int { return max(1, outer-st.GetHorizontalFrameSize()) }

func displayWidth(s string) int { return ansi.StringWidth(s) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// padRight pads s with spaces to w display columns.
func padRight(s string, w int) string {
	if n := w - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
