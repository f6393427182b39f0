package review

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/questions"
)

// fuzzBytes hands out the bytes of a fuzz input, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) next() byte {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return c
}

// mergeAnswerValues are the answers a question can have in a fuzzed side
// (nil: unanswered).
var mergeAnswerValues = []func() *Answer{
	func() *Answer { return nil },
	func() *Answer { return &Answer{Selected: []string{"a"}, Risk: questions.HighRisk} },
	func() *Answer { return &Answer{Selected: []string{"b"}} },
	func() *Answer { return &Answer{Selected: []string{"a", "b"}} },
	func() *Answer { return &Answer{Selected: []string{"b", "a"}} },
	func() *Answer { return &Answer{NotApplicable: true, Reason: "OTHER"} },
	func() *Answer { return &Answer{NotApplicable: true, Reason: "NONE", Notes: "n/a"} },
	func() *Answer { return &Answer{Notes: "only notes"} },
	func() *Answer { return &Answer{Selected: []string{"a"}, Notes: "with notes"} },
	func() *Answer {
		return &Answer{Selected: []string{"a"}, Votes: []Vote{{By: "x", Selected: []string{"a"}}, {By: "y"}}}
	},
	func() *Answer { return &Answer{Selected: []string{"a"}, TimeSpent: 5 * time.Minute} },
}

var mergeKeys = func() [][2]string {
	var keys [][2]string
	for _, p := range []string{"p0", "p1"} {
		for _, q := range []string{"q0", "q1", "q2", "q10"} {
			keys = append(keys, [2]string{p, q})
		}
	}
	return keys
}()

// mergeSides builds base, ours and theirs from fuzz bytes: per question a
// base answer, and for each side either the base's (same content, stamped
// by that side) or another; milestones and actions of the base, and new
// ones on either side, names and ids clashing at times.
func mergeSides(data []byte) (base, ours, theirs *Review) {
	b := fuzzBytes(data)
	mk := func() *Review { return &Review{Lens: LensRef{ID: "l"}, Answers: Answers{}} }
	base, ours, theirs = mk(), mk(), mk()
	stamp := func(a *Answer, by string, at time.Time) *Answer {
		if a == nil {
			return nil
		}
		c := a.clone()
		c.AnsweredBy, c.UpdatedAt = by, at
		return c
	}
	value := func() *Answer { return mergeAnswerValues[int(b.next())%len(mergeAnswerValues)]() }
	for _, k := range mergeKeys {
		bv := value()
		side := func(by string, at time.Time) *Answer {
			if c := b.next(); c < 128 {
				return stamp(bv, by, at) // unchanged, or touched and left the same
			}
			return stamp(value(), by, at)
		}
		for _, s := range []struct {
			r *Review
			a *Answer
		}{{base, stamp(bv, "base", t0)}, {ours, side("ours", t0.Add(time.Hour))}, {theirs, side("theirs", t0.Add(2*time.Hour))}} {
			if s.a != nil {
				s.r.setAnswer(k[0], k[1], s.a)
			}
		}
	}
	// Milestones: the base's (kept by each side unless it drops them),
	// then new ones whose names may clash across sides.
	for i := 0; i < int(b.next())%3; i++ {
		m := Milestone{Name: fmt.Sprintf("m%d", i), RecordedAt: t0, Notes: fmt.Sprintf("base-%d", i), Lens: LensRef{ID: "l"}, Answers: base.Answers.Clone()}
		base.Milestones = append(base.Milestones, m)
		for _, r := range []*Review{ours, theirs} {
			if b.next()%4 != 0 {
				m.Answers = m.Answers.Clone()
				r.Milestones = append(r.Milestones, m)
			}
		}
	}
	for side, r := range map[string]*Review{"ours": ours, "theirs": theirs} {
		for i := 0; i < int(b.next())%3; i++ {
			name := fmt.Sprintf("m%d", b.next()%5)
			if r.Milestone(name) != nil {
				continue
			}
			r.Milestones = append(r.Milestones, Milestone{Name: name, RecordedAt: t0, Notes: fmt.Sprintf("%s-%d", side, i),
				Lens: LensRef{ID: "l"}, Answers: r.Answers.Clone()})
		}
	}
	// Actions: the base's, then new ones on each side (ids may clash).
	for i := 0; i < int(b.next())%3; i++ {
		a := Action{ID: fmt.Sprintf("A%d", i+1), PillarID: "p0", QuestionID: "q0", Title: fmt.Sprintf("base-%d", i), Status: StatusOpen}
		base.Actions = append(base.Actions, a)
		ours.Actions = append(ours.Actions, a)
		theirs.Actions = append(theirs.Actions, a)
	}
	for side, r := range map[string]*Review{"ours": ours, "theirs": theirs} {
		for i := 0; i < int(b.next())%3; i++ {
			r.AddAction(Action{PillarID: "p1", QuestionID: "q1", Title: fmt.Sprintf("%s-%d", side, i)}, side, t0)
		}
	}
	return base, ours, theirs
}

// sameContent compares what an answer says (its votes included, not the
// time spent on it), as Merge does.
func sameContent(a, b *Answer) bool {
	if a == nil || b == nil {
		blank := func(a *Answer) bool { return a == nil || reflect.DeepEqual(*a, Answer{TimeSpent: a.TimeSpent}) }
		return blank(a) && blank(b)
	}
	return slices.Equal(a.Selected, b.Selected) && a.NotApplicable == b.NotApplicable && a.Reason == b.Reason && a.Notes == b.Notes &&
		reflect.DeepEqual(a.Votes, b.Votes)
}

