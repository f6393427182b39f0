package serve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

const pillar = "operationalExcellence"

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

type testHub struct {
	*Hub
	t     *testing.T
	path  string
	clock *clock
	stop  context.CancelFunc
	ended chan error
}

// newTestHub runs a hub over a new review of builtin:ops in a temporary
// folder.
func newTestHub(t *testing.T) *testHub {
	t.Helper()
	ws := workspace.New()
	ws.Settle, ws.DeleteSettle = time.Millisecond, 0
	l, err := ws.Lens("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "review.yaml")
	r := review.New(l, review.Workload{Name: "Live"})
	c := &clock{now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	s := tui.NewSession(tui.SessionOptions{Workspace: ws, Path: path, Review: r, Lens: l, Create: true, Now: c.Now})
	h := NewHub(s, HubOptions{Now: c.Now, Tick: 20 * time.Millisecond, EndWait: 200 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	th := &testHub{Hub: h, t: t, path: path, clock: c, stop: cancel, ended: make(chan error, 1)}
	go func() { th.ended <- h.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-th.ended })
	return th
}

func (h *testHub) join(id, name string, role tui.Role, host bool) *Mailbox {
	h.t.Helper()
	box, err := h.Join(Participant{ID: id, Fingerprint: "SHA256:" + name, Name: name, Role: role}, host)
	if err != nil {
		h.t.Fatal(err)
	}
	return box
}

// waitFor takes updates from box until one satisfies ok.
func waitFor(t *testing.T, box *Mailbox, what string, ok func(*Update) bool) *Update {
	t.Helper()
	deadline := time.After(3 * time.Second)
	for {
		if u := box.Take(); u != nil && ok(u) {
			return u
		}
		select {
		case <-box.Ready():
		case <-deadline:
			t.Fatalf("no update with %s", what)
		}
	}
}

func sel(u *Update, q string) string {
	if a := u.Snap.Review.Answers.Get(pillar, q); a != nil {
		return strings.Join(a.Selected, ",")
	}
	return ""
}

// refused reports whether one of the update's results is a refusal for
// the reason err.
func refused(u *Update, err error) bool {
	for _, r := range u.Results {
		if errors.Is(r.Err, err) {
			return true
		}
	}
	return false
}

// told reports whether one of the update's results tells of kind.
func told(u *Update, kind tui.NoticeKind) bool {
	for _, r := range u.Results {
		if r.Err == nil && r.Message.Kind == kind {
			return true
		}
	}
	return false
}

// Roles: the facilitator changes answers; a contributor proposes unless
// the facilitator allows edits; an observer changes nothing.
func TestHubRoles(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	olga := h.join("olga", "olga", tui.Observer, false)

	h.Send("host", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	u := waitFor(t, bob, "hana's tick", func(u *Update) bool { return sel(u, "OPS1") == "OPS1_slo" })
	if a, lc := u.Snap.Review.Answers.Get(pillar, "OPS1"), u.Meeting.LastChange; a.AnsweredBy != "hana" ||
		lc.Kind != tui.NoticeTicked || lc.Who != "hana" || lc.Arg != "OPS1_slo" {
		t.Errorf("who changed it: %+v / %+v", a, lc)
	}

	h.Send("olga", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_users"}, tui.MilestoneIntent{Name: "x"}})
	waitFor(t, olga, "the refusal", func(u *Update) bool { return refused(u, tui.ErrObserverReadOnly) })

	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_budget"}})
	u = waitFor(t, host, "bob's proposal", func(u *Update) bool { return len(u.Meeting.Proposals) == 1 })
	if p := u.Meeting.Proposals[0]; sel(u, "OPS1") != "OPS1_slo" || p.By != "bob" || p.Untick || p.Intent != (tui.TickIntent{Item: 0, ChoiceID: "OPS1_budget"}) {
		t.Fatalf("a proposal changed the answer: %q %+v", sel(u, "OPS1"), u.Meeting.Proposals)
	}
	waitFor(t, bob, "proposed", func(u *Update) bool { return told(u, tui.NoticeProposed) })
	h.Send("host", []tui.Intent{tui.DecideIntent{Proposal: u.Meeting.Proposals[0].ID, Accept: true}})
	u = waitFor(t, bob, "the accepted proposal", func(u *Update) bool { return sel(u, "OPS1") == "OPS1_slo,OPS1_budget" })
	if a := u.Snap.Review.Answers.Get(pillar, "OPS1"); a.AnsweredBy != "bob" || len(u.Meeting.Proposals) != 0 {
		t.Errorf("accepted: %+v, proposals %v", a, u.Meeting.Proposals)
	}
	if lc := u.Meeting.LastChange; lc.Kind != tui.NoticeAcceptedProposal || lc.Who != "hana" || lc.Whom != "bob" || lc.Proposal == nil {
		t.Errorf("the accepted proposal is told as %+v", lc)
	}
	// Declined: nothing changes.
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_users"}})
	u = waitFor(t, host, "a second proposal", func(u *Update) bool { return len(u.Meeting.Proposals) == 1 })
	h.Send("host", []tui.Intent{tui.DecideIntent{Proposal: u.Meeting.Proposals[0].ID}})
	u = waitFor(t, host, "the decline", func(u *Update) bool { return len(u.Meeting.Proposals) == 0 && told(u, tui.NoticeDeclined) })
	if sel(u, "OPS1") != "OPS1_slo,OPS1_budget" {
		t.Errorf("declined proposal applied: %q", sel(u, "OPS1"))
	}
	// Edits allowed: bob changes answers himself.
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}})
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 1, ChoiceID: "OPS2_no"}})
	waitFor(t, host, "bob's own tick", func(u *Update) bool { return sel(u, "OPS2") == "OPS2_no" })
	// Only the facilitator runs the meeting.
	h.Send("bob", []tui.Intent{tui.OpenVoteIntent{Item: 0}, tui.TimeBoxIntent{Minutes: 5}})
	waitFor(t, bob, "the refusal", func(u *Update) bool { return refused(u, tui.ErrFacilitatorOnly) })
}

