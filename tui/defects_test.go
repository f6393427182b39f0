package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/review"
)

// Defect 1: text typed quickly, or pasted without bracketed paste, is text
// in every text field; a run of letters never reads as a key's name
// (bubbletea sends "esc", "up" and "end" between spaces as runs of their
// own).
func TestBurstTypingIsText(t *testing.T) {
	const text = "scale up before the end esc q"
	l := loadLens(t, "builtin:ops")
	setupField := func(p *program) string {
		return [setupFields]string{p.v.setup.name.Value(), "the environment", p.v.setup.owner.Value()}[p.v.setup.field]
	}
	input := func(d dialog) string {
		switch d := d.(type) {
		case textDialog:
			return d.input.Value()
		case notApplicableDialog:
			if !d.asking {
				return "back to the reasons"
			}
			return d.input.Value()
		case actionDialog:
			return [2]string{d.owner.Value(), d.due.Value()}[d.field]
		}
		return fmt.Sprintf("no field: %T", d)
	}
	for _, f := range []struct {
		name  string
		setup bool
		keys  []string
		text  string // what is typed, when not text
		value func(p *program) string
	}{
		{name: "notes", keys: []string{"e"}, value: func(p *program) string {
			if _, ok := topDialog(p.v).(notesDialog); !ok || answer(p, "OPS1") == nil {
				return "the editor closed"
			}
			return answer(p, "OPS1").Notes
		}},
		{name: "N/A reason", keys: []string{"a", "down", "down", "down", "enter"}, value: func(p *program) string { return input(topDialog(p.v)) }},
		{name: "milestone", keys: []string{"M"}, value: func(p *program) string { return input(topDialog(p.v)) }},
		{name: "action owner", keys: []string{"j", "j", "A"}, value: func(p *program) string { return input(topDialog(p.v)) }},
		{name: "action due", keys: []string{"j", "j", "A", "tab"}, text: "up end esc", value: func(p *program) string { return input(topDialog(p.v)) }},
		{name: "navigator search", keys: []string{"g", "/"}, value: func(p *program) string {
			if p.v.current != screenNavigator || !p.v.navigator.filtering() {
				return "the search closed"
			}
			return p.v.navigator.input.Value()
		}},
		{name: "setup name", setup: true, value: setupField},
		{name: "setup owner", setup: true, keys: []string{"tab", "tab"}, value: setupField},
	} {
		p := opsProgram(t)
		if f.setup {
			p = newSetupTestProgram(t, l)
		}
		press(p, f.keys...)
		want := f.text
		if want == "" {
			want = text
		}
		typeText(p, want)
		if got := f.value(p); got != want {
			t.Errorf("%s: %q, want %q", f.name, got, want)
		}
		if p.quitting || p.v.TakeQuit() != noQuit {
			t.Errorf("%s: typed letters quit", f.name)
		}
	}

	// Only a real Esc key closes the editor.
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "esc")
	press(p, "esc")
	if a := answer(p, "OPS1"); len(p.v.dialogs) != 0 || a == nil || a.Notes != "esc" {
		t.Errorf("typed esc, then the Esc key: notes %+v, dialogs %d", a, len(p.v.dialogs))
	}

	// Outside a text field, a burst is keys, one by one: "xjx" ticks two.
	p = opsProgram(t)
	typeText(p, "xjx")
	if got := selected(p, "OPS1"); got != "OPS1_users,OPS1_slo" {
		t.Errorf("grouped keys: %q", got)
	}
	// and "e" then text arriving in the same read goes into the editor.
	typeText(p, "eup")
	if a := answer(p, "OPS1"); a == nil || a.Notes != "up" {
		t.Errorf("notes after a burst that opened the editor: %+v", a)
	}
}

