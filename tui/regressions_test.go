// Regression tests for problems a review of the text fields, milestones and
// live votes found.
package tui

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// fieldFrames draws, through renderer r, every screen and dialog with a
// text field (empty, typed into, focused and not), the key help and the
// full help.
func fieldFrames(t *testing.T, r *lipgloss.Renderer) map[string]string {
	t.Helper()
	frames := map[string]string{}
	l := loadLens(t, "builtin:ops")
	p := newTestProgram(t, l, nil, 80, 24)
	p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: r, Now: func() time.Time { return testNow }})
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	renderHelp(p.v)
	step := func(name string, keys ...string) {
		press(p, keys...)
		frames[name] = p.View()
	}
	step("question")
	step("full help", "?")
	step("notes editor", "esc", "e")
	step("notes typed", "a", "b", "enter", "c")
	step("N/A reasons", "esc", "a")
	step("N/A other", "down", "down", "down", "enter")
	step("N/A other typed", "x")
	step("milestone", "esc", "esc", "M")
	step("milestone typed", "v", "1")
	step("action owner", "esc", "A")
	step("action due", "b", "o", "b", "tab")
	step("navigator", "esc", "g")
	step("navigator search", "/")
	step("navigator search typed", "o", "p")
	p.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	step("narrow key help", "esc", "esc")

	s := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "W", Owner: "team"}), Lens: l,
		Path: t.TempDir() + "/r.yaml", Setup: true, Renderer: r, Now: func() time.Time { return testNow }})
	s.after = noTimers
	s.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmd(s, s.Init())
	frames["setup"] = s.View()
	press(s, "X", "tab", "tab")
	frames["setup owner"] = s.View()
	return frames
}

// Colour comes from the viewer's renderer in the text fields and key help
// too, whose bubbles components make their default styles with lipgloss's
// global renderer.
func TestTextFieldsColourFromTheViewer(t *testing.T) {
	before := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(before) })

	for name, f := range fieldFrames(t, testRenderer(false)) {
		if i := strings.Index(f, "\x1b["); i >= 0 {
			t.Errorf("%s: escape code in a frame without colour: %q", name, f[max(0, i-30):min(len(f), i+30)])
		}
	}
	// A colour renderer does colour, and never in the global renderer's
	// profile (true colour: the test renderer has 256).
	for name, f := range fieldFrames(t, testRenderer(true)) {
		if !strings.Contains(f, "\x1b[") {
			t.Errorf("%s: no colour with a colour renderer", name)
		}
		if i := strings.Index(f, "8;2;"); i >= 0 {
			t.Errorf("%s: true colour from the global renderer: %q", name, f[max(0, i-30):min(len(f), i+30)])
		}
	}
}

// longNotes gives each question of r notes of size bytes.
func longNotes(r *review.Review, l *questions.Lens, size int) {
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			r.Update(p.ID, q.ID, "x", testNow, func(a *review.Answer) { a.Notes = strings.Repeat("notes go on ", size/12) })
		}
	}
}

// A milestone copies every answer: on a review over half the size limit
// it is refused up front, and the session goes on saving.
func TestMilestoneTooLargeIsRefused(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "W"})
	longNotes(r, l, 1<<20) // 6 questions: about 6 MB
	p := newTestProgram(t, l, r, 80, 24)
	press(p, "M")
	typeText(p, "Q4")
	press(p, "enter")
	if n := len(p.s.Snapshot().Review.Milestones); n != 0 || p.s.Dirty() {
		t.Fatalf("milestone taken: %d milestones, dirty %v", n, p.s.Dirty())
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(plainView(p), "│", "")), " ")
	for _, want := range []string{"Milestone not saved", "with this milestone it would be 12", "review files are at most 10 MB"} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q in:\n%s", want, plainView(p))
		}
	}
	press(p, "enter", "x")
	save(p)
	if err := p.s.Snapshot().Save.Err; err != nil || p.s.Dirty() {
		t.Fatalf("the next save: %v", err)
	}
	if got := load(t, p.s.path); len(got.Milestones) != 0 || got.Answers.Get(pillar, "OPS1").Selected == nil {
		t.Errorf("on disk: %d milestones, OPS1 %+v", len(got.Milestones), got.Answers.Get(pillar, "OPS1").Selected)
	}
}

// A session too large to save still sets its answers aside whole: the
// set-aside file is a rescue copy, and refusing it would lose them.
func TestSetAsideOfATooLargeSession(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	p := newTestProgram(t, l, nil, 80, 24)
	r := p.s.Snapshot().Review.Clone()
	longNotes(r, l, 900<<10) // about 5.5 MB; the milestone doubles it
	if err := r.AddMilestone("Q4", "", l, testNow); err != nil {
		t.Fatal(err)
	}
	p.s.commit(r)
	press(p, "x")
	if err := p.s.SaveNow(); !errors.Is(err, workspace.ErrTooLarge) {
		t.Fatalf("saving %v, want too large", err)
	}
	path, err := p.s.SetAside()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := review.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	want := p.s.Snapshot().Review
	if a := got.Answers.Get(pillar, "OPS1"); a == nil || a.Notes != want.Answers.Get(pillar, "OPS1").Notes || len(a.Selected) != 1 || len(got.Milestones) != 1 {
		t.Errorf("set aside without the answers: %d milestones, OPS1 %.40v", len(got.Milestones), a)
	}
}

// Settling a vote on a question marked not applicable says that it applies
// again, as a tick does; recording the ballots alone changes nothing.
func TestSettledVoteSaysApplicableAgain(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "Live"}), Lens: l})
	s.Apply("host", NotApplicableIntent{Item: 0, Reason: "OUT_OF_SCOPE"})
	votes := []review.Vote{{By: "ann", Selected: []string{"OPS1_slo"}}}
	if res := s.Apply("host", RecordVoteIntent{Item: 0, Votes: votes}); !res.Message.Empty() || !s.Snapshot().Review.Answers.Get(pillar, "OPS1").NotApplicable {
		t.Fatalf("ballots alone: %+v, N/A %v", res.Message, s.Snapshot().Review.Answers.Get(pillar, "OPS1").NotApplicable)
	}
	res := s.Apply("host", RecordVoteIntent{Item: 0, Votes: votes, Select: []string{"OPS1_slo"}})
	if want := (Notice{Kind: NoticeApplicableAgain, Arg: "OPS1"}); res.Err != nil || res.Message != want {
		t.Errorf("settled: %+v, want %+v", res, want)
	}
	if a := s.Snapshot().Review.Answers.Get(pillar, "OPS1"); a.NotApplicable || strings.Join(a.Selected, ",") != "OPS1_slo" {
		t.Errorf("answer %+v", a)
	}
	// On an applicable question, nothing to say.
	if res := s.Apply("host", RecordVoteIntent{Item: 0, Votes: votes, Select: []string{"OPS1_slo"}}); !res.Message.Empty() {
		t.Errorf("applicable already: %+v", res.Message)
	}
	// A majority of nothing leaves an N/A question N/A, with its reason.
	s.Apply("host", NotApplicableIntent{Item: 1, Reason: "OUT_OF_SCOPE"})
	s.Apply("host", RecordVoteIntent{Item: 1, Votes: votes, Select: []string{}})
	if a := s.Snapshot().Review.Answers.Get(pillar, "OPS2"); !a.NotApplicable || a.Reason != "OUT_OF_SCOPE" || len(a.Votes) != 1 {
		t.Errorf("after a vote that settled on nothing: %+v", a)
	}
}