// spentAfterMerge is the time spent a merge must give: the side that alone
// changed it, the one both sides have, else theirs plus what ours added.
func spentAfterMerge(b, o, th *Answer) time.Duration {
	spent := func(a *Answer) time.Duration {
		if a == nil {
			return 0
		}
		return a.TimeSpent
	}
	switch {
	case spent(o) == spent(b), spent(o) == spent(th):
		return spent(th)
	case spent(th) == spent(b):
		return spent(o)
	}
	return spent(th) + max(0, spent(o)-spent(b))
}

// FuzzMerge checks the three-way merge's promises on random base, ours and
// theirs: an answer changed on one side only ends up with that side's
// value; the time spent on a question is merged apart (spentAfterMerge)
// and never a conflict; nothing that base, ours and theirs all have is lost; the
// conflicts are exactly the questions both sides changed differently (and
// keep ours); theirs' milestones and ours' new ones are all kept, under
// unique names; theirs' actions and ours' new ones are all kept, under
// unique ids; and the result saves to a file that loads.
func FuzzMerge(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x01\x00\x00\x02\x80\x03\x00\x80\x04\x05\x80\x06\x80\x07\x02\x01\x02\x02\x03\x01\x02"))
	f.Add([]byte("\x03\x90\x91\x04\x85\x86\x00\x80\x81\x07\x80\x80\x02\x02\x02\x01\x02\x02\x01\x02\x02\x02"))
	f.Fuzz(func(t *testing.T, data []byte) {
		base, ours, theirs := mergeSides(data)
		bc, oc, tc := base.Marshal(), ours.Marshal(), theirs.Marshal()
		out, conflicts := Merge(base, ours, theirs)
		if !bytes.Equal(base.Marshal(), bc) || !bytes.Equal(ours.Marshal(), oc) || !bytes.Equal(theirs.Marshal(), tc) {
			t.Fatal("Merge changed its inputs")
		}
		want := map[Conflict]bool{}
		for _, k := range mergeKeys {
			b, o, th, m := base.Answers.Get(k[0], k[1]), ours.Answers.Get(k[0], k[1]), theirs.Answers.Get(k[0], k[1]), out.Answers.Get(k[0], k[1])
			oursChanged, theirsChanged := !sameContent(o, b), !sameContent(th, b)
			// The time spent is merged on its own, never a conflict.
			spent := spentAfterMerge(b, o, th)
			switch {
			case oursChanged && !theirsChanged:
				if !reflect.DeepEqual(m, withSpent(o, spent)) {
					t.Fatalf("%s: changed only in ours to %+v, merged %+v", k, o, m)
				}
			case theirsChanged && !oursChanged, !oursChanged && !theirsChanged:
				if !reflect.DeepEqual(m, withSpent(th, spent)) {
					t.Fatalf("%s: theirs %+v (ours unchanged), merged %+v", k, th, m)
				}
			case sameContent(o, th):
				if !sameContent(m, o) || m != nil && m.TimeSpent != spent {
					t.Fatalf("%s: both changed to the same %+v, merged %+v", k, o, m)
				}
			default:
				want[Conflict{k[0], k[1]}] = true
				if !reflect.DeepEqual(m, withSpent(o, spent)) {
					t.Fatalf("%s: a conflict keeps ours %+v, merged %+v", k, o, m)
				}
			}
			if b != nil && o != nil && th != nil && m == nil {
				t.Fatalf("%s: base, ours and theirs all have an answer; the merge lost it", k)
			}
		}
		got := map[Conflict]bool{}
		for _, c := range conflicts {
			if !strings.Contains(c.QuestionID, " (action ") {
				if got[c] {
					t.Fatalf("conflict %v listed twice", c)
				}
				got[c] = true
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("conflicts %v, want %v", got, want)
		}
		// Milestones: theirs', and ours' new ones (perhaps renamed).
		names := map[string]bool{}
		for _, m := range out.Milestones {
			if names[m.Name] {
				t.Fatalf("milestone name %q used twice", m.Name)
			}
			names[m.Name] = true
		}
		for _, m := range theirs.Milestones {
			if x := out.Milestone(m.Name); x == nil || !reflect.DeepEqual(*x, m) {
				t.Fatalf("their milestone %q is lost or changed", m.Name)
			}
		}
		for _, m := range ours.Milestones {
			if base.Milestone(m.Name) != nil {
				continue
			}
			found := false
			for _, x := range out.Milestones {
				found = found || (x.Name == m.Name || strings.HasPrefix(x.Name, m.Name+" (")) && x.Notes == m.Notes && reflect.DeepEqual(x.Answers, m.Answers)
			}
			if !found {
				t.Fatalf("our new milestone %q (%s) is lost", m.Name, m.Notes)
			}
		}
		// Actions: unique ids; theirs' and ours' new ones all there.
		ids := map[string]bool{}
		titles := map[string]bool{}
		for _, a := range out.Actions {
			if ids[strings.ToUpper(a.ID)] {
				t.Fatalf("action id %s used twice", a.ID)
			}
			ids[strings.ToUpper(a.ID)] = true
			titles[a.Title] = true
		}
		for _, r := range []*Review{theirs, ours} {
			for _, a := range r.Actions {
				if !titles[a.Title] {
					t.Fatalf("action %s (%s) is lost", a.ID, a.Title)
				}
			}
		}
		data2, err := out.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse("merged.yaml", data2); err != nil {
			t.Fatalf("the merge does not load: %v\n%s", err, data2)
		}
	})
}
