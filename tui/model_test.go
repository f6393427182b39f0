package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

func opsModel(t *testing.T) *Model {
	return newTestModel(t, loadLens(t, "builtin:ops"), nil, 80, 24)
}

func TestStartsAtFirstUnanswered(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "w"})
	r.Update("operationalExcellence", "OPS1", "x", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	r.Update("operationalExcellence", "OPS2", "x", testNow, func(a *review.Answer) { a.NotApplicable = true })
	m := newTestModel(t, l, r, 80, 24)
	if m.screen != screenQuestion || m.items[m.cur].q.ID != "OPS3" {
		t.Errorf("opened %v %s, want question OPS3", m.screen, m.items[m.cur].q.ID)
	}
	for _, q := range []string{"OPS3", "OPS4", "OPS5", "OPS6"} {
		r.Update("operationalExcellence", q, "x", testNow, func(a *review.Answer) { a.Selected = []string{q + "_no"} })
	}
	m = newTestModel(t, l, r, 80, 24)
	if m.screen != screenOverview {
		t.Errorf("fully answered review opened %v, want the overview", m.screen)
	}
}

func TestTickingAndRiskBadge(t *testing.T) {
	m := opsModel(t)
	if m.risk(0) != questions.Unanswered || !strings.Contains(ansi.Strip(m.View()), "unanswered") {
		t.Fatal("not unanswered at start")
	}
	press(m, "space") // OPS1_users
	if got := selected(m, "OPS1"); got != "OPS1_users" {
		t.Fatalf("selected %q", got)
	}
	if m.risk(0) != questions.HighRisk || !strings.Contains(ansi.Strip(m.View()), "HIGH") {
		t.Errorf("risk %s, badge not HIGH", m.risk(0))
	}
	press(m, "j", "x", "down", "down", "space") // OPS1_slo, OPS1_downtime
	if got := selected(m, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_downtime" {
		t.Fatalf("selected %q", got)
	}
	if m.risk(0) != questions.MediumRisk || !strings.Contains(ansi.Strip(m.View()), "MEDIUM") {
		t.Errorf("live badge: risk %s", m.risk(0))
	}
	press(m, "k", "space") // untick OPS1_budget? cursor is on downtime-1 = budget: tick it
	if got := selected(m, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_budget,OPS1_downtime" {
		t.Errorf("selected %q", got)
	}
	press(m, "space")
	if got := selected(m, "OPS1"); got != "OPS1_users,OPS1_slo,OPS1_downtime" {
		t.Errorf("untick: selected %q", got)
	}
	a := m.rev.Answers.Get("operationalExcellence", "OPS1")
	if a.AnsweredBy != "tester" || !a.UpdatedAt.Equal(testNow) {
		t.Errorf("answer not stamped: %+v", a)
	}
}

func TestNoneOfTheseIsExclusive(t *testing.T) {
	m := opsModel(t)
	press(m, "space", "j", "space") // two practices
	last := len(m.items[0].q.Choices) - 1
	for m.cursor < last {
		press(m, "j")
	}
	press(m, "space")
	if got := selected(m, "OPS1"); got != "OPS1_no" {
		t.Fatalf("None of these did not clear the others: %q", got)
	}
	if m.risk(0) != questions.HighRisk {
		t.Errorf("None of these = %s, want HIGH", m.risk(0))
	}
	press(m, "up", "space")
	if got := selected(m, "OPS1"); got != "OPS1_business" {
		t.Errorf("a practice did not clear None of these: %q", got)
	}
}

