package serve

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
	"github.com/wafr-dev/wafr/tui"
)

// Why an intent was refused.
var (
	errObserver    = errors.New("observers follow the review: they do not change it")
	errFacilitator = errors.New("only the facilitator can do that")
	errNoVote      = errors.New("no vote is open")
)

// vote is a silent vote in progress: each person's ballot, by connection.
type vote struct {
	item     int
	ballots  map[string][]string
	revealed bool
}

// role is what p may do now: the chair facilitates; someone the team file
// calls a facilitator contributes while another has the chair.
func (h *Hub) role(p *person) tui.Role {
	switch {
	case p.ID == h.chair, h.chair == "" && p.ID == h.host:
		return tui.Facilitator // while the chair is held for someone away, the host runs the meeting
	case p.Role == tui.Observer:
		return tui.Observer
	}
	return tui.Contributor
}

// apply carries out one intent of p's, after checking p may.
func (h *Hub) apply(p *person, in tui.Intent) tui.Result {
	role := h.role(p)
	if tick, ok := in.(tui.TickIntent); ok && h.vote != nil && !h.vote.revealed && tick.Item == h.vote.item {
		// A screen that had not yet seen the vote open: during a silent
		// vote a tick on its question is a ballot, never a public answer.
		in = tui.BallotIntent{ChoiceID: tick.ChoiceID}
	}
	if res, ok := h.applyMeeting(p, role, in); ok {
		return res
	}
	switch in.(type) {
	case tui.RecordVoteIntent, tui.TimeSpentIntent, tui.WorkloadIntent:
		return tui.Result{Err: errors.New("not in a live review")}
	case tui.ReloadIntent, tui.KeepOursIntent, tui.ResolveParkedIntent:
		if role != tui.Facilitator {
			return tui.Result{Err: errFacilitator}
		}
	case tui.ParkIntent:
		if role == tui.Observer {
			return tui.Result{Err: errObserver}
		}
		if h.parkedBy(p.Name) >= maxParked {
			return tui.Result{Err: fmt.Errorf("you have %d items in the parking lot already", maxParked)}
		}
	case tui.TickIntent, tui.NotesIntent:
		switch {
		case role == tui.Observer:
			return tui.Result{Err: errObserver}
		case role == tui.Contributor && !h.editOpen:
			return h.propose(p, in)
		}
	default: // not applicable, actions, milestones
		if role == tui.Observer || role == tui.Contributor && !h.editOpen {
			return tui.Result{Err: errors.New("ask the facilitator: only they can do that now")}
		}
	}
	res := h.s.Apply(p.Name, in)
	if res.Changed {
		h.noteChange(p.Name, in)
	}
	return res
}

// applyMeeting handles the intents that are about the meeting rather than
// the answers.
func (h *Hub) applyMeeting(p *person, role tui.Role, in tui.Intent) (tui.Result, bool) {
	chairOnly := func(fn func() tui.Result) (tui.Result, bool) {
		if role != tui.Facilitator {
			return tui.Result{Err: errFacilitator}, true
		}
		return fn(), true
	}
	switch in := in.(type) {
	case tui.MoveIntent:
		p.item = in.Item
		if role == tui.Facilitator {
			h.moveShared(in.Item)
		}
		return tui.Result{}, true
	case tui.FollowIntent:
		p.following = in.Follow
		if in.Follow {
			p.item = h.shared
		}
		return tui.Result{}, true
	case tui.BallotIntent:
		return h.ballot(p, role, in.ChoiceID), true
	case tui.OpenVoteIntent:
		return chairOnly(func() tui.Result { return h.openVote(p, in.Item) })
	case tui.RevealIntent:
		return chairOnly(func() tui.Result { return h.reveal(p) })
	case tui.CloseVoteIntent:
		return chairOnly(func() tui.Result { return h.closeVote(p, in.Majority) })
	case tui.DecideIntent:
		return chairOnly(func() tui.Result { return h.decide(p, in) })
	case tui.TimeBoxIntent:
		return chairOnly(func() tui.Result {
			h.timeBox = time.Duration(in.Minutes) * time.Minute
			h.sharedSince = h.now()
			if in.Minutes == 0 {
				return tui.Result{Notice: "time-box off"}
			}
			return tui.Result{Notice: fmt.Sprintf("%d minutes per question", in.Minutes)}
		})
	case tui.EditOpenIntent:
		return chairOnly(func() tui.Result {
			h.editOpen = in.Open
			if in.Open {
				return tui.Result{Notice: "contributors change answers themselves"}
			}
			return tui.Result{Notice: "contributors propose; you accept or decline"}
		})
	case tui.HandOverIntent:
		return chairOnly(func() tui.Result { return h.handOver(p, in.To) })
	}
	return tui.Result{}, false
}

