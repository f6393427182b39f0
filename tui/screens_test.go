package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

func TestStartsAtFirstUnanswered(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "w"})
	r.Update(pillar, "OPS1", "x", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	r.Update(pillar, "OPS2", "x", testNow, func(a *review.Answer) { a.NotApplicable = true })
	p := newTestProgram(t, l, r, 80, 24)
	if p.v.current != screenQuestion || current(p) != "OPS3" {
		t.Errorf("opened %v %s, want question OPS3", p.v.current, current(p))
	}
	for _, q := range []string{"OPS3", "OPS4", "OPS5", "OPS6"} {
		r.Update(pillar, q, "x", testNow, func(a *review.Answer) { a.Selected = []string{q + "_no"} })
	}
	p = newTestProgram(t, l, r, 80, 24)
	if p.v.current != screenOverview {
		t.Errorf("fully answered review opened %v, want the overview", p.v.current)
	}
}

func TestTickingAndRiskBadge(t *testing.T) {
	p := opsProgram(t)
	risk := func() questions.Risk { return p.s.Snapshot().Risk(0) }
	if risk() != questions.Unanswered || !strings.Contains(plainView(p), "unanswered") {
		t.Fatal("not unanswered at start")
	}
	press(p, "space") // OPS1_users
	if got := selected(p, "OPS1"); got != "OPS1_users" {
		t.Fatalf("selected %q", got)
	}
	if risk() != questions.HighRisk || !strings.Contains(plainView(p), "HIGH") {
		t.Errorf("risk %s, badge not HIGH", risk())
	}
	press(p, "j", "x", "down", "down", "space") // OPS1_slo, OPS1_downtime
	if got := selected(p, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_downtime" {
		t.Fatalf("selected %q", got)
	}
	if risk() != questions.MediumRisk || !strings.Contains(plainView(p), "MEDIUM") {
		t.Errorf("live badge: risk %s", risk())
	}
	press(p, "k", "space") // the cursor is on OPS1_budget: tick it
	if got := selected(p, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_budget,OPS1_downtime" {
		t.Errorf("selected %q", got)
	}
	press(p, "space")
	if got := selected(p, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_downtime" {
		t.Errorf("untick: selected %q", got)
	}
	a := answer(p, "OPS1")
	if a.AnsweredBy != "tester" || !a.UpdatedAt.Equal(testNow) {
		t.Errorf("answer not stamped: %+v", a)
	}
}

func TestNoneOfTheseIsExclusive(t *testing.T) {
	p := opsProgram(t)
	press(p, "space", "j", "space") // two practices
	for p.v.question.cursor < len(p.s.Snapshot().Items[0].Question.Choices)-1 {
		press(p, "j")
	}
	press(p, "space")
	if got := selected(p, "OPS1"); got != "OPS1_no" {
		t.Fatalf("None of these did not clear the others: %q", got)
	}
	if r := p.s.Snapshot().Risk(0); r != questions.HighRisk {
		t.Errorf("None of these = %s, want HIGH", r)
	}
	press(p, "up", "space")
	if got := selected(p, "OPS1"); got != "OPS1_business" {
		t.Errorf("a practice did not clear None of these: %q", got)
	}
}

func TestNotApplicableWithReason(t *testing.T) {
	p := opsProgram(t)
	press(p, "space", "a")
	if _, ok := topDialog(p.v).(notApplicableDialog); !ok {
		t.Fatal("no picker")
	}
	if !strings.Contains(p.View(), "Architecture constraints") {
		t.Error("picker does not list the reasons")
	}
	press(p, "j", "j", "enter")
	a := answer(p, "OPS1")
	if a == nil || !a.NotApplicable || a.Reason != "ARCHITECTURE_CONSTRAINTS" || p.s.Snapshot().Risk(0) != questions.NotApplicable {
		t.Fatalf("answer %+v", a)
	}
	if !strings.Contains(plainView(p), "Not applicable: Architecture constraints") {
		t.Error("question screen does not say it is not applicable")
	}
	// Esc leaves it as it is; the first option unmarks it.
	press(p, "a", "esc")
	if !answer(p, "OPS1").NotApplicable {
		t.Error("esc changed the answer")
	}
	press(p, "a", "enter")
	if a := answer(p, "OPS1"); a.NotApplicable || a.Reason != "" || p.s.Snapshot().Risk(0) != questions.HighRisk {
		t.Errorf("unmark: %+v", a)
	}
	// Ticking a choice makes a not-applicable question applicable, and says so.
	press(p, "a", "enter", "j", "space")
	if a := answer(p, "OPS1"); a.NotApplicable {
		t.Errorf("tick kept not applicable: %+v", a)
	}
	if !strings.Contains(plainView(p), "applicable again") {
		t.Errorf("the tick dropped the reason silently:\n%s", plainView(p))
	}
}

