package serve

import (
	"slices"

	"github.com/wafr-dev/wafr/tui"
)

// meetingFor is the meeting as p sees it: everyone's presence, and p's own
// ballot but no one else's until the votes are revealed.
func (h *Hub) meetingFor(p *person) *tui.Meeting {
	m := &tui.Meeting{Me: h.personView(p), Shared: h.shared, EditOpen: h.editOpen, MayEdit: h.mayEdit(p), Proposals: slices.Clone(h.proposals),
		TimeBox: tui.TimeBox{PerQuestion: h.timeBox, Started: h.sharedSince}, LastChange: h.lastChange}
	for _, id := range h.order {
		m.People = append(m.People, h.personView(h.people[id]))
	}
	if v := h.vote; v != nil {
		vv := &tui.VoteView{Item: v.item, Revealed: v.revealed, Voted: len(v.ballots), Mine: slices.Clone(v.ballots[voterOf(p)].selected)}
		eligible := map[string]bool{}
		for _, other := range h.people {
			if other.Role != tui.Observer || other.ID == h.chair {
				eligible[voterOf(other)] = true
			}
		}
		for voter := range v.ballots { // who voted and dropped counts still
			eligible[voter] = true
		}
		vv.Eligible = len(eligible)
		if v.revealed {
			t := h.tally(v)
			vv.Voters, vv.Disagree, vv.Majority = t.voters, t.disagree, t.majority
		}
		m.Vote = vv
	}
	return m
}

func (h *Hub) personView(p *person) tui.Person {
	voted := false
	if h.vote != nil {
		_, voted = h.vote.ballots[voterOf(p)]
	}
	return tui.Person{ID: p.ID, Name: p.Name, Role: h.role(p), Item: p.item, Following: p.following, Voted: voted}
}
