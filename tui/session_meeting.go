package tui

import (
	"slices"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// applyMeeting applies the session intents of a live review; ok is false
// for any other intent.
func (s *Session) applyMeeting(by string, in Intent) (res Result, ok bool) {
	switch in := in.(type) {
	case ParkIntent:
		it, found := s.itemAt(in.Item)
		text := strings.TrimSpace(textsafe.Typed(in.Text))
		if !found || text == "" {
			return Result{Err: ErrNoItem}, true
		}
		next := s.rev.Clone()
		next.Parked = append(next.Parked, review.Parked{PillarID: it.Pillar.ID, QuestionID: it.Question.ID, Text: text, By: by, At: s.stamp()})
		s.commit(next)
		return Result{Changed: true, Message: Notice{Kind: NoticeParked, Arg: it.Question.ID}}, true
	case ResolveParkedIntent:
		return s.resolveParked(by, in), true
	case RecordVoteIntent:
		return s.recordVote(by, in), true
	case TimeSpentIntent:
		it, found := s.itemAt(in.Item)
		if !found || in.Spent <= 0 {
			return Result{}, true
		}
		next := s.rev.Clone()
		next.AddTimeSpent(it.Pillar.ID, it.Question.ID, in.Spent)
		s.commit(next)
		return Result{Changed: true}, true
	}
	return Result{}, false
}

// recordVote settles a vote: its ballots go with the answer, and with
// Select the answer becomes what most ticked. Only a settlement that
// changes the answer makes by (the facilitator settling) its author:
// keeping the answer, or a majority for what it says already, leaves it
// the last changer's (the notes someone typed during the vote, say).
func (s *Session) recordVote(by string, in RecordVoteIntent) Result {
	it, found := s.itemAt(in.Item)
	if !found {
		return Result{Err: ErrNoItem}
	}
	var sel []string
	if in.Select != nil {
		var err error
		if sel, err = scoring.Select(it.Question, in.Select); err != nil && len(in.Select) > 0 {
			return Result{Err: err}
		}
	}
	res := Result{Changed: true}
	next := s.rev.Clone()
	take := in.Select != nil
	a := next.Answers.Get(it.Pillar.ID, it.Question.ID)
	if a != nil && a.NotApplicable && take {
		if len(sel) > 0 {
			// The ticks end the question's N/A, as a tick does: say so.
			res.Message = Notice{Kind: NoticeApplicableAgain, Arg: it.Question.ID}
		} else {
			take = false // a majority of nothing leaves the N/A as it was
		}
	}
	next.RecordVotes(it.Pillar.ID, it.Question.ID, in.Votes)
	if take && changesAnswer(a, sel) {
		next.Update(it.Pillar.ID, it.Question.ID, by, s.now(), func(a *review.Answer) {
			a.Selected = sel
			endNotApplicable(a)
		})
	}
	s.commit(next)
	return res
}

// changesAnswer reports whether taking sel as the ticks changes a.
func changesAnswer(a *review.Answer, sel []string) bool {
	if a == nil {
		return len(sel) > 0
	}
	return a.NotApplicable || !slices.Equal(a.Selected, sel)
}

func (s *Session) resolveParked(by string, in ResolveParkedIntent) Result {
	i := slices.IndexFunc(s.rev.Parked, func(p review.Parked) bool {
		return p.PillarID == in.Item.PillarID && p.QuestionID == in.Item.QuestionID && p.Text == in.Item.Text && p.By == in.Item.By && p.At.Equal(in.Item.At)
	})
	if i < 0 {
		return Result{Err: ErrParkedGone}
	}
	next := s.rev.Clone()
	p := next.Parked[i]
	next.Parked = slices.Delete(next.Parked, i, i+1)
	res := Result{Changed: true, Message: Notice{Kind: NoticeParkDropped}}
	switch in.Into {
	case ParkedToAction:
		a, err := next.AddAction(review.Action{PillarID: p.PillarID, QuestionID: p.QuestionID, Title: textsafe.Name(p.Text),
			Owner: textsafe.Name(in.Owner), Due: in.Due}, by, s.now())
		if err != nil {
			return Result{Err: err}
		}
		res.Message = Notice{Kind: NoticeParkedToAction, Arg: a.ID}
	case ParkedToNotes:
		next.Update(p.PillarID, p.QuestionID, by, s.now(), func(a *review.Answer) {
			if a.Notes != "" {
				a.Notes += "\n"
			}
			a.Notes += p.Text
		})
		res.Message = Notice{Kind: NoticeParkedToNotes, Arg: p.QuestionID}
	}
	s.commit(next)
	return res
}

func (s *Session) itemAt(i int) (Item, bool) {
	if i < 0 || i >= len(s.items) {
		return Item{}, false
	}
	return s.items[i], true
}

// stamp is now as the review file writes it.
func (s *Session) stamp() time.Time { return s.now().UTC().Truncate(time.Second) }
