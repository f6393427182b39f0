package tui_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/serve"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

type liveClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *liveClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *liveClock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// liveParticipant is one person of a live review in a test: their mailbox
// and their own viewer, fed as serve's screens feed it.
type liveParticipant struct {
	id      string
	box     *serve.Mailbox
	v       *tui.Viewer
	version int
	last    *serve.Update
}

// liveTest runs a hub over a Japanese review, and keeps every screen and
// every word its participants were shown.
type liveTest struct {
	t       *testing.T
	h       *serve.Hub
	clock   *liveClock
	path    string
	people  map[string]*liveParticipant
	screens map[string]string
	changes map[tui.NoticeKind]bool // the kinds of LastChange seen
	told    map[tui.NoticeKind]bool // the kinds of Result.Message seen
	errs    []error
}

func newLiveTest(t *testing.T) *liveTest {
	ws := workspace.New()
	ws.Settle, ws.DeleteSettle = time.Millisecond, 0
	l, err := ws.Lens("builtin:ops-ja")
	if err != nil {
		t.Fatal(err)
	}
	lt := &liveTest{t: t, clock: &liveClock{now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}, path: filepath.Join(t.TempDir(), "review.yaml"),
		people: map[string]*liveParticipant{}, screens: map[string]string{}, changes: map[tui.NoticeKind]bool{}, told: map[tui.NoticeKind]bool{}}
	s := tui.NewSession(tui.SessionOptions{Workspace: ws, Path: lt.path, Review: review.New(l, review.Workload{Name: "決済"}), Lens: l,
		Create: true, Now: lt.clock.Now})
	lt.h = serve.NewHub(s, serve.HubOptions{Now: lt.clock.Now, Tick: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	ended := make(chan error, 1)
	go func() { ended <- lt.h.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-ended })
	return lt
}

func (lt *liveTest) join(id, name string, role tui.Role, host bool) {
	box, err := lt.h.Join(serve.Participant{ID: id, Fingerprint: "SHA256:" + id, Name: name, Role: role}, host)
	if err != nil {
		lt.t.Fatal(err)
	}
	first := box.Take()
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	p := &liveParticipant{id: id, box: box, v: tui.NewViewer(first.Snap, tui.ViewerOptions{Renderer: r, Now: lt.clock.Now})}
	p.v.Update(tea.WindowSizeMsg{Width: 400, Height: 30}) // no line cut: every word shows
	lt.people[id] = p
	lt.feed("joined", p, first)
}

// feed shows an update on a participant's viewer, as serve's screen does,
// keeping what it showed.
func (lt *liveTest) feed(step string, p *liveParticipant, u *serve.Update) {
	p.version, p.last = u.Version, u
	p.v.SetSnapshot(u.Snap)
	p.v.SetMeeting(u.Meeting)
	if lc := u.Meeting.LastChange; !lc.Empty() {
		lt.changes[lc.Kind] = true
		lt.screens[step+": "+p.id+" reads"] = p.v.Words(lc)
	}
	for i, r := range u.Results {
		p.v.Applied(r)
		if r.Err != nil {
			lt.errs = append(lt.errs, r.Err)
		} else if !r.Message.Empty() {
			lt.told[r.Message.Kind] = true
		}
		lt.screens[fmt.Sprintf("%s: %s sees result %d", step, p.id, i)] = p.v.View()
	}
	lt.screens[step+": "+p.id+" sees"] = p.v.View()
	if !u.Goodbye.Empty() {
		lt.screens[step+": "+p.id+" is told goodbye"] = p.v.Words(u.Goodbye)
	}
}

// next takes p's updates until ok holds.
func (lt *liveTest) next(step string, p *liveParticipant, ok func(*serve.Update) bool) {
	lt.t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if u := p.box.Take(); u != nil {
			lt.feed(step, p, u)
			if ok(u) {
				return
			}
		}
		select {
		case <-p.box.Ready():
		case <-deadline:
			lt.t.Fatalf("%s: %s never got the update", step, p.id)
		}
	}
}

// do sends one person's intents, waits for their results, and shows
// everyone the state after them.
func (lt *liveTest) do(step, who string, intents ...tui.Intent) {
	lt.t.Helper()
	p := lt.people[who]
	lt.h.Send(who, intents)
	n := 0
	lt.next(step, p, func(u *serve.Update) bool { n += len(u.Results); return n >= len(intents) })
	lt.everyone(step, p.version)
}

// everyone shows each participant the hub's state as of version.
func (lt *liveTest) everyone(step string, version int) {
	lt.t.Helper()
	for _, other := range lt.people {
		if other.version < version {
			lt.next(step, other, func(u *serve.Update) bool { return u.Version >= version })
		}
	}
}

