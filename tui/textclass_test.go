package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/review"
)

// checkPane fails if a frame of the question screen holds a tab (a
// terminal moves it to a tab stop wafr did not measure), a line wider
// than the terminal, or a help pane whose side borders are not in their
// columns on every line the pane draws inside its frame.
func checkPane(t *testing.T, p *program, what string) {
	t.Helper()
	checkFits(t, p.v, what)
	frame := p.View()
	if strings.Contains(frame, "\t") {
		t.Errorf("%s: a raw tab reaches the terminal", what)
	}
	q := p.v.question
	pw, _ := q.paneSize()
	left := q.w - pw
	lines := strings.Split(ansi.Strip(frame), "\n")
	start := -1
	for i, l := range lines {
		if paneTop(l, left) {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("%s: no pane on screen:\n%s", what, ansi.Strip(frame))
	}
	// A pane drawn open has rules the whole width and no sides.
	corner := ansi.Cut(lines[start], left, left+1)
	open := corner == "─" || corner == "━"
	tl, tr, side, bl := "╭", "╮", "│", "╰"
	switch {
	case open:
		tl, tr, side, bl = corner, corner, " ", corner
	case corner == "┏": // the pane has the keys
		tl, tr, side, bl = "┏", "┓", "┃", "┗"
	}
	if got := ansi.Cut(lines[start], left, left+1) + ansi.Cut(lines[start], left+pw-1, left+pw); got != tl+tr {
		t.Errorf("%s: the pane's top corners are %q:\n%s", what, got, ansi.Strip(frame))
	}
	vis := q.pane.visible()
	for i := 0; i < q.pane.height; i++ {
		l := lines[start+1+i]
		if ansi.StringWidth(l) != left+pw {
			t.Errorf("%s: pane line %d is not as wide as the pane: %q", what, i+1, l)
		}
		if i < len(vis) && ansi.StringWidth(vis[i]) > pw-paneFrameW {
			if !open || !strings.Contains(vis[i], "://") {
				t.Errorf("%s: pane line %d is wider than the pane's text: %q", what, i+1, l)
			}
			continue // a URL given the open pane's whole width, on purpose
		}
		if ansi.Cut(l, left, left+1) != side || ansi.Cut(l, left+pw-1, left+pw) != side {
			t.Errorf("%s: pane line %d lost a border: %q", what, i+1, l)
		}
	}
	if got := ansi.Cut(lines[start+1+q.pane.height], left, left+1); got != bl {
		t.Errorf("%s: the pane's bottom border is not under it: %q", what, lines[start+1+q.pane.height])
	}
}

// A description with a tab-indented code block (or tabs anywhere in a
// code block) draws inside the help pane: tabs are expanded before the
// line is measured and cut, in plain and coloured output, narrow and wide.
func TestTabsInACodeBlockStayInThePane(t *testing.T) {
	for _, desc := range []string{
		"\t\t" + strings.Repeat("x", 100),
		"\t\ttab " + strings.Repeat("x", 300),
		"Intro.\n\n    a\tb\tc\t" + strings.Repeat("y", 150) + "\n\n```\n\tfenced\t\t" + strings.Repeat("z", 120) + "\n```\n\n- item\n\n  \t\tcode in a list " + strings.Repeat("w", 90),
	} {
		for _, color := range []bool{false, true} {
			for _, size := range [][2]int{{80, 24}, {140, 40}} {
				l := loadLens(t, "builtin:ops")
				for _, pl := range l.Pillars {
					for _, q := range pl.Questions {
						q.Description = desc
					}
				}
				p := newTestProgram(t, l, nil, size[0], size[1])
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				renderHelp(p.v)
				p.v.question.cursor = len(p.s.Snapshot().Items[0].Question.Choices) - 1 // "None of these": little help before the description
				p.v.question = p.v.question.refreshPane()
				p.v.refresh()
				for page := 0; ; page++ {
					checkPane(t, p, fmt.Sprintf("%.12q colour %v at %dx%d, page %d", desc, color, size[0], size[1], page))
					if p.v.question.pane.atBottom() || page > 50 {
						break
					}
					press(p, "pgdown")
				}
			}
		}
	}
}

// Tabs go to the next stop, counted in display columns from where the
// line starts.
func TestExpandTabs(t *testing.T) {
	for _, c := range []struct {
		in   string
		col  int
		want string
	}{
		{"a\tb", 0, "a   b"}, {"\t\tx", 0, "        x"}, {"abcd\tx", 0, "abcd    x"},
		{"日本\tx", 0, "日本    x"}, {"日\tx", 0, "日  x"}, {"\tx", 2, "  x"}, {"no tab", 3, "no tab"},
	} {
		if got := expandTabs(c.in, c.col); got != c.want {
			t.Errorf("expandTabs(%q, %d) = %q, want %q", c.in, c.col, got, c.want)
		}
	}
}

// lineBreakRune finds a line separator, paragraph separator or NEL on a
// frame: the terminal must get a space or a real line break instead.
func lineBreakRune(s string) string {
	for i, r := range s {
		if r == 0x2028 || r == 0x2029 || r == 0x85 {
			return s[max(0, i-20):min(len(s), i+20)]
		}
	}
	return ""
}

// Review text with U+2028, U+2029 or NEL in it (notes, names, owners,
// reasons, titles, milestone names) reaches the terminal as lens text
// does: a space where it has one line, a line break where it has more,
// never raw. And a tab in it is a space where the line is measured.
func TestLineSeparatorsInReviewText(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "Pay\u2028ments", Owner: "te\u2029am\tx", Environment: review.Production})
	r.Update(pillar, "OPS1", "me", testNow, func(a *review.Answer) { a.Notes = "h\ti \u2028ls\tx" })
	r.Update(pillar, "OPS2", "me", testNow, func(a *review.Answer) {
		a.Notes, a.NotApplicable, a.Reason = "one\u2029two\u0085three", true, "ODD\u2028REASON"
	})
	q := l.Pillars[0].Questions[0]
	if _, err := r.AddAction(review.Action{PillarID: pillar, QuestionID: q.ID, ChoiceID: q.Choices[0].ID, Title: "ti\u2029tle",
		Owner: "own\u2028er\tz"}, "me", testNow); err != nil {
		t.Fatal(err)
	}
	r.Milestones = append(r.Milestones, review.Milestone{Name: "mile\u2028stone"})
	p := newTestProgram(t, l, r, 80, 24)
	p.v.setNotice(p.v.c.noticeText(p.v.snap, Notice{Kind: NoticeMilestone, Arg: "mile\u2028stone", At: testNow}))
	for _, keys := range [][]string{nil, {"e"}, {"esc", "n"}, {"a"}, {"esc", "p"}, {"esc"}, {"g"}, {"/"}, {"l", "s"}, {"esc", "esc", "s"}, {"esc", "?"}} {
		press(p, keys...)
		frame := p.View()
		if bad := lineBreakRune(frame); bad != "" {
			t.Errorf("after %v: a raw line separator near %q", keys, bad)
		}
		if strings.Contains(frame, "\t") {
			t.Errorf("after %v: a raw tab", keys)
		}
		checkFits(t, p.v, fmt.Sprint(keys))
	}
	press(p, "esc", "esc", "esc")
	p.v.openQuestion(0)
	p.v.refresh()
	plain := plainView(p)
	for _, want := range []string{"Notes: h i (+1 line)", "own er z: ti tle"} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q is not on the question screen:\n%s", want, plain)
		}
	}
	p.v.openQuestion(1)
	p.v.refresh()
	if plain := plainView(p); !strings.Contains(plain, "Notes: one (+2 lines)") || !strings.Contains(plain, "ODD REASON") {
		t.Errorf("the notes' first line is not on its own:\n%s", plain)
	}
}