// Defect 2: the key-help overlay takes every key; nothing acts underneath.
func TestOverlayCapturesKeys(t *testing.T) {
	p := opsProgram(t)
	press(p, "?")
	press(p, "x", "n", "n", "space", "a", "e", "g", "s", "j")
	typeText(p, "xnn")
	if selected(p, "OPS1") != "" || p.v.question.cur != 0 || p.v.current != screenQuestion || len(p.v.dialogs) != 0 {
		t.Fatalf("keys reached the screen under the overlay: ticks %q, question %d, screen %v", selected(p, "OPS1"), p.v.question.cur, p.v.current)
	}
	if !p.v.helpOpen {
		t.Fatal("the overlay closed")
	}
	press(p, "q") // closes the overlay, does not quit
	if p.v.helpOpen || p.quitting {
		t.Errorf("q in the overlay: open %v, quitting %v", p.v.helpOpen, p.quitting)
	}
	// Over a dialog too.
	press(p, "a", "?")
	press(p, "enter", "j", "enter")
	if !p.v.helpOpen || answer(p, "OPS1") != nil {
		t.Error("a key under the overlay reached the dialog")
	}
	// In a text field "?" is text, not the overlay.
	press(p, "esc", "esc", "e", "?")
	if p.v.helpOpen || answer(p, "OPS1").Notes != "?" {
		t.Error("? in the notes editor")
	}
}

// Defect 3: while the terminal is too small only quitting acts, and the
// message fits.
func TestTooSmallActsOnlyOnQuit(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "W"})
	r.Update(pillar, "OPS1", "x", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	p := newTestProgram(t, l, r, 80, 24)
	press(p, "p") // OPS1, whose answer is "None of these"
	for _, size := range [][2]int{{50, 15}, {59, 30}, {100, 19}, {20, 5}} {
		p.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(p, "space", "x", "j", "space", "a", "enter", "e")
		typeText(p, "xx")
		if got := selected(p, "OPS1"); got != "OPS1_no" || p.s.Dirty() || len(p.v.dialogs) != 0 {
			t.Fatalf("%dx%d: keys acted with nothing on screen: %q, dirty %v", size[0], size[1], got, p.s.Dirty())
		}
		v := p.View()
		checkFits(t, p.v, "too small")
		flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
		if !strings.Contains(flat, "enlarge the window (q quits).") && size[0] >= 20 {
			t.Errorf("%dx%d: message cut:\n%s", size[0], size[1], v)
		}
	}
	if !runCmd(p, press(p, "q")) {
		t.Error("q did not quit while too small")
	}
	// On the setup form, q quits rather than being typed into the name.
	p = newSetupTestProgram(t, l)
	p.Update(tea.WindowSizeMsg{Width: 50, Height: 15})
	cmd := press(p, "q")
	if p.v.setup.name.Value() != "" || !runCmd(p, cmd) {
		t.Errorf("q at 50x15 on the setup form: name %q", p.v.setup.name.Value())
	}
}

// Defect 4: after an outside change is merged, the layout is the one the
// new content needs: the help pane is resized and its border shows.
func TestLayoutAfterMerge(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	p := newTestProgram(t, l, nil, 80, 24)
	press(p, "x")
	// Someone else adds two actions to the question on screen: the
	// choices' column grows by two lines, the pane must shrink.
	other := load(t, p.s.path)
	for _, c := range []string{"OPS1_budget", "OPS1_nfr"} {
		other.AddAction(review.Action{PillarID: pillar, QuestionID: "OPS1", ChoiceID: c, Title: "do " + c}, "bob", testNow)
	}
	writeOutside(t, p.s.path, other)
	save(p)
	if len(p.s.Snapshot().Review.Actions) != 2 {
		t.Fatal("not merged")
	}
	checkPane(t, p, "after merge")
	// The same review opened fresh is laid out the same.
	fresh := newTestProgram(t, l, p.s.Snapshot().Review.Clone(), 80, 24)
	press(fresh, "p")
	if a, b := p.v.question.pane.height, fresh.v.question.pane.height; a != b {
		t.Errorf("pane height %d after the merge, %d when opened fresh", a, b)
	}
	// So after a reload and keep-mine.
	p.s.save.conflict = &pendingConflict{questions: []string{"OPS1"}, theirs: review.New(l, review.Workload{Name: "x"})}
	p.s.publish()
	p.v.SetSnapshot(p.s.Snapshot())
	press(p, "r")
	checkPane(t, p, "after reload")
}