func TestNotesEditor(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	if _, ok := topDialog(p.v).(notesDialog); !ok {
		t.Fatal("no notes editor")
	}
	// Letters that are keys elsewhere (q quits, g, s, a) are text here.
	typeText(p, "quiet gas")
	press(p, "enter")
	typeText(p, "日本語のメモ")
	if p.quitting || p.v.current != screenQuestion || len(p.v.dialogs) == 0 {
		t.Fatal("a key escaped the editor")
	}
	if got := answer(p, "OPS1").Notes; got != "quiet gas\n日本語のメモ" {
		t.Errorf("notes applied as typed = %q", got)
	}
	press(p, "esc")
	if len(p.v.dialogs) != 0 {
		t.Fatal("esc did not close the editor")
	}
	if !strings.Contains(plainView(p), "Notes: quiet gas (+1 line)") {
		t.Errorf("notes not shown under the choices:\n%s", plainView(p))
	}
	if r := p.s.Snapshot().Risk(0); r != questions.Unanswered {
		t.Errorf("notes alone answered the question: %s", r)
	}
	press(p, "e", "ctrl+s")
	if len(p.v.dialogs) != 0 {
		t.Error("ctrl+s did not close the editor")
	}
}

func TestQuestionNavigation(t *testing.T) {
	p := opsProgram(t)
	at := func() int { return p.v.question.cur }
	press(p, "n")
	if at() != 1 {
		t.Fatalf("n: at %d", at())
	}
	press(p, "enter", "right", "l")
	if at() != 4 {
		t.Fatalf("enter/right/l: at %d", at())
	}
	press(p, "p", "left", "h")
	if at() != 1 {
		t.Fatalf("p/left/h: at %d", at())
	}
	press(p, "p", "p")
	if at() != 0 {
		t.Errorf("stepped before the first question: %d", at())
	}
	if !strings.Contains(plainView(p), "Operational Excellence - 1/6") {
		t.Error("position not shown")
	}
	press(p, "n", "n", "n", "n", "n", "n") // past the last question: the summary
	if p.v.current != screenSummary {
		t.Errorf("after the last question: screen %v", p.v.current)
	}
	press(p, "esc")
	if p.v.current != screenQuestion || at() != 5 {
		t.Errorf("esc from summary: %v %d", p.v.current, at())
	}
	press(p, "esc")
	if p.v.current != screenOverview {
		t.Errorf("esc from a question: %v", p.v.current)
	}
	press(p, "enter")
	if p.v.current != screenQuestion || at() != 0 {
		t.Errorf("enter on the pillar: %v %d", p.v.current, at())
	}
}

func TestHelpPaneFocusAndScroll(t *testing.T) {
	p := opsProgram(t)
	q := func() questionScreen { return p.v.question }
	if len(q().pane.lines) <= q().pane.height {
		t.Fatalf("help too short to scroll: %d lines in %d", len(q().pane.lines), q().pane.height)
	}
	press(p, "tab")
	if !q().paneFocus {
		t.Fatal("tab did not focus the pane")
	}
	press(p, "j", "j", "down")
	if q().pane.top != 3 || q().cursor != 0 {
		t.Errorf("pane offset %d, cursor %d", q().pane.top, q().cursor)
	}
	p.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if q().pane.top <= 3 {
		t.Errorf("mouse wheel did not scroll: %d", q().pane.top)
	}
	press(p, "tab", "j")
	if q().paneFocus || q().cursor != 1 {
		t.Errorf("tab back: focus %v cursor %d", q().paneFocus, q().cursor)
	}
	if pane := ansi.Strip(strings.Join(q().pane.visible(), "\n")); !strings.Contains(pane, "An SLI is a measured quantity") {
		t.Errorf("choice help missing:\n%s", pane)
	}
}

func TestNavigatorFiltersAndJumps(t *testing.T) {
	p := opsProgram(t)
	rows := func() int { return len(questionRows(p.v.navigator.list)) }
	press(p, "x") // OPS1: HIGH
	press(p, "n", "a", "enter")
	press(p, "g")
	if p.v.current != screenNavigator || rows() != 6 {
		t.Fatalf("navigator: %v, %d rows", p.v.current, rows())
	}
	press(p, "f")
	if rows() != 4 || !strings.Contains(p.View(), "unanswered") {
		t.Errorf("unanswered filter: %d rows", rows())
	}
	press(p, "f")
	if rows() != 1 {
		t.Errorf("HIGH filter: %d rows", rows())
	}
	press(p, "f", "j", "j", "j", "enter")
	if p.v.current != screenQuestion || current(p) != "OPS4" {
		t.Errorf("jump: %v %s", p.v.current, current(p))
	}
	// Text search: while typing, letters are not commands.
	press(p, "g", "/")
	typeText(p, "evolve")
	if p.v.current != screenNavigator || p.quitting {
		t.Fatal("typing left the navigator")
	}
	press(p, "enter") // one enter opens the match
	if p.v.current != screenQuestion || current(p) != "OPS6" {
		t.Errorf("search jump: %v %s", p.v.current, current(p))
	}
	press(p, "g", "esc")
	if p.v.current != screenQuestion {
		t.Errorf("esc from navigator: %v", p.v.current)
	}
}

