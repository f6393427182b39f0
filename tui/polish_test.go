package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// The words of an "Other" reason are wafr's line at the top of the notes:
// when a tick makes the question applicable again, that line goes and the
// team's own notes stay, in the session, in the file and on the screen.
func TestTickRemovesTheNotApplicableReasonFromTheNotes(t *testing.T) {
	p := opsProgram(t)
	press(p, "n", "n") // OPS3
	press(p, "e")
	typeText(p, "Ask the SRE lead.")
	press(p, "esc", "a", "j", "j", "j", "enter")
	typeText(p, "Readiness is owned by the platform team")
	press(p, "enter")
	if a := answer(p, "OPS3"); a == nil || !a.NotApplicable || a.Notes != "Not applicable: Readiness is owned by the platform team\nAsk the SRE lead." {
		t.Fatalf("after Other: %+v", a)
	}
	press(p, "x")
	a := answer(p, "OPS3")
	if a.NotApplicable || a.Reason != "" || a.Notes != "Ask the SRE lead." {
		t.Errorf("after the tick: %+v", a)
	}
	v := plainView(p)
	if strings.Contains(v, "Not applicable") || !strings.Contains(v, "Notes: Ask the SRE lead.") {
		t.Errorf("the screen after the tick:\n%s", v)
	}
	save(p)
	if got := load(t, p.s.path).Answers.Get(pillar, "OPS3"); got.Notes != "Ask the SRE lead." {
		t.Errorf("the file's notes: %q", got.Notes)
	}
}

// Through the session: the reason line goes when the question is unmarked
// or given another reason, or ticked (in Japanese words too); notes that
// merely mention "Not applicable" further down, or a question N/A for
// another reason, keep every word.
func TestNotApplicableReasonLineLeavesWithTheMark(t *testing.T) {
	for _, c := range []struct {
		name   string
		notes  string
		reason string
		then   Intent
		want   string
	}{
		{"tick", "Not applicable: owned elsewhere\nmine", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine"},
		{"tick, only the reason", "Not applicable: owned elsewhere", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, ""},
		{"tick, Japanese", "適用外の理由: 別チームの担当\nmine", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine"},
		{"unmark", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Applicable: true}, "mine"},
		{"another reason", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Reason: "OUT_OF_SCOPE"}, "mine"},
		{"other words", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Reason: reasonOther, Words: "new", NotePrefix: "Not applicable: "}, "Not applicable: new\nmine"},
		{"not the first line", "mine\nNot applicable: said in passing", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine\nNot applicable: said in passing"},
		{"another reason's notes", "Not applicable: typed by the team", "OUT_OF_SCOPE", TickIntent{ChoiceID: "OPS1_slo"}, "Not applicable: typed by the team"},
		{"a settled vote", "Not applicable: owned elsewhere\nmine", reasonOther, RecordVoteIntent{Select: []string{"OPS1_slo"}}, "mine"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := opsProgram(t)
			r := p.s.Snapshot().Review.Clone()
			r.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) {
				a.NotApplicable, a.Reason, a.Notes = true, c.reason, c.notes
			})
			p.s.rev = r
			if res := p.s.Apply("tester", c.then); res.Err != nil {
				t.Fatal(res.Err)
			}
			got := p.s.Snapshot().Review.Answers.Get(pillar, "OPS1")
			na, _ := c.then.(NotApplicableIntent)
			if got.Notes != c.want || got.NotApplicable != (na.Reason != "") {
				t.Errorf("%+v", got)
			}
		})
	}
}

// The action dialog shows its placeholders whole at 80 and 60 columns, in
// English and Japanese, and what is typed fits the box.
func TestActionDialogPlaceholdersFit(t *testing.T) {
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		for _, size := range [][2]int{{80, 24}, {60, 20}} {
			p := newTestProgram(t, loadLens(t, src), nil, size[0], size[1])
			press(p, "A")
			if _, ok := topDialog(p.v).(actionDialog); !ok {
				t.Fatalf("%s: no action dialog:\n%s", src, plainView(p))
			}
			v := plainView(p)
			for _, want := range []string{p.v.c.t.Action.OwnerPlaceholder, p.v.c.t.Action.DuePlaceholder} {
				if !strings.Contains(v, want) {
					t.Errorf("%s %dx%d: %q is cut:\n%s", src, size[0], size[1], want, v)
				}
			}
			checkFits(t, p.v, "action dialog")
			typeText(p, strings.Repeat("platform team ", 6))
			if !strings.Contains(plainView(p), "│") || strings.Count(plainView(p), "╮") != 1 {
				t.Errorf("%s: the box broke:\n%s", src, plainView(p))
			}
			checkFits(t, p.v, "action dialog, typed")
		}
	}
}