// In a live review, participants' names, parked items and proposals with
// line separators show on one line, never raw.
func TestLineSeparatorsInMeetingText(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	odd := "ma\u2028l\u2029lo\u0085ry\tx"
	next := *m
	next.People = append(slices.Clone(m.People), Person{ID: "mal", Name: odd, Role: Contributor, Item: 0})
	next.Proposals = []Proposal{{ID: 1, By: odd, Item: 0, Intent: NotesIntent{Item: 0, Notes: odd}}}
	first := v.snap.Items[0].Question.Choices[0].ID
	next.Vote = &VoteView{Item: 0, Revealed: true, Voted: 2, Eligible: 2, Voters: map[string][]string{first: {odd, "hana"}}}
	v.SetMeeting(&next)
	v.snap.Review.Parked = append(v.snap.Review.Parked, review.Parked{QuestionID: "OPS1\u2028x", Text: odd, By: odd})
	for _, keys := range [][]string{nil, {"K"}, {"esc", "H"}, {"esc"}} {
		for _, k := range keys {
			v.Update(keyMsg(k))
		}
		if bad := lineBreakRune(v.View()); bad != "" {
			t.Errorf("after %v: a raw line separator near %q", keys, bad)
		}
		checkFits(t, v, fmt.Sprint(keys))
	}
	if plain := ansi.Strip(v.View()); !strings.Contains(plain, "ma l lo ry x") {
		t.Errorf("the name is not on one line:\n%s", plain)
	}
}