// A silent vote: ballots stay private until revealed; the reveal shows who
// ticked what and where the team disagrees; settling records the ballots
// with the answer, in the file.
func TestHubVote(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.join("cara", "cara", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}})
	waitFor(t, bob, "the open vote", func(u *Update) bool { return u.Meeting.Vote != nil })
	h.Send("host", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}, tui.BallotIntent{ChoiceID: "OPS1_users"}})
	h.Send("bob", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("cara", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}, tui.BallotIntent{ChoiceID: "OPS1_users"}})
	u := waitFor(t, bob, "three ballots", func(u *Update) bool { return u.Meeting.Vote.Voted == 3 })
	if got := strings.Join(u.Meeting.Vote.Mine, ","); got != "OPS1_slo" || u.Meeting.Vote.Voters != nil {
		t.Fatalf("before the reveal bob sees %q and voters %v", got, u.Meeting.Vote.Voters)
	}
	if sel(u, "OPS1") != "" {
		t.Fatal("a ballot changed the answer")
	}
	h.Send("host", []tui.Intent{tui.RevealIntent{}})
	u = waitFor(t, bob, "the reveal", func(u *Update) bool { return u.Meeting.Vote.Revealed })
	v := u.Meeting.Vote
	if strings.Join(v.Voters["OPS1_slo"], ",") != "bob,cara,hana" || !v.Disagree["OPS1_users"] || v.Disagree["OPS1_slo"] ||
		strings.Join(v.Majority, ",") != "OPS1_users,OPS1_slo" {
		t.Errorf("revealed %+v", v)
	}
	h.Send("host", []tui.Intent{tui.CloseVoteIntent{Majority: true}})
	u = waitFor(t, host, "the settled vote", func(u *Update) bool { return u.Meeting.Vote == nil })
	a := u.Snap.Review.Answers.Get(pillar, "OPS1")
	if sel(u, "OPS1") != "OPS1_users,OPS1_slo" || len(a.Votes) != 3 || !review.Contested(a.Votes) {
		t.Fatalf("answer after the vote %+v", a)
	}
	h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped})
	if r, err := review.Load(h.path); err != nil || len(r.Answers.Get(pillar, "OPS1").Votes) != 3 {
		t.Errorf("votes not in the file: %v", err)
	}
}

// Hand-over, and the chair held for a minute when its holder drops.
func TestHubHandOverAndHold(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.HandOverIntent{To: "bob"}})
	u := waitFor(t, host, "bob facilitating", func(u *Update) bool { return u.Meeting.Me.Role == tui.Contributor })
	if u.Meeting.People[1].Role != tui.Facilitator {
		t.Fatalf("people %+v", u.Meeting.People)
	}
	// bob moves the shared question; hana, following, goes there.
	h.Send("bob", []tui.Intent{tui.MoveIntent{Item: 2}})
	waitFor(t, host, "the shared question", func(u *Update) bool { return u.Meeting.Shared == 2 && u.Meeting.Me.Item == 2 })
	// bob drops: the chair is held for him, and meanwhile the host runs
	// the meeting…
	h.Leave("bob")
	waitFor(t, host, "bob gone", func(u *Update) bool { return len(u.Meeting.People) == 1 })
	h.Send("host", []tui.Intent{tui.MoveIntent{Item: 4}})
	u = waitFor(t, host, "the move", func(u *Update) bool { return u.Meeting.Me.Item == 4 })
	if u.Meeting.Shared != 4 || u.Meeting.Me.Role != tui.Facilitator {
		t.Errorf("the host does not run the meeting while the chair is held: shared %d, role %v", u.Meeting.Shared, u.Meeting.Me.Role)
	}
	// …he comes back with the same key and has it again.
	h.join("bob-again", "bob", tui.Contributor, false)
	waitFor(t, host, "bob back in the chair", func(u *Update) bool {
		return len(u.Meeting.People) == 2 && u.Meeting.People[1].Role == tui.Facilitator && u.Meeting.Me.Role == tui.Contributor
	})
	// Gone for over a minute: the chair comes back to the host for good.
	h.Leave("bob-again")
	waitFor(t, host, "bob gone again", func(u *Update) bool { return len(u.Meeting.People) == 1 })
	h.clock.Add(2 * time.Minute)
	waitFor(t, host, "the chair back", func(u *Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeChairBack })
	h.join("bob-late", "bob", tui.Contributor, false)
	u = waitFor(t, host, "bob back too late", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if u.Meeting.Me.Role != tui.Facilitator || u.Meeting.People[1].Role != tui.Contributor {
		t.Errorf("the chair went back to bob after the minute: %+v", u.Meeting.People)
	}
}

// The time-box counts from when the shared question opened; the time spent
// on each question goes into the file.
func TestHubTimeBoxAndTimeSpent(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.Send("host", []tui.Intent{tui.TimeBoxIntent{Minutes: 5}})
	u := waitFor(t, host, "the time-box", func(u *Update) bool { return u.Meeting.TimeBox.PerQuestion == 5*time.Minute })
	h.clock.Add(6 * time.Minute)
	if left := u.Meeting.TimeBox.Left(h.clock.Now()); left != -time.Minute {
		t.Errorf("left %v, want a minute of overtime", left)
	}
	h.Send("host", []tui.Intent{tui.MoveIntent{Item: 1}})
	u = waitFor(t, host, "time spent", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.TimeSpent == 6*time.Minute
	})
	if a := u.Snap.Review.Answers.Get(pillar, "OPS1"); a.AnsweredBy != "" {
		t.Errorf("time spent stamped an author: %+v", a)
	}
	h.clock.Add(90 * time.Second)
	h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped})
	r := load(t, h.path)
	if a := r.Answers.Get(pillar, "OPS2"); a == nil || a.TimeSpent != 90*time.Second {
		t.Errorf("time on the last question not saved: %+v", a)
	}
}

// Anyone but an observer parks; the facilitator turns items into actions
// or notes.
func TestHubParkingLot(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("bob", []tui.Intent{tui.ParkIntent{Item: 2, Text: "who owns the DR runbook?"}, tui.ParkIntent{Item: 3, Text: "dashboards for checkout"}})
	u := waitFor(t, host, "two parked items", func(u *Update) bool { return len(u.Snap.Review.Parked) == 2 })
	parked := u.Snap.Review.Parked
	h.Send("bob", []tui.Intent{tui.ResolveParkedIntent{Item: parked[0], Into: tui.ParkedToAction}})
	waitFor(t, bob, "the refusal", func(u *Update) bool { return refused(u, tui.ErrFacilitatorOnly) })
	h.Send("host", []tui.Intent{tui.ResolveParkedIntent{Item: parked[0], Into: tui.ParkedToAction, Owner: "dba-team", Due: "2027-01-31"},
		tui.ResolveParkedIntent{Item: parked[1], Into: tui.ParkedToNotes},
		tui.ResolveParkedIntent{Item: parked[1], Into: tui.ParkedDropped}}) // gone already: refused, nothing else dropped
	u = waitFor(t, host, "an empty lot", func(u *Update) bool { return len(u.Snap.Review.Parked) == 0 })
	acts := u.Snap.Review.Actions
	if len(acts) != 1 || acts[0].Title != "who owns the DR runbook?" || acts[0].Owner != "dba-team" || acts[0].QuestionID != "OPS3" {
		t.Errorf("actions %+v", acts)
	}
	if a := u.Snap.Review.Answers.Get(pillar, "OPS4"); a == nil || a.Notes != "dashboards for checkout" {
		t.Errorf("notes %+v", a)
	}
}