func TestSummaryListsRisksAndJumps(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "n", "x", "j", "x") // OPS1 HIGH, OPS2 MEDIUM (telemetry + pipeline)
	press(p, "s")
	v := plainView(p)
	if !strings.Contains(v, "Risk summary") || !strings.Contains(v, "HIGH and MEDIUM questions") {
		t.Fatalf("summary:\n%s", v)
	}
	rows := questionRows(p.v.summary.list)
	if len(rows) != 2 || rows[0] != 0 || rows[1] != 1 {
		t.Fatalf("rows %v", rows)
	}
	press(p, "j", "enter")
	if p.v.current != screenQuestion || p.v.question.cur != 1 {
		t.Errorf("jump: %v %d", p.v.current, p.v.question.cur)
	}
}

func TestHelpToggle(t *testing.T) {
	p := opsProgram(t)
	press(p, "?")
	v := plainView(p)
	if !p.v.helpOpen || !strings.Contains(v, "not applicable") || !strings.Contains(v, "choices/help pane") {
		t.Fatalf("full help:\n%s", v)
	}
	press(p, "?")
	if p.v.helpOpen {
		t.Error("? did not close the help")
	}
	if !strings.Contains(plainView(p), "space/x tick") {
		t.Error("short help missing from the footer")
	}
}

// The full help shows every key of the screen at every size: none is cut.
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 40}} {
		p := opsProgram(t)
		p.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(p, "?")
		v := plainView(p)
		_, full := p.v.belowOverlay()
		for _, g := range full {
			for _, b := range g {
				if !strings.Contains(v, b.Help().Key) || !strings.Contains(v, b.Help().Desc) {
					t.Errorf("%dx%d: full help lacks %q %q", size[0], size[1], b.Help().Key, b.Help().Desc)
				}
			}
		}
		checkFits(t, p.v, "full help")
	}
}

func TestMilestoneKey(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "M")
	if d, ok := topDialog(p.v).(textDialog); !ok || d.title != p.v.c.t.Mile.Title {
		t.Fatal("M did not ask for a name")
	}
	if v := strings.Join(strings.Fields(plainView(p)), ""); !strings.Contains(v, "review.yaml@NAME") || strings.Contains(v, "FILE") {
		t.Errorf("the hint does not name the file:\n%s", plainView(p))
	}
	typeText(p, "first review")
	press(p, "enter")
	ms := p.s.Snapshot().Review.Milestones
	if len(p.v.dialogs) != 0 || len(ms) != 1 || ms[0].Name != "first review" {
		t.Fatalf("milestone not recorded: %+v", ms)
	}
	if !p.s.Dirty() {
		t.Error("milestone not scheduled for saving")
	}
	// A duplicate name is refused in the dialog, which stays open.
	press(p, "M")
	typeText(p, "first review")
	press(p, "enter")
	if len(p.v.dialogs) == 0 || !strings.Contains(plainView(p), "already a milestone") {
		t.Error("duplicate name accepted")
	}
	press(p, "esc")
	if len(p.v.dialogs) != 0 || len(p.s.Snapshot().Review.Milestones) != 1 {
		t.Error("esc")
	}
}

func TestCreateActionFromQuestion(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "A") // OPS1_users is ticked: no action for it
	if len(p.v.dialogs) != 0 || !strings.Contains(plainView(p), "already ticked: no action needed") {
		t.Fatalf("action on a ticked practice: %v\n%s", p.v.dialogs, plainView(p))
	}
	press(p, "j", "j", "A") // OPS1_budget
	if _, ok := topDialog(p.v).(actionDialog); !ok {
		t.Fatal("A did not ask for owner and due date")
	}
	typeText(p, "alice")
	press(p, "tab")
	typeText(p, "2026-13-01")
	press(p, "enter")
	if len(p.v.dialogs) == 0 || !strings.Contains(plainView(p), "is not a date") {
		t.Fatal("a bad date was accepted")
	}
	for range "2026-13-01" {
		press(p, "backspace")
	}
	typeText(p, "2026-11-01")
	press(p, "enter")
	acts := p.s.Snapshot().Review.Actions
	if len(p.v.dialogs) != 0 || len(acts) != 1 {
		t.Fatalf("no action: %+v", acts)
	}
	a := acts[0]
	if a.ChoiceID != "OPS1_budget" || a.Owner != "alice" || a.Due != "2026-11-01" || a.Status != "open" || a.CreatedBy != "tester" {
		t.Errorf("action %+v", a)
	}
	if !p.s.Dirty() {
		t.Error("not scheduled for saving")
	}
	v := plainView(p)
	if !strings.Contains(v, "[ ] A1 open, alice, due 2026-11-01 overdue: An error budget") {
		t.Errorf("question screen does not list the action:\n%s", v)
	}
	// "None of these" has nothing to adopt.
	for p.v.question.cursor < len(p.s.Snapshot().Items[0].Question.Choices)-1 {
		press(p, "j")
	}
	press(p, "A")
	if len(p.v.dialogs) != 0 || !strings.Contains(plainView(p), "nothing to adopt") {
		t.Errorf("A on None of these:\n%s", plainView(p))
	}
	press(p, "s")
	if v := plainView(p); !strings.Contains(v, "Actions: 1 open, 1 overdue, 0 done, 0 accepted as risk") {
		t.Errorf("summary lacks action counts:\n%s", v)
	}
}