func TestNotApplicableWithReason(t *testing.T) {
	m := opsModel(t)
	press(m, "space", "a")
	if _, ok := m.dialog.(*notApplicableDialog); !ok {
		t.Fatal("no picker")
	}
	if !strings.Contains(m.View(), "Architecture constraints") {
		t.Error("picker does not list the reasons")
	}
	press(m, "j", "j", "enter")
	a := m.rev.Answers.Get("operationalExcellence", "OPS1")
	if a == nil || !a.NotApplicable || a.Reason != "ARCHITECTURE_CONSTRAINTS" || m.risk(0) != questions.NotApplicable {
		t.Fatalf("answer %+v risk %s", a, m.risk(0))
	}
	if !strings.Contains(ansi.Strip(m.View()), "Not applicable: Architecture constraints") {
		t.Error("question screen does not say it is not applicable")
	}
	// Esc leaves it as it is; the first option unmarks it.
	press(m, "a", "esc")
	if !m.rev.Answers.Get("operationalExcellence", "OPS1").NotApplicable {
		t.Error("esc changed the answer")
	}
	press(m, "a", "enter")
	if a := m.rev.Answers.Get("operationalExcellence", "OPS1"); a.NotApplicable || a.Reason != "" || m.risk(0) != questions.HighRisk {
		t.Errorf("unmark: %+v %s", a, m.risk(0))
	}
	// Ticking a choice also makes a not-applicable question applicable.
	press(m, "a", "enter", "j", "space")
	if a := m.rev.Answers.Get("operationalExcellence", "OPS1"); a.NotApplicable {
		t.Errorf("tick kept not applicable: %+v", a)
	}
}

func TestNotesEditor(t *testing.T) {
	m := opsModel(t)
	press(m, "e")
	if _, ok := m.dialog.(*notesDialog); !ok {
		t.Fatal("no notes editor")
	}
	// Letters that are keys elsewhere (q quits, g, s, a) are text here.
	typeText(m, "quiet gas")
	press(m, "enter")
	typeText(m, "日本語のメモ")
	if m.quitting || m.screen != screenQuestion || m.dialog == nil {
		t.Fatal("a key escaped the editor")
	}
	if got := m.rev.Answers.Get("operationalExcellence", "OPS1").Notes; got != "quiet gas\n日本語のメモ" {
		t.Errorf("notes applied as typed = %q", got)
	}
	press(m, "esc")
	if m.dialog != nil {
		t.Fatal("esc did not close the editor")
	}
	if !strings.Contains(ansi.Strip(m.View()), "Notes: quiet gas (+1 line)") {
		t.Errorf("notes not shown under the choices:\n%s", ansi.Strip(m.View()))
	}
	// The risk is untouched: notes alone do not answer.
	if m.risk(0) != questions.Unanswered {
		t.Errorf("risk %s", m.risk(0))
	}
	press(m, "e", "ctrl+s")
	if m.dialog != nil {
		t.Error("ctrl+s did not close the editor")
	}
}

func TestQuestionNavigation(t *testing.T) {
	m := opsModel(t)
	press(m, "n")
	if m.cur != 1 {
		t.Fatalf("n: at %d", m.cur)
	}
	press(m, "enter", "right", "l")
	if m.cur != 4 {
		t.Fatalf("enter/right/l: at %d", m.cur)
	}
	press(m, "p", "left", "h")
	if m.cur != 1 {
		t.Fatalf("p/left/h: at %d", m.cur)
	}
	press(m, "p", "p")
	if m.cur != 0 {
		t.Errorf("stepped before the first question: %d", m.cur)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Operational Excellence - 1/6") {
		t.Error("position not shown")
	}
	for i := 0; i < 5; i++ {
		press(m, "n")
	}
	press(m, "n") // past the last question: the summary
	if m.screen != screenSummary {
		t.Errorf("after the last question: screen %v", m.screen)
	}
	press(m, "esc")
	if m.screen != screenQuestion || m.cur != 5 {
		t.Errorf("esc from summary: %v %d", m.screen, m.cur)
	}
	press(m, "esc")
	if m.screen != screenOverview {
		t.Errorf("esc from a question: %v", m.screen)
	}
	press(m, "enter")
	if m.screen != screenQuestion || m.cur != 0 {
		t.Errorf("enter on the pillar: %v %d", m.screen, m.cur)
	}
}