// A live review on builtin:ops-ja, driven through a real hub: every
// refusal, every notice and every who-changed-what line reaches each
// participant's screen in Japanese, and so do the goodbyes.
func TestJapaneseLiveReviewHasNoEnglish(t *testing.T) {
	lt := newLiveTest(t)
	lt.join("host", "花子", tui.Facilitator, true)
	lt.join("jiro", "次郎", tui.Contributor, false)
	lt.join("saburo", "三郎", tui.Observer, false)
	lt.join("shiro", "四郎", tui.Contributor, false)
	tick := func(choice string) tui.Intent { return tui.TickIntent{Item: 0, ChoiceID: choice} }

	// The facilitator's changes, each told to everyone.
	lt.do("tick", "host", tick("OPS1_users"))
	lt.do("untick", "host", tick("OPS1_users"))
	lt.do("n/a", "host", tui.NotApplicableIntent{Item: 1, Reason: "OUT_OF_SCOPE"})
	lt.do("applicable", "host", tui.NotApplicableIntent{Item: 1, Applicable: true})
	lt.do("notes", "host", tui.NotesIntent{Item: 2, Notes: "手順書を確認する"})
	lt.do("action", "host", tui.ActionIntent{Item: 0, ChoiceID: "OPS1_slo", Owner: "佐藤"})
	lt.do("milestone", "host", tui.MilestoneIntent{Name: "初回"})
	lt.do("milestone again", "host", tui.MilestoneIntent{Name: "初回"})
	lt.do("park", "jiro", tui.ParkIntent{Item: 0, Text: "DR の手順書を確認する"})
	lt.do("drop parked", "host", tui.ResolveParkedIntent{Item: lt.people["host"].last.Snap.Review.Parked[0], Into: tui.ParkedDropped})
	lt.do("time-box", "host", tui.TimeBoxIntent{Minutes: 5})
	lt.do("time-box off", "host", tui.TimeBoxIntent{Minutes: 0})
	lt.do("edits open", "host", tui.EditOpenIntent{Open: true})
	lt.do("notes meanwhile", "host", tui.NotesIntent{Item: 3, Notes: "花子のメモ"})
	lt.do("notes changed", "jiro", tui.NotesIntent{Item: 3, Notes: "次郎のメモ", Base: ""})
	lt.do("edits closed", "host", tui.EditOpenIntent{Open: false})

	// Proposals.
	lt.do("propose", "jiro", tick("OPS1_budget"))
	lt.do("accept", "host", tui.DecideIntent{Proposal: lt.people["host"].last.Meeting.Proposals[0].ID, Accept: true})
	lt.do("propose untick", "jiro", tick("OPS1_budget"))
	lt.do("decline", "host", tui.DecideIntent{Proposal: lt.people["host"].last.Meeting.Proposals[0].ID})
	lt.do("gone", "host", tui.DecideIntent{Proposal: 999})
	lt.do("propose notes", "jiro", tui.NotesIntent{Item: 0, Notes: "SLO は\n未定"})
	lt.do("decline notes", "host", tui.DecideIntent{Proposal: lt.people["host"].last.Meeting.Proposals[0].ID})

	// Refusals.
	lt.do("observer", "saburo", tick("OPS1_users"))
	lt.do("chair only", "jiro", tui.OpenVoteIntent{Item: 0})
	lt.do("ask", "jiro", tui.NotApplicableIntent{Item: 0, Reason: "OUT_OF_SCOPE"})
	lt.do("not live", "jiro", tui.RecordVoteIntent{Item: 0})
	lt.do("no vote", "host", tui.RevealIntent{})
	lt.do("to an observer", "host", tui.HandOverIntent{To: "saburo"})
	lt.do("to no one", "host", tui.HandOverIntent{To: "nobody"})
	var many []tui.Intent
	for range 21 {
		many = append(many, tick("OPS1_nfr"))
	}
	lt.do("many proposals", "jiro", many...)
	many = many[:0]
	for i := range 51 {
		many = append(many, tui.ParkIntent{Item: 1, Text: fmt.Sprintf("保留 %d", i)})
	}
	lt.do("many parked", "jiro", many...)

	// A silent vote.
	lt.do("vote", "host", tui.OpenVoteIntent{Item: 0})
	lt.do("vote again", "host", tui.OpenVoteIntent{Item: 0})
	lt.do("ballot", "jiro", tui.BallotIntent{ChoiceID: "OPS1_users"})
	lt.do("reveal", "host", tui.RevealIntent{})
	lt.do("late ballot", "jiro", tui.BallotIntent{ChoiceID: "OPS1_slo"})
	lt.do("settle", "host", tui.CloseVoteIntent{Majority: true})

	// The facilitator role: handed over, then held for its holder, who
	// does not come back.
	lt.do("hand over", "host", tui.HandOverIntent{To: "jiro"})
	delete(lt.people, "jiro")
	lt.h.Leave("jiro")
	lt.next("jiro dropped", lt.people["host"], func(u *serve.Update) bool { return len(u.Meeting.People) == 3 })
	lt.join("jiro", "次郎", tui.Contributor, false)
	lt.next("jiro back", lt.people["host"], func(u *serve.Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeChairReturned })
	delete(lt.people, "jiro")
	lt.h.Leave("jiro")
	lt.next("jiro left", lt.people["host"], func(u *serve.Update) bool { return len(u.Meeting.People) == 3 })
	lt.clock.add(2 * time.Minute)
	lt.next("chair back", lt.people["host"], func(u *serve.Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeChairBack })

	// About the review itself.
	lt.h.Notify(tui.Notice{Kind: tui.NoticeTeamProblem, Team: &tui.TeamProblem{Kind: tui.TeamBadOption, File: "チーム.keys", Line: 2, Value: "command"}})
	lt.next("team problem", lt.people["host"], func(u *serve.Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeTeamProblem })
	lt.h.Notify(tui.Notice{Kind: tui.NoticeSessionFailed, Who: "四郎", Text: "接続が切れました"})
	lt.next("session failed", lt.people["host"], func(u *serve.Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeSessionFailed })
	lt.join("goro", "五郎", tui.Contributor, false)
	delete(lt.people, "goro")
	lt.h.Leave("goro")
	lt.next("goro left", lt.people["host"], func(u *serve.Update) bool { return u.Meeting.LastChange.Kind == tui.NoticeLeft })
	lt.h.SetTeam(func(fp string) (serve.Member, bool) {
		return serve.Member{Name: "三郎", Role: tui.Observer, Fingerprint: fp}, fp == "SHA256:saburo"
	})
	lt.next("off the team", lt.people["shiro"], func(u *serve.Update) bool { return !u.Goodbye.Empty() })
	delete(lt.people, "shiro")
	if err := lt.h.Stop(tui.Notice{Kind: tui.NoticeGoodbyeSaved, Arg: lt.path}); err != nil {
		t.Fatal(err)
	}
	for _, p := range lt.people {
		lt.next("the end", p, func(u *serve.Update) bool { return !u.Goodbye.Empty() })
	}

	// The test saw what it meant to: every kind the hub gives.
	for _, k := range []tui.NoticeKind{tui.NoticeTicked, tui.NoticeUnticked, tui.NoticeMarkedNA, tui.NoticeMadeApplicable, tui.NoticeEditedNotes,
		tui.NoticeAddedAction, tui.NoticeRecordedMilestone, tui.NoticeParkedItem, tui.NoticeChangedReview, tui.NoticeHandedOver,
		tui.NoticeAcceptedProposal, tui.NoticeDeclinedProposal, tui.NoticeOpenedVote, tui.NoticeRevealedVotes, tui.NoticeSettledVote,
		tui.NoticeChairBack, tui.NoticeTeamProblem, tui.NoticeSessionFailed, tui.NoticeChairHeld, tui.NoticeChairReturned, tui.NoticeLeft,
		tui.NoticeOpenedEdits, tui.NoticeClosedEdits} {
		if !lt.changes[k] {
			t.Errorf("no change of kind %d was seen", k)
		}
	}
	for _, k := range []tui.NoticeKind{tui.NoticeTimeBox, tui.NoticeTimeBoxOff, tui.NoticeEditOpen, tui.NoticeEditClosed, tui.NoticeFacilitates,
		tui.NoticeProposed, tui.NoticeDeclined, tui.NoticeVoteOpened, tui.NoticeActionAdded, tui.NoticeMilestone, tui.NoticeParked, tui.NoticeParkDropped} {
		if !lt.told[k] {
			t.Errorf("no result of kind %d was seen", k)
		}
	}
	for _, want := range []error{tui.ErrObserverReadOnly, tui.ErrFacilitatorOnly, tui.ErrAskFacilitator, tui.ErrNoVote, tui.ErrVoteOpen,
		tui.ErrVotesRevealed, tui.ErrNotLive, tui.ErrPersonLeft, tui.ErrObserverCannotFacilitate, tui.ErrProposalGone,
		tui.ErrTooManyProposals, tui.ErrTooManyParked, tui.ErrMilestoneExists, tui.ErrNotesChanged} {
		found := false
		for _, err := range lt.errs {
			found = found || errors.Is(err, want)
		}
		if !found {
			t.Errorf("no refusal %q was seen", want)
		}
	}
	tui.CheckNoEnglish(t, lt.screens)
}
