package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// checkPane fails if a frame of the question screen holds a tab (a
// terminal moves it to a tab stop wafr did not measure), a line wider
// than the terminal, or a help pane whose side borders are not in their
// columns on every line the pane draws inside its frame.
func checkPane(t *testing.T, p *program, what string) {
	t.Helper()
	checkFits(t, p.v, what)
	frame := p.View()
	if strings.Contains(frame, "\t") {
		t.Errorf("%s: a raw tab reaches the terminal", what)
	}
	q := p.v.question
	pw, _ := q.paneSize()
	left := q.w - pw
	lines := strings.Split(ansi.Strip(frame), "\n")
	start := -1
	for i, l := range lines {
		if ansi.Cut(l, left, left+1) == "╭" {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("%s: no pane on screen:\n%s", what, ansi.Strip(frame))
	}
	if got := ansi.Cut(lines[start], left+pw-1, left+pw); got != "╮" {
		t.Errorf("%s: the pane's top right corner is %q:\n%s", what, got, ansi.Strip(frame))
	}
	vis := q.pane.visible()
	for i := 0; i < q.pane.height; i++ {
		if i < len(vis) && ansi.StringWidth(vis[i]) > pw-paneFrameW && strings.Contains(vis[i], "://") {
			continue // a URL drawn over the frame, on purpose
		}
		l := lines[start+1+i]
		if ansi.Cut(l, left, left+1) != "│" || ansi.Cut(l, left+pw-1, left+pw) != "│" || ansi.StringWidth(l) != left+pw {
			t.Errorf("%s: pane line %d lost a border: %q", what, i+1, l)
		}
	}
	if got := ansi.Cut(lines[start+1+q.pane.height], left, left+1); got != "╰" {
		t.Errorf("%s: the pane's bottom border is not under it: %q", what, lines[start+1+q.pane.height])
	}
}

// A description with a tab-indented code block (or tabs anywhere in a
// code block) draws inside the help pane: tabs are expanded before the
// line is measured and cut, in plain and coloured output, narrow and wide.
func TestTabsInACodeBlockStayInThePane(t *testing.T) {
	for _, desc := range []string{
		"\t\t" + strings.Repeat("x", 100),
		"\t\ttab " + strings.Repeat("x", 300),
		"Intro.\n\n    a\tb\tc\t" + strings.Repeat("y", 150) + "\n\n```\n\tfenced\t\t" + strings.Repeat("z", 120) + "\n```\n\n- item\n\n  \t\tcode in a list " + strings.Repeat("w", 90),
	} {
		for _, color := range []bool{false, true} {
			for _, size := range [][2]int{{80, 24}, {140, 40}} {
				l := loadLens(t, "builtin:ops")
				for _, pl := range l.Pillars {
					for _, q := range pl.Questions {
						q.Description = desc
					}
				}
				p := newTestProgram(t, l, nil, size[0], size[1])
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				renderHelp(p.v)
				p.v.question.cursor = len(p.s.Snapshot().Items[0].Question.Choices) - 1 // "None of these": little help before the description
				p.v.question = p.v.question.refreshPane()
				p.v.refresh()
				for page := 0; ; page++ {
					checkPane(t, p, fmt.Sprintf("%.12q colour %v at %dx%d, page %d", desc, color, size[0], size[1], page))
					if p.v.question.pane.atBottom() || page > 50 {
						break
					}
					press(p, "pgdown")
				}
			}
		}
	}
}

// Tabs go to the next stop, counted in display columns from where the
// line starts.
func TestExpandTabs(t *testing.T) {
	for _, c := range []struct {
		in   string
		col  int
		want string
	}{
		{"a\tb", 0, "a   b"}, {"\t\tx", 0, "        x"}, {"abcd\tx", 0, "abcd    x"},
		{"日本\tx", 0, "日本    x"}, {"日\tx", 0, "日  x"}, {"\tx", 2, "  x"}, {"no tab", 3, "no tab"},
	} {
		if got := expandTabs(c.in, c.col); got != c.want {
			t.Errorf("expandTabs(%q, %d) = %q, want %q", c.in, c.col, got, c.want)
		}
	}
}