// The question screen names the reason Other without the menu's "…".
func TestNotApplicableOtherNamedWithoutEllipsis(t *testing.T) {
	for src, want := range map[string]string{"builtin:ops": "Not applicable: Other  (a to change)", "builtin:ops-ja": "適用外: その他(a で変更)"} {
		p := newTestProgram(t, loadLens(t, src), nil, 80, 24)
		press(p, "a", "j", "j", "j", "enter")
		typeText(p, "owned elsewhere")
		press(p, "enter")
		lines := screenLines(p)
		na := lines[4]
		if !strings.Contains(na, want) || strings.Contains(na, "…") {
			t.Errorf("%s: the N/A line is %q", src, na)
		}
	}
}

// A resize keeps the reader's place in the help pane: at the end it stays
// at the end; further up, the text that started the window starts it again.
func TestResizeKeepsThePanePlace(t *testing.T) {
	// The first word of the window, and its first line that has words.
	firstWord := func(p *program) (string, string) {
		for _, l := range p.v.question.pane.visible() {
			if f := strings.Fields(ansi.Strip(l)); len(f) > 0 && letters(l) > 0 {
				return f[0], ansi.Strip(l)
			}
		}
		return "", ""
	}
	for _, sizes := range [][2][2]int{{{80, 24}, {140, 40}}, {{140, 40}, {80, 24}}, {{80, 24}, {60, 20}}, {{80, 24}, {80, 30}}} {
		from, to := sizes[0], sizes[1]
		p := newTestProgram(t, loadLens(t, "builtin:ops"), nil, from[0], from[1])
		press(p, "n", "n") // OPS3
		renderHelp(p.v)
		for !p.v.question.pane.atBottom() {
			press(p, "pgdown")
		}
		p.Update(tea.WindowSizeMsg{Width: to[0], Height: to[1]})
		renderHelp(p.v)
		if q := p.v.question; !q.pane.atBottom() || q.pane.top == 0 {
			t.Errorf("%v -> %v: the pane at the end moved to line %d of %d", from, to, q.pane.top, len(q.pane.lines))
		}
		// Back to the first size, and halfway down.
		p.Update(tea.WindowSizeMsg{Width: from[0], Height: from[1]})
		renderHelp(p.v)
		press(p, "tab")
		p.v.question.pane.gotoTop()
		for range p.v.question.pane.maxTop() / 2 {
			press(p, "down")
		}
		press(p, "tab")
		want, _ := firstWord(p)
		before := p.v.question.pane.mark()
		clear(p.v.question.help) // rendered anew, as at a size not seen before
		p.Update(tea.WindowSizeMsg{Width: to[0], Height: to[1]})
		renderHelp(p.v)
		// When the text is shorter than that, the window shows its end.
		_, got := firstWord(p)
		clamped := p.v.question.pane.atBottom() && strings.Contains(ansi.Strip(strings.Join(p.v.question.pane.visible(), "\n")), want)
		if !strings.Contains(got, want) && !clamped || p.v.question.pane.top == 0 {
			t.Errorf("%v -> %v: the window started with %q, now with %q (line %d)", from, to, want, got, p.v.question.pane.top)
		}
		if q := p.v.question; !clamped {
			above := 0
			for _, l := range q.pane.lines[:q.pane.top] {
				above += letters(l)
			}
			if above > before.letters || above+letters(q.pane.lines[q.pane.top]) <= before.letters {
				t.Errorf("%v -> %v: %d letters above the window, then %d", from, to, before.letters, above)
			}
		}
		checkFits(t, p.v, "resized")
	}
}

