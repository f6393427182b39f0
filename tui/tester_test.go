package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// longIDLens is the built-in lens with question ids as long as the ORR
// lens's (architecture_architecture_diagram), sharing their start, and
// one short one, and a long lens name.
func longIDLens(t *testing.T) *questions.Lens {
	l := loadLens(t, "builtin:ops")
	l.Name = "AWS Operational Readiness Review Whitepaper Sample"
	ids := []string{"architecture_architecture_diagram", "architecture_api_matrix", "event_gameday",
		"architecture_dependency_retry", "architecture_retry_timeouts", "releases_deployment_rollback"}
	for i, q := range l.Pillars[0].Questions {
		q.ID = ids[i%len(ids)]
	}
	return l
}

// In the go-to list every question row has the same columns at every
// width: the risk tags start in one column and the titles in another, a
// long id is cut with "…" (and the cut ids still differ), a title cut
// ends with "…", and no line is wider than the terminal. The title bar
// shortens the lens's name rather than dropping it.
func TestGoToListHasOneColumnLayout(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {70, 20}, {80, 24}, {100, 30}, {140, 40}} {
		l := longIDLens(t)
		p := newTestProgram(t, l, nil, size[0], size[1])
		press(p, "g")
		what := fmt.Sprintf("%dx%d", size[0], size[1])
		checkFits(t, p.v, what)
		lines := screenLines(p)
		if !strings.Contains(lines[0], "AWS Oper") {
			t.Errorf("%s: the title bar drops the lens: %q", what, lines[0])
		}
		tagCols, titleCols, ids := map[int]bool{}, map[int]bool{}, map[string]bool{}
		for _, line := range lines {
			at := strings.Index(line, "unanswered")
			if at < 0 || !strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "› ") {
				continue
			}
			tag := ansi.StringWidth(line[:at])
			tagCols[tag] = true
			id := strings.TrimSpace(ansi.Cut(line, 2, tag))
			ids[id] = true
			if ansi.StringWidth(id) > maxIDWidth || displayWidth(id) > tag-4 {
				t.Errorf("%s: id %q is wider than its column", what, id)
			}
			rest := line[at+len("unanswered"):]
			titleCols[tag+len("unanswered")+len(rest)-len(strings.TrimLeft(rest, " "))] = true
		}
		if len(tagCols) != 1 || len(titleCols) != 1 {
			t.Errorf("%s: risk tags at columns %v, titles at %v:\n%s", what, tagCols, titleCols, plainView(p))
		}
		if len(ids) != 6 {
			t.Errorf("%s: %d different ids for 6: %v", what, len(ids), ids)
		}
		for _, q := range l.Pillars[0].Questions {
			if len(q.ID) > maxIDWidth && strings.Contains(plainView(p), q.ID) {
				t.Errorf("%s: %s is not cut", what, q.ID)
			}
		}
		checkTitlesWhole(t, what, plainView(p), l)
	}
}

// checkTitlesWhole fails when a question's title on screen is cut without
// "…": each title's words, read across its lines, are a prefix of the
// real title, or end with "…".
func checkTitlesWhole(t *testing.T, what, screen string, l *questions.Lens) {
	t.Helper()
	flat := strings.Join(strings.Fields(screen), " ")
	for _, q := range l.Pillars[0].Questions {
		words := strings.Fields(q.Title)
		if strings.Contains(flat, q.Title) {
			continue
		}
		// The longest prefix of the title on screen must be followed by "…".
		for n := len(words) - 1; n > 0; n-- {
			prefix := strings.Join(words[:n], " ")
			if i := strings.Index(flat, prefix); i >= 0 {
				after := flat[i+len(prefix):]
				if !strings.HasPrefix(after, "…") && !strings.HasPrefix(after, " …") && !strings.HasPrefix(strings.TrimLeft(after, " "), words[n][:1]) {
					t.Errorf("%s: %q is cut without …: %.40q", what, q.Title, after)
				}
				break
			}
		}
	}
}