func TestHelpPaneFocusAndScroll(t *testing.T) {
	m := opsModel(t)
	if m.pane.TotalLineCount() <= m.pane.Height {
		t.Fatalf("help too short to scroll: %d lines in %d", m.pane.TotalLineCount(), m.pane.Height)
	}
	press(m, "tab")
	if !m.paneFocus {
		t.Fatal("tab did not focus the pane")
	}
	press(m, "j", "j", "down")
	if m.pane.YOffset != 3 || m.cursor != 0 {
		t.Errorf("pane offset %d, cursor %d", m.pane.YOffset, m.cursor)
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.pane.YOffset <= 3 {
		t.Errorf("mouse wheel did not scroll: %d", m.pane.YOffset)
	}
	press(m, "tab", "j")
	if m.paneFocus || m.cursor != 1 {
		t.Errorf("tab back: focus %v cursor %d", m.paneFocus, m.cursor)
	}
	// The pane shows the highlighted choice's own help.
	if !strings.Contains(ansi.Strip(m.pane.View()), "An SLI is a measured quantity") {
		t.Errorf("choice help missing:\n%s", ansi.Strip(m.pane.View()))
	}
}

func TestNavigatorFiltersAndJumps(t *testing.T) {
	m := opsModel(t)
	press(m, "x") // OPS1: HIGH
	press(m, "n", "a", "enter")
	press(m, "g")
	if m.screen != screenNavigator || len(m.navigator.list.VisibleItems()) != 6 {
		t.Fatalf("navigator: %v, %d rows", m.screen, len(m.navigator.list.VisibleItems()))
	}
	press(m, "f")
	if n := len(m.navigator.list.VisibleItems()); n != 4 || !strings.Contains(m.View(), "unanswered") {
		t.Errorf("unanswered filter: %d rows", n)
	}
	press(m, "f")
	if n := len(m.navigator.list.VisibleItems()); n != 1 {
		t.Errorf("HIGH filter: %d rows", n)
	}
	press(m, "f", "j", "j", "j", "enter")
	if m.screen != screenQuestion || m.items[m.cur].q.ID != "OPS4" {
		t.Errorf("jump: %v %s", m.screen, m.items[m.cur].q.ID)
	}
	// Text search: while typing, letters are not commands.
	press(m, "g", "/")
	typeText(m, "evolve")
	if m.screen != screenNavigator || m.quitting {
		t.Fatal("typing left the navigator")
	}
	press(m, "enter", "enter")
	if m.screen != screenQuestion || m.items[m.cur].q.ID != "OPS6" {
		t.Errorf("search jump: %v %s", m.screen, m.items[m.cur].q.ID)
	}
	press(m, "g", "esc")
	if m.screen != screenQuestion {
		t.Errorf("esc from navigator: %v", m.screen)
	}
}

func TestSummaryListsRisksAndJumps(t *testing.T) {
	m := opsModel(t)
	press(m, "x", "n", "x", "j", "x") // OPS1 HIGH, OPS2 MEDIUM (telemetry + pipeline)
	press(m, "s")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Risk summary") || !strings.Contains(v, "HIGH and MEDIUM questions") {
		t.Fatalf("summary:\n%s", v)
	}
	rows := m.summary.list.VisibleItems()
	if len(rows) != 2 || rows[0].(row).item != 0 || rows[1].(row).item != 1 {
		t.Fatalf("rows %v", rows)
	}
	press(m, "j", "enter")
	if m.screen != screenQuestion || m.cur != 1 {
		t.Errorf("jump: %v %d", m.screen, m.cur)
	}
}

func TestHelpToggle(t *testing.T) {
	m := opsModel(t)
	press(m, "?")
	v := ansi.Strip(m.View())
	if !m.fullHelp || !strings.Contains(v, "not applicable") || !strings.Contains(v, "choices/help pane") {
		t.Fatalf("full help:\n%s", v)
	}
	press(m, "?")
	if m.fullHelp {
		t.Error("? did not close the help")
	}
	if !strings.Contains(ansi.Strip(m.View()), "space/x tick") {
		t.Error("short help missing from the footer")
	}
}

func TestSetupForm(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	m := New(Options{Review: review.New(l, review.Workload{Name: "folder"}), Lens: l, Path: path, Author: "me", Setup: true, Now: func() time.Time { return testNow }})
	m.after = noTimers
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmdNoTick(m, m.Init())
	if m.screen != screenSetup {
		t.Fatal("no setup form")
	}
	for range "folder" {
		press(m, "backspace")
	}
	typeText(m, "Payments API")
	press(m, "enter", "space", "enter")
	typeText(m, "payments-team")
	cmd := press(m, "enter")
	if m.screen != screenQuestion {
		t.Fatalf("setup did not start the review: %v", m.screen)
	}
	w := m.rev.Workload
	if w.Name != "Payments API" || w.Environment != review.PreProduction || w.Owner != "payments-team" {
		t.Errorf("workload %+v", w)
	}
	runCmdNoTick(m, cmd)
	r, err := review.Load(path)
	if err != nil || r.Workload != w {
		t.Errorf("file not created with the workload: %v %+v", err, r)
	}
}

