package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// screenLines is the plain view, line by line.
func screenLines(p *program) []string { return strings.Split(plainView(p), "\n") }

// The help pane says where its text goes on in its border, apart from the
// text: "↓ more (N%)" at the bottom while more follows, "↑ more" at the top
// once scrolled, "end" at the end.
func TestHelpPaneShowsScrollStateApart(t *testing.T) {
	p := opsProgram(t)
	if top, bottom := paneBorders(t, p); !strings.Contains(bottom, "↓ more (") || !strings.Contains(bottom, "%)") {
		t.Errorf("bottom border does not say more follows: %q", bottom)
	} else if strings.Contains(top, "more") {
		t.Errorf("top border says more above at the top: %q", top)
	}
	for i := 0; i < 100 && !p.v.question.pane.atBottom(); i++ {
		press(p, "pgdown")
	}
	if top, bottom := paneBorders(t, p); !strings.Contains(bottom, "end") || strings.Contains(bottom, "more") {
		t.Errorf("bottom border at the end: %q", bottom)
	} else if !strings.Contains(top, "↑ more") {
		t.Errorf("top border when scrolled: %q", top)
	}
	// The labels are never in the text itself.
	for _, l := range p.v.question.pane.lines {
		if strings.Contains(l, "↓ more") || strings.Contains(l, "↑ more") {
			t.Errorf("a scroll label in the text: %q", l)
		}
	}
}

// manyChoices is a lens whose questions have more choices than fit.
func manyChoices(t *testing.T) *questions.Lens {
	l, problems := questions.Parse("gen.yaml", lensgen.YAML(1, 2, 19), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	return l
}

// When the choices scroll, their position is a line of its own under
// them, never glued to the last title (issue 16: "…Amazon ECR (1/14)").
func TestChoicePositionIsApartFromTitles(t *testing.T) {
	p := newTestProgram(t, manyChoices(t), nil, 80, 24)
	n := len(p.v.question.item().Question.Choices)
	if p.v.question.visibleChoices() >= n {
		t.Fatalf("the choices fit: %d of %d", p.v.question.visibleChoices(), n)
	}
	check := func(want string) {
		t.Helper()
		var boxes, pos []string
		for _, l := range screenLines(p) {
			switch {
			case strings.Contains(l, "[ ]") || strings.Contains(l, "[x]"):
				boxes = append(boxes, l)
				if strings.Contains(l, "/") && strings.Contains(l, "choice") {
					t.Errorf("position glued to a title: %q", l)
				}
			case strings.Contains(l, "choice ") && strings.Contains(l, " of "):
				pos = append(pos, l)
			}
		}
		if len(pos) != 1 || !strings.Contains(pos[0], want) {
			t.Errorf("position lines %q, want one with %q", pos, want)
		}
		if len(boxes) != p.v.question.visibleChoices() {
			t.Errorf("%d choice lines, %d visible", len(boxes), p.v.question.visibleChoices())
		}
	}
	check("choice 1 of 20 · ↓")
	for range n - 1 {
		press(p, "j")
	}
	check("↑ ")
	check("choice 20 of 20")
	checkFits(t, p.v, "scrolled choices")
}

// The navigator groups questions under pillar headers: a pillar's name
// once, never on each row; titles wrap rather than being cut, so OPS3 and
// OPS4 read apart.
func TestNavigatorGroupsUnderPillars(t *testing.T) {
	for _, src := range []string{"builtin:ops", "builtin:users", "builtin:users-ja"} {
		l := loadLens(t, src)
		p := newTestProgram(t, l, nil, 80, 24)
		press(p, "g")
		v := strings.Join(screenLines(p)[1:], "\n") // not the title bar, which names the lens
		for _, pl := range l.Pillars {
			if n := strings.Count(v, pl.Name); n != 1 {
				t.Errorf("%s: pillar %q shows %d times:\n%s", src, pl.Name, n, v)
			}
		}
		checkFits(t, p.v, src+" navigator")
	}
	p := opsProgram(t)
	press(p, "g")
	flat := strings.Join(strings.Fields(plainView(p)), " ")
	for _, q := range p.s.Snapshot().Lens.Pillars[0].Questions {
		if !strings.Contains(flat, strings.Join(strings.Fields(q.Title), " ")) {
			t.Errorf("%s's title is cut: %q", q.ID, q.Title)
		}
	}
}

// The summary's bars give way before the pillar names do.
func TestSummaryBarsShrinkBeforeNames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {70, 24}} {
		l := loadLens(t, "builtin:users")
		p := newTestProgram(t, l, nil, size[0], size[1])
		press(p, "s")
		v := plainView(p)
		for _, pl := range l.Pillars {
			if !strings.Contains(v, pl.Name) {
				t.Errorf("%dx%d: pillar name %q is cut:\n%s", size[0], size[1], pl.Name, v)
			}
		}
		if !strings.Contains(v, strings.Repeat("·", minBar)) {
			t.Errorf("%dx%d: no bar left:\n%s", size[0], size[1], v)
		}
	}
	for _, c := range []struct{ name, w, nameW, barW int }{
		{10, 80, 10, maxBar}, {20, 80, 20, 20}, {30, 80, 30, 10}, {37, 80, 37, 0}, {60, 80, 42, 0},
	} {
		if nameW, barW := barLayout([]string{strings.Repeat("x", c.name)}, c.w, 36); nameW != c.nameW || barW != c.barW {
			t.Errorf("a %d-column name at %d: name %d, bar %d; want %d, %d", c.name, c.w, nameW, barW, c.nameW, c.barW)
		}
	}
}