// A status message is never cut: too long for the status line, it takes
// lines of its own above it, the body gives them up, and the frame still
// fits the terminal. The lint notice takes one line: its command whole,
// or where the command is (TestLintNoticeTakesOneLineAndNeverAWrongCommand).
func TestLongNoticesReachTheScreenWhole(t *testing.T) {
	const lensPath = "../../work/shared/aws-lenses/aws-samples__custom-lens-wa-hub__Amazon_ECS_Lens.json"
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		for _, size := range [][2]int{{80, 24}, {60, 20}, {140, 40}} {
			l := loadLens(t, src)
			l.Source = lensPath
			p := newTestProgram(t, l, nil, size[0], size[1])
			t.Run(fmt.Sprintf("%s_%dx%d", src, size[0], size[1]), func(t *testing.T) {
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), LintWarnings: 5, Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				renderHelp(p.v)
				tt := p.v.c.t
				lint := fmt.Sprintf(tt.Notice.LintWarnings, 5, lensPath)
				if size[0] < 140 {
					lint = fmt.Sprintf(tt.Notice.LintWarningsShort, 5)
				}
				steps := []struct {
					keys   []string
					notice string
				}{
					{nil, lint},
					{[]string{"n", "n", "a", "enter", "x"}, fmt.Sprintf(tt.Notice.ApplicableAgain, "OPS3")},
					{[]string{"A"}, tt.Question.AlreadyTicked},
				}
				for _, step := range steps {
					press(p, step.keys...)
					v := plainView(p)
					if !strings.Contains(squash(v), squash(step.notice)) {
						t.Errorf("%q is not on the screen whole:\n%s", step.notice, v)
					}
					if strings.Count(v, "\n")+1 != size[1] {
						t.Errorf("the frame is %d lines high:\n%s", strings.Count(v, "\n")+1, v)
					}
					checkFits(t, p.v, step.notice)
					// The status line (save state and progress) stays just
					// above the key help, the pane's bottom border above
					// the notice.
					lines := strings.Split(v, "\n")
					if st := lines[len(lines)-2]; !strings.Contains(st, "6") {
						t.Errorf("the status line is %q", st)
					}
				}
				// The notice gone, the body has its lines back.
				p.v.c.now = func() time.Time { return testNow.Add(time.Minute) }
				p.v.Refresh()
				if p.v.c.height != size[1]-1-footerLines {
					t.Errorf("the body is %d high after the notice", p.v.c.height)
				}
				checkFits(t, p.v, "after the notice")
			})
		}
	}
}

// In a wide terminal no URL line of the help pane covers a choice: at
// 140x40, on every question of the built-in and the real lenses, under
// every choice and on every page of its help, each choice on the screen
// shows as much of its title as its column holds (a URL too wide for the
// side pane puts the pane under the choices instead).
func TestURLsNeverCoverChoiceTitles(t *testing.T) {
	for _, src := range lensesToRead(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			p := newTestProgram(t, loadLens(t, src), nil, 140, 40)
			for i, it := range p.s.Snapshot().Items {
				p.v.openQuestion(i)
				renderHelp(p.v)
				for ci := range it.Question.Choices {
					p.v.question.cursor = ci
					p.v.question.pane.gotoTop()
					p.v.question = p.v.question.refreshPane()
					p.v.refresh()
					for pages := 0; ; pages++ {
						checkChoicesWhole(t, p, it.Question)
						if p.v.question.pane.atBottom() || pages > 200 {
							break
						}
						press(p, "pgdown")
					}
				}
			}
		})
	}
}

func checkChoicesWhole(t *testing.T, p *program, question *questions.Question) {
	t.Helper()
	q := p.v.question
	w := q.textWidth()
	view := plainView(p)
	for i := q.choiceTop; i < q.choiceTop+q.visibleChoices() && i < len(question.Choices); i++ {
		c := question.Choices[i]
		want := ansi.Strip(truncate(oneLine(sanitize(c.Title)), w-6))
		found := false
		for _, l := range strings.Split(view, "\n") {
			if left := ansi.Cut(l, 0, w); strings.Contains(left, "] "+want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s, under choice %d, line %d of the help: %q is cut:\n%s", question.ID, q.cursor+1, q.pane.top, want, view)
			return
		}
	}
}

// The pane stays beside the choices for a question whose help fits it,
// and goes under them for one whose help has a URL too wide for it.
func TestWideLayoutStacksOnlyQuestionsWithWideHelp(t *testing.T) {
	p := newTestProgram(t, loadLens(t, "testdata/ja.yaml"), nil, 140, 40)
	beside := map[bool]int{}
	for i := range p.s.Snapshot().Items {
		p.v.openQuestion(i)
		renderHelp(p.v)
		q := p.v.question
		beside[q.wide()]++
		pw, _ := q.paneSize()
		h := q.help[q.sideKey(i)]
		if q.wide() != (h.widest <= q.sideWidth()) || !q.wide() && pw != 140 {
			t.Errorf("question %d: beside %v, its help %d wide, the pane %d", i, q.wide(), h.widest, pw)
		}
		checkFits(t, p.v, "question")
	}
	if beside[true] == 0 || beside[false] == 0 {
		t.Errorf("beside the choices: %v", beside)
	}
}