func TestTooSmall(t *testing.T) {
	m := opsModel(t)
	m.Update(tea.WindowSizeMsg{Width: 59, Height: 30})
	if !strings.Contains(m.View(), "Terminal too small") {
		t.Error("no too-small message at 59 columns")
	}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 19})
	if !strings.Contains(m.View(), "Terminal too small") {
		t.Error("no too-small message at 19 lines")
	}
}

// Nothing overflows at any size from 60x20 up, on every screen.
func TestLayoutFits(t *testing.T) {
	// A built-in lens, a Japanese one, and an AWS custom-lens JSON file.
	for _, src := range []string{"builtin:ops", "testdata/ja.yaml", "../testdata/aws/no-default-precedence.json"} {
		m := newTestModel(t, loadLens(t, src), nil, 80, 24)
		press(m, "x", "e")
		typeText(m, "a long note "+strings.Repeat("that goes on ", 20))
		press(m, "esc")
		for _, size := range [][2]int{{60, 20}, {61, 21}, {80, 24}, {100, 30}, {109, 30}, {110, 30}, {140, 40}, {200, 60}} {
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			renderHelp(m)
			for _, step := range []struct {
				name string
				keys []string
			}{
				{"question", nil}, {"pane", []string{"tab"}}, {"n/a picker", []string{"tab", "a"}}, {"notes", []string{"esc", "e"}},
				{"navigator", []string{"esc", "g"}}, {"summary", []string{"s"}}, {"help", []string{"?"}}, {"overview", []string{"?", "esc", "esc"}},
			} {
				press(m, step.keys...)
				checkFits(t, m, src+" "+step.name)
			}
			press(m, "enter")
		}
	}
}

func TestQuitSavesFirst(t *testing.T) {
	m := opsModel(t)
	press(m, "x")
	cmd := press(m, "q")
	if !m.quitting || cmd == nil {
		t.Fatal("q did not start a save")
	}
	msg := cmd()
	if _, ok := msg.(savedMsg); !ok {
		t.Fatalf("got %T, want savedMsg", msg)
	}
	_, cmd = m.Update(msg)
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("did not quit after saving")
	}
	r, err := review.Load(m.opts.Path)
	if err != nil || r.Answers.Get("operationalExcellence", "OPS1") == nil {
		t.Errorf("answer not on disk: %v", err)
	}
	// Nothing to save: q quits at once; so does a signal.
	m2 := opsModel(t)
	if _, ok := press(m2, "ctrl+c")().(tea.QuitMsg); !ok {
		t.Error("ctrl+c did not quit")
	}
	m3 := opsModel(t)
	press(m3, "x")
	_, cmd = m3.Update(signalMsg{})
	if _, ok := cmd().(savedMsg); !ok {
		t.Error("a signal did not save")
	}
}

func TestAutosave(t *testing.T) {
	m := opsModel(t)
	var timers []time.Duration
	m.after = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		timers = append(timers, d)
		return func() tea.Msg { return fn(time.Now()) }
	}
	cmd := press(m, "x")
	if cmd == nil || !m.save.tickPending || len(timers) != 1 || timers[0] > time.Second/2 {
		t.Fatalf("no autosave within half a second scheduled: %v", timers)
	}
	msg := cmd()
	if _, ok := msg.(autosaveMsg); !ok {
		t.Fatalf("timer sent %T", msg)
	}
	// More changes while a save is pending do not schedule more timers.
	if cmd := press(m, "j", "x"); cmd != nil {
		t.Error("a second timer was scheduled")
	}
	_, cmd = m.Update(msg)
	m.Update(cmd())
	if m.save.dirty || m.save.inFlight || !strings.Contains(m.status, "saved just now") {
		t.Errorf("after save: %+v %q", m.save, ansi.Strip(m.status))
	}
	r, _ := review.Load(m.opts.Path)
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS1").Selected, ","); got != "OPS1_users,OPS1_slo" {
		t.Errorf("on disk: %q", got)
	}
}

