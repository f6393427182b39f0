package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// notesRace opens OPS1's notes, types mine, lets someone else change the
// notes to theirs, and types more: that last change is refused.
func notesRace(t *testing.T) *program {
	t.Helper()
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "mine")
	if res := p.s.Apply("someone", NotesIntent{Item: 0, Notes: "theirs", Base: "mine"}); res.Err != nil {
		t.Fatal(res.Err)
	}
	p.v.SetSnapshot(p.s.Snapshot())
	typeText(p, " more")
	if got := answer(p, "OPS1").Notes; got != "theirs" {
		t.Fatalf("notes = %q after the refused change, want theirs kept", got)
	}
	if !strings.Contains(plainView(p), "someone else changed these notes") {
		t.Fatalf("no word that the typing is not saved:\n%s", plainView(p))
	}
	return p
}

func TestNotesTypedDuringAnotherChangeAreAskedAbout(t *testing.T) {
	for _, c := range []struct {
		key, want string
	}{
		{"k", "mine more"},
		{"b", "theirs\n\nmine more"},
		{"r", "theirs"},
	} {
		t.Run(c.key, func(t *testing.T) {
			p := notesRace(t)
			press(p, "esc")
			if _, ok := topDialog(p.v).(notesConflictDialog); !ok {
				t.Fatalf("closing the editor did not ask what to keep:\n%s", plainView(p))
			}
			if view := plainView(p); !strings.Contains(view, "These notes changed while you typed") || !strings.Contains(view, "keep both") {
				t.Fatalf("the question does not say what happened:\n%s", view)
			}
			press(p, c.key)
			if topDialog(p.v) != nil {
				t.Errorf("a dialog is still open after %s", c.key)
			}
			if got := answer(p, "OPS1").Notes; got != c.want {
				t.Errorf("notes after %s = %q, want %q", c.key, got, c.want)
			}
			if view := plainView(p); strings.Contains(view, "what you type is not saved") {
				t.Errorf("after %s the status still says the typing is not saved:\n%s", c.key, view)
			}
		})
	}
}

func TestNotesConflictEscGoesBackToTheText(t *testing.T) {
	p := notesRace(t)
	press(p, "esc")
	press(p, "esc") // back to the editor, the text as typed
	d, ok := topDialog(p.v).(notesDialog)
	if !ok || d.area.Value() != "mine more" || !d.unsaved {
		t.Fatalf("esc did not go back to the typed text: %T %+v", topDialog(p.v), d.area.Value())
	}
	typeText(p, "!")
	press(p, "ctrl+c") // still not saved: asked again
	if _, ok := topDialog(p.v).(notesConflictDialog); !ok {
		t.Fatalf("closing the editor again did not ask: %T", topDialog(p.v))
	}
	press(p, "k")
	if got := answer(p, "OPS1").Notes; got != "mine more!" {
		t.Errorf("notes = %q, want mine more!", got)
	}
}

// A refusal that comes back once the editor is closed (a live review's
// hub answers later) asks at once.
func TestLateNotesRefusalAsks(t *testing.T) {
	p := opsProgram(t)
	p.v.Applied(Result{Err: &NotesConflict{Item: 2, Notes: "late words"}})
	d, ok := topDialog(p.v).(notesConflictDialog)
	if !ok || d.mine != "late words" || d.question != "OPS3" {
		t.Fatalf("the late refusal opened %T %+v", topDialog(p.v), d)
	}
	if !errors.Is(&NotesConflict{}, ErrNotesChanged) {
		t.Error("a NotesConflict is not ErrNotesChanged")
	}
	press(p, "b")
	if got := answer(p, "OPS3").Notes; got != "late words" {
		t.Errorf("notes = %q, want the late words kept", got)
	}
}

// Without anyone else's change, closing the editor just closes it.
func TestNotesEditorClosesQuietly(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "only mine")
	press(p, "esc")
	if d := topDialog(p.v); d != nil {
		t.Fatalf("closing the editor opened %T", d)
	}
	if got := answer(p, "OPS1").Notes; got != "only mine" {
		t.Errorf("notes = %q", got)
	}
}

