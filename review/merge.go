package review

import (
	"fmt"
	"slices"
	"time"
)

// Clone returns a deep copy of the review.
func (r *Review) Clone() *Review {
	c := *r
	c.Answers = r.Answers.Clone()
	c.Actions = slices.Clone(r.Actions)
	c.Parked = slices.Clone(r.Parked)
	c.Milestones = make([]Milestone, len(r.Milestones))
	for i, m := range r.Milestones {
		m.Answers = m.Answers.Clone()
		m.Actions = slices.Clone(m.Actions)
		c.Milestones[i] = m
	}
	return &c
}

// Conflict names a question both sides changed differently.
type Conflict struct{ PillarID, QuestionID string }

// MergeNote says what a merge changed on the way: an action renumbered, a
// milestone renamed, because the other side used the same id or name. Its
// String is the English sentence; a caller in another language words it
// from the kind and the two names.
type MergeNote struct {
	Kind MergeNoteKind
	Was  string // the id or name both sides used
	Now  string // what this session's became
}

// MergeNoteKind says what a merge renamed.
type MergeNoteKind int

// What a merge renames.
const (
	MilestoneRenamed MergeNoteKind = iota
	ActionRenumbered
)

func (n MergeNote) String() string {
	if n.Kind == ActionRenumbered {
		return fmt.Sprintf("action %s was also created elsewhere; this session's is now %s", n.Was, n.Now)
	}
	return fmt.Sprintf("milestone %q was also saved elsewhere; this session's is now %q", n.Was, n.Now)
}

// Merge combines two versions of a review that both started from base:
// ours (this session) and theirs (what is on disk now, after a git pull or
// another wafr). Each question takes the side that changed it; a question
// both changed differently is a conflict, and keeps ours in the result.
// Milestones from both sides are kept.
func Merge(base, ours, theirs *Review) (*Review, []Conflict) {
	out, conflicts, _ := MergeWithNotes(base, ours, theirs)
	return out, conflicts
}