// A participant whose screen never takes its updates holds up no one.
func TestHubStuckViewerBlocksNoOne(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	h.join("stuck", "sam", tui.Contributor, false) // never read
	bob := h.join("bob", "bob", tui.Contributor, false)
	for i := 0; i < 200; i++ {
		base := ""
		if i > 0 {
			base = fmt.Sprint("note ", i-1)
		}
		h.Send("host", []tui.Intent{tui.NotesIntent{Item: 0, Notes: fmt.Sprint("note ", i), Base: base}})
	}
	waitFor(t, bob, "the last note", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "note 199"
	})
}

// Updates reach a screen newest last: a screen never goes back to an older
// state, however the mailbox is read.
func TestHubVersionsOnlyGrow(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	last := 0
	for i := 0; i < 50; i++ {
		base := ""
		if i > 0 {
			base = fmt.Sprint(i - 1)
		}
		h.Send("host", []tui.Intent{tui.NotesIntent{Item: 1, Notes: fmt.Sprint(i), Base: base}})
		if u := host.Take(); u != nil {
			if u.Version <= last {
				t.Fatalf("version %d after %d", u.Version, last)
			}
			last = u.Version
		}
	}
	s := &screen{version: 10}
	if cmd := s.take(&Update{Version: 5}); cmd != nil || s.version != 10 {
		t.Error("a screen took an older update")
	}
}

// Stopping saves and tells everyone goodbye.
func TestHubStopSavesAndSaysGoodbye(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_no"}})
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeSaved, Arg: h.path}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, bob, "goodbye", func(u *Update) bool { return u.Goodbye.Kind == tui.NoticeGoodbyeSaved && u.Goodbye.Arg == h.path })
	if r := load(t, h.path); r.Answers.Get(pillar, "OPS1") == nil {
		t.Error("not saved on stop")
	}
	if _, err := h.Join(Participant{ID: "late"}, false); err != ErrStopped {
		t.Errorf("join after the end: %v", err)
	}
}

func load(t *testing.T, path string) *review.Review {
	t.Helper()
	r, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The team file: roles from the options, names from the comments, a bad
// line reported and skipped.
func TestParseTeam(t *testing.T) {
	keys := testKeys(t, 3)
	data := "# the payments team\n" +
		"role=facilitator " + keys[0].authorized + " alice\n" +
		"not a key at all\n" +
		keys[1].authorized + " bob builder\n" +
		`role="observer" ` + keys[2].authorized + " carol\n" +
		"role=boss " + keys[2].authorized + " mallory\n"
	team, problems := ParseTeam("team.keys", []byte(data))
	if team.Len() != 3 || len(problems) != 2 || !strings.HasPrefix(problems[0].String(), "team.keys:3: ") || !strings.HasPrefix(problems[1].String(), "team.keys:6: ") {
		t.Fatalf("%d members, problems %q", team.Len(), problems)
	}
	if p := problems[1]; p.Kind != tui.TeamBadRole || p.Value != "boss" || p.Line != 6 ||
		p.String() != `team.keys:6: role "boss" is not facilitator, contributor or observer; the line is skipped` {
		t.Errorf("the bad role: %+v %q", p, p)
	}
	for i, want := range []Member{{Name: "alice", Role: tui.Facilitator}, {Name: "bob builder", Role: tui.Contributor}, {Name: "carol", Role: tui.Observer}} {
		m, ok := team.Lookup(keys[i].public)
		if !ok || m.Name != want.Name || m.Role != want.Role {
			t.Errorf("key %d: %+v", i, m)
		}
	}
	// The file is read again when it changes.
	path := filepath.Join(t.TempDir(), "team.keys")
	os.WriteFile(path, []byte(keys[0].authorized+" alice\n"), 0o644)
	f := &teamFile{path: path}
	if tm, _, _ := f.current(); tm.Len() != 1 {
		t.Fatal("first read")
	}
	os.WriteFile(path, []byte(keys[0].authorized+" alice\n"+keys[1].authorized+" bob\n"), 0o644)
	later := time.Now().Add(time.Second)
	os.Chtimes(path, later, later)
	if tm, _, reread := f.current(); tm.Len() != 2 || !reread {
		t.Error("not re-read after a change")
	}
}

// A team file read again changes connected people's roles, and lets go of
// those no longer on it.
func TestHubTeamChanges(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.join("carl", "carl", tui.Contributor, false)
	h.SetTeam(func(fp string) (Member, bool) {
		if fp == "SHA256:bob" {
			return Member{Name: "bob", Role: tui.Observer}, true
		}
		return Member{}, false
	})
	u := waitFor(t, host, "carl gone", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if u.Meeting.People[1].Role != tui.Observer {
		t.Errorf("bob's new role: %+v", u.Meeting.People)
	}
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	waitFor(t, bob, "bob refused", func(u *Update) bool { return refused(u, tui.ErrObserverReadOnly) })
}

// A stream of moves (an observer roaming every 100 ms) never pushes the
// save back.
func TestHubSavesWhileSomeoneKeepsMoving(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	h.join("olga", "olga", tui.Observer, false)
	h.Send("host", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	deadline := time.Now().Add(3 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		h.Send("olga", []tui.Intent{tui.MoveIntent{Item: i % 6}})
		if r, err := review.Load(h.path); err == nil && r.Answers.Get(pillar, "OPS1") != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Error("the tick was never saved while olga kept moving")
}

// During a silent vote a tick on its question is a ballot, whatever the
// screen that sent it had seen.
func TestHubTickDuringVoteIsABallot(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}, tui.OpenVoteIntent{Item: 0}})
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	u := waitFor(t, host, "bob's ballot", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 1 })
	if sel(u, "OPS1") != "" {
		t.Errorf("a tick during the vote became the answer: %q", sel(u, "OPS1"))
	}
}

