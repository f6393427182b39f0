package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
	renderHelp(m.v)
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

// scrollPages shows the question screen, then pages down its help pane to
// the end, one frame per page; it also returns the pane's text as the
// frames showed it, each line once, in order.
func scrollPages(p *program) (pages, text []string) {
	for i := 0; i < 200; i++ {
		pg := p.View()
		pages = append(pages, pg)
		top := p.v.question.pane.top
		rows, _ := paneRows(pg, p.v.question)
		for k, l := range rows {
			for len(text) <= top+k {
				text = append(text, "")
			}
			text[top+k] = ansi.Strip(l)
		}
		if p.v.question.pane.atBottom() {
			break
		}
		press(p, "pgdown")
	}
	return pages, text
}

// Goldens of the help pane, page by page, at the two sizes: a Japanese
// description longer than the pane, an S3-style choice with multi-line
// additionalResources of both types, and a choice with a very long URL.
func TestGoldenHelpPages(t *testing.T) {
	cases := []struct {
		name, src string
		keys      []string
	}{
		{"japanese_description", "../testdata/aws/ja-long-description.json", nil},
		{"s3_resources", "../testdata/aws/s3-style-resources.json", nil},
		{"long_url", "../testdata/aws/s3-style-resources.json", []string{"j"}},
	}
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				l := loadLens(t, c.src)
				m := newTestProgram(t, l, nil, size[0], size[1])
				press(m, c.keys...)
				markSaved(m)
				pages, text := scrollPages(m)
				checkFits(t, m.v, c.name)
				if c.name == "japanese_description" {
					// Every character of the source is on one page or another.
					desc := l.Pillars[0].Questions[0].Description
					if missing := inOrder(strings.Join(text, "\n"), desc); missing != "" {
						t.Errorf("%q never shows", missing)
					}
					if got, want := squeezeJapanese(text), squeezeJapanese([]string{desc}); !strings.Contains(got, want) {
						t.Errorf("characters lost:\n got %s\nwant %s", got, want)
					}
				}
				golden.RequireEqual(t, []byte(strings.Join(pages, "\n"+strings.Repeat("=", size[0])+"\n")))
			})
		}
	}
}

// squeezeJapanese keeps the Japanese characters and punctuation of text,
// in order: what a wrap must never lose or reorder.
func squeezeJapanese(lines []string) string {
	var b strings.Builder
	for _, r := range strings.Join(lines, "") {
		if r >= 0x3000 && r < 0xa000 || r >= 0xff00 && r < 0xfff0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Goldens of the navigator: a one-pillar lens (a header, no pillar name on
// every row) and builtin:users (four pillars, long titles).
func TestGoldenNavigator(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		for _, src := range []string{"builtin:ops", "builtin:users"} {
			t.Run(fmt.Sprintf("%s_%dx%d", strings.TrimPrefix(src, "builtin:"), size[0], size[1]), func(t *testing.T) {
				l := loadLens(t, src)
				m := newTestProgram(t, l, nil, size[0], size[1])
				press(m, "x", "n", "a", "enter", "g")
				markSaved(m)
				checkFits(t, m.v, src+" navigator")
				golden.RequireEqual(t, []byte(m.View()))
			})
		}
	}
}