// Without colour the screen still says which part has the keys: tab to
// the help pane draws its frame heavy (boxed or open) and the choice
// whose help it shows loses the "›" cursor; tab again brings both back.
// In colour too.
func TestFocusShowsWithoutColour(t *testing.T) {
	for _, color := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {140, 40}} {
			for _, keys := range [][]string{nil, {"n"}} { // OPS1's pane is open at 80 columns, OPS2's boxed
				p := opsProgram(t)
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(color), Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				press(p, keys...)
				renderHelp(p.v)
				what := fmt.Sprintf("colour %v at %dx%d after %v", color, size[0], size[1], keys)
				choices := plainView(p)
				press(p, "tab")
				pane := plainView(p)
				top, bottom := paneBorders(t, p)
				if !strings.Contains(top, "━") || !strings.Contains(bottom, "━") || strings.Contains(pane, "╭") {
					t.Errorf("%s: the focused pane's frame is not heavy:\n%s", what, pane)
				}
				if strings.Contains(pane, "› [") || !strings.Contains(choices, "› [") {
					t.Errorf("%s: the choices' cursor still marks a choice while the pane has the keys:\n%s", what, pane)
				}
				press(p, "tab")
				if back := plainView(p); back != choices {
					t.Errorf("%s: tab back does not restore the screen:\n%s", what, back)
				}
			}
		}
	}
}

// A dialog never hides what it asks: at 60x20 and up, with the save
// error taking three lines of the status, every word of every key line
// of the save-failed, conflict, notes-conflict and end-of-review dialogs
// is in the box, in English and Japanese; the text above gives way.
func TestDialogsNeverHideTheirKeys(t *testing.T) {
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		for _, size := range [][2]int{{60, 20}, {70, 20}, {80, 24}} {
			p := newTestProgram(t, loadLens(t, src), nil, size[0], size[1])
			press(p, "x")
			if err := os.Chmod(p.s.path, 0o444); err != nil {
				t.Fatal(err)
			}
			save(p)
			runCmd(p, press(p, "q"))
			if _, ok := topDialog(p.v).(saveFailedDialog); !ok {
				t.Fatalf("no save-failed dialog: %T\n%s", topDialog(p.v), plainView(p))
			}
			c, snap := p.v.c, p.s.Snapshot()
			aside := asideName(snap.Path)
			ct, nt := &c.t.Conflict, &c.t.Notes
			end := newEndReviewDialog(c, &Meeting{Proposals: make([]Proposal, 3)}, snap)
			qs := []string{"OPS1", "OPS2", "OPS3", "OPS4", "OPS5", "OPS6"}
			long := strings.Repeat("a question whose notes someone else changed meanwhile ", 3)
			cases := []struct {
				name string
				d    dialog
				keys []string
			}{
				{"save failed", nil, strings.Split(fmt.Sprintf(c.t.Failed.Keys, aside), "\n")},
				{"conflict", newConflictDialog(c, snap, &Conflict{Questions: qs}, nil), []string{ct.Reload, ct.Keep, ct.LookFirst, fmt.Sprintf(ct.Quit, aside)}},
				{"broken", newConflictDialog(c, snap, &Conflict{LoadErr: errors.New(strings.Repeat("yaml: line 3: mapping values are not allowed here ", 4))}, nil),
					[]string{ct.KeepWorking, fmt.Sprintf(ct.QuitBroken, aside)}},
				{"notes conflict", newNotesConflictDialog(c, 0, long, "mine", "base"), []string{nt.KeepMine, nt.KeepBoth, nt.TakeTheirs, nt.BackToText}},
				{"end of review", end, []string{end.body()}},
			}
			for _, k := range cases {
				if k.d != nil {
					p.v.dialogs = nil
					p.v.openDialog(k.d)
					p.v.refresh()
				}
				what := fmt.Sprintf("%s %s at %dx%d", src, k.name, size[0], size[1])
				checkFits(t, p.v, what)
				box := dialogBox(plainView(p))
				for _, line := range k.keys {
					if missing := inOrder(box, line); missing != "" {
						t.Errorf("%s: %q of %q does not show:\n%s", what, missing, line, plainView(p))
					}
				}
			}
		}
	}
}

// dialogBox is the text inside a dialog's border on a plain screen.
func dialogBox(screen string) string {
	var out []string
	in := false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.Contains(l, "╭"):
			in = true
		case strings.Contains(l, "╰"):
			in = false
		case in:
			out = append(out, strings.Trim(strings.TrimSpace(l), "│"))
		}
	}
	return strings.Join(out, "\n")
}

