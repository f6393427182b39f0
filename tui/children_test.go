package tui

import (
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
)

// Screens and dialogs are tested alone here: built from a common and a
// snapshot, driven with keys, judged by the events they return.

func childFixture(t *testing.T) (*common, *Snapshot) {
	t.Helper()
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "W"})
	r.Update(pillar, "OPS1", "x", testNow, func(a *review.Answer) { a.Selected = []string{"OPS1_users"} })
	r.AddMilestone("first", "", l, testNow)
	s := NewSession(SessionOptions{Path: "r.yaml", Review: r, Lens: l})
	rd := testRenderer(false)
	c := newCommon(rd, "en", false, func() time.Time { return testNow })
	c.width, c.height = 80, 21
	return c, s.Snapshot()
}

// drive sends keys to a dialog and returns the events of the last one.
func drive(d dialog, keys ...string) (dialog, []event) {
	var evs []event
	for _, k := range keys {
		d, _, evs = d.update(keyMsg(k))
	}
	return d, evs
}

func hasEvent(evs []event, want event) bool {
	for _, e := range evs {
		if e == want {
			return true
		}
	}
	return false
}

func TestNotApplicableDialogAlone(t *testing.T) {
	c, snap := childFixture(t)
	_, evs := drive(newNotApplicableDialog(c, snap, 1), "j", "enter")
	if !hasEvent(evs, closeDialogEvent{}) || !hasEvent(evs, applyEvent{NotApplicableIntent{Item: 1, Reason: "BUSINESS_PRIORITIES"}}) {
		t.Errorf("events %#v", evs)
	}
	if _, evs := drive(newNotApplicableDialog(c, snap, 1), "esc"); len(evs) != 1 || evs[0] != (closeDialogEvent{}) {
		t.Errorf("esc: %#v", evs)
	}
}

func TestMilestoneDialogAlone(t *testing.T) {
	c, snap := childFixture(t)
	var d dialog = newMilestoneDialog(c, snap)
	d, _ = d.focus()
	d, evs := drive(d, "enter")
	if len(evs) != 0 || d.(textDialog).err == "" {
		t.Errorf("an empty name: %#v", evs)
	}
	d, _, _ = d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("first")})
	if d, evs = drive(d, "enter"); len(evs) != 0 || d.(textDialog).err == "" {
		t.Errorf("a name in use: %#v", evs)
	}
	d, _, _ = d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" again")})
	if _, evs = drive(d, "enter"); !hasEvent(evs, applyEvent{MilestoneIntent{Name: "first again"}}) {
		t.Errorf("events %#v", evs)
	}
}

func TestActionDialogAlone(t *testing.T) {
	c, snap := childFixture(t)
	var d dialog = newActionDialog(c, snap, 0, snap.Items[0].Question.Choices[2])
	d, _ = d.focus()
	d, _, _ = d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("alice")})
	d, _ = drive(d, "tab")
	d, _, _ = d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("someday")})
	if d, evs := drive(d, "enter"); len(evs) != 0 || d.(actionDialog).err == "" {
		t.Fatalf("a bad date: %#v", evs)
	}
	for range "someday" {
		d, _ = drive(d, "backspace")
	}
	d, _, _ = d.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2027-01-31")})
	want := applyEvent{ActionIntent{Item: 0, ChoiceID: "OPS1_budget", Owner: "alice", Due: "2027-01-31"}}
	if _, evs := drive(d, "enter"); !hasEvent(evs, want) {
		t.Errorf("events %#v", evs)
	}
}

func TestConflictAndSaveFailedDialogsAlone(t *testing.T) {
	c, snap := childFixture(t)
	both := newConflictDialog(c, snap, &Conflict{Questions: []string{"OPS1"}}, nil)
	for key, want := range map[string]event{"r": applyEvent{ReloadIntent{}}, "k": applyEvent{KeepOursIntent{}}, "q": quitEvent{how: quitAside}} {
		if _, evs := drive(both, key); !hasEvent(evs, want) {
			t.Errorf("%s: %#v", key, evs)
		}
	}
	broken := newConflictDialog(c, snap, &Conflict{LoadErr: errors.New("bad")}, nil)
	if _, evs := drive(broken, "r", "k"); len(evs) != 0 {
		t.Errorf("reload or keep offered for a file that does not load: %#v", evs)
	}
	if _, evs := drive(broken, "esc"); !hasEvent(evs, closeDialogEvent{}) {
		t.Errorf("esc: %#v", evs)
	}
	failed := newSaveFailedDialog(c, "r.yaml", errors.New("disk full"))
	if _, evs := drive(failed, "r"); !hasEvent(evs, quitEvent{how: quitSave}) {
		t.Errorf("r: %#v", evs)
	}
	if _, evs := drive(failed, "Q"); !hasEvent(evs, quitEvent{how: quitForce}) {
		t.Errorf("Q: %#v", evs)
	}
}

func TestQuestionScreenAlone(t *testing.T) {
	c, snap := childFixture(t)
	q := newQuestionScreen(c, snap).setSize(80, 21).open(0).refresh()
	q, _, evs := q.update(keyMsg("x"))
	if len(evs) != 1 || evs[0] != (applyEvent{TickIntent{Item: 0, ChoiceID: "OPS1_users"}}) {
		t.Errorf("x: %#v", evs)
	}
	q, _, _ = q.update(keyMsg("j"))
	if _, _, evs = q.update(keyMsg("n")); len(evs) != 1 || evs[0] != (openQuestionEvent{1}) {
		t.Errorf("n: %#v", evs)
	}
	if _, _, evs = q.update(keyMsg("A")); len(evs) != 1 {
		t.Fatalf("A: %#v", evs)
	} else if _, ok := evs[0].(openDialogEvent); !ok {
		t.Errorf("A on an unticked practice: %#v", evs)
	}
	if _, _, evs = q.update(keyMsg("esc")); len(evs) != 1 || evs[0] != (openScreenEvent{screenOverview}) {
		t.Errorf("esc: %#v", evs)
	}
}

func TestListScreensAlone(t *testing.T) {
	c, snap := childFixture(t)
	o := newOverviewScreen(c, snap).refresh()
	if _, _, evs := o.update(keyMsg("enter")); len(evs) != 1 || evs[0] != (openQuestionEvent{1}) {
		t.Errorf("overview enter: %#v (the pillar's first unanswered question)", evs)
	}
	n := newNavigatorScreen(c, snap).open(0)
	n, _, _ = n.update(keyMsg("f"))
	n = n.refresh()
	if n.filter != filterUnanswered || len(questionRows(n.list)) != 5 {
		t.Errorf("navigator filter %v, %d rows", n.filter, len(questionRows(n.list)))
	}
	s := newSummaryScreen(c, snap).open()
	if _, _, evs := s.update(keyMsg("enter")); len(evs) != 1 || evs[0] != (openQuestionEvent{0}) {
		t.Errorf("summary enter: %#v", evs)
	}
	f := newSetupScreen(c, snap)
	f.focus()
	for range "W" {
		f, _, _ = f.update(keyMsg("backspace"))
	}
	f, _, _ = f.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Payments")})
	f, _, _ = f.update(keyMsg("enter"))
	f, _, _ = f.update(keyMsg("enter"))
	_, _, evs := f.update(keyMsg("enter"))
	if len(evs) != 2 || evs[0] != (applyEvent{WorkloadIntent{Workload: review.Workload{Name: "Payments", Environment: review.Production}}}) {
		t.Errorf("setup: %#v", evs)
	}
}