// moveShared makes item the shared question, recording the time spent on
// the one before.
func (h *Hub) moveShared(item int) {
	if item == h.shared {
		return
	}
	h.spend()
	h.shared, h.sharedSince = item, h.now()
	for _, p := range h.people {
		if p.following {
			p.item = item
		}
	}
	h.startSave(false) // a question done: save now
}

// spend records the time the meeting spent on the shared question.
func (h *Hub) spend() {
	if d := h.now().Sub(h.sharedSince).Round(time.Second); d >= time.Second {
		h.s.Apply("", tui.TimeSpentIntent{Item: h.shared, Spent: d})
	}
	h.sharedSince = h.now()
}

func (h *Hub) handOver(from *person, to string) tui.Result {
	p := h.people[to]
	switch {
	case p == nil:
		return tui.Result{Err: errors.New("that person has left")}
	case p.Role == tui.Observer:
		return tui.Result{Err: errors.New("an observer cannot facilitate")}
	}
	h.chair = to
	h.lastChange = tui.Notice{Text: fmt.Sprintf("%s handed the facilitator role to %s", from.Name, p.Name), At: h.now()}
	return tui.Result{Notice: p.Name + " facilitates now"}
}

// propose keeps a contributor's tick or note for the facilitator to accept
// or decline. A note being typed updates its one proposal.
func (h *Hub) propose(p *person, in tui.Intent) tui.Result {
	snap := h.s.Snapshot()
	var item int
	var summary string
	switch in := in.(type) {
	case tui.TickIntent:
		item = in.Item
		if item < 0 || item >= len(snap.Items) {
			return tui.Result{Err: tui.ErrNoItem}
		}
		verb := "tick"
		if a := snap.Answer(item); a != nil && slices.Contains(a.Selected, in.ChoiceID) {
			verb = "untick"
		}
		summary = verb + " " + choiceTitle(snap, item, in.ChoiceID)
	case tui.NotesIntent:
		item = in.Item
		if item < 0 || item >= len(snap.Items) {
			return tui.Result{Err: tui.ErrNoItem}
		}
		summary = "notes: " + strings.Join(strings.Fields(in.Notes), " ")
		for i, old := range h.proposals {
			if _, isNote := old.Intent.(tui.NotesIntent); isNote && old.By == p.Name && old.Item == item {
				h.proposals[i].Intent, h.proposals[i].Summary = in, summary // a note being typed: one proposal
				return tui.Result{}
			}
		}
	}
	if n := h.proposalsBy(p.Name); n >= maxProposals {
		return tui.Result{Err: fmt.Errorf("you have %d proposals waiting: let the facilitator catch up", n)}
	}
	h.nextProposal++
	h.proposals = append(h.proposals, tui.Proposal{ID: h.nextProposal, By: p.Name, Item: item, Intent: in, Summary: summary})
	return tui.Result{Notice: "proposed to the facilitator: " + summary}
}

// Caps on what one person can pile up: a contributor must not be able to
// flood the hub or grow the file without end.
const (
	maxProposals = 20
	maxParked    = 50
)

func (h *Hub) proposalsBy(name string) int {
	n := 0
	for _, p := range h.proposals {
		if p.By == name {
			n++
		}
	}
	return n
}

func choiceTitle(snap *tui.Snapshot, item int, id string) string {
	if c := snap.Items[item].Question.Choice(id); c != nil {
		return id + " (" + c.Title + ")"
	}
	return id
}

func (h *Hub) decide(p *person, in tui.DecideIntent) tui.Result {
	i := slices.IndexFunc(h.proposals, func(x tui.Proposal) bool { return x.ID == in.Proposal })
	if i < 0 {
		return tui.Result{Err: errors.New("that proposal is gone")}
	}
	prop := h.proposals[i]
	h.proposals = slices.Delete(h.proposals, i, i+1)
	if !in.Accept {
		h.lastChange = tui.Notice{Text: fmt.Sprintf("%s declined %s's proposal: %s", p.Name, prop.By, prop.Summary), At: h.now()}
		return tui.Result{Notice: "declined"}
	}
	res := h.s.Apply(prop.By, prop.Intent)
	if res.Changed {
		h.lastChange = tui.Notice{Text: fmt.Sprintf("%s accepted %s's proposal: %s", p.Name, prop.By, prop.Summary), At: h.now()}
	}
	return res
}