// The lint notice takes one line at every width, in English and Japanese,
// and never shows a command that would not run: a command it shows names
// the lens's path whole (quoted when the shell needs it); else it says
// that the key help (?) has the command, and the key help has it whole.
func TestLintNoticeTakesOneLineAndNeverAWrongCommand(t *testing.T) {
	paths := []string{
		"/work/shared/aws-lenses/aws-samples__custom-lens-wa-hub__ORR-Whitepaper-Sample-PUBLISHED.json",
		"../lenses/my lens.json",
		"ecs.json",
	}
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		for _, path := range paths {
			for _, n := range []int{1, 14} {
				for w := 60; w <= 160; w += 5 {
					l := loadLens(t, src)
					l.Source = path
					p := newTestProgram(t, l, nil, w, 24)
					p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), LintWarnings: n, Now: func() time.Time { return testNow }})
					p.v.Update(tea.WindowSizeMsg{Width: w, Height: 24})
					markSaved(p)
					what := fmt.Sprintf("%s %q %d warnings at %dx24", src, path, n, w)
					checkFits(t, p.v, what)
					if rows := strings.Count(p.v.status, "\n") + 1; rows > 2 {
						t.Errorf("%s: the status takes %d rows:\n%s", what, rows, ansi.Strip(p.v.status))
					}
					status := ansi.Strip(p.v.status)
					cmd := "wafr lens lint " + shellArg(path)
					switch {
					case strings.Contains(status, cmd):
					case strings.Contains(status, "wafr lens lint"):
						t.Errorf("%s: a command that would not run:\n%s", what, status)
					case !strings.Contains(status, "?"):
						t.Errorf("%s: neither the command nor where it is:\n%s", what, status)
					}
					press(p, "?")
					if help := strings.Join(strings.Fields(plainView(p)), ""); !strings.Contains(help, strings.Join(strings.Fields(cmd), "")) {
						t.Errorf("%s: the key help lacks %q:\n%s", what, cmd, plainView(p))
					}
				}
			}
		}
	}
	if got := shellArg("../lenses/my lens.json"); got != "'../lenses/my lens.json'" {
		t.Errorf("shellArg: %s", got)
	}
}

// The status text never runs into the counters: at every length of a
// status message, at 60, 80 and 120 columns, at least two spaces stand
// before the progress on the status line (the message moves above it, or
// the save state is cut with "…", rather than touch it).
func TestStatusTextKeepsTwoSpacesBeforeTheCounters(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		p := newTestProgram(t, loadLens(t, "builtin:ops"), nil, w, 24)
		markSaved(p)
		right := ansi.Strip(fmt.Sprintf(p.v.c.t.Status.Progress, 0, 6, 0, 0))
		for n := 1; n < w; n++ {
			p.v.notice = Notice{Kind: NoticeMilestone, Arg: strings.Repeat("m", n), At: testNow}
			p.v.Refresh()
			lines := strings.Split(ansi.Strip(p.v.status), "\n")
			last := lines[len(lines)-1]
			at := strings.LastIndex(last, right)
			if at < 0 {
				t.Fatalf("%d columns, %d: no progress on %q", w, n, last)
			}
			if before := last[:at]; strings.TrimSpace(before) != "" && !strings.HasSuffix(before, "  ") {
				t.Errorf("%d columns, a name of %d: the status runs into the counters: %q", w, n, last)
			}
		}
	}
}

// Names in messages read as they were typed: in “ ” (「」 in Japanese),
// never quoted Go-style with backslashes (milestone "Q4 \"draft\"").
func TestMessagesShowNamesAsTyped(t *testing.T) {
	name := `Q4 "draft": v1 #test`
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		p := newTestProgram(t, loadLens(t, src), nil, 100, 30)
		press(p, "M")
		typeText(p, name)
		runCmd(p, press(p, "enter"))
		w := &p.v.c.t.Notice
		if st := ansi.Strip(p.v.status); !strings.Contains(st, fmt.Sprintf(w.Milestone, name)) || strings.Contains(st, `\"`) {
			t.Errorf("%s: the status: %q", src, st)
		}
		for _, text := range []string{
			p.v.c.noticeText(p.s.Snapshot(), Notice{Kind: NoticeMilestoneRenamed, Arg: name, Arg2: name + " (2)"}),
			fmt.Sprintf(p.v.c.t.Action.BadDue, `"soon"`),
		} {
			if strings.Contains(text, `\"`) || !strings.Contains(text, name) && !strings.Contains(text, `"soon"`) {
				t.Errorf("%s: %q", src, text)
			}
		}
	}
}

