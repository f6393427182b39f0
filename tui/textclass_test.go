package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

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
		if ansi.Cut(l, left, left+1) == "╭" {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("%s: no pane on screen:\n%s", what, ansi.Strip(frame))
	}
	if got := ansi.Cut(lines[start], left+pw-1, left+pw); got != "╮" {
		t.Errorf("%s: the pane's top right corner is %q:\n%s", what, got, ansi.Strip(frame))
	}
	vis := q.pane.visible()
	for i := 0; i < q.pane.height; i++ {
		if i < len(vis) && ansi.StringWidth(vis[i]) > pw-paneFrameW && strings.Contains(vis[i], "://") {
			continue // a URL drawn over the frame, on purpose
		}
		l := lines[start+1+i]
		if ansi.Cut(l, left, left+1) != "│" || ansi.Cut(l, left+pw-1, left+pw) != "│" || ansi.StringWidth(l) != left+pw {
			t.Errorf("%s: pane line %d lost a border: %q", what, i+1, l)
		}
	}
	if got := ansi.Cut(lines[start+1+q.pane.height], left, left+1); got != "╰" {
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
