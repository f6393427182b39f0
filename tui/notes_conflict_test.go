package tui

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
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
	for _, c := range [][4]string{
		{"", "", "mine", "mine"},
		{"", "theirs", "", "theirs"},
		{"", "same", "same", "same"},
		{"", "theirs\n", "mine", "theirs\n\nmine"},
		{"old", "theirs", "mine", "theirs\n\nmine"},
		// Both went on from the same notes: those are said once.
		{"The runbook", "The runbook, paged by phone", "The runbook and a dashboard", "The runbook, paged by phone\n\nand a dashboard"},
		{"Notes.", "Notes. Theirs.", "Notes.\nMine.", "Notes. Theirs.\n\nMine."},
		{"Notes.", "Notes. Theirs.", "Notes.", "Notes. Theirs."},
		// Mine changed the notes it began over: it is kept whole.
		{"Notes.", "Notes. Theirs.", "Edited notes.", "Notes. Theirs.\n\nEdited notes."},
	} {
		if got := bothNotes(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("bothNotes(%q, %q, %q) = %q, want %q", c[0], c[1], c[2], got, c[3])
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

// A run of letters (text pasted without bracketed paste arrives so) goes
// into the notes editor as one insertion, one change sent, where
// elsewhere each letter is a key of its own.
func TestNotesTakeARunOfLettersAtOnce(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	p.v.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("alpha")})
	intents := p.v.TakeIntents()
	if len(intents) != 1 {
		t.Fatalf("a run of 5 letters sent %d changes, want 1: %#v", len(intents), intents)
	}
	if n, ok := intents[0].(NotesIntent); !ok || n.Notes != "alpha" || n.Base != "" {
		t.Fatalf("the change is %#v, want notes alpha over empty notes", intents[0])
	}
	press(p, "esc")
	p.v.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("xj")})
	if got := len(p.v.TakeIntents()); got != 1 {
		t.Fatalf("on the question screen x then j made %d changes, want the one tick", got)
	}
	if row := p.v.question.cursor; row != 1 {
		t.Errorf("after x then j the cursor is on row %d, want 1 (each letter a key)", row)
	}
}

func notesOf(p *program) string {
	if a := answer(p, "OPS1"); a != nil {
		return a.Notes
	}
	return ""
}

// On a terminal, letters typed into the editor wait for the end of a
// frame and go in together; any other key (or the frame's end) puts them
// in first, so the text is exactly as typed. Elsewhere keys act at once.
func TestTypingFrameTakesLettersTogetherInOrder(t *testing.T) {
	p := opsProgram(t)
	p.v.typingFrame = TypingFrame
	press(p, "e")
	_, timer := p.Update(keyMsg("ab"))
	_, again := p.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")})
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("up")}) // letters, not the Up key
	if got := notesOf(p); got != "" {
		t.Fatalf("notes %q before the frame ended, want the letters held", got)
	}
	if timer == nil || again != nil {
		t.Fatalf("the frame's timer: first %v, then %v; want one timer", timer != nil, again != nil)
	}
	p.Update(keyMsg("enter"))
	if got := notesOf(p); got != "ab up\n" {
		t.Fatalf("after Enter the notes are %q, want the letters, then the line end", got)
	}
	p.Update(keyMsg("c"))
	p.Update(typedMsg{})
	if got := notesOf(p); got != "ab up\nc" {
		t.Fatalf("after the frame the notes are %q, want %q", got, "ab up\nc")
	}
	// Letters held for an editor that went meanwhile (the host of a live
	// review took the pen) go nowhere: here q would quit.
	p.Update(keyMsg("q"))
	p.v.dialogs = nil
	p.Update(typedMsg{})
	if p.quitting || p.v.TakeQuit() != noQuit {
		t.Fatal("a letter held for a closed editor acted as a key")
	}
	p.Update(keyMsg("x"))
	if got := selected(p, "OPS1"); got == "" {
		t.Error("on the question screen x waited for a frame: keys outside the editor act at once")
	}
}

// A signal within a typing frame: the letters held are saved too.
func TestTypingFrameLettersSurviveASignal(t *testing.T) {
	p := opsProgram(t)
	p.v.typingFrame = TypingFrame
	press(p, "e")
	p.Update(keyMsg("last"))
	p.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")})
	p.Update(keyMsg("words"))
	_, cmd := p.Update(signalMsg{})
	runCmd(p, cmd)
	if got := load(t, p.s.path).Answers.Get(pillar, "OPS1"); got == nil || got.Notes != "last words" {
		t.Fatalf("saved after the signal: %+v, want the notes typed in the last frame", got)
	}
}

