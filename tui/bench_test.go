package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
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
// the View that follows.
func BenchmarkKeypress(b *testing.B) {
	m := benchModel(b, 80, 24)
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
	hw := helpWriter{tr: m.v.c.tr, t: &m.v.c.t.Question, width: 76}
	b.ResetTimer()
	for b.Loop() {
		_ = buildHelp(q, hw, false)
	}
}