// The team file fails closed: options wafr cannot honour, a role in the
// name, and a file that is gone let no one in.
func TestTeamFailsClosed(t *testing.T) {
	keys := testKeys(t, 4)
	data := `command="/usr/bin/backup" ` + keys[0].authorized + " backup\n" +
		`from="10.0.0.1" ` + keys[1].authorized + " office\n" +
		keys[2].authorized + " alice role=observer\n" +
		"no-port-forwarding,role=observer " + keys[3].authorized + " dave\n"
	team, problems := ParseTeam("team.keys", []byte(data))
	if team.Len() != 1 || len(problems) != 3 {
		t.Fatalf("%d members, problems %q", team.Len(), problems)
	}
	// The command line says them as it always did.
	for i, want := range []string{
		`team.keys:1: the key has the option "command", which wafr serve cannot honour; the line is skipped`,
		`team.keys:2: the key has the option "from", which wafr serve cannot honour; the line is skipped`,
		`team.keys:3: role= must come before the key type (it is in the name here); the line is skipped`,
	} {
		if got := problems[i].String(); got != want {
			t.Errorf("problem %d: %q", i, got)
		}
	}
	if m, ok := team.Lookup(keys[3].public); !ok || m.Role != tui.Observer {
		t.Errorf("dave: %+v", m)
	}
	path := filepath.Join(t.TempDir(), "team.keys")
	os.WriteFile(path, []byte(keys[3].authorized+" dave\n"), 0o644)
	f := &teamFile{path: path}
	if tm, _, _ := f.current(); tm.Len() != 1 {
		t.Fatal("first read")
	}
	os.Remove(path)
	if tm, problems, reread := f.current(); tm.Len() != 0 || !reread || len(problems) == 0 || problems[0].Kind != tui.TeamGone ||
		!strings.HasSuffix(problems[0].String(), "; no one else can join until it is back") {
		t.Errorf("a deleted team file still lets %d in: %q", tm.Len(), problems)
	}
}

// Two people editing one question's notes never overwrite each other: an
// edit made to text that changed meanwhile is refused.
func TestHubNotesAreNotOverwritten(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}, tui.NotesIntent{Item: 0, Notes: "hana's words"}})
	waitFor(t, host, "hana's note", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "hana's words"
	})
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "bob's words", Base: ""}})
	waitFor(t, bob, "the refusal", func(u *Update) bool { return refused(u, tui.ErrNotesChanged) })
	h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped})
	if a := load(t, h.path).Answers.Get(pillar, "OPS1"); a.Notes != "hana's words" {
		t.Errorf("notes %q", a.Notes)
	}
}

// The team file can take the chair away: a facilitator it makes an
// observer, or one held for while away and then taken off the team, no
// longer runs the meeting; the host does.
func TestHubTeamFileTakesTheChair(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.HandOverIntent{To: "bob"}})
	waitFor(t, host, "bob facilitating", func(u *Update) bool { return u.Meeting.Me.Role == tui.Contributor })
	h.SetTeam(func(fp string) (Member, bool) { return Member{Name: "bob", Role: tui.Observer}, fp == "SHA256:bob" })
	u := waitFor(t, host, "the chair back", func(u *Update) bool { return u.Meeting.Me.Role == tui.Facilitator })
	if u.Meeting.People[1].Role != tui.Observer || u.Meeting.LastChange.Kind != tui.NoticeChairRevoked || u.Meeting.LastChange.Who != "bob" {
		t.Errorf("after bob became an observer: people %+v, last change %+v", u.Meeting.People, u.Meeting.LastChange)
	}
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	waitFor(t, bob, "bob refused", func(u *Update) bool { return refused(u, tui.ErrObserverReadOnly) })

	// cara has the chair, drops, and is taken off the team while it is
	// held for her: the host has it at once, and her key cannot take it
	// back.
	h.SetTeam(func(fp string) (Member, bool) {
		return Member{Name: "cara", Role: tui.Contributor}, fp == "SHA256:cara"
	})
	h.join("cara", "cara", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.HandOverIntent{To: "cara"}})
	waitFor(t, host, "cara facilitating", func(u *Update) bool { return u.Meeting.Me.Role == tui.Contributor })
	h.Leave("cara")
	waitFor(t, host, "cara away", func(u *Update) bool { return len(u.Meeting.People) == 1 })
	h.SetTeam(func(string) (Member, bool) { return Member{}, false })
	waitFor(t, host, "the chair back", func(u *Update) bool {
		return u.Meeting.LastChange.Kind == tui.NoticeChairRevoked && u.Meeting.LastChange.Who == "cara"
	})
	h.join("cara-again", "cara", tui.Observer, false)
	u = waitFor(t, host, "cara back", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if u.Meeting.Me.Role != tui.Facilitator || u.Meeting.People[1].Role != tui.Observer {
		t.Errorf("the held chair went back to someone the team file took it from: %+v", u.Meeting.People)
	}
}

