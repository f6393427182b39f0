package tui

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// meetingKey handles the keys of a live review; ok is false for any other
// key, and always outside a live review.
func (v *Viewer) meetingKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	m := v.meeting
	if m == nil || v.current == screenSetup {
		return nil, false
	}
	k := v.c.keys.Meeting
	chair := m.Me.Role == Facilitator
	onQuestion := v.current == screenQuestion
	switch {
	case keyMatches(msg, k.Redraw):
		return tea.ClearScreen, true
	case v.asksBeforeEnding(msg) && v.conflictClosed():
		// The conflict dialog was closed to look first, and promised that
		// q asks again: the keep/take choice comes back, whose q then asks
		// whether to end the review.
		v.seenConflict = nil
		v.syncConflict()
		return nil, true
	case v.asksBeforeEnding(msg):
		return v.handle(openDialogEvent{newEndReviewDialog(v.c, v.meeting, v.snap)}), true
	case keyMatches(msg, k.Follow) && !chair:
		following := m.Me.Following
		if v.asked != nil {
			following = *v.asked
		}
		v.askFollow(!following)
		if following {
			v.setNotice(v.c.t.Meeting.Roaming)
		} else {
			v.setNotice(v.c.t.Meeting.Following) // "roaming" is stale now
		}
		return v.follow(), true
	case m.Me.Role == Observer && v.observerCannot(msg):
		// The key help does not offer these keys to observers; pressed
		// anyway, they say why nothing happens.
		v.setNotice(v.c.t.Live.ObserverReadOnly)
	case keyMatches(msg, k.Park) && onQuestion:
		return v.handle(openDialogEvent{newParkDialog(v.c, v.snap, v.question.cur)}), true
	case keyMatches(msg, k.ParkingLot):
		return v.handle(openDialogEvent{newParkingLotDialog(v.c, v.snap, chair)}), true
	case !chair && key.Matches(msg, v.chairKeys()...):
		v.setNotice(v.c.t.Live.FacilitatorOnly)
	case !chair:
		return nil, false
	case keyMatches(msg, k.Vote) && onQuestion:
		return v.voteKey(), true
	case keyMatches(msg, k.Accept) && len(m.Proposals) > 0:
		v.outbox = append(v.outbox, DecideIntent{Proposal: m.Proposals[0].ID, Accept: true})
	case keyMatches(msg, k.Decline) && len(m.Proposals) > 0:
		v.outbox = append(v.outbox, DecideIntent{Proposal: m.Proposals[0].ID, Accept: false})
	case keyMatches(msg, k.Proposals):
		return v.handle(openDialogEvent{newProposalsDialog(v.c, v.snap, m.Proposals)}), true
	case keyMatches(msg, k.TimeBox):
		return v.handle(openDialogEvent{newTimeBoxDialog(v.c, m)}), true
	case keyMatches(msg, k.Writers):
		v.outbox = append(v.outbox, EditOpenIntent{Open: !m.EditOpen})
	case keyMatches(msg, k.HandOver):
		return v.handle(openDialogEvent{newHandOverDialog(v.c, m)}), true
	default:
		return nil, false
	}
	return nil, true
}

// asksBeforeEnding reports whether msg is the host's q in a live review,
// which ends it for everyone: it asks first. Ctrl+C ends it at once.
func (v *Viewer) asksBeforeEnding(msg tea.KeyMsg) bool {
	return v.meeting != nil && v.meeting.Me.ID == HostID && msg.Type != tea.KeyCtrlC && keyMatches(msg, v.c.keys.Global.Quit)
}

// endAsked reports whether the host is being asked whether to end the
// review.
func (v *Viewer) endAsked() bool {
	_, ok := topOf(v.dialogs).(endReviewDialog)
	return ok
}

// voteKey opens a vote on the question, reveals it, or asks how to settle
// it.
func (v *Viewer) voteKey() tea.Cmd {
	vt := v.meeting.Vote
	switch {
	case vt == nil:
		v.outbox = append(v.outbox, OpenVoteIntent{Item: v.question.cur})
	case vt.Item != v.question.cur:
		v.setNotice(fmt.Sprintf(v.c.t.Meeting.VoteElsewhere, cleanLine(v.snap.Items[vt.Item].Question.ID)))
	case !vt.Revealed:
		v.outbox = append(v.outbox, RevealIntent{})
	default:
		return v.handle(openDialogEvent{newSettleVoteDialog(v.c, v.snap, vt)})
	}
	return nil
}

// moved tells a live review where the viewer went. Someone who follows the
// facilitator and moves on their own starts roaming.
func (v *Viewer) moved(item int) {
	m := v.meeting
	if m == nil {
		return
	}
	v.outbox = append(v.outbox, MoveIntent{Item: item})
	following := m.Me.Following
	if v.asked != nil {
		following = *v.asked
	}
	if following && m.Me.Role != Facilitator {
		v.askFollow(false)
		v.setNotice(v.c.t.Meeting.Roaming)
	}
}

// meetingBindings are the live-review keys for the help, by role.
func (v *Viewer) meetingBindings() []key.Binding {
	if v.meeting == nil {
		return nil
	}
	k := v.c.keys.Meeting
	switch v.meeting.Me.Role {
	case Facilitator:
		return append(v.chairKeys(), k.Park, k.ParkingLot, k.Redraw)
	case Observer:
		return []key.Binding{k.Follow, k.ParkingLot, k.Redraw}
	}
	return []key.Binding{k.Follow, k.Park, k.ParkingLot, k.Redraw}
}

// chairKeys are the keys that run the meeting: the facilitator's alone.
func (v *Viewer) chairKeys() []key.Binding {
	k := v.c.keys.Meeting
	return []key.Binding{k.Vote, k.Accept, k.Decline, k.Proposals, k.TimeBox, k.Writers, k.HandOver}
}

// observerKeys are the keys that change the review, on the screens where
// they do: an observer has none of them.
func (v *Viewer) observerKeys() []key.Binding {
	q := v.c.keys.Question
	switch v.current {
	case screenQuestion:
		return []key.Binding{q.Toggle, q.NotApplicable, q.Notes, q.Action, q.Milestone, v.c.keys.Meeting.Park}
	case screenOverview:
		return []key.Binding{q.Milestone}
	}
	return nil
}

// observerCannot reports whether msg is a key that changes the review.
func (v *Viewer) observerCannot(msg tea.KeyMsg) bool {
	return key.Matches(msg, v.observerKeys()...)
}

// forRole leaves out of a screen's key help the keys an observer cannot
// use.
func (v *Viewer) forRole(short []key.Binding, full [][]key.Binding) ([]key.Binding, [][]key.Binding) {
	if v.meeting == nil || v.meeting.Me.Role != Observer {
		return short, full
	}
	cannot := v.observerKeys()
	keep := func(bs []key.Binding) []key.Binding {
		return slices.DeleteFunc(slices.Clone(bs), func(b key.Binding) bool {
			return slices.ContainsFunc(cannot, func(c key.Binding) bool { return c.Help() == b.Help() && slices.Equal(c.Keys(), b.Keys()) })
		})
	}
	var groups [][]key.Binding
	for _, g := range full {
		if g = keep(g); len(g) > 0 {
			groups = append(groups, g)
		}
	}
	return keep(short), groups
}