// The seam of the live review: several viewers over one session each see
// a change made through any of them.
func TestViewersShareASession(t *testing.T) {
	p := opsProgram(t)
	s := p.s
	viewers := []*Viewer{p.v}
	for i := 0; i < 2; i++ {
		v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(i == 0)})
		v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		viewers = append(viewers, v)
	}
	// The second viewer ticks; the session applies it and every viewer
	// gets the new snapshot.
	viewers[1].Update(keyMsg("x"))
	for _, in := range viewers[1].TakeIntents() {
		viewers[1].Applied(s.Apply("bob", in))
	}
	for _, v := range viewers {
		v.SetSnapshot(s.Snapshot())
	}
	for i, v := range viewers {
		if !strings.Contains(ansi.Strip(v.View()), "[x] Priorities start") {
			t.Errorf("viewer %d does not show the tick:\n%s", i, ansi.Strip(v.View()))
		}
	}
	if a := s.Snapshot().Review.Answers.Get(pillar, "OPS1"); a == nil || a.AnsweredBy != "bob" {
		t.Errorf("answer %+v", a)
	}
	// Each viewer keeps its own screen and cursor.
	viewers[2].Update(keyMsg("n"))
	if viewers[2].question.cur != 1 || viewers[0].question.cur != 0 {
		t.Error("one viewer's navigation moved another")
	}
	// And its own colours: one renderer colours, the other does not.
	if !strings.Contains(viewers[1].View(), "\x1b[") || strings.Contains(viewers[2].View(), "\x1b[") {
		t.Error("a viewer's colour came from another's renderer")
	}
}

// Colour comes from the viewer's renderer: emitted when it has colour, and
// never when it does not, whatever lipgloss's global renderer thinks.
func TestColourFollowsTheRenderer(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	for _, color := range []bool{true, false} {
		s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "W"}), Lens: l})
		v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(color)})
		v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if has := strings.Contains(v.View(), "\x1b["); has != color {
			t.Errorf("renderer with colour %v: escape codes %v", color, has)
		}
	}
}

// A note the editor cannot hold exactly (over 10,000 lines, tabs, CR LF)
// is never opened in it, so it is never changed behind the user's back
// (issue 14, item 8).
func TestNotesTheEditorCannotHoldAreLeftAlone(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	long := strings.Repeat("line\n", 12000) + "end"
	for _, note := range []string{long, "a\tb", "windows\r\nline", "ansi \x1b[31mred"} {
		r := review.New(l, review.Workload{Name: "W"})
		r.Update(pillar, "OPS1", "x", testNow, func(a *review.Answer) { a.Notes = note })
		p := newTestProgram(t, l, r, 80, 24)
		press(p, "e")
		if _, ok := topDialog(p.v).(messageDialog); !ok || !strings.Contains(plainView(p), "cannot be edited here") {
			t.Errorf("no explanation for %.20q:\n%s", note, plainView(p))
		}
		typeText(p, "abc")
		press(p, "enter")
		if len(p.v.dialogs) != 0 || answer(p, "OPS1").Notes != note || p.s.Dirty() {
			t.Errorf("note %.20q was changed", note)
		}
	}
	// A plain multi-line note opens, and is unchanged until typed into.
	r := review.New(l, review.Workload{Name: "W"})
	r.Update(pillar, "OPS1", "x", testNow, func(a *review.Answer) { a.Notes = "two\nlines" })
	p := newTestProgram(t, l, r, 80, 24)
	press(p, "e", "esc")
	if answer(p, "OPS1").Notes != "two\nlines" || p.s.Dirty() {
		t.Error("opening and closing the editor changed the note")
	}
}
