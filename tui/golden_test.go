package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/wafr-dev/wafr/review"
)

// Goldens of the main screens, colour off, at the two sizes the issue names.
// Regenerate with: go test ./tui -run TestGolden -update (then review them).
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		for _, src := range []string{"builtin:ops", "testdata/ja.yaml"} {
			name := "ops"
			if src != "builtin:ops" {
				name = "ja"
			}
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				l := loadLens(t, src)
				r := review.New(l, review.Workload{Name: "Payments API", Environment: review.Production, Owner: "payments-team"})
				m := newTestProgram(t, l, r, size[0], size[1])
				// Answer the first question partly, with a note; mark the
				// second not applicable.
				press(m, "x", "j", "x", "e")
				typeText(m, "SLOs exist for checkout only.")
				press(m, "esc", "n", "a", "enter", "p", "j")
				markSaved(m)
				t.Run("question", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
				press(m, "esc")
				t.Run("overview", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
				press(m, "s")
				t.Run("summary", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
			})
		}
	}
}

// The built-in Japanese lens at 80x24: the question screen as a golden, and
// every screen within the terminal.
func TestGoldenBuiltinJapanese(t *testing.T) {
	m := newTestProgram(t, loadLens(t, "builtin:ops-ja"), nil, 80, 24)
	press(m, "x", "j", "j", "x")
	markSaved(m)
	golden.RequireEqual(t, []byte(m.View()))
	for _, keys := range [][]string{nil, {"a"}, {"esc", "g"}, {"esc", "s"}, {"esc", "esc"}} {
		press(m, keys...)
		checkFits(t, m.v, "ops-ja")
	}
}

// The question screen with two actions, at 80x24.
func TestGoldenQuestionWithActions(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "Payments API"})
	r.Update("operationalExcellence", "OPS1", "alice", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_users", "OPS1_slo"} })
	r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS1", ChoiceID: "OPS1_budget", Title: "An error budget decides release speed", Owner: "alice", Due: "2026-12-31"}, "alice", testNow)
	done, _ := r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS1", ChoiceID: "OPS1_nfr", Title: "Settle non-functional requirements", Owner: "bob", Due: "2026-11-01"}, "bob", testNow)
	done.Status = review.StatusDone
	m := newTestProgram(t, l, r, 80, 24)
	press(m, "p") // it opened OPS2, the first unanswered; the actions are on OPS1
	markSaved(m)
	golden.RequireEqual(t, []byte(m.View()))
	checkFits(t, m.v, "actions")
}

// markSaved makes the status line say "saved just now", as after a save,
// without touching the file.
func markSaved(p *program) {
	p.s.save.lastSaved, p.s.save.dirty = testNow, false
	p.s.publish()
	p.v.SetSnapshot(p.s.Snapshot())
	p.v.refresh()
}
