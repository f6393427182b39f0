package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
)

// overviewOf opens the overview of a generated lens of n pillars (named
// long enough to wrap at 60 columns), without a version, at w x h.
func overviewOf(t *testing.T, n, w, h int) *program {
	t.Helper()
	text := strings.Replace(string(lensgen.YAML(n, 1, 3)), "version: 1.0.0\n", "", 1)
	text = strings.ReplaceAll(text, "name: Pillar ", "name: Operating the service at scale, part ")
	l, problems := questions.Parse("gen.yaml", []byte(text), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	p := newTestProgram(t, l, nil, w, h)
	press(p, "esc")
	if p.v.current != screenOverview {
		t.Fatalf("esc did not open the overview: screen %v", p.v.current)
	}
	return p
}

func TestOverviewTotalIsNotARow(t *testing.T) {
	p := overviewOf(t, 3, 80, 24)
	for range 5 {
		press(p, "down")
	}
	r, _ := p.v.overview.list.selected()
	if r.pillar != 2 {
		t.Fatalf("the cursor is on %+v after going down past the last pillar, want the last pillar", r)
	}
	press(p, "enter")
	if p.v.current != screenQuestion || current(p) != "P2Q0" {
		t.Errorf("enter opened %v %s, want the last pillar's question", p.v.current, current(p))
	}
}

func TestOverviewLensLineWithoutVersion(t *testing.T) {
	view := plainView(overviewOf(t, 3, 80, 24))
	if !strings.Contains(view, "Generated · 3 pillars · 3 questions") {
		t.Errorf("the lens line of a lens without a version:\n%s", view)
	}
}

// Pillars that do not fit say how many are below, as the choices do.
func TestOverviewSaysWhatIsBelow(t *testing.T) {
	p := overviewOf(t, 7, 60, 20)
	view := plainView(p)
	if !strings.Contains(view, "below") {
		t.Fatalf("7 wrapped pillars at 60x20 and no word of those below:\n%s", view)
	}
	checkFits(t, p.v, "the overview")
	for range 7 {
		press(p, "down")
	}
	if view := plainView(p); !strings.Contains(view, "part 6") || !strings.Contains(view, "Total") {
		t.Errorf("the last pillar and the total never show:\n%s", view)
	}
}

// However small the terminal, its message ends with the way out: the
// long one when it fits, else the short one (the Japanese one is longer).
func TestTooSmallAlwaysSaysHowToQuit(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		st := &i18n.For(lang).TUI.Status
		for _, size := range [][2]int{{20, 5}, {40, 10}, {12, 3}, {59, 19}} {
			for typing, way := range map[bool]string{false: "q", true: "ctrl+c"} {
				view := tooSmallView(st, size[0], size[1], typing)
				if !strings.Contains(strings.ReplaceAll(view, "\n", ""), way) || !strings.Contains(view, ")") {
					t.Errorf("%s at %dx%d (typing %v) does not say how to quit (%s):\n%s", lang, size[0], size[1], typing, way, view)
				}
				if n := strings.Count(view, "\n") + 1; n > size[1] {
					t.Errorf("%s at %dx%d takes %d lines", lang, size[0], size[1], n)
				}
			}
		}
	}
}

// A window made too small while someone types (a tmux split) keeps the
// typing: the letters go into the field, q among them, and only ctrl+c
// quits, as the screen says.
func TestTooSmallWhileTypingKeepsTheText(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "before ")
	p.Update(tea.WindowSizeMsg{Width: 20, Height: 6})
	if view := plainView(p); !strings.Contains(view, "ctrl+c") {
		t.Fatalf("the small screen does not say ctrl+c quits while typing:\n%s", view)
	}
	typeText(p, "a quick fix")
	if p.quitting || p.v.TakeQuit() != noQuit {
		t.Fatal("a q typed into the notes quit")
	}
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(p, "esc")
	if got := notesOf(p); got != "before a quick fix" {
		t.Errorf("notes %q, want every letter typed while the window was small", got)
	}
	// Not typing, q still quits there.
	p.Update(tea.WindowSizeMsg{Width: 20, Height: 6})
	if !runCmd(p, press(p, "q")) {
		t.Error("q on the small screen no longer quits")
	}
}

// A field made wider shows again the start of what it holds.
func TestFieldWidensWithTheTerminal(t *testing.T) {
	p := newTestProgram(t, loadLens(t, "builtin:ops"), nil, 60, 20)
	press(p, "M")
	name := "二回目のレビュー（本番リリース前の最終確認、チーム全員参加）"
	typeText(p, name)
	if strings.Contains(plainView(p), name) {
		t.Fatalf("at 60 columns the whole name fits: the test proves nothing:\n%s", plainView(p))
	}
	p.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if view := plainView(p); !strings.Contains(view, name) {
		t.Errorf("at 120 columns the field still hides part of the name:\n%s", view)
	}
}

// A milestone may not be named a number: FILE@2 means the second one.
func TestMilestoneNamedANumberIsRefused(t *testing.T) {
	p := opsProgram(t)
	press(p, "M")
	typeText(p, "2")
	press(p, "enter")
	// The whole message, over as many lines as it takes; the name whole.
	squash := strings.NewReplacer(" ", "", "\n", "", "│", "").Replace
	view := plainView(p)
	if _, ok := topDialog(p.v).(textDialog); !ok || !strings.Contains(squash(view), squash(p.v.c.t.Mile.IsNumber)) {
		t.Errorf("a milestone named 2:\n%s", view)
	}
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "> 2") && strings.Contains(line, "…") {
			t.Errorf("the name field is cut: %q", line)
		}
	}
	if n := len(p.s.Snapshot().Review.Milestones); n != 0 {
		t.Errorf("%d milestones taken", n)
	}
}

// The small screen says that typing still goes in, in Japanese as in
// English, wherever either has room to: at 20x6 with the notes editor
// open the Japanese said only how to quit.
func TestTooSmallSaysTypingGoesOnInEveryLanguage(t *testing.T) {
	p := newTestProgram(t, loadLens(t, "builtin:ops-ja"), nil, 80, 24)
	press(p, "e")
	p.Update(tea.WindowSizeMsg{Width: 20, Height: 6})
	ja := &i18n.For("ja").TUI.Status
	if view := strings.ReplaceAll(plainView(p), "\n", ""); !strings.Contains(view, "入力はそのまま続けられます") {
		t.Errorf("the Japanese small screen does not say that typing goes in:\n%s", plainView(p))
	}
	en := &i18n.For("en").TUI.Status
	for _, size := range [][2]int{{20, 6}, {20, 5}, {30, 4}, {40, 10}, {59, 19}} {
		enView := strings.ReplaceAll(tooSmallView(en, size[0], size[1], true), "\n", " ")
		jaView := strings.ReplaceAll(tooSmallView(ja, size[0], size[1], true), "\n", "")
		if strings.Contains(enView, "still goes in") && !strings.Contains(jaView, "入力はそのまま続けられます") {
			t.Errorf("at %dx%d English says typing goes in, Japanese does not:\n%s", size[0], size[1], jaView)
		}
	}
}