// A description or help text with line separators breaks where they are
// (a soft break of Markdown reads as a space), never sending one raw.
func TestLineSeparatorsInLensHelp(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	q := l.Pillars[0].Questions[0]
	q.Description = "one\u2028two\u2029three\u0085four"
	q.Choices[0].HelpfulResource.DisplayText = "help\u2028text"
	p := newTestProgram(t, l, nil, 80, 24)
	pane := ansi.Strip(strings.Join(panePages(t, p), "\n"))
	if bad := lineBreakRune(pane); bad != "" {
		t.Errorf("a raw line separator near %q", bad)
	}
	if !strings.Contains(pane, "one two three four") || !strings.Contains(pane, "help text") {
		t.Errorf("the text is not in the pane:\n%s", pane)
	}
}

// bidiRune finds a bidi control on a frame.
func bidiRune(s string) string {
	for i, r := range s {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
			return s[max(0, i-20):min(len(s), i+20)]
		}
	}
	return ""
}

// paste is text pasted into the terminal (bracketed paste: one message).
func paste(m tea.Model, s string) {
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// Bidi controls pasted or typed into any text field never show in it,
// and the value it gives is the text without them (ESC and C1 bubbles
// drops itself).
func TestBidiControlsLeaveTextFields(t *testing.T) {
	const hostile, clean = "a\u202eb\u2066c\u2069d\u200fe\u061cf\u202a!", "abcdef!"
	l := loadLens(t, "builtin:ops")
	for _, f := range []struct {
		name  string
		setup bool
		keys  []string
		done  []string                // keys that confirm the field
		value func(p *program) string // what the field gave
	}{
		{name: "notes", keys: []string{"e"}, done: []string{"esc"}, value: func(p *program) string { return answer(p, "OPS1").Notes }},
		{name: "N/A reason", keys: []string{"a", "down", "down", "down", "enter"}, done: []string{"enter"},
			value: func(p *program) string { return answer(p, "OPS1").Notes }},
		{name: "milestone", keys: []string{"M"}, done: []string{"enter"}, value: func(p *program) string {
			ms := p.s.Snapshot().Review.Milestones
			if len(ms) == 0 {
				return "no milestone"
			}
			return ms[len(ms)-1].Name
		}},
		{name: "action owner", keys: []string{"j", "j", "A"}, done: []string{"enter", "2", "0", "2", "6", "-", "1", "2", "-", "0", "1", "enter"},
			value: func(p *program) string {
				as := p.s.Snapshot().Review.Actions
				if len(as) == 0 {
					return "no action"
				}
				return as[len(as)-1].Owner
			}},
		{name: "navigator search", keys: []string{"g", "/"}, value: func(p *program) string { return p.v.navigator.input.Value() }},
		{name: "setup name", setup: true, done: []string{"enter", "enter", "enter"},
			value: func(p *program) string { return p.s.Snapshot().Review.Workload.Name }},
		{name: "setup owner", setup: true, keys: []string{"tab", "tab"}, done: []string{"enter"},
			value: func(p *program) string { return p.s.Snapshot().Review.Workload.Owner }},
	} {
		for _, how := range []string{"pasted", "typed"} {
			p := opsProgram(t)
			if f.setup {
				p = newSetupTestProgram(t, l)
			}
			press(p, f.keys...)
			if how == "pasted" {
				paste(p, hostile)
			} else {
				typeText(p, hostile)
			}
			if bad := bidiRune(p.View()); bad != "" {
				t.Errorf("%s, %s: the field shows a bidi control near %q", f.name, how, bad)
			}
			press(p, f.done...)
			want := clean
			if f.name == "N/A reason" {
				want = p.v.c.t.NA.NotePrefix + clean
			}
			if got := f.value(p); got != want {
				t.Errorf("%s, %s: gave %q, want %q", f.name, how, got, want)
			}
		}
	}
}

// The same in the dialogs of a live review: what is parked, and the owner
// of the action a parked item becomes.
func TestBidiControlsLeaveMeetingFields(t *testing.T) {
	const hostile, clean = "ask\u202e the\u2067 DBA", "ask the DBA"
	v, _ := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	v.Update(keyMsg("L"))
	paste(fakeModel{v}, hostile)
	if bad := bidiRune(v.View()); bad != "" {
		t.Errorf("park: the field shows a bidi control near %q", bad)
	}
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (ParkIntent{Item: 0, Text: clean}) {
		t.Errorf("park: %#v", got)
	}
	v.openDialog(newParkedActionDialog(v.c, review.Parked{QuestionID: "OPS1", Text: "x"}))
	paste(fakeModel{v}, "bo\u202eb, 2026-12-01")
	if bad := bidiRune(v.View()); bad != "" {
		t.Errorf("parked action: the field shows a bidi control near %q", bad)
	}
	if got := intents(v, "enter"); len(got) != 1 || got[0].(ResolveParkedIntent).Owner != "bob" {
		t.Errorf("parked action: %#v", got)
	}
}

// The reason of an N/A, read back from notes someone wrote with a bidi
// control in them, shows in its field without it.
func TestReasonFieldFromNotesIsClean(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "W", Owner: "o"})
	r.Update(pillar, "OPS1", "me", testNow, func(a *review.Answer) {
		a.NotApplicable, a.Reason, a.Notes = true, reasonOther, "Not applicable: a\u202eb"
	})
	p := newTestProgram(t, l, r, 80, 24)
	p.v.openQuestion(0)
	p.v.refresh()
	press(p, "a", "down", "down", "down", "down", "enter")
	if d, ok := topDialog(p.v).(notApplicableDialog); !ok || !d.asking || d.input.Value() != "ab" {
		t.Fatalf("the reason field: %#v", topDialog(p.v))
	}
	if bad := bidiRune(p.View()); bad != "" {
		t.Errorf("the field shows a bidi control near %q", bad)
	}
}