// MergeWithNotes is Merge, also saying what it renamed.
func MergeWithNotes(base, ours, theirs *Review) (*Review, []Conflict, []MergeNote) {
	var notes []MergeNote
	out := theirs.Clone()
	var conflicts []Conflict
	keys := map[[2]string]bool{}
	for _, a := range []Answers{base.Answers, ours.Answers} {
		for pid, byQ := range a {
			for qid := range byQ {
				keys[[2]string{pid, qid}] = true
			}
		}
	}
	sorted := make([][2]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.SortFunc(sorted, func(a, b [2]string) int {
		if a[0] != b[0] {
			return compareNatural(a[0], b[0])
		}
		return compareNatural(a[1], b[1])
	})
	for _, k := range sorted {
		b, o, t := base.Answers.Get(k[0], k[1]), ours.Answers.Get(k[0], k[1]), theirs.Answers.Get(k[0], k[1])
		oursChanged := !sameAnswer(o, b)
		if !oursChanged && spentOn(o) == spentOn(b) {
			continue // we did not touch it: theirs stands
		}
		if oursChanged && !sameAnswer(t, b) && !sameAnswer(t, o) {
			conflicts = append(conflicts, Conflict{k[0], k[1]})
		}
		kept := o
		if !oursChanged {
			kept = t // only our time on it changed: their answer stands
		}
		out.setAnswer(k[0], k[1], withSpent(kept, mergeSpent(b, o, t)))
	}
	if ours.Workload != base.Workload {
		out.Workload = ours.Workload
	}
	if ours.Notes != base.Notes {
		out.Notes = ours.Notes
	}
	if ours.Lens != base.Lens {
		out.Lens = ours.Lens
	}
	if ours.UpdatedAt.After(out.UpdatedAt) {
		out.UpdatedAt = ours.UpdatedAt
	}
	out.Parked = mergeParked(base.Parked, ours.Parked, out.Parked)
	actionConflicts, actionNotes := mergeActions(base, ours, out)
	conflicts = append(conflicts, actionConflicts...)
	notes = append(notes, actionNotes...)
	inBase, inOut := milestoneNames(base), milestoneNames(out) // a file may hold 100,000
	for _, m := range ours.Milestones {
		if inBase[m.Name] {
			continue // not ours: theirs has it, or removed it by hand
		}
		if inOut[m.Name] {
			name := m.Name
			for i := 2; inOut[name]; i++ {
				name = fmt.Sprintf("%s (%d)", m.Name, i)
			}
			notes = append(notes, MergeNote{Kind: MilestoneRenamed, Was: m.Name, Now: name})
			m.Name = name
		}
		inOut[m.Name] = true
		m.Answers = m.Answers.Clone()
		out.Milestones = append(out.Milestones, m)
	}
	return out, conflicts, notes
}

func milestoneNames(r *Review) map[string]bool {
	names := make(map[string]bool, len(r.Milestones))
	for _, m := range r.Milestones {
		names[m.Name] = true
	}
	return names
}

func (r *Review) setAnswer(pid, qid string, a *Answer) {
	if a == nil {
		delete(r.Answers[pid], qid)
		if len(r.Answers[pid]) == 0 {
			delete(r.Answers, pid)
		}
		return
	}
	if r.Answers[pid] == nil {
		r.Answers[pid] = map[string]*Answer{}
	}
	r.Answers[pid][qid] = a.clone()
}

// sameAnswer compares what the team said, not who said it or when, nor
// how long a live review spent on it: that is not an answer anyone chose
// (mergeSpent merges it).
func sameAnswer(a, b *Answer) bool {
	if a == nil || b == nil {
		return a.isBlank() && b.isBlank()
	}
	return slices.Equal(a.Selected, b.Selected) && a.NotApplicable == b.NotApplicable && a.Reason == b.Reason && a.Notes == b.Notes &&
		slices.EqualFunc(a.Votes, b.Votes, func(x, y Vote) bool { return x.By == y.By && slices.Equal(x.Selected, y.Selected) })
}

// isBlank reports whether an answer says nothing but, perhaps, the time
// spent on its question: to sameAnswer, as good as none.
func (a *Answer) isBlank() bool {
	return a == nil || len(a.Selected) == 0 && !a.NotApplicable && a.Reason == "" && a.Notes == "" && len(a.Votes) == 0
}

func spentOn(a *Answer) time.Duration {
	if a == nil {
		return 0
	}
	return a.TimeSpent
}

// mergeSpent is the time spent on a question after a merge. A live review
// only ever adds to it, so two meetings on one file (two wafr serve, or a
// meeting and a git pull of another) each added their own minutes: the
// time spent is theirs plus what ours added since base, both meetings'
// time, rather than the larger, which would lose one meeting's. A side
// that alone changed it (a hand edit that lowered it too) gives its value.
func mergeSpent(b, o, t *Answer) time.Duration {
	base, ours, theirs := spentOn(b), spentOn(o), spentOn(t)
	switch {
	case ours == base, ours == theirs: // the same on both (ours took theirs: a reload)
		return theirs
	case theirs == base:
		return ours
	}
	return theirs + max(0, ours-base)
}

// withSpent is a copy of a with d spent on its question; an answer of
// time alone when a is none.
func withSpent(a *Answer, d time.Duration) *Answer {
	if a == nil {
		if d == 0 {
			return nil
		}
		return &Answer{TimeSpent: d}
	}
	c := a.clone()
	c.TimeSpent = d
	return c
}

func compareNatural(a, b string) int {
	switch {
	case a == b:
		return 0
	case naturalLess(a, b):
		return -1
	}
	return 1
}

// mergeActions brings our new and changed actions into out (theirs). An
// action we created whose id they also used gets the next free id.
func mergeActions(base, ours, out *Review) ([]Conflict, []MergeNote) {
	var conflicts []Conflict
	var notes []MergeNote
	for _, o := range ours.Actions {
		b := base.Action(o.ID)
		t := out.Action(o.ID)
		switch {
		case b == nil && t == nil: // ours alone
			out.Actions = append(out.Actions, o)
		case b == nil: // both created this id: ours becomes a new one
			id := out.nextActionID()
			notes = append(notes, MergeNote{Kind: ActionRenumbered, Was: o.ID, Now: id})
			o.ID = id
			out.Actions = append(out.Actions, o)
		case *b == o: // unchanged here: theirs stands
		case t == nil || *t == *b || *t == o:
			if t == nil {
				out.Actions = append(out.Actions, o)
			} else {
				*t = o
			}
		default:
			conflicts = append(conflicts, Conflict{o.PillarID, o.QuestionID + " (action " + o.ID + ")"})
			*t = o
		}
	}
	return conflicts, notes
}

// mergeParked keeps theirs, adds the items we parked, and drops the items
// we resolved (in base, no longer ours).
func mergeParked(base, ours, theirs []Parked) []Parked {
	in := func(list []Parked, p Parked) bool {
		return slices.ContainsFunc(list, func(q Parked) bool {
			return q.PillarID == p.PillarID && q.QuestionID == p.QuestionID && q.Text == p.Text && q.By == p.By && q.At.Equal(p.At)
		})
	}
	var out []Parked
	for _, p := range theirs {
		if in(base, p) && !in(ours, p) {
			continue // we resolved it
		}
		out = append(out, p)
	}
	for _, p := range ours {
		if !in(base, p) && !in(out, p) {
			out = append(out, p)
		}
	}
	return out
}
