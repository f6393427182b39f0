package tui

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// The help pane's frame: a rounded border and one column of padding on
// each side. wafr draws the frame itself, so the scroll state can sit in
// the border, apart from the text.
const (
	paneFrameW = 4
	paneFrameH = 2
)

// scroller is a window over lines of prepared text.
type scroller struct {
	lines  []string
	top    int
	height int
}

func (s *scroller) setLines(lines []string) {
	s.lines = lines
	s.clamp()
}

func (s *scroller) setHeight(h int) {
	s.height = max(1, h)
	s.clamp()
}

func (s *scroller) clamp() { s.top = max(0, min(s.top, s.maxTop())) }

func (s scroller) maxTop() int { return max(0, len(s.lines)-s.height) }

// scroll moves the window by n lines (up when negative).
func (s *scroller) scroll(n int) {
	s.top += n
	s.clamp()
}

func (s *scroller) gotoTop() { s.top = 0 }

func (s scroller) atBottom() bool { return s.top >= s.maxTop() }

// seen is the share of the text read down to the window's last line, in
// percent.
func (s scroller) seen() int {
	if len(s.lines) == 0 {
		return 100
	}
	return min(100, (s.top+s.height)*100/len(s.lines))
}

// A paneMark is the reader's place in the help text, kept across a
// change of width that wraps the text anew: how many letters and digits
// lie above the window (the same text then starts the window), or that
// the window was at the end.
type paneMark struct {
	set, end bool
	letters  int
}

// mark is the window's place.
func (s scroller) mark() paneMark {
	if s.top > 0 && s.atBottom() {
		return paneMark{set: true, end: true}
	}
	n := 0
	for _, l := range s.lines[:s.top] {
		n += letters(l)
	}
	return paneMark{set: true, letters: n}
}

// restore moves the window to a place marked in other lines of the same
// text: its first line is the one that holds the first letter below the
// mark.
func (s *scroller) restore(m paneMark) {
	switch {
	case m.end:
		s.top = s.maxTop()
	case m.letters == 0:
		s.top = 0
	default:
		n := 0
		for i, l := range s.lines {
			if n += letters(l); n > m.letters {
				s.top = i
				break
			}
		}
	}
	s.clamp()
}

// letters counts the letters and digits of a line: what wrapping at
// another width keeps (spaces, rules and borders it does not).
func letters(line string) int {
	n := 0
	for _, r := range ansi.Strip(line) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func (s scroller) visible() []string {
	end := min(len(s.lines), s.top+s.height)
	return s.lines[min(s.top, end):end]
}

// paneBox draws the pane: the window's lines in a frame w wide and h
// high. The top border says when text lies above; the bottom border says
// how far down the text has been read, or that it ends here. Help with a
// line wider than the frame's inside (a URL that fits the screen, never
// split) is drawn open: rules above and below, no sides, so the line has
// the whole width and the frame stays whole.
func (q questionScreen) paneBox(w, h int) string {
	s := q.c.styles
	border := s.PaneBorder
	if q.paneFocus {
		border = s.PaneBorderFocused
	}
	t := &q.c.t.Question
	var upper, lower string
	if q.pane.top > 0 {
		upper = t.PaneAbove
	}
	switch {
	case q.pane.maxTop() == 0:
	case !q.pane.atBottom():
		lower = fmt.Sprintf(t.PaneMore, q.pane.seen())
	default:
		lower = t.PaneEnd
	}
	f := q.frame(w)
	lines := make([]string, 0, h)
	lines = append(lines, border.Render(borderLine(f.tl, f.tr, f.rule, upper, w)))
	side := border.Render(f.side)
	vis := q.pane.visible()
	for i := 0; i < h-paneFrameH; i++ {
		text := ""
		if i < len(vis) {
			text = vis[i]
		}
		lines = append(lines, paneLine(text, side, w))
	}
	lines = append(lines, border.Render(borderLine(f.bl, f.br, f.rule, lower, w)))
	return strings.Join(lines, "\n")
}

// paneOpen reports whether the pane, w wide, is drawn without sides: its
// question's help (any choice's, so the frame does not change under the
// cursor) or a line it shows now is wider than the boxed text.
func (q questionScreen) paneOpen(w int) bool {
	inner := w - paneFrameW
	if h, ok := q.help[q.curKey]; ok && q.paneHelp && h.widest > inner {
		return true
	}
	for _, l := range q.pane.lines {
		if ansi.StringWidth(l) > inner {
			return true
		}
	}
	return false
}

// A paneFrame is the pane's corners and sides. The open frame has
// neither: its rules run the whole width.
type paneFrame struct{ tl, tr, bl, br, side, rule string }

// frame is the pane's frame when it is w wide: heavy lines while the
// pane has the keys, so focus shows without colour (NO_COLOR, TERM=dumb).
func (q questionScreen) frame(w int) paneFrame {
	open := q.paneOpen(w)
	switch {
	case open && q.paneFocus:
		return paneFrame{"━", "━", "━", "━", " ", "━"}
	case open:
		return paneFrame{"─", "─", "─", "─", " ", "─"}
	case q.paneFocus:
		return paneFrame{"┏", "┓", "┗", "┛", "┃", "━"}
	}
	return paneFrame{"╭", "╮", "╰", "╯", "│", "─"}
}

// paneLine is one line of text in the pane w wide, between its sides. A
// line wider than the text's room (only in an open frame) starts where
// the text does if it fits there, else as far left as it needs; one
// wider than the pane is cut, which no rendered help has.
func paneLine(text, side string, w int) string {
	inner := max(1, w-paneFrameW)
	tw := ansi.StringWidth(text)
	if tw <= inner {
		return side + " " + padRight(text, inner) + " " + side
	}
	text = ansi.Truncate(text, w, "")
	start := max(0, min(2, w-ansi.StringWidth(text)))
	return padRight(strings.Repeat(" ", start)+text, w)
}

// borderLine is a horizontal border w wide of rule between two corners,
// with a label near its right end.
func borderLine(left, right, rule, label string, w int) string {
	fill := max(0, w-2)
	if label == "" {
		return left + strings.Repeat(rule, fill) + right
	}
	label = " " + label + " "
	lw := ansi.StringWidth(label)
	if lw+2 > fill {
		label = ansi.Truncate(label, max(0, fill-2), "")
		lw = ansi.StringWidth(label)
	}
	return left + strings.Repeat(rule, fill-lw-1) + label + rule + right
}