func TestSaveFailureKeepsAnswers(t *testing.T) {
	m := opsModel(t)
	press(m, "x")
	m.opts.Path = filepath.Join(t.TempDir(), "missing-dir", "review.yaml")
	m.save.diskHash = ""
	_, cmd := m.Update(autosaveMsg{})
	msg := cmd()
	if _, ok := msg.(saveFailedMsg); !ok {
		t.Fatalf("got %T", msg)
	}
	m.Update(msg)
	if !m.save.dirty || !strings.Contains(ansi.Strip(m.status), "not saved") {
		t.Errorf("failure not shown: %q", ansi.Strip(m.status))
	}
	// Quitting with a failing save asks instead of exiting.
	_, cmd = m.Update(keyMsg("q"))
	m.Update(cmd())
	if _, ok := m.dialog.(*saveFailedDialog); !ok || m.quitting {
		t.Fatalf("no dialog after a failed save on quit: %T", m.dialog)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Could not save") {
		t.Error("dialog text")
	}
	// Fix the problem, retry: it saves and quits.
	os.MkdirAll(filepath.Dir(m.opts.Path), 0o755)
	cmd = press(m, "r")
	_, cmd = m.Update(cmd())
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("retry did not save and quit")
	}
	// Or quit anyway, which is reported.
	m2 := opsModel(t)
	m2.dialog = &saveFailedDialog{err: errors.New("disk full")}
	if _, ok := press(m2, "Q")().(tea.QuitMsg); !ok || !m2.unsaved {
		t.Error("Q did not quit marking the loss")
	}
}