// noteChange records who made the latest change, for everyone to see.
func (h *Hub) noteChange(by string, in tui.Intent) {
	snap := h.s.Snapshot()
	what := ""
	switch in := in.(type) {
	case tui.TickIntent:
		what = "ticked or unticked " + in.ChoiceID
	case tui.NotApplicableIntent:
		what = "marked " + snap.Items[in.Item].Question.ID + " not applicable"
		if in.Applicable {
			what = "made " + snap.Items[in.Item].Question.ID + " applicable"
		}
	case tui.NotesIntent:
		what = "edited the notes of " + snap.Items[in.Item].Question.ID
	case tui.ActionIntent:
		what = "added an action for " + in.ChoiceID
	case tui.MilestoneIntent:
		what = "recorded the milestone " + in.Name
	case tui.ParkIntent:
		what = "parked an item on " + snap.Items[in.Item].Question.ID
	default:
		what = "changed the review"
	}
	h.lastChange = tui.Notice{Text: by + " " + what, At: h.now()}
}

func (h *Hub) openVote(p *person, item int) tui.Result {
	if h.vote != nil {
		return tui.Result{Err: errors.New("a vote is open already: settle it first")}
	}
	if item < 0 || item >= len(h.s.Snapshot().Items) {
		return tui.Result{Err: tui.ErrNoItem}
	}
	h.vote = &vote{item: item, ballots: map[string][]string{}}
	h.lastChange = tui.Notice{Text: p.Name + " opened a silent vote", At: h.now()}
	return tui.Result{Notice: "vote open: everyone ticks privately; v reveals"}
}

func (h *Hub) ballot(p *person, role tui.Role, choiceID string) tui.Result {
	switch {
	case role == tui.Observer:
		return tui.Result{Err: errObserver}
	case h.vote == nil:
		return tui.Result{Err: errNoVote}
	case h.vote.revealed:
		return tui.Result{Err: errors.New("the votes are revealed: the facilitator settles the answer")}
	}
	q := h.s.Snapshot().Items[h.vote.item].Question
	h.vote.ballots[p.ID] = scoring.Toggle(q, h.vote.ballots[p.ID], choiceID)
	return tui.Result{}
}

func (h *Hub) reveal(p *person) tui.Result {
	if h.vote == nil {
		return tui.Result{Err: errNoVote}
	}
	h.vote.revealed = true
	h.lastChange = tui.Notice{Text: p.Name + " revealed the votes", At: h.now()}
	return tui.Result{}
}

// closeVote keeps the ballots with the answer and ends the vote; with
// majority, the answer becomes what most ballots ticked.
func (h *Hub) closeVote(p *person, majority bool) tui.Result {
	v := h.vote
	if v == nil {
		return tui.Result{Err: errNoVote}
	}
	in := tui.RecordVoteIntent{Item: v.item, Votes: h.ballots(v)}
	if majority {
		in.Select = h.tally(v).majority
		if in.Select == nil {
			in.Select = []string{}
		}
	}
	res := h.s.Apply(p.Name, in)
	if res.Err != nil {
		return res
	}
	h.vote = nil
	h.lastChange = tui.Notice{Text: p.Name + " settled the vote", At: h.now()}
	return res
}

// ballots are the vote's ballots by name, sorted, for the review file.
func (h *Hub) ballots(v *vote) []review.Vote {
	var out []review.Vote
	for id, sel := range v.ballots {
		name := id
		if p := h.people[id]; p != nil {
			name = p.Name
		}
		out = append(out, review.Vote{By: name, Selected: slices.Clone(sel)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].By < out[j].By })
	return out
}

type tally struct {
	voters   map[string][]string
	disagree map[string]bool
	majority []string
}

func (h *Hub) tally(v *vote) tally {
	t := tally{voters: map[string][]string{}, disagree: map[string]bool{}}
	ballots := h.ballots(v)
	for _, b := range ballots {
		for _, id := range b.Selected {
			t.voters[id] = append(t.voters[id], b.By)
		}
	}
	q := h.s.Snapshot().Items[v.item].Question
	for _, c := range q.Choices {
		n := len(t.voters[c.ID])
		if n > 0 && n < len(ballots) {
			t.disagree[c.ID] = true
		}
		if 2*n > len(ballots) {
			t.majority = append(t.majority, c.ID)
		}
	}
	if sel, err := scoring.Select(q, t.majority); err == nil {
		t.majority = sel
	} else if len(t.majority) > 0 {
		t.majority = nil // "None of these" and practices both won: nothing clear
	}
	return t
}

func (h *Hub) parkedBy(name string) int {
	n := 0
	for _, p := range h.s.Snapshot().Review.Parked {
		if p.By == name {
			n++
		}
	}
	return n
}
