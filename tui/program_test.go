package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

func TestQuitSavesFirst(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	cmd := press(p, "q")
	if !p.quitting || cmd == nil {
		t.Fatal("q did not start a save")
	}
	if !runCmd(p, cmd) {
		t.Fatal("did not quit after saving")
	}
	if r := load(t, p.s.path); r.Answers.Get(pillar, "OPS1") == nil {
		t.Error("answer not on disk")
	}
	// Nothing to save: q and ctrl+c quit at once; a signal saves first.
	for _, k := range []string{"q", "ctrl+c"} {
		if p := opsProgram(t); !runCmd(p, press(p, k)) {
			t.Errorf("%s did not quit", k)
		}
	}
	p = opsProgram(t)
	press(p, "x")
	_, cmd = p.Update(signalMsg{})
	if !runCmd(p, cmd) || load(t, p.s.path).Answers.Get(pillar, "OPS1") == nil {
		t.Error("a signal did not save and quit")
	}
}

func TestAutosave(t *testing.T) {
	p := opsProgram(t)
	var timers []time.Duration
	p.after = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		timers = append(timers, d)
		return func() tea.Msg { return fn(time.Now()) }
	}
	cmd := press(p, "x")
	if cmd == nil || !p.savePending || len(timers) != 1 || timers[0] > time.Second/2 {
		t.Fatalf("no autosave within half a second scheduled: %v", timers)
	}
	// More changes while a save is pending do not schedule more timers.
	if cmd := press(p, "j", "x"); cmd != nil {
		t.Error("a second timer was scheduled")
	}
	runCmd(p, cmd)
	if p.s.Dirty() || !strings.Contains(p.v.status, "saved just now") {
		t.Errorf("after save: %+v %q", p.s.save, p.v.status)
	}
	if got := strings.Join(load(t, p.s.path).Answers.Get(pillar, "OPS1").Selected, ","); got != "OPS1_users,OPS1_slo" {
		t.Errorf("on disk: %q", got)
	}
}

func TestSaveFailureKeepsAnswers(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	good := p.s.path
	p.s.path = filepath.Join(t.TempDir(), "missing-dir", "review.yaml")
	save(p)
	if !p.s.Dirty() || !strings.Contains(p.v.status, "not saved") {
		t.Errorf("failure not shown: %q", p.v.status)
	}
	// Quitting with a failing save asks instead of exiting.
	if runCmd(p, press(p, "q")) {
		t.Fatal("quit although the save failed")
	}
	if _, ok := topDialog(p.v).(saveFailedDialog); !ok || p.quitting {
		t.Fatalf("no dialog after a failed save on quit: %T", topDialog(p.v))
	}
	if !strings.Contains(plainView(p), "Could not save") {
		t.Error("dialog text")
	}
	// Fix the problem, retry: it saves and quits.
	os.MkdirAll(filepath.Dir(p.s.path), 0o755)
	if !runCmd(p, press(p, "r")) {
		t.Error("retry did not save and quit")
	}
	// Or quit anyway, which is reported.
	p = opsProgram(t)
	press(p, "x")
	p.s.path = filepath.Join(t.TempDir(), "missing-dir", "review.yaml")
	runCmd(p, press(p, "q"))
	if !runCmd(p, press(p, "Q")) || !p.unsaved || !errors.Is(p.finish(nil), ErrUnsaved) {
		t.Error("Q did not quit marking the loss")
	}
	_ = good
}