// Search (/) looks in ids, titles, choices, their help, descriptions,
// notes and actions, says where it matched, and one enter opens the match.
func TestSearchFindsEverywhere(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "Payments API"})
	r.Update(pillar, "OPS2", "me", testNow, func(a *review.Answer) { a.Notes = "The runbook lives in Confluence." })
	r.AddAction(review.Action{PillarID: pillar, QuestionID: "OPS4", ChoiceID: "OPS4_business", Title: "Dashboards for checkout", Owner: "dana"}, "me", testNow)
	cases := []struct {
		query, want, why string
	}{
		{"backup", "OPS3", "choice OPS3_restore"},
		{"postmortem", "OPS5", "choice OPS6_postmortem"}, // OPS5's help names them too
		{"confluence", "OPS2", "note"},
		{"dana", "OPS4", "action A1"},
		{"ＢＡＣＫＵＰ", "OPS3", ""}, // full-width forms fold
		{"ops5", "OPS5", ""},
	}
	for _, c := range cases {
		p := newTestProgram(t, l, r.Clone(), 80, 24)
		press(p, "g", "/")
		typeText(p, c.query)
		v := plainView(p)
		if c.why != "" && !strings.Contains(v, c.why+": ") {
			t.Errorf("%q: the row does not say why (%q):\n%s", c.query, c.why, v)
		}
		press(p, "enter")
		if p.v.current != screenQuestion || current(p) != c.want {
			t.Errorf("%q: enter opened %v %s, want %s", c.query, p.v.current, current(p), c.want)
		}
	}
	// incident is in OPS5's title words and choices, and in others.
	p := newTestProgram(t, l, r.Clone(), 80, 24)
	press(p, "g", "/")
	typeText(p, "incident")
	if rows := questionRows(p.v.navigator.list); len(rows) < 2 || !contains(rows, 4) {
		t.Errorf("incident: rows %v, want OPS5 among them", rows)
	}
	// Several words must all match; none matching says so.
	typeText(p, " zzz")
	if rows := questionRows(p.v.navigator.list); len(rows) != 0 || !strings.Contains(plainView(p), "no question matches") {
		t.Errorf("no match: rows %v:\n%s", rows, plainView(p))
	}
	press(p, "esc")
	if p.v.navigator.filtering() || len(questionRows(p.v.navigator.list)) != 6 {
		t.Error("esc did not clear the search")
	}
}

func contains(v []int, x int) bool {
	for _, e := range v {
		if e == x {
			return true
		}
	}
	return false
}

// setupProgram opens the form of a new review in a folder named reviews.
func setupProgram(t *testing.T, lang string) *program {
	l := loadLens(t, "builtin:ops")
	dir := filepath.Join(t.TempDir(), "reviews")
	p := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "reviews"}), Lens: l,
		Path: filepath.Join(dir, "review.yaml"), Setup: true, Language: lang, Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	p.after = noTimers
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmd(p, p.Init())
	return p
}

