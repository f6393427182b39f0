package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the layout is designed for; below it wafr says so.
const (
	minWidth  = 60
	minHeight = 20
	// wideWidth puts the help pane beside the choices instead of below.
	wideWidth = 110
)

func keyMatches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

// bodyHeight is the space between the title bar and the footer.
func (m *Model) bodyHeight() int { return max(1, m.c.height-1-footerLines) }

const footerLines = 2

// layout recomputes sizes after a resize or a layout toggle.
func (m *Model) layout() {
	m.help.Width = m.c.width
	m.notes.SetWidth(min(m.c.width-8, 100))
	m.notes.SetHeight(max(3, min(10, m.bodyHeight()-8)))
	w, h := m.paneSize()
	m.pane.Width, m.pane.Height = w, h
	m.leftCol = lipgloss.NewStyle().Width(m.leftWidth() - 1)
	m.setup.setWidth(m.c.width)
	m.refreshPane()
	m.refreshHelp()
}

// wide reports whether the help pane sits beside the choices.
func (m *Model) wide() bool { return m.c.width >= wideWidth }

// titleBar is the first line: the tool, the workload and the lens.
func (m *Model) titleBar() string {
	left := " wafr · " + oneLine(sanitize(m.rev.Workload.Name))
	right := oneLine(sanitize(m.lens.Name+" "+m.lens.Version)) + " "
	return m.c.styles.TitleBar.Render(spread(left, right, m.c.width))
}

// footer is the status line and the key help, both prepared in Update.
func (m *Model) footer() string {
	return m.status + "\n" + m.footerHelp
}

// refreshHelp rebuilds the key help for the current screen.
func (m *Model) refreshHelp() {
	short, _ := m.bindings()
	m.footerHelp = truncate(m.help.ShortHelpView(short), m.c.width)
}

// fullHelpView shows every key of the screen: the groups side by side when
// they fit, else one under the other, so no key is ever cut off.
func (m *Model) fullHelpView() string {
	_, full := m.bindings()
	h := m.help
	h.ShowAll = true
	h.Width = 0 // never truncate: the layout below decides
	// Pack the groups into rows as wide as the terminal allows.
	var rows []string
	row := ""
	for _, g := range full {
		col := h.FullHelpView([][]key.Binding{g})
		switch joined := lipgloss.JoinHorizontal(lipgloss.Top, row, "    ", col); {
		case row == "":
			row = col
		case lipgloss.Width(joined) <= m.c.width:
			row = joined
		default:
			rows = append(rows, row)
			row = col
		}
	}
	body := strings.Join(append(rows, row), "\n\n")
	return m.c.styles.Heading.Render("Keys") + "  " + m.c.styles.Dim.Render("(? or esc closes)") + "\n\n" + body
}

// bindings lists the keys of the current screen for the help.
func (m *Model) bindings() (short []key.Binding, full [][]key.Binding) {
	k := m.c.keys
	g := k.Global
	if m.dialog != nil {
		b := m.dialog.keys(m)
		return b, [][]key.Binding{b}
	}
	switch m.screen {
	case screenSetup:
		b := []key.Binding{k.Form.Next, k.Form.Switch, k.Form.Confirm, k.Form.Cancel}
		return b, [][]key.Binding{b}
	case screenQuestion:
		q := k.Question
		short = []key.Binding{g.Help, g.Quit, q.Toggle, q.Next, q.Prev, q.NotApplicable, q.Notes, g.Navigator, g.Summary}
		full = [][]key.Binding{
			{q.Up, q.Down, q.Toggle, q.NotApplicable, q.Notes, q.Action},
			{q.Next, q.Prev, q.Focus, q.PageUp, q.PageDown},
			{q.Milestone, g.Navigator, g.Summary, g.Back, g.Help, g.Quit},
		}
		return short, full
	case screenNavigator:
		l := k.List
		short = []key.Binding{g.Help, g.Quit, l.Open, l.Filter, g.Back, g.Summary}
		return short, [][]key.Binding{{l.Up, l.Down, l.Open, l.Filter}, {g.Back, g.Summary, g.Help, g.Quit}}
	case screenSummary:
		l := k.List
		short = []key.Binding{g.Help, g.Quit, l.Open, g.Back, g.Navigator}
		return short, [][]key.Binding{{l.Up, l.Down, l.Open}, {g.Back, g.Navigator, g.Help, g.Quit}}
	}
	l := k.List
	short = []key.Binding{g.Help, g.Quit, l.Open, g.Navigator, g.Summary, k.Question.Milestone}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open}, {k.Question.Milestone, g.Navigator, g.Summary, g.Help, g.Quit}}
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