// With an earlier set-aside file beside the review, the dialog names the
// one the answers will go to (-2), not the one already taken.
func TestSaveFailureDialogNamesTheFreeAsideFile(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	if err := os.WriteFile(p.s.path+".wafr-unsaved", []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(p.s.path)
	os.Mkdir(p.s.path, 0o755)
	runCmd(p, press(p, "q"))
	if view := plainView(p); !strings.Contains(view, "review.yaml.wafr-unsaved-2") {
		t.Fatalf("the dialog does not name the free set-aside file:\n%s", view)
	}
	if !runCmd(p, press(p, "q")) {
		t.Fatal("q in the dialog did not quit")
	}
	if err := p.finish(nil); !strings.Contains(fmt.Sprint(err), ".wafr-unsaved-2") {
		t.Fatalf("finish: %v, want the -2 file named", err)
	}
}

// Quitting when the file cannot be saved has a way out that keeps the
// answers: q sets them aside beside the file, as the dialog says.
func TestSaveFailureQuitSetsTheAnswersAside(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	// The file becomes a folder: it cannot be saved, but beside it can.
	os.Remove(p.s.path)
	os.Mkdir(p.s.path, 0o755)
	if runCmd(p, press(p, "q")) {
		t.Fatal("quit although the save failed")
	}
	if view := plainView(p); !strings.Contains(view, "review.yaml.wafr-unsaved") {
		t.Fatalf("the dialog does not name where the answers would go:\n%s", view)
	}
	if !runCmd(p, press(p, "q")) {
		t.Fatal("q in the dialog did not quit")
	}
	err := p.finish(nil)
	if !errors.Is(err, ErrUnsaved) || !strings.Contains(fmt.Sprint(err), ".wafr-unsaved") {
		t.Fatalf("finish: %v, want the set-aside file named", err)
	}
	if got := load(t, p.s.path+".wafr-unsaved").Answers.Get(pillar, "OPS1"); got == nil || len(got.Selected) == 0 {
		t.Fatalf("the set-aside file holds %+v, want the tick", got)
	}
}

// A save that fails after a signal never waits for a key: the answers are
// put aside and the program ends (issue 14, item 10).
func TestSignalWithFailingSaveSetsAside(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	dir := filepath.Dir(p.s.path)
	// The file becomes a folder: it cannot be saved, but beside it can.
	os.Remove(p.s.path)
	os.Mkdir(p.s.path, 0o755)
	_, cmd := p.Update(signalMsg{})
	if !runCmd(p, cmd) {
		t.Fatalf("the program did not end; dialogs %v", p.v.dialogs)
	}
	err := p.finish(nil)
	if !errors.Is(err, ErrUnsaved) || !strings.Contains(err.Error(), ".wafr-unsaved") {
		t.Fatalf("finish: %v", err)
	}
	if r := load(t, filepath.Join(dir, "review.yaml.wafr-unsaved")); strings.Join(r.Answers.Get(pillar, "OPS1").Selected, ",") != "OPS1_users" {
		t.Error("the set-aside file lacks the answer")
	}
}

// A change made outside the session to other questions is merged, and
// both sides' answers end up in the file.
func TestOutsideChangeIsMerged(t *testing.T) {
	p := opsProgram(t)
	press(p, "x") // OPS1 here
	other := load(t, p.s.path)
	other.Update(pillar, "OPS6", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	writeOutside(t, p.s.path, other)
	save(p)
	if len(p.v.dialogs) != 0 || !strings.Contains(p.v.status, "merged changes") {
		t.Fatalf("not merged: dialogs %v, status %q", p.v.dialogs, p.v.status)
	}
	if answer(p, "OPS6") == nil || p.s.Snapshot().Risk(5) != questions.HighRisk {
		t.Error("their answer not in the session")
	}
	r := load(t, p.s.path)
	if r.Answers.Get(pillar, "OPS1") == nil || r.Answers.Get(pillar, "OPS6") == nil {
		t.Errorf("the file lacks one side's answer: %+v", r.Answers)
	}
	// The watcher finds a change on its own too, with nothing of ours to save.
	other = load(t, p.s.path)
	other.Update(pillar, "OPS5", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS5_no"} })
	writeOutside(t, p.s.path, other)
	watch(p)
	if answer(p, "OPS5") == nil {
		t.Error("the watcher did not bring their answer in")
	}
}

// The same question changed on both sides: the user decides. Keep mine
// settles only that question our way (issue 14, item 1).
func TestFileChangedOnDisk(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	other := load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	other.Update(pillar, "OPS6", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	other.AddMilestone("theirs", "", p.s.lens, testNow)
	writeOutside(t, p.s.path, other)
	before, _ := os.ReadFile(p.s.path)
	save(p)
	if after, _ := os.ReadFile(p.s.path); string(after) != string(before) {
		t.Fatal("the file was overwritten")
	}
	if _, ok := topDialog(p.v).(conflictDialog); !ok || !strings.Contains(plainView(p), "changed on disk") {
		t.Fatal("no conflict dialog")
	}
	if !strings.Contains(plainView(p), "OPS1") {
		t.Error("the dialog does not name the question in conflict")
	}
	press(p, "k")
	if len(p.v.dialogs) != 0 || !p.s.Dirty() {
		t.Fatal("keep mine")
	}
	save(p)
	r := load(t, p.s.path)
	if got := strings.Join(r.Answers.Get(pillar, "OPS1").Selected, ","); got != "OPS1_users" {
		t.Errorf("keep mine wrote %q", got)
	}
	if r.Answers.Get(pillar, "OPS6") == nil || r.Milestone("theirs") == nil {
		t.Error("keep mine dropped their other answer or their milestone")
	}

	// Reload: the disk version replaces ours; found by the watcher.
	press(p, "j", "x") // a local change to OPS1, so the next outside change conflicts
	other = load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	watch(p)
	press(p, "r")
	if len(p.v.dialogs) != 0 || selected(p, "OPS1") != "OPS1_no" || answer(p, "OPS6") == nil {
		t.Error("reload did not take the disk version")
	}
	if p.s.Snapshot().Risk(0) != questions.HighRisk {
		t.Error("not rescored after reload")
	}
}

func TestConflictWithBrokenFile(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	broken := "<<<<<<< HEAD\nwafr: 1\n"
	os.WriteFile(p.s.path, []byte(broken), 0o644)
	watch(p)
	if v := plainView(p); !strings.Contains(v, "does not load") {
		t.Fatalf("dialog:\n%s", v)
	}
	press(p, "r", "k")
	if len(p.v.dialogs) == 0 {
		t.Error("reload or keep of a broken file accepted")
	}
	if b, _ := os.ReadFile(p.s.path); string(b) != broken {
		t.Error("a file that does not load was overwritten")
	}
	// Keep working; once the file is fixed, saving resumes.
	press(p, "esc")
	fixed := review.New(p.s.lens, review.Workload{Name: "fixed"})
	writeOutside(t, p.s.path, fixed)
	watch(p)
	if r := load(t, p.s.path); r.Answers.Get(pillar, "OPS1") == nil || r.Workload.Name != "fixed" {
		t.Errorf("after the fix: %+v", r)
	}
}

// The open file deleted meanwhile is written again at the next save, and
// the status line says so rather than nothing.
func TestDeletedFileIsWrittenAgainAndSaid(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	save(p)
	os.Remove(p.s.path)
	press(p, "j", "x")
	save(p)
	if v := plainView(p); !strings.Contains(v, "was deleted meanwhile") {
		t.Errorf("the screen does not say the file was written again:\n%s", v)
	}
	if r := load(t, p.s.path); r.Answers.Get(pillar, "OPS1") == nil {
		t.Errorf("the file written again lacks the answers: %+v", r.Answers)
	}
}

// A review of another lens moved over the open file is not merged: the
// session keeps its answers, the file is left as it is, and q sets the
// answers aside.
func TestAnotherLensReviewOverTheFileIsNotMerged(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	other, err := workspace.New().Lens("builtin:users")
	if err != nil {
		t.Fatal(err)
	}
	theirs := review.New(other, review.Workload{Name: "ecs"})
	workspace.RecordLens(theirs, other, p.s.path)
	writeOutside(t, p.s.path, theirs)
	replaced := mustRead(t, p.s.path)
	watch(p)
	if v := strings.Join(strings.Fields(plainView(p)), " "); !strings.Contains(v, "another lens") || strings.Contains(v, "does not load") || !strings.Contains(v, "becomes this review") {
		t.Fatalf("the screen does not say the file is now another review (it loads):\n%s", v)
	}
	if answer(p, "OPS1") == nil {
		t.Fatal("the session's answer is gone")
	}
	if now := mustRead(t, p.s.path); string(now) != string(replaced) {
		t.Fatal("the review of another lens was written over")
	}
	if !runCmd(p, press(p, "q")) {
		t.Fatal("q in the dialog did not quit")
	}
	if err := p.finish(nil); !errors.Is(err, ErrUnsaved) {
		t.Fatalf("finish: %v, want the answers set aside", err)
	}
	if got := load(t, p.s.path+".wafr-unsaved").Answers.Get(pillar, "OPS1"); got == nil {
		t.Error("q did not set the session's answers aside")
	}
	// Ended another way (a signal), the message says what the file is now.
	p2 := opsProgram(t)
	press(p2, "x")
	writeOutside(t, p2.s.path, theirs)
	watch(p2)
	if err := p2.s.SaveNow(); err == nil || strings.Contains(err.Error(), "does not load") || !strings.Contains(err.Error(), "another lens") {
		t.Errorf("SaveNow: %v, want it to say the file is another review", err)
	}
}

// Quitting while the file changed on disk leaves the file alone and puts
// this session's answers beside it; so does a signal. A second set-aside
// never replaces the first (issue 14, item 9).
func TestQuitAsideWhenTheFileChanged(t *testing.T) {
	dir := t.TempDir()
	for i, how := range []string{"q", "signal"} {
		p := opsProgram(t)
		path := filepath.Join(dir, "review.yaml")
		if i == 0 {
			os.Rename(p.s.path, path)
		} else {
			writeOutside(t, path, load(t, p.s.path).Clone())
		}
		p.s.path = path
		p.s.save.hash = workspace.Hash(mustRead(t, path))
		press(p, "x")
		other := load(t, path)
		other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
		writeOutside(t, path, other)
		before, _ := os.ReadFile(path)
		watch(p)
		if _, ok := topDialog(p.v).(conflictDialog); !ok {
			t.Fatal("no conflict dialog")
		}
		var cmd tea.Cmd
		if how == "q" {
			cmd = press(p, "q")
		} else {
			_, cmd = p.Update(signalMsg{})
		}
		if !runCmd(p, cmd) {
			t.Fatalf("%s: did not quit", how)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s: the changed file was overwritten", how)
		}
		want := []string{path + ".wafr-unsaved", path + ".wafr-unsaved-2"}[i]
		if err := p.finish(nil); !errors.Is(err, ErrUnsaved) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", how, err)
		}
		if aside := load(t, want); strings.Join(aside.Answers.Get(pillar, "OPS1").Selected, ",") != "OPS1_users" {
			t.Errorf("%s: this session's answers not kept aside", how)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// After the program stops, unsaved answers are written, through the same
// checks: a file changed meanwhile is left alone.
func TestFinish(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	if err := p.finish(nil); err != nil {
		t.Fatal(err)
	}
	if load(t, p.s.path).Answers.Get(pillar, "OPS1") == nil {
		t.Error("not saved")
	}
	// A change to another question is merged; one to the same question
	// leaves the file alone and puts ours aside.
	p = opsProgram(t)
	press(p, "x")
	other := load(t, p.s.path)
	other.Update(pillar, "OPS6", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	writeOutside(t, p.s.path, other)
	if err := p.finish(nil); err != nil {
		t.Fatal(err)
	}
	if r := load(t, p.s.path); r.Answers.Get(pillar, "OPS1") == nil || r.Answers.Get(pillar, "OPS6") == nil {
		t.Error("not merged")
	}
	p = opsProgram(t)
	press(p, "x")
	other = load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	before := mustRead(t, p.s.path)
	if err := p.finish(nil); !errors.Is(err, ErrUnsaved) || !strings.Contains(err.Error(), ".wafr-unsaved") {
		t.Errorf("got %v", err)
	}
	if b := mustRead(t, p.s.path); string(b) != string(before) {
		t.Error("changed file overwritten")
	}
}

func TestSetupForm(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	path := filepath.Join(t.TempDir(), "new.yaml")
	p := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "folder"}), Lens: l, Path: path,
		Author: func() string { return "me" }, Setup: true, Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	p.after = noTimers
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmd(p, p.Init())
	if p.v.current != screenSetup {
		t.Fatal("no setup form")
	}
	for range "folder" {
		press(p, "backspace")
	}
	typeText(p, "Payments API")
	press(p, "enter", "space", "enter")
	typeText(p, "payments-team")
	press(p, "enter")
	if p.v.current != screenQuestion {
		t.Fatalf("setup did not start the review: %v", p.v.current)
	}
	w := p.s.Snapshot().Review.Workload
	if w.Name != "Payments API" || w.Environment != review.PreProduction || w.Owner != "payments-team" {
		t.Errorf("workload %+v", w)
	}
	save(p)
	if r := load(t, path); r.Workload != w {
		t.Errorf("file not created with the workload: %+v", r)
	}
	// Leaving the form creates nothing.
	path2 := filepath.Join(t.TempDir(), "never.yaml")
	p = newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "x"}), Lens: l, Path: path2, Setup: true, Renderer: testRenderer(false)})
	p.after = noTimers
	if !runCmd(p, press(p, "esc")) {
		t.Error("esc did not leave the form")
	}
	if err := p.finish(nil); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(path2); err == nil {
		t.Error("a file was created")
	}
}
