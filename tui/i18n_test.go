package tui

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/i18n/i18ntest"
	"github.com/wafr-dev/wafr/review"
)

// jaScreens visits every screen, dialog, overlay and notice of the TUI on
// builtin:ops-ja, and returns what each showed.
func jaScreens(t *testing.T) map[string]string {
	l := loadLens(t, "builtin:ops-ja")
	r := review.New(l, review.Workload{Name: "決済 API", Environment: review.Production, Owner: "決済チーム"})
	p := newTestProgram(t, l, r, 80, 24)
	screens := map[string]string{}
	shot := func(name string, keys ...string) {
		press(p, keys...)
		renderHelp(p.v)
		screens[name] = p.View()
		checkFits(t, p.v, "ops-ja "+name)
	}
	shot("question")
	shot("ticked", "x")
	shot("pane", "tab")
	shot("pane keys", "?")
	shot("notes", "esc", "tab", "e")
	typeText(p, "手順書はまだない。\n二行目")
	shot("notes typed")
	shot("question with notes", "esc")
	shot("n/a", "a")
	shot("n/a other", "j", "j", "j", "enter")
	shot("n/a other empty", "enter")
	typeText(p, "別チームが担当")
	shot("n/a marked", "enter")
	shot("n/a unmark", "a")
	shot("applicable again", "esc", "j", "x")
	shot("action", "j", "A")
	typeText(p, "佐藤")
	shot("action due", "tab")
	typeText(p, "明日")
	shot("action bad due", "enter")
	press(p, "backspace", "backspace")
	typeText(p, "2026-12-01")
	shot("action added", "enter")
	shot("already ticked", "k", "A")
	shot("milestone", "M")
	shot("milestone empty", "enter")
	typeText(p, "初回")
	shot("milestone recorded", "enter")
	shot("milestone exists", "M")
	typeText(p, "初回")
	shot("milestone exists error", "enter")
	shot("navigator", "esc", "g")
	shot("navigator filter", "f")
	shot("navigator keys", "f", "f", "?")
	shot("search", "esc", "/")
	typeText(p, "バックアップ")
	shot("search results")
	typeText(p, "ぜったいにない")
	shot("search none")
	shot("summary", "esc", "esc", "s")
	shot("summary keys", "?")
	shot("overview", "esc", "esc", "esc")
	shot("overview keys", "?")
	press(p, "esc")

	// The file's states, and the dialogs about it.
	c, snap := p.v.c, p.s.Snapshot()
	for name, d := range map[string]dialog{
		"conflict":     newConflictDialog(c, snap, &Conflict{Questions: []string{"OPS1"}}, nil),
		"broken":       newConflictDialog(c, snap, &Conflict{LoadErr: errors.New("yaml: line 3")}, nil),
		"in a meeting": newConflictDialog(c, snap, &Conflict{Questions: []string{"OPS1"}}, &Meeting{}),
		"its host":     newConflictDialog(c, snap, &Conflict{Questions: []string{"OPS1"}}, &Meeting{Me: Person{ID: HostID}}),
		"host, broken": newConflictDialog(c, snap, &Conflict{LoadErr: errors.New("yaml: line 3")}, &Meeting{Me: Person{ID: HostID}}),
		"save failed":  newSaveFailedDialog(c, snap.Path, errors.New("disk full")),
	} {
		p.v.openDialog(d)
		p.v.refresh()
		screens[name] = p.View()
		p.v.dialogs = nil
	}
	for name, n := range map[string]Notice{"merged": {Kind: NoticeMerged}, "reloaded": {Kind: NoticeReloaded, Arg: "r.yaml"},
		"kept": {Kind: NoticeKeptOurs, N: 2}, "lint": {Kind: noticeLint, N: 3, Arg: "builtin:ops-ja"}} {
		n.At = testNow
		p.v.notice = n
		p.v.refresh()
		screens["notice "+name] = p.View()
	}
	for name, st := range map[string]SaveStatus{"saving": {Pending: true}, "saved ago": {LastSaved: testNow.Add(-3 * time.Minute)},
		"not saved": {Err: errors.New("disk full")}, "waiting": {Waiting: true}, "no changes": {}} {
		snap := *p.s.Snapshot()
		snap.Save = st
		p.v.SetSnapshot(&snap)
		screens["status "+name] = p.View()
	}
	p.v.openDialog(messageDialog{frame: frame{c: c}, title: c.t.Question.NotEditableTitle, body: "x"})
	p.v.refresh()
	screens["message"] = p.View()
	p.v.dialogs = nil
	p.Update(tea.WindowSizeMsg{Width: 50, Height: 15})
	screens["too small"] = p.View()

	for name, v := range jaMeetingScreens(t) {
		screens["meeting "+name] = v
	}
	sp := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "reviews"}), Lens: l,
		Path: "payments/review.yaml", Setup: true, Renderer: testRenderer(false), Now: func() time.Time { return testNow }}) // never written
	sp.after = noTimers
	sp.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	screens["setup"] = sp.View()
	press(sp, "enter", "enter", "tab", "tab")
	screens["setup owner"] = sp.View()
	return screens
}

