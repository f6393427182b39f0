package serve

import (
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
	"github.com/wafr-dev/wafr/tui"
)

// vote is a silent vote in progress: each person's ballot, by voter (see
// voterOf), so that someone joined twice still votes once.
type vote struct {
	item     int
	ballots  map[string]ballot
	revealed bool
}

type ballot struct {
	by       string // the voter's name, kept if they leave before the vote ends
	selected []string
}

// voterOf is who p votes as: their key, so two connections with one key
// are one voter; the host, who joins without a key, by connection.
func voterOf(p *person) string {
	if p.Fingerprint != "" {
		return p.Fingerprint
	}
	return p.ID
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

// mayEdit reports whether p changes answers directly: the chair; a
// contributor while the chair allows it (W); and, always, someone the team
// file calls a facilitator (a co-facilitator without the chair).
func (h *Hub) mayEdit(p *person) bool {
	switch h.role(p) {
	case tui.Facilitator:
		return true
	case tui.Contributor:
		return h.editOpen || p.Role == tui.Facilitator
	}
	return false
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
		return tui.Result{Err: tui.ErrNotLive}
	case tui.ReloadIntent, tui.KeepOursIntent, tui.ResolveParkedIntent:
		if role != tui.Facilitator {
			return tui.Result{Err: tui.ErrFacilitatorOnly}
		}
	case tui.ParkIntent:
		if role == tui.Observer {
			return tui.Result{Err: tui.ErrObserverReadOnly}
		}
		if h.parkedBy(p.Name) >= maxParked {
			return tui.Result{Err: &tui.LimitError{Err: tui.ErrTooManyParked, N: maxParked}}
		}
	case tui.TickIntent, tui.NotesIntent:
		switch {
		case role == tui.Observer:
			return tui.Result{Err: tui.ErrObserverReadOnly}
		case !h.mayEdit(p):
			return h.propose(p, in)
		}
	default: // not applicable, actions, milestones
		if !h.mayEdit(p) {
			return tui.Result{Err: tui.ErrAskFacilitator}
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
			return tui.Result{Err: tui.ErrFacilitatorOnly}, true
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
			h.spend() // the clock starts again: keep the time spent so far
			if in.Minutes == 0 {
				return tui.Result{Message: tui.Notice{Kind: tui.NoticeTimeBoxOff}}
			}
			return tui.Result{Message: tui.Notice{Kind: tui.NoticeTimeBox, N: in.Minutes}}
		})
	case tui.EditOpenIntent:
		return chairOnly(func() tui.Result {
			h.editOpen = in.Open
			if in.Open {
				h.lastChange = tui.Notice{Kind: tui.NoticeOpenedEdits, Who: p.Name, At: h.now()} // for the contributors
				return tui.Result{Message: tui.Notice{Kind: tui.NoticeEditOpen}}
			}
			h.lastChange = tui.Notice{Kind: tui.NoticeClosedEdits, Who: p.Name, At: h.now()}
			return tui.Result{Message: tui.Notice{Kind: tui.NoticeEditClosed}}
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
		return tui.Result{Err: tui.ErrPersonLeft}
	case p.Role == tui.Observer:
		return tui.Result{Err: tui.ErrObserverCannotFacilitate}
	}
	h.chair = to
	h.lastChange = tui.Notice{Kind: tui.NoticeHandedOver, Who: from.Name, Whom: p.Name, At: h.now()}
	return tui.Result{Message: tui.Notice{Kind: tui.NoticeFacilitates, Whom: p.Name}}
}

// propose keeps a contributor's tick or note for the facilitator to accept
// or decline. A note being typed updates its one proposal.
func (h *Hub) propose(p *person, in tui.Intent) tui.Result {
	snap := h.s.Snapshot()
	prop := tui.Proposal{By: p.Name, Intent: in}
	switch in := in.(type) {
	case tui.TickIntent:
		prop.Item = in.Item
		if prop.Item < 0 || prop.Item >= len(snap.Items) {
			return tui.Result{Err: tui.ErrNoItem}
		}
		a := snap.Answer(prop.Item)
		prop.Untick = a != nil && slices.Contains(a.Selected, in.ChoiceID)
	case tui.NotesIntent:
		prop.Item = in.Item
		if prop.Item < 0 || prop.Item >= len(snap.Items) {
			return tui.Result{Err: tui.ErrNoItem}
		}
		for i, old := range h.proposals {
			if first, isNote := old.Intent.(tui.NotesIntent); isNote && old.By == p.Name && old.Item == prop.Item {
				// A note being typed: one proposal, over the notes as they
				// were when its typing began (the texts between were never
				// applied).
				in.Base = first.Base
				h.proposals[i].Intent = in
				said := h.proposals[i]
				return tui.Result{Message: tui.Notice{Kind: tui.NoticeProposed, Proposal: &said}}
			}
		}
	}
	// The cap is on ticks: notes are one proposal per question, and text
	// being typed must never be refused (it would be lost on closing).
	if _, notes := in.(tui.NotesIntent); !notes {
		if n := h.proposalsBy(p.Name); n >= maxProposals {
			return tui.Result{Err: &tui.LimitError{Err: tui.ErrTooManyProposals, N: n}}
		}
	}
	h.nextProposal++
	prop.ID = h.nextProposal
	h.proposals = append(h.proposals, prop)
	return tui.Result{Message: tui.Notice{Kind: tui.NoticeProposed, Proposal: &prop}}
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

func (h *Hub) decide(p *person, in tui.DecideIntent) tui.Result {
	i := slices.IndexFunc(h.proposals, func(x tui.Proposal) bool { return x.ID == in.Proposal })
	if i < 0 {
		return tui.Result{Err: tui.ErrProposalGone}
	}
	prop := h.proposals[i]
	h.proposals = slices.Delete(h.proposals, i, i+1)
	if !in.Accept {
		h.lastChange = tui.Notice{Kind: tui.NoticeDeclinedProposal, Who: p.Name, Whom: prop.By, Proposal: &prop, At: h.now()}
		return tui.Result{Message: tui.Notice{Kind: tui.NoticeDeclined}}
	}
	res := h.s.Apply(prop.By, prop.Intent)
	if notes, ok := prop.Intent.(tui.NotesIntent); ok && errors.Is(res.Err, tui.ErrNotesChanged) {
		// The notes changed since: the proposal goes after them, as the
		// proposer would have kept both (nobody is there to ask).
		notes.Keep = tui.KeepBoth
		if res = h.s.Apply(prop.By, notes); res.Err == nil {
			res.Message = tui.Notice{Kind: tui.NoticeProposalKeptBoth}
		}
	}
	if res.Changed {
		h.lastChange = tui.Notice{Kind: tui.NoticeAcceptedProposal, Who: p.Name, Whom: prop.By, Proposal: &prop, At: h.now()}
	}
	return res
}

// noteChange records who made the latest change, for everyone to see.
func (h *Hub) noteChange(by string, in tui.Intent) {
	snap := h.s.Snapshot()
	n := tui.Notice{Kind: tui.NoticeChangedReview, Who: by, At: h.now()}
	switch in := in.(type) {
	case tui.TickIntent:
		n.Kind, n.Arg = tui.NoticeUnticked, in.ChoiceID
		if a := snap.Answer(in.Item); a != nil && slices.Contains(a.Selected, in.ChoiceID) {
			n.Kind = tui.NoticeTicked
		}
	case tui.NotApplicableIntent:
		n.Kind, n.Arg = tui.NoticeMarkedNA, snap.Items[in.Item].Question.ID
		if in.Applicable {
			n.Kind = tui.NoticeMadeApplicable
		}
	case tui.NotesIntent:
		n.Kind, n.Arg = tui.NoticeEditedNotes, snap.Items[in.Item].Question.ID
	case tui.ActionIntent:
		n.Kind, n.Arg = tui.NoticeAddedAction, in.ChoiceID
	case tui.MilestoneIntent:
		n.Kind, n.Arg = tui.NoticeRecordedMilestone, in.Name
	case tui.ParkIntent:
		n.Kind, n.Arg = tui.NoticeParkedItem, snap.Items[in.Item].Question.ID
	}
	h.lastChange = n
}

func (h *Hub) openVote(p *person, item int) tui.Result {
	if h.vote != nil {
		return tui.Result{Err: tui.ErrVoteOpen}
	}
	if item < 0 || item >= len(h.s.Snapshot().Items) {
		return tui.Result{Err: tui.ErrNoItem}
	}
	h.vote = &vote{item: item, ballots: map[string]ballot{}}
	h.lastChange = tui.Notice{Kind: tui.NoticeOpenedVote, Who: p.Name, At: h.now()}
	return tui.Result{Message: tui.Notice{Kind: tui.NoticeVoteOpened}}
}

func (h *Hub) ballot(p *person, role tui.Role, choiceID string) tui.Result {
	switch {
	case role == tui.Observer:
		return tui.Result{Err: tui.ErrObserverReadOnly}
	case h.vote == nil:
		return tui.Result{Err: tui.ErrNoVote}
	case h.vote.revealed:
		return tui.Result{Err: tui.ErrVotesRevealed}
	}
	q := h.s.Snapshot().Items[h.vote.item].Question
	voter := voterOf(p)
	h.vote.ballots[voter] = ballot{by: p.Name, selected: scoring.Toggle(q, h.vote.ballots[voter].selected, choiceID)}
	return tui.Result{}
}

func (h *Hub) reveal(p *person) tui.Result {
	if h.vote == nil {
		return tui.Result{Err: tui.ErrNoVote}
	}
	h.vote.revealed = true
	h.lastChange = tui.Notice{Kind: tui.NoticeRevealedVotes, Who: p.Name, At: h.now()}
	return tui.Result{}
}

// closeVote keeps the ballots with the answer and ends the vote; with
// majority, the answer becomes what most ballots ticked.
func (h *Hub) closeVote(p *person, majority bool) tui.Result {
	v := h.vote
	if v == nil {
		return tui.Result{Err: tui.ErrNoVote}
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
	h.lastChange = tui.Notice{Kind: tui.NoticeSettledVote, Who: p.Name, At: h.now()}
	return res
}

// ballots are the vote's ballots by name, sorted, for the review file.
func (h *Hub) ballots(v *vote) []review.Vote {
	var out []review.Vote
	for _, b := range v.ballots {
		out = append(out, review.Vote{By: b.by, Selected: slices.Clone(b.selected)})
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