// Someone joined on two connections (two terminals, one key) is one
// voter: one ballot, counted once, kept once in the file.
func TestHubSamePersonTwiceVotesOnce(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob#1", "bob", tui.Contributor, false)
	bob2 := h.join("bob#2", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}})
	waitFor(t, bob2, "the open vote", func(u *Update) bool { return u.Meeting.Vote != nil })
	h.Send("bob#1", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("bob#2", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_users"}})
	h.Send("host", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_budget"}})
	u := waitFor(t, bob2, "both ballots", func(u *Update) bool { return u.Meeting.Vote.Voted == 2 && len(u.Meeting.Vote.Mine) == 2 })
	if u.Meeting.Vote.Eligible != 2 {
		t.Errorf("bob on two connections counts as %d eligible voters with hana", u.Meeting.Vote.Eligible)
	}
	// bob leaving one connection keeps his ballot; the vote is settled
	// with two ballots, and neither of his outvotes hana.
	h.Leave("bob#1")
	h.Send("host", []tui.Intent{tui.RevealIntent{}, tui.CloseVoteIntent{Majority: true}})
	u = waitFor(t, host, "the settled vote", func(u *Update) bool { return u.Meeting.Vote == nil })
	a := u.Snap.Review.Answers.Get(pillar, "OPS1")
	if a == nil || len(a.Votes) != 2 {
		t.Fatalf("ballots kept: %+v", a)
	}
	if got := sel(u, "OPS1"); got != "" {
		t.Errorf("bob's one ballot was a majority over hana's: %q", got)
	}
}

// A login attempt that reads a changed team file before the watcher does
// (anyone dialling, even with a key that is refused) does not keep the
// change from the people already in.
func TestTeamChangeReachesTheHubWhoeverReadsItFirst(t *testing.T) {
	keys := testKeys(t, 2)
	path := filepath.Join(t.TempDir(), "team.keys")
	os.WriteFile(path, []byte(keys[0].authorized+" bob\n"+keys[1].authorized+" cara\n"), 0o644)
	f := &teamFile{path: path}
	team, _, _ := f.current() // the first login
	bobKey, _ := team.Lookup(keys[0].public)
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	if _, err := h.Join(Participant{ID: "bob#1", Fingerprint: bobKey.Fingerprint, Name: "bob", Role: bobKey.Role}, false); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte(keys[1].authorized+" cara\n"), 0o644)
	later := time.Now().Add(time.Second)
	os.Chtimes(path, later, later)
	if _, _, reread := f.current(); !reread { // a login reads it first
		t.Fatal("the change was not read")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go watchTeam(ctx, f, h.Hub, 10*time.Millisecond)
	waitFor(t, host, "bob let go", func(u *Update) bool { return len(u.Meeting.People) == 1 })
}

// Each problem of the team file is told once: the start-up read's are
// printed then, and a read later tells only what it found that the read
// before did not (a file that cannot be read included), whoever reads it.
func TestTeamFileTellsEachProblemOnce(t *testing.T) {
	keys := testKeys(t, 2)
	path := filepath.Join(t.TempDir(), "team.keys")
	write := func(text string) {
		os.Remove(path)
		os.WriteFile(path, []byte(text), 0o644) // a new file: a new inode, whatever the clock's grain
	}
	told := func(f *teamFile) []int {
		_, problems, reread := f.current()
		if len(problems) > 0 && !reread {
			t.Error("new problems without reread: a login would not tell them")
		}
		var lines []int
		for _, p := range problems {
			lines = append(lines, p.Line)
		}
		return lines
	}
	write(keys[0].authorized + " bob\nnot a key\n")
	f := &teamFile{path: path}
	if got := told(f); fmt.Sprint(got) != "[2]" {
		t.Fatalf("start-up read told lines %v, want [2]", got)
	}
	if got := told(f); got != nil {
		t.Errorf("an unchanged file told %v again", got)
	}
	write(keys[0].authorized + " bob\nnot a key\nnor this\n")
	if got := told(f); fmt.Sprint(got) != "[3]" {
		t.Errorf("a bad line added: told %v, want [3] alone", got)
	}
	write(keys[0].authorized + " bob\nnot a key\nnor this\n" + keys[1].authorized + " cara\n")
	if got := told(f); got != nil {
		t.Errorf("a good line added: told %v, want nothing new", got)
	}
	os.Remove(path)
	os.Mkdir(path, 0o755) // there, but not a file that reads
	if _, problems, reread := f.current(); len(problems) != 1 || problems[0].Kind != tui.TeamUnreadable || !reread {
		t.Errorf("unreadable: told %+v (reread %v), want it said", problems, reread)
	}
	if _, problems, _ := f.current(); problems != nil {
		t.Errorf("unreadable still: told %+v again", problems)
	}
}

// A problem added to the team file while serving reaches the host, in
// one notice with how many more there are; the start-up ones (printed
// then) are not told again.
func TestTeamProblemAddedWhileServingReachesTheHost(t *testing.T) {
	keys := testKeys(t, 1)
	path := filepath.Join(t.TempDir(), "team.keys")
	os.WriteFile(path, []byte(keys[0].authorized+" bob\nstart-up garbage\n"), 0o644)
	f := &teamFile{path: path}
	f.current() // greet's read
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}}) // what the banner would show instead
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go watchTeam(ctx, f, h.Hub, 10*time.Millisecond)
	os.Remove(path)
	os.WriteFile(path, []byte(keys[0].authorized+" bob\nstart-up garbage\nnew garbage\nmore garbage\n"), 0o644)
	u := waitFor(t, host, "the new problems", func(u *Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeTeamProblem })
	if lc := u.Meeting.LastChange; lc.Team.Line != 3 || lc.N != 1 {
		t.Errorf("told line %d and %d more, want line 3 and 1 more", lc.Team.Line, lc.N)
	}
}

// A join the hub fails on (an internal error it recovers from) is refused
// at once; it does not leave the one joining waiting until the review ends.
func TestHubJoinThatFailsDoesNotHang(t *testing.T) {
	ws := workspace.New()
	l, err := ws.Lens("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	s := tui.NewSession(tui.SessionOptions{Workspace: ws, Path: filepath.Join(t.TempDir(), "review.yaml"), Review: review.New(l, review.Workload{Name: "Live"}), Lens: l, Create: true})
	h := NewHub(s, HubOptions{})
	h.people = nil // joining now panics inside the hub
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan struct{})
	go func() { h.Run(ctx); close(ended) }()
	defer func() { cancel(); <-ended }() // its last save is done before the folder goes
	joined := make(chan error, 1)
	go func() {
		_, err := h.Join(Participant{ID: "bob", Name: "bob", Role: tui.Contributor}, false)
		joined <- err
	}()
	select {
	case err := <-joined:
		if !errors.Is(err, ErrJoinFailed) {
			t.Errorf("Join: %v, want ErrJoinFailed", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Join still waits after the hub failed on it")
	}
}

// Everyone is told when someone leaves, when the facilitator drops (the
// role kept for them, the host running the meeting meanwhile) and when
// they come back and take it again; back, they are on the shared question.
func TestHubSaysWhoLeftAndWhoFacilitates(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.join("carol", "carol", tui.Contributor, false)
	h.Leave("carol")
	u := waitFor(t, host, "carol gone", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if lc := u.Meeting.LastChange; lc.Kind != tui.NoticeLeft || lc.Who != "carol" {
		t.Errorf("carol's leaving is told as %+v", lc)
	}
	// One of two connections of the same person closing is no leaving.
	h.join("bob-2", "bob", tui.Contributor, false)
	h.Leave("bob-2")
	u = waitFor(t, host, "bob's second connection gone", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if lc := u.Meeting.LastChange; lc.Kind == tui.NoticeLeft && lc.Who == "bob" {
		t.Errorf("bob is said to have left: %+v", lc)
	}

	h.Send("host", []tui.Intent{tui.HandOverIntent{To: "bob"}})
	h.Send("bob", []tui.Intent{tui.MoveIntent{Item: 5}})
	waitFor(t, host, "bob facilitating on OPS6", func(u *Update) bool { return u.Meeting.Shared == 5 })
	h.Leave("bob")
	u = waitFor(t, host, "bob gone", func(u *Update) bool { return len(u.Meeting.People) == 1 })
	if lc := u.Meeting.LastChange; lc.Kind != tui.NoticeChairHeld || lc.Who != "bob" || lc.Whom != "hana" || u.Meeting.Me.Role != tui.Facilitator {
		t.Errorf("bob's dropping is told as %+v; hana is %v", lc, u.Meeting.Me.Role)
	}
	back := h.join("bob-again", "bob", tui.Contributor, false)
	u = waitFor(t, back, "bob back", func(u *Update) bool { return u.Meeting.Me.Role == tui.Facilitator })
	if lc := u.Meeting.LastChange; lc.Kind != tui.NoticeChairReturned || lc.Who != "bob" {
		t.Errorf("bob's return is told as %+v", lc)
	}
	if u.Meeting.Me.Item != u.Meeting.Shared || u.Meeting.Shared != 5 {
		t.Errorf("bob is back on %d, the shared question is %d", u.Meeting.Me.Item, u.Meeting.Shared)
	}
	waitFor(t, host, "hana told", func(u *Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeChairReturned })
}

// T again restarts the clock of the shared question, keeping the time
// spent on it so far.
func TestHubTimeBoxAgainKeepsTheTimeSpent(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.Send("host", []tui.Intent{tui.TimeBoxIntent{Minutes: 5}})
	waitFor(t, host, "the time-box", func(u *Update) bool { return u.Meeting.TimeBox.PerQuestion == 5*time.Minute })
	h.clock.Add(3 * time.Minute)
	h.Send("host", []tui.Intent{tui.TimeBoxIntent{Minutes: 10}})
	u := waitFor(t, host, "the new time-box", func(u *Update) bool { return u.Meeting.TimeBox.PerQuestion == 10*time.Minute })
	if !u.Meeting.TimeBox.Started.Equal(h.clock.Now()) {
		t.Errorf("the clock did not start again: %v", u.Meeting.TimeBox.Started)
	}
	h.clock.Add(2 * time.Minute)
	h.Send("host", []tui.Intent{tui.MoveIntent{Item: 1}})
	waitFor(t, host, "5 minutes on OPS1", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.TimeSpent == 5*time.Minute
	})
}

// Contributors are told when the facilitator lets them edit, and when
// they must propose again.
func TestHubTellsWhoMayEdit(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	for _, c := range []struct {
		open bool
		kind tui.NoticeKind
	}{{true, tui.NoticeOpenedEdits}, {false, tui.NoticeClosedEdits}} {
		h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: c.open}})
		u := waitFor(t, bob, "the change", func(u *Update) bool {
			return u.Meeting.EditOpen == c.open && u.Meeting.LastChange.Kind != tui.NoticeText
		})
		if lc := u.Meeting.LastChange; lc.Kind != c.kind || lc.Who != "hana" {
			t.Errorf("W %v is told bob as %+v", c.open, lc)
		}
	}
}

