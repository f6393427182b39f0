package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// benchModel is a 60-question lens whose questions have 15 choices and a
// 5 KB Markdown description, with the help already rendered.
func benchModel(b *testing.B, w, h int) *program {
	l, problems := questions.Parse("gen.yaml", lensgen.YAML(3, 20, 14), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	para := "Operations exists so that users are **not hurt**. Agree on SLIs, SLOs and an error budget; " +
		"see [the SRE book](https://sre.google/sre-book/embracing-risk/).\n\n- one\n- two\n\n"
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			q.Description = strings.Repeat(para, 5*1024/len(para)+1)
		}
	}
	m := newTestProgram(b, l, nil, w, h)
	if q := m.s.Snapshot().Items[0].Question; len(q.Choices) != 15 || len(q.Description) < 5*1024 {
		b.Fatal("bench lens has the wrong shape")
	}
	return m
}

// View of a question screen: target under 1 ms per frame.
func BenchmarkQuestionView(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := benchModel(b, size[0], size[1])
			press(m, "x", "j")
			b.ResetTimer()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// A full keypress: Update (moving the cursor, which rebuilds the pane) and
// the View that follows, narrow and with the help pane beside the choices.
func BenchmarkKeypress(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			m := benchModel(b, size[0], size[1])
			down, up := keyMsg("j"), keyMsg("k")
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if i%28 < 14 {
					m.Update(down)
				} else {
					m.Update(up)
				}
				_ = m.View()
			}
		})
	}
}

// Ticking a choice: rescoring, rebuilding the screen, scheduling a save.
func BenchmarkTick(b *testing.B) {
	m := benchModel(b, 80, 24)
	tick := keyMsg("x")
	b.ResetTimer()
	for b.Loop() {
		m.Update(tick)
		_ = m.View()
	}
}

// Laying out a question's help (a 5 KB description and 15 choices), which
// runs in a command, off the event loop, once per question and width.
func BenchmarkHelpLayout(b *testing.B) {
	m := benchModel(b, 80, 24)
	q := m.s.Snapshot().Items[0].Question
	hw := helpWriter{tr: m.v.c.tr, t: &m.v.c.t.Question, width: 76, wide: 80}
	b.ResetTimer()
	for b.Loop() {
		_ = buildHelp(q, hw, false)
	}
}

// Start-up to the first frame of the first question, on the built-in
// lens and on a 400 KB AWS lens: the program built over an opened review,
// its first size, and the View that draws it (the help pane follows in a
// command of its own). Process start and the lens load are measured by
// scripts/compare.sh and the workspace benchmarks.
func BenchmarkStart(b *testing.B) {
	aws, problems := questions.Parse("gen.json", lensgen.AWSJSON(6, 57, 6, 170), questions.Options{})
	if aws == nil {
		b.Fatal(problems)
	}
	for name, l := range map[string]*questions.Lens{"ops": loadLens(b, "builtin:ops"), "aws400KB": aws} {
		b.Run(name, func(b *testing.B) {
			r := review.New(l, review.Workload{Name: "Payments API", Environment: review.Production, Owner: "payments-team"})
			path := filepath.Join(b.TempDir(), "review.yaml")
			data := r.Marshal()
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				p := newProgram(Options{Workspace: testWorkspace(), Review: r.Clone(), Lens: l, Path: path, Hash: workspace.Hash(data),
					Author: func() string { return "tester" }, Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
				p.after = noTimers
				p.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				if !strings.Contains(p.View(), l.Pillars[0].Questions[0].Title[:10]) {
					b.Fatal("the first question is not drawn")
				}
			}
		})
	}
}

// Typing into notes that already hold 3,000 characters in 40 lines (a
// text pasted without bracketed paste arrives word by word): each word and
// each space is one message, its Update and the View after it. "each"
// takes every message at once (as tests do); "frame" holds letters for a
// typing frame as a terminal does, and ends a frame every 64 messages.
func BenchmarkNotesTyping(b *testing.B) {
	for _, frame := range []time.Duration{0, TypingFrame} {
		name := map[time.Duration]string{0: "each", TypingFrame: "frame"}[frame]
		b.Run(name, func(b *testing.B) {
			m := benchModel(b, 120, 40)
			m.v.typingFrame = frame
			press(m, "e")
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat(strings.Repeat("word ", 14)+"\n", 40)), Paste: true})
			word, space := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("word")}, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				switch {
				case i%64 == 63:
					m.Update(typedMsg{})
				case i%2 == 0:
					m.Update(word)
				default:
					m.Update(space)
				}
				_ = m.View()
			}
		})
	}
}