// Cleaning a field leaves its cursor after the same text: what is typed
// next goes where it would have gone.
func TestCleaningAFieldKeepsItsCursor(t *testing.T) {
	p := opsProgram(t)
	press(p, "M")
	typeText(p, "abc")
	press(p, "left", "left")
	paste(p, "\u202eX\u2028")
	typeText(p, "Y")
	if got := topDialog(p.v).(textDialog).input.Value(); got != "aX Ybc" {
		t.Errorf("milestone field: %q, want %q", got, "aX Ybc")
	}
	p = opsProgram(t)
	press(p, "e")
	typeText(p, "one\ntwo\nthree")
	press(p, "up")
	paste(p, "\u202eX\u2029Z")
	typeText(p, "Y")
	if got := answer(p, "OPS1").Notes; got != "one\ntwoX\nZY\nthree" {
		t.Errorf("notes: %q, want %q", got, "one\ntwoX\nZY\nthree")
	}
}

// Names wafr writes are entered without the zero-width characters that
// make look-alikes: "x\u200b" is the milestone "x" (which exists, so it is
// refused), an owner typed with a word joiner is the owner without it. A
// joiner inside an emoji sequence stays, pasted or typed.
func TestZeroWidthCharactersLeaveNames(t *testing.T) {
	family := "👨\u200d👩\u200d👧"
	p := opsProgram(t)
	for i, name := range []string{"x", "x\u200b", "\ufeffx\u2060"} {
		press(p, "M")
		paste(p, name)
		press(p, "enter")
		if d, ok := topDialog(p.v).(textDialog); ok != (i > 0) || ok && d.err == "" {
			t.Errorf("%q: refused %v, want %v", name, ok, i > 0)
		}
		if ok := len(p.v.dialogs) > 0; ok {
			press(p, "esc")
		}
	}
	if ms := p.s.Snapshot().Review.Milestones; len(ms) != 1 || ms[0].Name != "x" {
		t.Errorf("milestones %+v, want the one \"x\"", ms)
	}
	for _, how := range []string{"pasted", "typed"} {
		press(p, "M")
		if how == "pasted" {
			paste(p, "team "+family+" "+how)
		} else {
			typeText(p, "team "+family+" "+how)
		}
		press(p, "enter")
		ms := p.s.Snapshot().Review.Milestones
		if got := ms[len(ms)-1].Name; got != "team "+family+" "+how {
			t.Errorf("%s: the emoji sequence lost its joiners: %q", how, got)
		}
	}
	press(p, "j", "j", "A")
	paste(p, "bo\u200bb\u200c")
	press(p, "enter")
	typeText(p, "2026-12-01")
	press(p, "enter")
	if as := p.s.Snapshot().Review.Actions; len(as) != 1 || as[0].Owner != "bob" {
		t.Errorf("actions %+v, want one owned by bob", as)
	}
	l := loadLens(t, "builtin:ops")
	p = newSetupTestProgram(t, l)
	paste(p, "Pay\u200bments")
	press(p, "enter", "enter")
	paste(p, "\u2060team")
	press(p, "enter")
	if w := p.s.Snapshot().Review.Workload; w.Name != "Payments" || w.Owner != "team" {
		t.Errorf("workload %+v", w)
	}
}