// Keeping both where both went on from the same notes (people in a
// meeting adding to one note): those notes are said once.
func TestNotesKeepBothSaysTheSharedStartOnce(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "Paged by phone.")
	if res := p.s.Apply("someone", NotesIntent{Item: 0, Notes: "Paged by phone. Runbook in the wiki.", Base: "Paged by phone."}); res.Err != nil {
		t.Fatal(res.Err)
	}
	p.v.SetSnapshot(p.s.Snapshot())
	typeText(p, " Escalates after 15 minutes.")
	press(p, "esc", "b")
	want := "Paged by phone. Runbook in the wiki.\n\nEscalates after 15 minutes."
	if got := notesOf(p); got != want {
		t.Errorf("notes %q, want %q", got, want)
	}
}

// A tab in the notes editor, typed or pasted without bracketed paste, goes
// in as one in a bracketed paste does.
func TestNotesTakeATabAsPasted(t *testing.T) {
	typed, pasted := opsProgram(t), opsProgram(t)
	press(typed, "e")
	typeText(typed, "a\tb")
	press(pasted, "e")
	pasted.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a\tb"), Paste: true})
	if got, want := notesOf(typed), notesOf(pasted); got != want || got == "ab" {
		t.Errorf("typed tab: notes %q, want %q as a pasted tab gives", got, want)
	}
}

// A notes proposal parked at the end keeps only what it adds where the
// notes it was typed over are still the question's; else it is whole.
// Either way it is labelled a proposal, as a tick is, in the review's
// language.
func TestUndecidedNotesProposal(t *testing.T) {
	p := opsProgram(t)
	prop := Proposal{By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: "Paged by phone within 5 minutes", Base: "Paged by phone"}}
	if got := UndecidedProposal(p.s.Snapshot(), prop, ""); got != "proposed, not decided when the review ended: notes: Paged by phone within 5 minutes" {
		t.Errorf("over notes that are not the question's: parked %q, want the whole text", got)
	}
	if res := p.s.Apply("hana", NotesIntent{Item: 0, Notes: "Paged by phone"}); res.Err != nil {
		t.Fatal(res.Err)
	}
	if got := UndecidedProposal(p.s.Snapshot(), prop, ""); got != "proposed, not decided when the review ended: notes: within 5 minutes" {
		t.Errorf("over the question's notes: parked %q, want what it adds", got)
	}
	tick := Proposal{By: "bob", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}
	if got := UndecidedProposal(p.s.Snapshot(), tick, "ja"); !strings.HasPrefix(got, "提案されたまま") {
		t.Errorf("a tick parked in Japanese (--lang ja) on an English lens: %q", got)
	}
	if got := UndecidedProposal(p.s.Snapshot(), prop, "ja"); got != "提案されたまま、レビューの終了までに決まらなかったもの: メモ: within 5 minutes" {
		t.Errorf("notes parked in Japanese: %q", got)
	}
}

// A paste longer than the editor's lines says what it left out (the
// editor drops the rest without a word).
func TestNotesPasteTooLongIsSaid(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	var lines []string
	for i := range maxNoteLines + 50 {
		lines = append(lines, strconv.Itoa(i))
	}
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Join(lines, "\n")), Paste: true})
	if view := plainView(p); !strings.Contains(view, "the last 50 lines of the paste were left out") {
		t.Errorf("a paste cut to the editor's lines is not said:\n%s", view)
	}
}

// ctrl+c closes the editor and then the question what to keep, keeping
// both, instead of going back and forth between them.
func TestNotesConflictCtrlCKeepsBoth(t *testing.T) {
	p := notesRace(t)
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if _, ok := topDialog(p.v).(notesConflictDialog); !ok {
		t.Fatalf("ctrl+c in the editor did not ask what to keep: %T", topDialog(p.v))
	}
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if d := topDialog(p.v); d != nil {
		t.Fatalf("ctrl+c in the question opened %T", d)
	}
	if got := answer(p, "OPS1").Notes; got != "theirs\n\nmine more" {
		t.Errorf("notes %q, want both kept", got)
	}
}

// The editor of notes held back by someone else's change says they are
// not saved, where it said "Saved as you type".
func TestNotesEditorSaysItIsHeldBack(t *testing.T) {
	p := notesRace(t)
	if view := strings.Join(strings.Fields(plainView(p)), " "); !strings.Contains(view, "Not saved: someone else changed these notes") || strings.Contains(view, "Saved as you type") {
		t.Errorf("the held-back editor's hint:\n%s", view)
	}
}

