package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// badRune finds what must never reach the terminal from file content. With
// colour on, ESC itself is ours (CSI colour codes), so only OSC, BEL, C1
// and bidi controls are checked; with colour off, any control is bad.
func badRune(s string, color bool) string {
	if color && strings.Contains(s, "\x1b]") {
		return "OSC"
	}
	for i, r := range s {
		bad := r == 0x07 || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200f
		if !color {
			bad = bad || r < 0x20 && r != '\n'
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			bad = true
		}
		if bad {
			return strings.ToValidUTF8(s[max(0, i-20):min(len(s), i+20)], "?")
		}
	}
	return ""
}

func TestHostileTextInTheTUI(t *testing.T) {
	l := loadLens(t, "../testdata/hostile/lens.yaml")
	for _, color := range []bool{false, true} {
		r := review.New(l, review.Workload{Name: "W\x1b[2J\u202eevil", Owner: "o\x1b]52;c;eA==\x07"})
		r.Update("hostilePillar", "HQ1", "me", testNow, func(a *review.Answer) {
			a.Selected = []string{"HQ1_a"}
			a.Notes = "note \x1b[31mred\x1b]8;;x\x07 \u009b1m \u202eevil"
		})
		m := newTestProgram(t, l, r, 100, 30)
		m.v = NewViewer(m.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Now: func() time.Time { return testNow }})
		m.v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, keys := range [][]string{nil, {"enter"}, {"tab"}, {"tab", "j"}, {"e"}, {"esc", "a"}, {"esc", "g"}, {"esc", "s"}, {"esc", "esc"}, {"M"}} {
			press(m, keys...)
			if bad := badRune(m.View(), color); bad != "" {
				t.Errorf("colour %v, after %v: raw control near %q", color, keys, bad)
			}
		}
	}
}

// Ids are printed too (navigator, question screen, dialogs): an id that
// carries OSC 52 (write the clipboard) or OSC 2 (set the window title) must
// reach the terminal clean, just by opening the review (issue 14, item 15).
func TestHostileIDsInTheTUI(t *testing.T) {
	const lensYAML = `schemaVersion: "2021-11-01"
name: Hostile ids
pillars:
  - id: "p\e]2;owned\a"
    name: Pillar
    questions:
      - id: "Q1\e]52;c;ZXZpbA==\a"
        title: A question
        choices:
          - id: "c\e]52;c;ZXZpbA==\aa"
            title: A practice
          - id: Q1_no
            title: None of these
        riskRules:
          - {condition: default, risk: HIGH_RISK}
`
	l, problems := questions.Parse("ids.yaml", []byte(lensYAML), questions.Options{})
	if l == nil {
		t.Skipf("the loader refuses such ids outright, which is also safe: %v", problems)
	}
	for _, color := range []bool{false, true} {
		m := newTestProgram(t, l, nil, 100, 30)
		m.v = NewViewer(m.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Now: func() time.Time { return testNow }})
		m.v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, keys := range [][]string{nil, {"x"}, {"e"}, {"esc", "a"}, {"esc", "j", "A"}, {"esc", "g"}, {"esc", "s"}, {"esc", "esc"}, {"M"}} {
			press(m, keys...)
			if v := m.View(); strings.Contains(v, "\x1b]") || strings.Contains(v, "\a") {
				t.Errorf("colour %v, after %v: an OSC sequence from an id reached the screen", color, keys)
			}
		}
	}
}

// With hyperlinks on, the only OSC sequences on screen are wafr's own OSC
// 8 links, to checked http(s) addresses of printable ASCII: the OSC 8 and
// OSC 52 sequences a crafted lens carries never reach the terminal.
func TestHostileTextWithHyperlinks(t *testing.T) {
	l := loadLens(t, "../testdata/hostile/lens.yaml")
	ours := regexp.MustCompile("\x1b\\]8;id=wafr[0-9a-z]+;https?://[\x21-\x7e]+?\x1b\\\\|\x1b\\]8;;\x1b\\\\")
	m := newTestProgram(t, l, nil, 100, 30)
	m.v = NewViewer(m.s.Snapshot(), ViewerOptions{Renderer: testRenderer(true), Hyperlinks: true, Now: func() time.Time { return testNow }})
	m.v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	renderHelp(m.v)
	links := 0
	for _, keys := range [][]string{nil, {"j"}, {"pgdown"}, {"pgdown"}} {
		press(m, keys...)
		renderHelp(m.v)
		v := m.View()
		links += len(ours.FindAllString(v, -1))
		rest := ours.ReplaceAllString(v, "")
		if bad := badRune(rest, true); bad != "" {
			t.Errorf("after %v: raw control near %q", keys, bad)
		}
	}
	if links == 0 {
		t.Error("no hyperlink at all: the test sees nothing")
	}
}