// Names someone else wrote (a hand-edited file, a team file) show their
// zero-width characters spelled out, so "x\u200b" never passes for "x",
// and the columns after them stay in place.
func TestZeroWidthCharactersShowInNames(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "Pay\u200bments", Owner: "te\ufeffam", Environment: review.Production})
	q := l.Pillars[0].Questions[0]
	for _, owner := range []string{"bob", "bob\u200b"} {
		if _, err := r.AddAction(review.Action{PillarID: pillar, QuestionID: q.ID, ChoiceID: q.Choices[0].ID, Title: "Adopt it", Owner: owner}, "me", testNow); err != nil {
			t.Fatal(err)
		}
	}
	p := newTestProgram(t, l, r, 80, 24)
	press(p, "esc")
	if plain := plainView(p); !strings.Contains(plain, `Pay\u200bments`) || !strings.Contains(plain, `te\ufeffam`) {
		t.Errorf("the workload's name and owner hide their zero-width characters:\n%s", plain)
	}
	p.v.openQuestion(0)
	p.v.refresh()
	plain := plainView(p)
	if !strings.Contains(plain, "open, bob: Adopt it") || !strings.Contains(plain, `open, bob\u200b: Adopt it`) {
		t.Errorf("two owners look alike:\n%s", plain)
	}
	checkFits(t, p.v, "actions")

	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	next := *m
	next.People = append(slices.Clone(m.People), Person{ID: "fake", Name: "hana\u200b", Role: Contributor})
	next.LastChange = Notice{Kind: NoticeRecordedMilestone, Who: "hana\u2060", Arg: "v1\u200b", At: testNow}
	v.SetMeeting(&next)
	frame := ansi.Strip(v.View())
	if !strings.Contains(frame, `hana\u200b`) || !strings.Contains(frame, `hana\u2060 recorded the milestone v1\u200b`) {
		t.Errorf("a look-alike participant passes for another:\n%s", frame)
	}
	checkFits(t, v, "presence")
	v.Update(keyMsg("H"))
	if frame := ansi.Strip(v.View()); !strings.Contains(frame, `hana\u200b`) {
		t.Errorf("the hand-over list hides a zero-width character:\n%s", frame)
	}
}