// The editor always shows its cursor: opened on notes longer than it, after
// a bracketed paste longer than it, and after each new line typed at its
// foot (the textarea scrolled against the text it had laid out before, so
// the end stayed out of view until the next key).
func TestNotesEditorShowsItsCursor(t *testing.T) {
	long := func(tag string) string {
		var lines []string
		for i := range 60 {
			lines = append(lines, fmt.Sprintf("%s line %02d", tag, i))
		}
		return strings.Join(lines, "\n") + " " + tag + "-END"
	}
	p := opsProgram(t)
	p.s.Apply("me", NotesIntent{Item: 0, Notes: long("saved")})
	p.v.SetSnapshot(p.s.Snapshot())
	press(p, "e")
	if v := plainView(p); !strings.Contains(v, "saved-END") {
		t.Errorf("opened on long notes, the end (where the cursor is) is out of view:\n%s", v)
	}
	press(p, "esc", "j", "e")
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long("pasted")), Paste: true})
	if v := plainView(p); !strings.Contains(v, "pasted-END") {
		t.Errorf("after a long paste, its end (where the cursor is) is out of view:\n%s", v)
	}
	p = opsProgram(t)
	press(p, "e")
	for i := range 15 {
		typeText(p, fmt.Sprintf("typed%02d", i))
		if v := plainView(p); !strings.Contains(v, fmt.Sprintf("typed%02d", i)) {
			t.Fatalf("typed line %d is out of view:\n%s", i, v)
		}
		press(p, "enter")
	}
}

// While a change on disk waits for a decision (its dialog opens when the
// editor closes), the notes editor says its typing is not saved yet, not
// "saved as you type"; so it does while saving fails, and when it is
// opened meanwhile.
func TestNotesEditorSaysWhenTheFileIsHeld(t *testing.T) {
	p := opsProgram(t)
	press(p, "x", "e")
	typeText(p, "mine")
	other := load(t, p.s.path)
	other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	writeOutside(t, p.s.path, other)
	watch(p)
	if p.s.Snapshot().Conflict == nil {
		t.Fatal("no conflict: the test does not test the hint")
	}
	v := plainView(p)
	if !strings.Contains(v, "not saved to the file yet") || strings.Contains(v, "Saved as you type") {
		t.Fatalf("the editor does not say its typing waits:\n%s", v)
	}
	press(p, "esc")
	if _, ok := topDialog(p.v).(conflictDialog); !ok {
		t.Fatalf("the conflict dialog did not open when the editor closed: %T", topDialog(p.v))
	}
	// Opened while saving fails (the file became a folder).
	p = opsProgram(t)
	os.Remove(p.s.path)
	os.Mkdir(p.s.path, 0o755)
	press(p, "x")
	save(p)
	if p.s.Snapshot().Save.Err == nil {
		t.Fatal("the save did not fail: the test does not test the hint")
	}
	press(p, "e")
	if v := plainView(p); !strings.Contains(v, "not saved to the file yet") {
		t.Errorf("opened while saving fails, the editor says otherwise:\n%s", v)
	}
}

// Text typed in a dialog and never confirmed (an "Other" reason, an
// action's owner and due date, a milestone's name) is named at the end,
// in the closing lines, so that it can be typed again; a dialog with
// nothing typed says nothing.
func TestUnconfirmedTextIsNamed(t *testing.T) {
	for _, c := range []struct {
		keys []string
		text string
		want string
	}{
		{[]string{"a", "down", "down", "down", "enter"}, "legacy box", "OPS1"},
		{[]string{"j", "j", "A"}, "carol", "Owner carol"},
		{[]string{"M"}, "before launch", "before launch"},
	} {
		p := opsProgram(t)
		press(p, c.keys...)
		if got := p.v.Unconfirmed(); len(got) != 0 {
			t.Errorf("%v: nothing typed, yet %q", c.keys, got)
		}
		typeText(p, c.text)
		got := strings.Join(p.v.Unconfirmed(), "\n")
		if !strings.Contains(got, "never confirmed") || !strings.Contains(got, c.text) || !strings.Contains(got, c.want) {
			t.Errorf("%v then %q: the closing lines say %q", c.keys, c.text, got)
		}
	}
}

// A dialog body that ends in blank lines, or has no room at all, is cut
// above its keys like any other, never a panic.
func TestFitDialogBodyEdges(t *testing.T) {
	lines := []string{"intro", "more intro", "", "k  a key", "q  another", "", ""}
	for room := -1; room <= len(lines)+1; room++ {
		got := fitDialogBody(lines, 40, room)
		if len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "k  a key") {
			t.Errorf("room %d: %q lost the keys", room, got)
		}
	}
}