// A on a practice that an open action adopts already says where that
// action is, and it is there: under the question's notes. (The summary,
// which it used to name, shows only counts.)
func TestAlreadyAdoptedSaysWhereTheActionIs(t *testing.T) {
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		p := newTestProgram(t, loadLens(t, src), nil, 80, 24)
		press(p, "A")
		typeText(p, "alice")
		press(p, "enter")
		runCmd(p, press(p, "enter"))
		if n := len(p.s.Snapshot().Review.Actions); n != 1 {
			t.Fatalf("%s: %d actions:\n%s", src, n, plainView(p))
		}
		a := p.s.Snapshot().Review.Actions[0]
		press(p, "A")
		msg := p.v.c.t.Question.AlreadyAdopted
		lines := screenLines(p)
		if !strings.Contains(strings.Join(strings.Fields(ansi.Strip(p.v.status)), ""), strings.Join(strings.Fields(msg), "")) {
			t.Errorf("%s: the status: %q", src, ansi.Strip(p.v.status))
		}
		found := false
		for i, l := range lines {
			if strings.HasPrefix(l, "No notes") || strings.HasPrefix(l, "メモなし") || strings.HasPrefix(l, "Notes:") {
				found = i+1 < len(lines) && strings.Contains(lines[i+1], a.ID)
			}
		}
		if !found {
			t.Errorf("%s: %s is not under the notes:\n%s", src, a.ID, plainView(p))
		}
		press(p, "s")
		if strings.Contains(msg, "summary") || strings.Contains(msg, "サマリー") {
			if !strings.Contains(plainView(p), a.ID) {
				t.Errorf("%s: %q, but the summary does not list %s:\n%s", src, msg, a.ID, plainView(p))
			}
		}
	}
}

// esc in the conflict dialog closes it to look first, and that is safe:
// nothing is saved while the conflict waits (edits made meanwhile
// included), the status line says so and which key asks again, q opens
// the dialog again rather than quit, and the choice made then applies.
func TestConflictDialogEscLooksFirst(t *testing.T) {
	for _, src := range []string{"builtin:ops", "builtin:ops-ja"} {
		p := newTestProgram(t, loadLens(t, src), nil, 80, 24)
		press(p, "x") // OPS1, unsaved
		other := load(t, p.s.path)
		other.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
		writeOutside(t, p.s.path, other)
		save(p)
		if _, ok := topDialog(p.v).(conflictDialog); !ok {
			t.Fatalf("%s: no conflict dialog:\n%s", src, plainView(p))
		}
		if !strings.Contains(plainView(p), "esc") {
			t.Errorf("%s: the dialog does not offer esc:\n%s", src, plainView(p))
		}
		disk, _ := os.ReadFile(p.s.path)
		press(p, "esc")
		if topDialog(p.v) != nil {
			t.Fatalf("%s: esc left %T open", src, topDialog(p.v))
		}
		press(p, "n", "x") // more changes while looking
		save(p)
		watch(p)
		if now, _ := os.ReadFile(p.s.path); string(now) != string(disk) {
			t.Fatalf("%s: the file was written while the conflict waited", src)
		}
		if _, ok := topDialog(p.v).(conflictDialog); ok {
			t.Fatalf("%s: the same conflict opened again by itself", src)
		}
		if st := ansi.Strip(p.v.status); !strings.Contains(st, ansi.Strip(p.v.c.t.Status.ChangedOnDiskAsk)) {
			t.Errorf("%s: the status line: %q", src, st)
		}
		if runCmd(p, press(p, "q")) {
			t.Fatalf("%s: q quit instead of asking again", src)
		}
		if _, ok := topDialog(p.v).(conflictDialog); !ok {
			t.Fatalf("%s: q did not open the conflict dialog again: %T", src, topDialog(p.v))
		}
		press(p, "k") // keep this session's answers
		save(p)
		if r := load(t, p.s.path); selected(p, "OPS1") == "OPS1_no" || r.Answers.Get(pillar, "OPS2") == nil {
			t.Errorf("%s: after keep: OPS1 %q, OPS2 on disk %v", src, selected(p, "OPS1"), r.Answers.Get(pillar, "OPS2"))
		}
	}
}