// A change made outside the session to other questions is merged, and
// both sides' answers end up in the file.
func TestOutsideChangeIsMerged(t *testing.T) {
	m := opsModel(t)
	press(m, "x") // OPS1 here
	other, _ := review.Load(m.opts.Path)
	other.Update("operationalExcellence", "OPS6", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	if err := os.WriteFile(m.opts.Path, other.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(autosaveMsg{})
	msg := cmd()
	if _, ok := msg.(conflictMsg); !ok {
		t.Fatalf("save did not notice the change: %T", msg)
	}
	m.Update(msg)
	if m.dialog != nil || !strings.Contains(ansi.Strip(m.status), "merged changes") {
		t.Fatalf("not merged: dialog %T, status %q", m.dialog, ansi.Strip(m.status))
	}
	if m.rev.Answers.Get("operationalExcellence", "OPS6") == nil || m.risk(5) != questions.HighRisk {
		t.Error("their answer not in the session")
	}
	_, cmd = m.Update(autosaveMsg{})
	m.Update(cmd())
	r, _ := review.Load(m.opts.Path)
	if r.Answers.Get("operationalExcellence", "OPS1") == nil || r.Answers.Get("operationalExcellence", "OPS6") == nil {
		t.Errorf("the file lacks one side's answer: %+v", r.Answers)
	}
}

// The same question changed on both sides: the user decides.
func TestFileChangedOnDisk(t *testing.T) {
	m := opsModel(t)
	press(m, "x")
	// Someone else answers the same question differently (a git pull).
	other, _ := review.Load(m.opts.Path)
	other.Update("operationalExcellence", "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	other.Update("operationalExcellence", "OPS6", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	if err := os.WriteFile(m.opts.Path, other.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(m.opts.Path)
	_, cmd := m.Update(autosaveMsg{})
	msg := cmd()
	if _, ok := msg.(conflictMsg); !ok {
		t.Fatalf("save did not notice the change: %T", msg)
	}
	m.Update(msg)
	if after, _ := os.ReadFile(m.opts.Path); string(after) != string(before) {
		t.Fatal("the file was overwritten")
	}
	if _, ok := m.dialog.(*conflictDialog); !ok || !strings.Contains(ansi.Strip(m.View()), "changed on disk") {
		t.Fatal("no conflict dialog")
	}
	if !strings.Contains(ansi.Strip(m.View()), "OPS1") {
		t.Error("the dialog does not name the question in conflict")
	}
	// Keep mine: the next save overwrites, with our answer.
	press(m, "k")
	if m.dialog != nil || !m.save.dirty {
		t.Fatal("keep mine")
	}
	_, cmd = m.Update(autosaveMsg{})
	m.Update(cmd())
	r, _ := review.Load(m.opts.Path)
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS1").Selected, ","); got != "OPS1_users" {
		t.Errorf("keep mine wrote %q", got)
	}

	// Reload: the disk version replaces ours; found by the watcher.
	press(m, "j", "x") // a new local change to OPS1, so the next outside change conflicts
	os.WriteFile(m.opts.Path, other.Marshal(), 0o644)
	msg = m.watchCmd()()
	m.Update(msg)
	press(m, "r")
	if m.dialog != nil || m.rev.Answers.Get("operationalExcellence", "OPS6") == nil ||
		strings.Join(m.rev.Answers.Get("operationalExcellence", "OPS1").Selected, ",") != "OPS1_no" {
		t.Error("reload did not take the disk version")
	}
	if m.risk(5) != questions.HighRisk {
		t.Error("not rescored after reload")
	}
}

func TestConflictWithBrokenFile(t *testing.T) {
	m := opsModel(t)
	os.WriteFile(m.opts.Path, []byte("<<<<<<< HEAD\nwafr: 1\n"), 0o644)
	m.Update(m.watchCmd()())
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "does not load") {
		t.Fatalf("dialog:\n%s", v)
	}
	press(m, "r")
	if m.dialog == nil {
		t.Error("reload of a broken file accepted")
	}
}

func TestFastKeysAreSeparate(t *testing.T) {
	m := opsModel(t)
	typeText(m, "xjx")
	if got := selected(m, "OPS1"); got != "OPS1_users,OPS1_slo" {
		t.Errorf("grouped keys: %q", got)
	}
}

func TestMilestoneKey(t *testing.T) {
	m := opsModel(t)
	press(m, "x", "M")
	if _, ok := m.dialog.(*milestoneDialog); !ok {
		t.Fatal("M did not ask for a name")
	}
	typeText(m, "first review")
	press(m, "enter")
	if m.dialog != nil || len(m.rev.Milestones) != 1 || m.rev.Milestones[0].Name != "first review" {
		t.Fatalf("milestone not recorded: %+v", m.rev.Milestones)
	}
	if !m.save.dirty {
		t.Error("milestone not scheduled for saving")
	}
	// A duplicate name is refused in the dialog, which stays open.
	press(m, "M")
	typeText(m, "first review")
	press(m, "enter")
	if m.dialog == nil || !strings.Contains(ansi.Strip(m.View()), "already a milestone") {
		t.Error("duplicate name accepted")
	}
	press(m, "esc")
	if m.dialog != nil || len(m.rev.Milestones) != 1 {
		t.Error("esc")
	}
}

func TestCreateActionFromQuestion(t *testing.T) {
	m := opsModel(t)
	press(m, "x", "A") // OPS1_users is ticked: no action for it
	if m.dialog != nil || !strings.Contains(ansi.Strip(m.status), "A needs an unticked practice") {
		t.Fatalf("action on a ticked practice: %T %q", m.dialog, ansi.Strip(m.status))
	}
	press(m, "j", "j", "A") // OPS1_budget
	if _, ok := m.dialog.(*actionDialog); !ok {
		t.Fatal("A did not ask for owner and due date")
	}
	typeText(m, "alice")
	press(m, "tab")
	typeText(m, "2026-13-01")
	press(m, "enter")
	if m.dialog == nil || !strings.Contains(ansi.Strip(m.View()), "is not a date") {
		t.Fatal("a bad date was accepted")
	}
	for range "2026-13-01" {
		press(m, "backspace")
	}
	typeText(m, "2026-11-01")
	press(m, "enter")
	if m.dialog != nil || len(m.rev.Actions) != 1 {
		t.Fatalf("no action: %+v", m.rev.Actions)
	}
	a := m.rev.Actions[0]
	if a.ChoiceID != "OPS1_budget" || a.Owner != "alice" || a.Due != "2026-11-01" || a.Status != "open" || a.CreatedBy != "tester" {
		t.Errorf("action %+v", a)
	}
	if !m.save.dirty {
		t.Error("not scheduled for saving")
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "[ ] A1 open, alice, due 2026-11-01 overdue: An error budget") {
		t.Errorf("question screen does not list the action:\n%s", v)
	}
	press(m, "s")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Actions: 1 open, 1 overdue, 0 closed") {
		t.Errorf("summary lacks action counts:\n%s", v)
	}
}