// The folder's name is a suggestion: typing replaces it, enter keeps it.
// The intro wraps, and the title bar names the file.
func TestSetupSuggestsAndWraps(t *testing.T) {
	p := setupProgram(t, "")
	typeText(p, "Payments")
	press(p, "enter", "enter", "enter")
	if w := p.s.Snapshot().Review.Workload; w.Name != "Payments" {
		t.Errorf("typed name gives %q", w.Name)
	}
	p = setupProgram(t, "")
	v := plainView(p)
	if first := strings.Split(v, "\n")[0]; strings.Contains(first, "· reviews ") || !strings.Contains(first, "review.yaml") {
		t.Errorf("title bar: %q", first)
	}
	flat := strings.Join(strings.Fields(v), " ")
	if !strings.Contains(flat, "A review looks at one workload (a service or system) with the lens Operational Excellence.") {
		t.Errorf("intro cut:\n%s", v)
	}
	checkFits(t, p.v, "setup")
	press(p, "enter", "enter", "enter")
	if w := p.s.Snapshot().Review.Workload; w.Name != "reviews" {
		t.Errorf("enter on the suggestion gives %q", w.Name)
	}
}

// "Other" asks why, and the words go into the first line of the notes;
// choosing it again replaces that line.
func TestNotApplicableOtherAsksWhy(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	typeText(p, "Batch only.")
	press(p, "esc", "a", "j", "j", "j", "enter")
	d, ok := topDialog(p.v).(notApplicableDialog)
	if !ok || !d.asking || !d.typing() {
		t.Fatalf("Other did not ask: %#v", topDialog(p.v))
	}
	press(p, "enter") // empty: refused
	if _, ok := topDialog(p.v).(notApplicableDialog); !ok || !strings.Contains(plainView(p), "say why") {
		t.Errorf("empty reason accepted:\n%s", plainView(p))
	}
	typeText(p, "handled by the platform team, q and g are text")
	press(p, "enter")
	a := answer(p, "OPS1")
	if a == nil || !a.NotApplicable || a.Reason != "OTHER" || a.Notes != "Not applicable: handled by the platform team, q and g are text\nBatch only." {
		t.Fatalf("answer %+v", a)
	}
	press(p, "a", "j", "j", "j", "j", "enter")
	if d := topDialog(p.v).(notApplicableDialog); d.input.Value() != "handled by the platform team, q and g are text" {
		t.Errorf("the dialog forgot the words: %q", d.input.Value())
	}
	for range 10 {
		press(p, "backspace")
	}
	typeText(p, "Z")
	press(p, "enter")
	if a := answer(p, "OPS1"); a.Notes != "Not applicable: handled by the platform team, q and Z\nBatch only." {
		t.Errorf("notes after a second reason: %q", a.Notes)
	}
	// esc goes back to the list, not out.
	press(p, "a", "j", "j", "j", "j", "enter", "esc")
	if d, ok := topDialog(p.v).(notApplicableDialog); !ok || d.asking {
		t.Error("esc did not go back to the reasons")
	}
}

// Every reason is indented alike, the highlighted one too.
func TestNotApplicableReasonsAligned(t *testing.T) {
	p := opsProgram(t)
	press(p, "a", "j")
	col := map[int]bool{}
	for _, l := range screenLines(p) {
		for _, label := range []string{"Out of scope", "Business priorities", "Architecture constraints", "Other…", "None (no reason)"} {
			if i := strings.Index(l, label); i >= 0 {
				col[ansi.StringWidth(l[:i])] = true
			}
		}
	}
	if len(col) != 1 {
		t.Errorf("labels start at columns %v:\n%s", col, plainView(p))
	}
}

// Typing a long note at 80x24: every line of the editor keeps its prompt
// and the box keeps its size (issue 16).
func TestNotesEditorKeepsItsShape(t *testing.T) {
	p := opsProgram(t)
	press(p, "e")
	height := -1
	text := strings.Repeat("The team agreed to write the runbooks next sprint, ", 5) + strings.Repeat("とても長い日本語のメモ", 8)
	for i, r := range text {
		typeText(p, string(r))
		lines := screenLines(p)
		top, bottom := -1, -1
		for j, l := range lines {
			if strings.Contains(l, "╭") {
				top = j
			}
			if strings.Contains(l, "╰") {
				bottom = j
			}
		}
		if height < 0 {
			height = bottom - top
		}
		if bottom-top != height {
			t.Fatalf("after %d runes the box is %d high, was %d:\n%s", i+1, bottom-top, height, plainView(p))
		}
		for _, l := range lines[top+3 : bottom-1] { // border, title, gap; hint
			if strings.Contains(l, "Saved as you type") {
				break
			}
			if !strings.Contains(l, "┃") {
				t.Fatalf("after %d runes a line has no prompt: %q\n%s", i+1, l, plainView(p))
			}
		}
		checkFits(t, p.v, "notes")
	}
	if got := answer(p, "OPS1").Notes; got != text {
		t.Errorf("notes %q", got)
	}
}