// A note a contributor types, key by key, is one proposal over the notes
// as they were when the typing began: accepted, it applies; accepted after
// someone changed those notes, it is refused as stale, to the facilitator,
// and not as their own typing.
func TestHubNoteProposals(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "a", Base: ""}, tui.NotesIntent{Item: 0, Notes: "ab", Base: "a"},
		tui.NotesIntent{Item: 0, Notes: "abc", Base: "ab"}})
	u := waitFor(t, host, "bob's note", func(u *Update) bool {
		return len(u.Meeting.Proposals) == 1 && u.Meeting.Proposals[0].Intent.(tui.NotesIntent).Notes == "abc"
	})
	h.Send("host", []tui.Intent{tui.DecideIntent{Proposal: u.Meeting.Proposals[0].ID, Accept: true}})
	waitFor(t, host, "the note applied", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "abc"
	})

	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "abcd", Base: "abc"}})
	u = waitFor(t, host, "a second note", func(u *Update) bool { return len(u.Meeting.Proposals) == 1 })
	h.Send("host", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "hana's", Base: "abc"}})
	waitFor(t, host, "hana's note", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "hana's"
	})
	h.Send("host", []tui.Intent{tui.DecideIntent{Proposal: u.Meeting.Proposals[0].ID, Accept: true}})
	// Accepted after the notes changed, it goes after them: both kept.
	waitFor(t, host, "the stale proposal kept after the notes", func(u *Update) bool { return told(u, tui.NoticeProposalKeptBoth) })
	h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped})
	if a := load(t, h.path).Answers.Get(pillar, "OPS1"); a.Notes != "hana's\n\nabcd" {
		t.Errorf("notes %q, want hana's and then the proposal", a.Notes)
	}
}

// Proposals nobody decided when the review ends go to the parking lot, in
// their authors' names: a tick in words, a note as the text it adds, each
// labelled as a proposal nobody decided.
func TestHubEndParksUndecidedProposals(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"},
		tui.NotesIntent{Item: 1, Notes: "ask SRE about the rota", Base: ""}})
	waitFor(t, host, "bob's two proposals", func(u *Update) bool { return len(u.Meeting.Proposals) == 2 })
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
		t.Fatal(err)
	}
	r := load(t, h.path)
	if len(r.Parked) != 2 {
		t.Fatalf("parked %+v, want the two proposals", r.Parked)
	}
	tick, note := r.Parked[0], r.Parked[1]
	if tick.QuestionID != "OPS1" || tick.By != "bob" || !strings.Contains(tick.Text, "not decided") || !strings.Contains(tick.Text, "OPS1_slo") {
		t.Errorf("the tick was parked as %+v", tick)
	}
	if note.QuestionID != "OPS2" || note.By != "bob" || note.Text != "proposed, not decided when the review ended: notes: ask SRE about the rota" {
		t.Errorf("the note was parked as %+v", note)
	}
	if a := r.Answers.Get(pillar, "OPS1"); a != nil && len(a.Selected) > 0 {
		t.Errorf("an undecided tick was applied: %v", a.Selected)
	}
}

// A review that ends without its file saved says so to everyone, and
// where the answers went, instead of "saved".
func TestHubGoodbyeSaysWhereUnsavedAnswersAre(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_no"}})
	waitFor(t, bob, "the tick", func(u *Update) bool { return sel(u, "OPS1") == "OPS1_no" })
	// The file becomes a folder: it cannot be saved, but beside it can.
	os.Remove(h.path)
	if err := os.Mkdir(h.path, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeSaved, Arg: h.path}); !errors.Is(err, tui.ErrUnsaved) {
		t.Fatalf("stop: %v, want the answers unsaved", err)
	}
	u := waitFor(t, bob, "goodbye", func(u *Update) bool { return !u.Goodbye.Empty() })
	if u.Goodbye.Kind != tui.NoticeGoodbyeAside || u.Goodbye.Arg2 != h.path+".wafr-unsaved" {
		t.Fatalf("goodbye %+v, want one naming %s.wafr-unsaved", u.Goodbye, h.path)
	}
}