func TestBothNotes(t *testing.T) {
	for _, c := range [][3]string{
		{"", "mine", "mine"},
		{"theirs", "", "theirs"},
		{"same", "same", "same"},
		{"theirs\n", "mine", "theirs\n\nmine"},
	} {
		if got := bothNotes(c[0], c[1]); got != c[2] {
			t.Errorf("bothNotes(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// Line ends as a paste without bracketed paste brings them: LF, CR LF and
// CR each start one new line.
func TestNotesLineFeedsStartLines(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	for _, k := range burst("raw1\nraw2\r\nraw3\rraw4") {
		_, cmd := p.Update(k)
		runCmd(p, cmd)
	}
	press(p, "esc")
	if got := answer(p, "OPS1").Notes; got != "raw1\nraw2\nraw3\nraw4" {
		t.Errorf("notes = %q, want four lines", got)
	}
}

// Ticking "None of these" over ticked practices says what it cleared.
func TestNoneOfTheseSaysWhatItCleared(t *testing.T) {
	p := opsProgram(t)
	q := p.s.Snapshot().Items[0].Question
	var none string
	for _, c := range q.Choices {
		if c.IsNone() {
			none = c.ID
		}
	}
	for _, id := range []string{q.Choices[0].ID, q.Choices[1].ID} {
		if res := p.s.Apply("tester", TickIntent{Item: 0, ChoiceID: id}); res.Err != nil || !res.Message.Empty() {
			t.Fatalf("tick %s: %+v", id, res)
		}
	}
	res := p.s.Apply("tester", TickIntent{Item: 0, ChoiceID: none})
	text, ok := sessionNoticeText(p.v.c.t, res.Message)
	if !ok || text != `OPS1: "None of these" took the place of the 2 practices that were ticked` {
		t.Errorf("notice %q (%v)", text, ok)
	}
	// Unticking it, or ticking it with nothing else ticked, says nothing.
	if res := p.s.Apply("tester", TickIntent{Item: 0, ChoiceID: none}); !res.Message.Empty() {
		t.Errorf("unticking None: %+v", res.Message)
	}
	if res := p.s.Apply("tester", TickIntent{Item: 0, ChoiceID: none}); !res.Message.Empty() {
		t.Errorf("ticking None alone: %+v", res.Message)
	}
}

// Refusals that come back after the editor closed, one per key typed,
// leave the question holding the latest text; asked while another field
// is being typed in, it waits under it.
func TestLateRefusalsKeepTheLatestText(t *testing.T) {
	p := opsProgram(t)
	for _, text := range []string{"a", "ab", "abc"} {
		p.v.Applied(Result{Err: &NotesConflict{Item: 2, Notes: text}})
	}
	press(p, "k")
	if got := answer(p, "OPS3").Notes; got != "abc" {
		t.Errorf("notes = %q, want the latest text abc", got)
	}

	press(p, "e") // typing OPS1's notes
	p.v.Applied(Result{Err: &NotesConflict{Item: 2, Notes: "later"}})
	typeText(p, "kbr")
	if d, ok := topDialog(p.v).(notesDialog); !ok || d.area.Value() != "kbr" {
		t.Fatalf("the question took the keys typed in the editor: %T", topDialog(p.v))
	}
	press(p, "esc")
	if _, ok := topDialog(p.v).(notesConflictDialog); !ok {
		t.Fatalf("the question did not wait under the editor: %T", topDialog(p.v))
	}
}

// A bracketed paste brings CR LF as it is: one line each.
func TestNotesBracketedPasteLineEnds(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a\r\nb\rc\nd"), Paste: true})
	press(p, "esc")
	if got := answer(p, "OPS1").Notes; got != "a\nb\nc\nd" {
		t.Errorf("notes = %q, want four lines", got)
	}
}

// A program ended with notes typed over someone else's change, before
// anyone said what to keep (a signal, the terminal gone), keeps both.
func TestPendingNotesSurviveTheEnd(t *testing.T) {
	for _, closeFirst := range []bool{false, true} {
		p := notesRace(t)
		if closeFirst {
			press(p, "esc") // the question is open, unanswered
		}
		runCmd(p, p.quit(quitSave))
		runCmd(p, p.quit(quitAside)) // a second try at ending adds nothing
		r := load(t, p.s.path)
		if a := r.Answers.Get(pillar, "OPS1"); a == nil || a.Notes != "theirs\n\nmine more" {
			t.Errorf("closed first %v: the file's notes are %+v, want both texts", closeFirst, a)
		}
		if got := answer(p, "OPS1").Notes; got != "theirs\n\nmine more" {
			t.Errorf("closed first %v: after two tries at ending the notes are %q", closeFirst, got)
		}
	}
}
