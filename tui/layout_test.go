package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
)

// Nothing overflows at any size from 60x20 up, on every screen.
func TestLayoutFits(t *testing.T) {
	// A built-in lens, a Japanese one, and an AWS custom-lens JSON file.
	for _, src := range []string{"builtin:ops", "testdata/ja.yaml", "../testdata/aws/no-default-precedence.json"} {
		p := newTestProgram(t, loadLens(t, src), nil, 80, 24)
		press(p, "x", "e")
		typeText(p, "a long note "+strings.Repeat("that goes on ", 20))
		press(p, "esc")
		for _, size := range [][2]int{{60, 20}, {61, 21}, {80, 24}, {100, 30}, {109, 30}, {110, 30}, {140, 40}, {200, 60}} {
			p.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			renderHelp(p.v)
			for _, step := range []struct {
				name string
				keys []string
			}{
				{"question", nil}, {"pane", []string{"tab"}}, {"n/a picker", []string{"tab", "a"}}, {"notes", []string{"esc", "e"}},
				{"navigator", []string{"esc", "g"}}, {"summary", []string{"s"}}, {"help", []string{"?"}}, {"overview", []string{"?", "esc", "esc"}},
			} {
				press(p, step.keys...)
				checkFits(t, p.v, src+" "+step.name)
			}
			press(p, "enter")
		}
	}
}

// Every dialog fits every size from 60x20 up, its border whole.
func TestDialogsFit(t *testing.T) {
	long := errors.New("write /a/very/long/path/to/the/review/file/that/goes/on/and/on/review.yaml: no space left on device")
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 40}} {
		p := opsProgram(t)
		p.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		c, snap := p.v.c, p.s.Snapshot()
		dialogs := map[string]dialog{
			"conflict":     newConflictDialog(c, snap, &Conflict{Questions: []string{"OPS1", "OPS2"}}, &Meeting{}),
			"broken":       newConflictDialog(c, snap, &Conflict{LoadErr: long}, nil),
			"save failed":  newSaveFailedDialog(c, snap.Path, long),
			"milestone":    newMilestoneDialog(c, snap),
			"action":       newActionDialog(c, snap, 0, snap.Items[0].Question.Choices[2]),
			"notes":        newNotesDialog(c, snap, 0, "two\nlines"),
			"n/a":          newNotApplicableDialog(c, snap, 0),
			"milestone ee": func() textDialog { d := newMilestoneDialog(c, snap); d.err = long.Error(); return d }(),
			"message":      messageDialog{frame: frame{c: c}, title: "A title", body: long.Error() + "\n\n" + long.Error()},
		}
		for name, d := range dialogs {
			p.v.dialogs = nil
			p.v.openDialog(d)
			p.v.refresh()
			checkFits(t, p.v, name)
			v := ansi.Strip(p.View())
			if strings.Count(v, "╭") != 1 || strings.Count(v, "╯") != 1 {
				t.Errorf("%dx%d %s: the dialog's border is cut:\n%s", size[0], size[1], name, v)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"the quick brown fox", 9, "the quick\nbrown fox"},
		{"JA1  サービスの優先順位", 12, "JA1  サービ\nスの優先順位"},
		{"a verylongwordindeed b", 6, "a\nverylo\nngword\nindeed\nb"},
		{"two\nparagraphs here", 20, "two\nparagraphs here"},
		{"", 5, ""},
	}
	for _, c := range cases {
		got := wrap(c.in, c.w)
		if got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > c.w {
				t.Errorf("line %q wider than %d", l, c.w)
			}
		}
	}
}

func TestStylesAdaptToBackgroundAndNoColor(t *testing.T) {
	dark := NewStyles(testRenderer(true))
	lr := testRenderer(true)
	lr.SetHasDarkBackground(false)
	light := NewStyles(lr)
	if dark.RiskHigh.GetForeground() == light.RiskHigh.GetForeground() || dark.Cursor.GetForeground() == light.Cursor.GetForeground() {
		t.Error("dark and light backgrounds get the same colours")
	}
	plain := NewStyles(testRenderer(false))
	if plain.badges[questions.HighRisk] != "[HIGH]" || plain.badges[questions.NotApplicable] != "[N/A]" {
		t.Errorf("plain badges %q", plain.badges)
	}
	if plain.text[tsBold] != nil || dark.text[tsBold] == nil {
		t.Error("help text is styled without colour, or plain with it")
	}
}