// Someone the team file calls a facilitator changes answers directly
// while another has the chair; a contributor proposes.
func TestHubTeamFacilitatorEditsWithoutTheChair(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("alice", "alice", tui.Facilitator, false)
	h.join("bob", "bob", tui.Contributor, false)
	h.Send("alice", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_slo"}})
	u := waitFor(t, host, "alice's tick", func(u *Update) bool { return sel(u, "OPS1") == "OPS1_slo" })
	if len(u.Meeting.Proposals) != 0 {
		t.Errorf("alice's tick became a proposal: %+v", u.Meeting.Proposals)
	}
	h.Send("bob", []tui.Intent{tui.TickIntent{Item: 0, ChoiceID: "OPS1_users"}})
	u = waitFor(t, host, "bob's proposal", func(u *Update) bool { return len(u.Meeting.Proposals) == 1 })
	if sel(u, "OPS1") != "OPS1_slo" {
		t.Errorf("bob's tick applied without the chair: %s", sel(u, "OPS1"))
	}
}

// A note proposal being typed tells its author what it says now, not
// what its first key made it.
func TestHubNoteProposalSaysItsLatestText(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "d", Base: ""}})
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "dashboards", Base: "d"}})
	waitFor(t, bob, "the latest text said", func(u *Update) bool {
		for _, r := range u.Results {
			if r.Message.Kind == tui.NoticeProposed && r.Message.Proposal != nil {
				if n, ok := r.Message.Proposal.Intent.(tui.NotesIntent); ok && n.Notes == "dashboards" {
					return true
				}
			}
		}
		return false
	})
}

// A participant's screen has a clock of its own: a notice goes once its
// time is over, though nothing else happens.
func TestScreenClockClearsOldNotices(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	box := h.join("bob", "bob", tui.Contributor, false)
	first := waitFor(t, box, "the first update", func(*Update) bool { return true })
	s := newScreen(h.Hub, "bob", first, tui.ViewerOptions{Now: h.clock.Now})
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	s.v.Applied(tui.Result{Message: tui.Notice{Kind: tui.NoticeDeclined}})
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(s.View(), "declined") {
		t.Fatalf("the notice is not shown:\n%s", s.View())
	}
	h.clock.Add(time.Minute)
	if _, cmd := s.Update(clockMsg{}); cmd == nil {
		t.Error("the clock stopped after one tick")
	}
	if strings.Contains(s.View(), "declined") {
		t.Errorf("a minute later the notice still shows:\n%s", s.View())
	}
}

// The review's end asks every screen for what it still holds (Update.Ending)
// and takes it before it saves: notes typed over someone's change, kept
// both, reach the file. A screen that never answers holds it up only for
// EndWait.
func TestHubEndTakesWhatScreensHold(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.join("mute", "mute", tui.Contributor, false) // never answers
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}, tui.NotesIntent{Item: 0, Notes: "Paged by phone."}})
	waitFor(t, bob, "the host's notes", func(u *Update) bool { return u.Snap.Review.Answers.Get(pillar, "OPS1") != nil })
	go func() { // bob's screen: his notes wait on the question "keep which?"
		waitFor(t, bob, "the review ending", func(u *Update) bool { return u.Ending })
		h.Ready("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "On call: bob.", Keep: tui.KeepBoth}})
	}()
	h.Ready("host", nil) // the host's screen has ended: Stop comes after it
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
		t.Fatal(err)
	}
	if a := load(t, h.path).Answers.Get(pillar, "OPS1"); a == nil || a.Notes != "Paged by phone.\n\nOn call: bob." {
		t.Fatalf("OPS1 %+v, want the host's notes and then bob's", a)
	}
}

// At the cap on proposals, a contributor's ticks are refused, but notes
// being typed are never: they would be lost when the editor closes.
func TestHubProposalCapSparesNotes(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	var ticks []tui.Intent // as many different ticks as the cap and one more
	for i := 0; len(ticks) < maxProposals+1; i++ {
		item := i % len(h.s.Snapshot().Items)
		q := h.s.Snapshot().Items[item].Question
		ticks = append(ticks, tui.TickIntent{Item: item, ChoiceID: q.Choices[(i/len(h.s.Snapshot().Items))%len(q.Choices)].ID})
	}
	h.Send("bob", ticks)
	waitFor(t, bob, "the cap", func(u *Update) bool { return refused(u, tui.ErrTooManyProposals) })
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 2, Notes: "my valuable notes"}})
	u := waitFor(t, host, "bob's notes proposed", func(u *Update) bool {
		for _, p := range u.Meeting.Proposals {
			if n, ok := p.Intent.(tui.NotesIntent); ok && n.Notes == "my valuable notes" {
				return true
			}
		}
		return false
	})
	if n := len(u.Meeting.Proposals); n != maxProposals+1 {
		t.Errorf("%d proposals, want the cap's %d and the notes", n, maxProposals)
	}
}

// Two screens hand over at the end, the first one's notes changing what
// the second typed over: nobody is left to ask, so the second's go after
// them.
func TestHubEndHandOversKeepBothNotes(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	carol := h.join("carol", "carol", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}})
	h.Send("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "bob start."}})
	waitFor(t, carol, "bob's notes", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "bob start."
	})
	h.Ready("host", nil)
	h.Ready("carol", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "bob start. carol", Base: "bob start.", Keep: tui.KeepBoth}})
	h.Ready("bob", []tui.Intent{tui.NotesIntent{Item: 0, Notes: "bob start. BOBEND", Base: "bob start."}})
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
		t.Fatal(err)
	}
	notes := load(t, h.path).Answers.Get(pillar, "OPS1").Notes
	if !strings.Contains(notes, "carol") || !strings.Contains(notes, "BOBEND") {
		t.Errorf("notes %q, want carol's and bob's last words", notes)
	}
}