// The full help shows every key of the screen at every size: none is cut.
func TestFullHelpShowsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 40}} {
		m := opsModel(t)
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(m, "?")
		v := ansi.Strip(m.View())
		_, full := m.bindings()
		for _, g := range full {
			for _, b := range g {
				if !strings.Contains(v, b.Help().Key) || !strings.Contains(v, b.Help().Desc) {
					t.Errorf("%dx%d: full help lacks %q %q", size[0], size[1], b.Help().Key, b.Help().Desc)
				}
			}
		}
		checkFits(t, m, "full help")
	}
}

// Quitting while the file changed on disk leaves the file alone and puts
// this session's answers beside it; so does a signal.
func TestQuitAsideWhenTheFileChanged(t *testing.T) {
	for _, how := range []string{"q", "signal"} {
		m := opsModel(t)
		press(m, "x")
		other, _ := review.Load(m.opts.Path)
		other.Update("operationalExcellence", "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
		os.WriteFile(m.opts.Path, other.Marshal(), 0o644)
		before, _ := os.ReadFile(m.opts.Path)
		m.Update(m.watchCmd()())
		if _, ok := m.dialog.(*conflictDialog); !ok {
			t.Fatal("no conflict dialog")
		}
		var cmd tea.Cmd
		if how == "q" {
			cmd = press(m, "q")
		} else {
			_, cmd = m.Update(signalMsg{})
		}
		_, cmd = m.Update(cmd())
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s: did not quit", how)
		}
		if after, _ := os.ReadFile(m.opts.Path); string(after) != string(before) {
			t.Errorf("%s: the changed file was overwritten", how)
		}
		aside, err := review.Load(m.asidePath())
		if err != nil || strings.Join(aside.Answers.Get("operationalExcellence", "OPS1").Selected, ",") != "OPS1_users" {
			t.Errorf("%s: this session's answers not kept aside: %v", how, err)
		}
	}
}

// After the program stops, unsaved answers are written, through the same
// check: a file changed meanwhile is left alone.
func TestFinalSave(t *testing.T) {
	m := opsModel(t)
	press(m, "x")
	if err := m.finalSave(); err != nil {
		t.Fatal(err)
	}
	if r, _ := review.Load(m.opts.Path); r.Answers.Get("operationalExcellence", "OPS1") == nil {
		t.Error("not saved")
	}
	m2 := opsModel(t)
	press(m2, "x")
	os.WriteFile(m2.opts.Path, []byte("wafr: 1\nlens: {id: ops}\n"), 0o644)
	if err := m2.finalSave(); !errors.Is(err, ErrUnsaved) || !strings.Contains(err.Error(), ".wafr-unsaved") {
		t.Errorf("got %v", err)
	}
	if b, _ := os.ReadFile(m2.opts.Path); string(b) != "wafr: 1\nlens: {id: ops}\n" {
		t.Error("changed file overwritten")
	}
}

// Every dialog fits every size from 60x20 up.
func TestDialogsFit(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {140, 40}} {
		m := opsModel(t)
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		long := errors.New("write /a/very/long/path/to/the/review/file/that/goes/on/and/on/review.yaml: no space left on device")
		dialogs := map[string]func(){
			"conflict":     func() { m.dialog = newConflictDialog(m, []byte("wafr: 1\nlens: {id: ops}\n")) },
			"broken":       func() { m.dialog = newConflictDialog(m, []byte("<<<<<<< HEAD\n")) },
			"save failed":  func() { m.dialog = &saveFailedDialog{err: long} },
			"milestone":    func() { m.dialog = nil; m.openMilestone() },
			"action":       func() { m.dialog = nil; m.cursor = 2; m.openAction() },
			"notes":        func() { m.dialog = nil; m.openNotes() },
			"n/a":          func() { m.dialog = newNotApplicableDialog(m) },
			"milestone ee": func() { m.dialog = &milestoneDialog{input: newTextInput(), err: long.Error()} },
		}
		for name, open := range dialogs {
			open()
			if m.dialog == nil {
				t.Fatalf("%s: no dialog", name)
			}
			m.refresh()
			checkFits(t, m, name)
			v := ansi.Strip(m.View())
			if strings.Count(v, "╭") != 1 || strings.Count(v, "╯") != 1 {
				t.Errorf("%dx%d %s: the dialog's border is cut:\n%s", size[0], size[1], name, v)
			}
		}
	}
}
