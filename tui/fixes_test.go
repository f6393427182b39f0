package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
)

// Reload takes the file's answers to the questions both sides changed,
// and keeps this session's other changes.
func TestReloadKeepsUnconflictingChanges(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "n", "x") // OPS1 and OPS2, unsaved
	other := load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	save(p)
	press(p, "r")
	if selected(p, "OPS1") != "OPS1_no" || selected(p, "OPS2") == "" {
		t.Fatalf("after reload: OPS1 %q, OPS2 %q", selected(p, "OPS1"), selected(p, "OPS2"))
	}
	save(p)
	if r := load(t, p.s.path); r.Answers.Get(pillar, "OPS2") == nil {
		t.Error("OPS2 never reached the file")
	}
}

// The conflict dialog never opens over a text field being typed in: the
// next letters would answer it.
func TestConflictWaitsForTheTypist(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "e")
	typeText(p, "wo")
	other := load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	save(p)
	typeText(p, "rk")
	if got := answer(p, "OPS1").Notes; got != "work" {
		t.Fatalf("the typed letters went elsewhere: notes %q", got)
	}
	if _, ok := topDialog(p.v).(notesDialog); !ok {
		t.Fatalf("the editor lost the keys to %T", topDialog(p.v))
	}
	press(p, "esc")
	if _, ok := topDialog(p.v).(conflictDialog); !ok {
		t.Errorf("the conflict was not asked once the editor closed: %T", topDialog(p.v))
	}
}

// A change made here while a save merged someone else's change to the
// same question is a conflict, asked about, never silently ours.
func TestChangeDuringASaveConflicts(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	job := p.s.StartSave(false) // the save starts…
	other := load(t, p.s.path)
	other.Update(pillar, "OPS2", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS2_no"} })
	writeOutside(t, p.s.path, other)
	press(p, "n", "x")               // …this session ticks OPS2 meanwhile…
	p.Update(saveDoneMsg{job.Run()}) // …and it merged bob's OPS2
	if c := p.s.Snapshot().Conflict; c == nil || strings.Join(c.Questions, ",") != "OPS2" {
		t.Fatalf("conflict %+v", c)
	}
}

// Keep mine holds for the version of the file it was chosen on: a later
// conflict is asked again.
func TestKeepMineIsNotSticky(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	other := load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	save(p)
	press(p, "k")
	// Before that save, the file changes again: OPS1 once more.
	other.Update(pillar, "OPS1", "carl", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_slo"} })
	writeOutside(t, p.s.path, other)
	save(p)
	if c := p.s.Snapshot().Conflict; c == nil {
		t.Fatal("a second conflict was settled by the first keep-mine")
	}
	if r := load(t, p.s.path); strings.Join(r.Answers.Get(pillar, "OPS1").Selected, ",") != "OPS1_slo" {
		t.Error("carl's answer was overwritten")
	}
}

// A program that ends while a save runs still saves (under the lock,
// after it), instead of blaming another program.
func TestSaveNowWithASaveInFlight(t *testing.T) {
	p := opsProgram(t)
	press(p, "x")
	p.s.StartSave(false) // abandoned: the program ended before it finished
	press(p, "n", "x")
	if err := p.finish(nil); err != nil {
		t.Fatal(err)
	}
	r := load(t, p.s.path)
	if r.Answers.Get(pillar, "OPS1") == nil || r.Answers.Get(pillar, "OPS2") == nil {
		t.Errorf("lost: %+v", r.Answers)
	}
}

// ctrl+v in a field reads no clipboard: the fields run on the host of a
// live review, whose clipboard is not a participant's to read.
func TestCtrlVReadsNoClipboard(t *testing.T) {
	area := newNotesArea("")
	area.Focus()
	if _, cmd := area.Update(tea.KeyMsg{Type: tea.KeyCtrlV}); cmd != nil {
		t.Errorf("ctrl+v in the notes editor started a command (%T): a clipboard read", cmd())
	}
	in := newTextInput(NewStyles(testRenderer(false)))
	in.Focus()
	if _, cmd := in.Update(tea.KeyMsg{Type: tea.KeyCtrlV}); cmd != nil {
		t.Errorf("ctrl+v in a field started a command (%T): a clipboard read", cmd())
	}
}