// A voter whose connection drops during a vote keeps their ballot: it
// still counts ("2 of 3 voted", not "1 of 2"), they find it when they come
// back with the same key, and it counts in the settlement if they do not.
func TestHubBallotOutlivesADroppedConnection(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.join("dave#1", "dave", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}, tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("dave#1", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	waitFor(t, host, "two ballots", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 2 })
	h.Leave("dave#1")
	u := waitFor(t, host, "dave gone", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	if v := u.Meeting.Vote; v.Voted != 2 || v.Eligible != 3 {
		t.Errorf("with dave's connection dropped: %d of %d voted, want 2 of 3", v.Voted, v.Eligible)
	}
	dave := h.join("dave#2", "dave", tui.Contributor, false)
	u = waitFor(t, dave, "dave back", func(u *Update) bool { return u.Meeting.Vote != nil })
	if v := u.Meeting.Vote; strings.Join(v.Mine, ",") != "OPS1_slo" || v.Voted != 2 || v.Eligible != 3 {
		t.Errorf("dave back: his ballot %v, %d of %d voted; want his ballot and 2 of 3", v.Mine, v.Voted, v.Eligible)
	}
	h.Leave("dave#2") // and gone for good: his ballot is settled with the rest
	h.Send("host", []tui.Intent{tui.RevealIntent{}, tui.CloseVoteIntent{Majority: true}})
	u = waitFor(t, host, "the settled vote", func(u *Update) bool { return u.Meeting.Vote == nil })
	if a := u.Snap.Review.Answers.Get(pillar, "OPS1"); a == nil || len(a.Votes) != 2 || sel(u, "OPS1") != "OPS1_slo" {
		t.Errorf("settled as %+v, want both ballots and their majority", a)
	}
}

// An answer's author is whoever last changed it: notes the host types
// during bob's vote are the host's when the review ends with the vote
// open, or bob keeps the answer; a settlement that takes the majority is
// bob's, who settled it.
func TestHubVoteLeavesTheAnswerItsAuthor(t *testing.T) {
	for _, settle := range []string{"end", "keep", "majority"} {
		t.Run(settle, func(t *testing.T) {
			h := newTestHub(t)
			host := h.join("host", "hana", tui.Facilitator, true)
			h.join("bob", "bob", tui.Contributor, false)
			h.Send("host", []tui.Intent{tui.HandOverIntent{To: "bob"}})
			waitFor(t, host, "bob facilitating", func(u *Update) bool { return u.Meeting.Me.Role == tui.Contributor })
			h.Send("bob", []tui.Intent{tui.OpenVoteIntent{Item: 4}, tui.BallotIntent{ChoiceID: "OPS5_no"}})
			waitFor(t, host, "bob's ballot", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 1 })
			h.Send("host", []tui.Intent{tui.NotesIntent{Item: 4, Notes: "host typing"}})
			waitFor(t, host, "the host's notes", func(u *Update) bool {
				a := u.Snap.Review.Answers.Get(pillar, "OPS5")
				return a != nil && a.Notes == "host typing"
			})
			want := "hana"
			switch settle {
			case "keep":
				h.Send("bob", []tui.Intent{tui.RevealIntent{}, tui.CloseVoteIntent{Majority: false}})
			case "majority":
				h.Send("bob", []tui.Intent{tui.RevealIntent{}, tui.CloseVoteIntent{Majority: true}})
				want = "bob"
			}
			if settle != "end" {
				waitFor(t, host, "the settled vote", func(u *Update) bool { return u.Meeting.Vote == nil })
			}
			if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
				t.Fatal(err)
			}
			a := load(t, h.path).Answers.Get(pillar, "OPS5")
			if a == nil || a.Notes != "host typing" || len(a.Votes) != 1 || a.AnsweredBy != want {
				t.Errorf("OPS5 %+v, want the host's notes, bob's ballot, answered by %s", a, want)
			}
		})
	}
}

// A vote still open when the review ends keeps its ballots, the answer as
// it was.
func TestHubEndKeepsAnOpenVote(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	bob := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}, tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("bob", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_users"}})
	waitFor(t, bob, "two ballots", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 2 })
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
		t.Fatal(err)
	}
	a := load(t, h.path).Answers.Get(pillar, "OPS1")
	if a == nil || len(a.Votes) != 2 || len(a.Selected) != 0 {
		t.Errorf("OPS1 %+v, want the two ballots and no answer", a)
	}
}

// A refusal that comes in the same update as the end (a slow screen) is
// handed over too: the held text goes after the other change.
func TestScreenHandsOverARefusalThatCameWithTheEnd(t *testing.T) {
	h := newTestHub(t)
	h.join("host", "hana", tui.Facilitator, true)
	box := h.join("bob", "bob", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.EditOpenIntent{Open: true}, tui.NotesIntent{Item: 0, Notes: "theirs"}})
	first := waitFor(t, box, "the host's notes", func(u *Update) bool {
		a := u.Snap.Review.Answers.Get(pillar, "OPS1")
		return a != nil && a.Notes == "theirs" && u.Meeting.MayEdit
	})
	s := newScreen(h.Hub, "bob", first, tui.ViewerOptions{Now: h.clock.Now})
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("e")})
	s.v.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" mine")})
	s.v.TakeIntents() // sent, and refused: someone changed the notes meanwhile
	// bob's typing was refused, and the refusal comes with the end.
	s.take(&Update{Version: first.Version + 1, Snap: first.Snap, Meeting: first.Meeting, Ending: true,
		Results: []tui.Result{{Err: &tui.NotesConflict{Item: 0, Notes: "theirs mine", Base: "theirs"}}}})
	h.Ready("host", nil)
	if err := h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeStopped}); err != nil {
		t.Fatal(err)
	}
	if a := load(t, h.path).Answers.Get(pillar, "OPS1"); a == nil || !strings.Contains(a.Notes, "mine") {
		t.Errorf("notes %+v, want bob's held text after the other change", a)
	}
}

// The team file taking off someone who is away drops the ballot kept for
// them; the ballots of those here (the host's among them) stay.
func TestHubBallotOfSomeoneTakenOffTheTeamWhileAway(t *testing.T) {
	h := newTestHub(t)
	host := h.join("host", "hana", tui.Facilitator, true)
	h.join("bob", "bob", tui.Contributor, false)
	h.join("dave#1", "dave", tui.Contributor, false)
	h.Send("host", []tui.Intent{tui.OpenVoteIntent{Item: 0}, tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("bob", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_slo"}})
	h.Send("dave#1", []tui.Intent{tui.BallotIntent{ChoiceID: "OPS1_users"}})
	waitFor(t, host, "three ballots", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 3 })
	h.Leave("dave#1")
	waitFor(t, host, "dave gone", func(u *Update) bool { return len(u.Meeting.People) == 2 })
	h.SetTeam(func(fp string) (Member, bool) { return Member{Name: "bob", Role: tui.Contributor}, fp == "SHA256:bob" })
	u := waitFor(t, host, "dave off the team", func(u *Update) bool { return u.Meeting.Vote != nil && u.Meeting.Vote.Voted == 2 })
	if v := u.Meeting.Vote; v.Eligible != 2 {
		t.Errorf("dave off the team: %d of %d voted, want 2 of 2", v.Voted, v.Eligible)
	}
	h.Send("host", []tui.Intent{tui.RevealIntent{}, tui.CloseVoteIntent{Majority: true}})
	u = waitFor(t, host, "the settled vote", func(u *Update) bool { return u.Meeting.Vote == nil })
	if a := u.Snap.Review.Answers.Get(pillar, "OPS1"); a == nil || len(a.Votes) != 2 {
		t.Errorf("settled as %+v, want the host's and bob's ballots alone", a)
	}
}