// Text typed one character at a time into the middle of a one-line field
// (an IME's or an emoji picker's output, split into keys) lands where the
// cursor is, joiners and all.
func TestJoinersTypedMidFieldStayInPlace(t *testing.T) {
	for _, c := range []struct {
		value  string
		cursor int
		typed  []string
		want   string
	}{
		{"می team", 2, []string{"\u200c", "x"}, "میx team"},   // a ZWNJ before an ASCII letter joins nothing
		{"ab", 1, []string{"👨", "\u200d", "👩"}, "a👨\u200d👩b"}, // an emoji family
		{"ab", 1, []string{"x", "\u200b", "y"}, "axyb"},       // a zero-width space goes, in place
		{"ab", 1, []string{"م", "\u200c", "ی"}, "aم\u200cیb"}, // a ZWNJ between Persian letters stays
	} {
		in := textinput.New()
		in.Focus()
		in.SetValue(c.value)
		in.SetCursor(c.cursor)
		for _, r := range c.typed {
			in, _ = updateInput(in, keyMsg(r))
		}
		if got := in.Value(); got != c.want {
			t.Errorf("%q at %d, typed %q: %q, want %q", c.value, c.cursor, c.typed, got, c.want)
		}
	}
}

// A URL that fits the terminal but not the pane's box (80 columns of it at
// 78 to 90 columns, the widths people use most, and in the wide layout)
// is drawn whole and the frame stays whole: the pane is drawn open, or, in
// a wide terminal, under the choices. The frame is never broken or
// touched by the URL, on any page, in plain or coloured output.
func TestAURLThatFitsTheScreenKeepsThePaneFrameWhole(t *testing.T) {
	ecsLens := filepath.Join("..", "..", "shared", "aws-lenses", "aws-samples__custom-lens-wa-hub__Amazon_ECS_Lens.json")
	url := "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html"
	srcs := []string{"builtin:ops"}
	if _, err := os.Stat(ecsLens); err == nil {
		srcs = append(srcs, ecsLens)
	}
	for _, src := range srcs {
		for _, color := range []bool{false, true} {
			for w := 70; w <= 140; w++ {
				l := loadLens(t, src)
				if src == "builtin:ops" {
					l.Pillars[0].Questions[0].Choices[0].HelpfulResource.URL = url
				}
				p := newTestProgram(t, l, nil, w, 30)
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Hyperlinks: true, Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: w, Height: 30})
				renderHelp(p.v)
				what := fmt.Sprintf("%s colour %v at %dx30", filepath.Base(src), color, w)
				pane := panePages(t, p)
				checkURL(t, what, pane, url, w)
				p.v.question.pane.gotoTop()
				p.v.refresh()
				for page := 0; ; page++ {
					checkPane(t, p, fmt.Sprintf("%s, page %d", what, page))
					if p.v.question.pane.atBottom() || page > 50 {
						break
					}
					press(p, "pgdown")
				}
			}
		}
	}
}