// jaMeetingScreens are a live review's screens and dialogs on ops-ja, as
// its facilitator sees them.
func jaMeetingScreens(t *testing.T) map[string]string {
	l := loadLens(t, "builtin:ops-ja")
	r := review.New(l, review.Workload{Name: "決済"})
	r.Parked = []review.Parked{{PillarID: pillar, QuestionID: "OPS1", Text: "DR の手順書を確認する", By: "花子"}}
	s := NewSession(SessionOptions{Path: "r.yaml", Review: r, Lens: l})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	me := Person{ID: "host", Name: "花子", Role: Facilitator}
	m := &Meeting{Me: me, People: []Person{me, {ID: "b", Name: "次郎", Role: Contributor, Item: 2}, {ID: "c", Name: "三郎", Role: Observer}},
		Proposals: []Proposal{{ID: 1, By: "次郎", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}}, TimeBox: TimeBox{PerQuestion: 5 * time.Minute, Started: testNow.Add(-2 * time.Minute)}}
	out := map[string]string{}
	shot := func(name string, keys ...string) {
		for _, k := range keys {
			v.Update(keyMsg(k))
		}
		v.refresh()
		out[name] = v.View()
		checkFits(t, v, "ops-ja meeting "+name)
	}
	v.SetMeeting(m)
	shot("proposal")
	open := *m
	open.Proposals = nil
	open.Vote = &VoteView{Item: 0, Voted: 1, Eligible: 2, Mine: []string{"OPS1_users"}}
	open.TimeBox.Started = testNow.Add(-9 * time.Minute)
	v.SetMeeting(&open)
	shot("vote open")
	shown := open
	shown.Vote = &VoteView{Item: 0, Revealed: true, Voted: 2, Eligible: 2, Voters: map[string][]string{"OPS1_users": {"花子", "次郎"}},
		Disagree: map[string]bool{"OPS1_users": true}, Majority: []string{"OPS1_users"}}
	v.SetMeeting(&shown)
	shot("vote revealed")
	shot("nobody ticked", "j")
	shot("settle", "v")
	shot("keys", "esc", "?")
	// Every key is in the help, none cut off, however many a meeting adds.
	_, full := v.belowOverlay()
	for _, g := range full {
		for _, b := range g {
			if !strings.Contains(plainViewOf(out["keys"]), b.Help().Key+" ") || !strings.Contains(plainViewOf(out["keys"]), b.Help().Desc) {
				t.Errorf("the key help lacks %s %s:\n%s", b.Help().Key, b.Help().Desc, plainViewOf(out["keys"]))
			}
		}
	}
	shot("park", "esc", "L")
	shot("park empty", "enter")
	shot("time box", "esc", "T")
	shot("time box bad", "x", "enter")
	shot("hand over", "esc", "H")
	shot("parking lot", "esc", "K")
	shot("parked action", "a")
	shot("parked action bad", "x", ",", "y", "enter")
	v.dialogs = nil
	for name, n := range map[string]Notice{"parked": {Kind: NoticeParked, Arg: "OPS1"}, "dropped": {Kind: NoticeParkDropped},
		"to action": {Kind: NoticeParkedToAction, Arg: "A1"}, "to notes": {Kind: NoticeParkedToNotes, Arg: "OPS1"}} {
		n.At = testNow
		v.notice = n
		shot("notice " + name)
	}
	alone := shown
	alone.People = []Person{me}
	alone.Vote = nil
	v.SetMeeting(&alone)
	shot("hand over alone", "H")
	shot("roaming notice", "esc")
	shot("end the review", "q")
	return out
}

var webRe = regexp.MustCompile(`https?://\S+`)

// No string wafr writes in English appears on a screen of a Japanese
// review: the catalogue covers them all (issue 16), in a review of one's
// own and in a live review.
func TestJapaneseScreensHaveNoEnglish(t *testing.T) {
	screens := jaScreens(t)
	for name, v := range jaLiveScreens(t) {
		screens["live "+name] = v
	}
	checkNoEnglish(t, screens)
}

// checkNoEnglish reports every English string of the catalogue, and every
// ASCII word that is neither the lens's (builtin:ops-ja) nor a name or
// command the Japanese catalogue keeps, on the screens given.
func checkNoEnglish(t *testing.T, screens map[string]string) {
	t.Helper()
	lensFile, _ := os.ReadFile("../questions/lenses/ops-ja.yaml")
	check := i18ntest.Check{
		// What the TUI writes: its own part, and the names it shares
		// with the reports.
		Parts: []string{"TUI", "Risk", "Reasons", "Statuses", "Environments"},
		Also:  map[string]func(*i18n.Catalog) any{"Legend": func(c *i18n.Catalog) any { return c.Summary.Legend }},
		Allowed: []string{string(lensFile), "esc enter space tab pgup pgdn ctrl shift",
			"Payments API payments reviews review yaml wafr unsaved disk full line", // names, files and errors the test made up
			"keys command"}, // a team file and an option in it (a live review)
	}
	plain := make(map[string]string, len(screens))
	for name, v := range screens {
		plain[name] = webRe.ReplaceAllString(plainViewOf(v), " ")
	}
	for _, problem := range check.English(plain) {
		t.Error(problem)
	}
}

// plainViewOf is a view without escape codes, the temporary folder taken
// out.
func plainViewOf(v string) string {
	v = regexp.MustCompile(`\S*/tmp/\S*|\S*TestJapanese\S*`).ReplaceAllString(v, " ")
	return regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(v, "")
}
