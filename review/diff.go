package review

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// Side is one end of a comparison: a review as of some point, and the lens
// it was answered with when that lens could be loaded (nil otherwise, and
// then the risks recorded in the file are used).
type Side struct {
	Label  string // e.g. "review.yaml@2026 Q3"
	Review *Review
	Lens   *questions.Lens
	// LensGone says why Lens is nil (LensNotFound, LensChangedSince,
	// LensNotLoading…), for the report.
	LensGone string
}

// LensLabel is what names a lens in a message: its id, its name (a
// review file records none) and its source, in that order of preference.
type LensLabel struct{ ID, Name, Source string }

// LensLabel is the label of the lens the side is scored with, else of the
// one it records.
func (s Side) LensLabel() LensLabel {
	if l := s.Lens; l != nil {
		return LensLabel{l.ID, l.Name, l.Source}
	}
	return LensLabel{ID: s.Review.Lens.ID, Source: s.Review.Lens.Source}
}

// keys are the label's names in order of preference; the source by its
// file name.
func (l LensLabel) keys() [3]string {
	k := [3]string{l.ID, strings.TrimSpace(l.Name), ""}
	if l.Source != "" {
		k[2] = filepath.Base(l.Source)
	}
	return k
}

// LensNames names two lenses alike, for a message that compares them: by
// id when both have one, else by name, else by file; when no one of these
// is known for both, each by the first it has ("a lens without id, name
// or file" for none).
func LensNames(a, b LensLabel) (string, string) {
	ka, kb := a.keys(), b.keys()
	for i := range ka {
		if ka[i] != "" && kb[i] != "" {
			return ka[i], kb[i]
		}
	}
	first := func(k [3]string) string { return cmp.Or(k[0], k[1], k[2], "a lens without id, name or file") }
	return first(ka), first(kb)
}

// Change says how a question moved between two sides.
type Change int

// Kinds of change, in the order reports list them.
const (
	Unchanged           Change = iota
	Regressed                  // the risk went up
	Improved                   // the risk went down
	NewlyAnswered              // unanswered before
	NoLongerAnswered           // answered before, unanswered now
	BecameNotApplicable        // marked not applicable
	ApplicableAgain            // not applicable before, answered now
	Rescored                   // same risk, different choices
	NotesChanged               // only the notes changed
	AddedToLens                // the new lens has the question, the old one did not
	RemovedFromLens            // the old lens had the question, the new one does not
)

var changeNames = [...]string{"unchanged", "regressed", "improved", "newly answered", "no longer answered",
	"became not applicable", "applicable again", "choices changed", "notes changed", "added to the lens", "removed from the lens"}

func (c Change) String() string { return changeNames[c] }

// MarshalText names the change in JSON.
func (c Change) MarshalText() ([]byte, error) { return []byte(changeNames[c]), nil }

// Changes lists the kinds reports show, in order.
var Changes = []Change{Regressed, Improved, NewlyAnswered, NoLongerAnswered, BecameNotApplicable, ApplicableAgain,
	Rescored, NotesChanged, AddedToLens, RemovedFromLens, Unchanged}

// QuestionDiff is one question compared.
type QuestionDiff struct {
	PillarID, QuestionID string
	Title                string
	Change               Change
	Before, After        questions.Risk
	Ticked, Unticked     []ChoiceRef // choices ticked (+) and unticked (-) since
	NotesBefore          string
	NotesAfter           string
	NotesChanged         bool
	ReasonBefore         string
	ReasonAfter          string
	// Dropped are ticked choices the new side's lens no longer has.
	Dropped []string
}

// ChoiceRef names a choice, with its title when a lens knows it.
type ChoiceRef struct{ ID, Title string }

// DiffResult compares two sides question by question.
type DiffResult struct {
	Old, New Side
	// OldCounts and NewCounts tally each side. A side not scored with its
	// lens (OldScored, NewScored) counts only its answers: its Unanswered
	// is unknown, not zero, since a file lists answers and not the
	// questions left open.
	OldCounts            scoring.Counts
	NewCounts            scoring.Counts
	Questions            []QuestionDiff // in the new lens's order, then questions only the old one had
	LensChanged          bool           // the two sides used different lens content
	OldScored, NewScored bool           // scored with the lens (false: recorded risks)
	Actions              []ActionDiff   // actions opened, completed, accepted... between the two
}

// Regressions counts questions whose risk went up: from one level to a
// worse one, or from not applicable back to MEDIUM or HIGH.
func (d *DiffResult) Regressions() int {
	n := 0
	for _, q := range d.Questions {
		if q.IsRegression() {
			n++
		}
	}
	return n
}

// IsRegression reports whether the question's risk went up.
func (q QuestionDiff) IsRegression() bool {
	return q.Change == Regressed || q.Change == ApplicableAgain && q.After >= questions.MediumRisk
}

type qkey struct{ p, q string }

// sideView is one side reduced to what the diff compares.
type sideView struct {
	risks   map[qkey]questions.Risk
	answers Answers
	order   []qkey
	titles  map[qkey]string
	choices map[qkey]*questions.Question
	counts  scoring.Counts
	known   map[qkey]bool // the side's lens has the question
}

func view(s Side) sideView {
	v := sideView{risks: map[qkey]questions.Risk{}, answers: s.Review.Answers, titles: map[qkey]string{},
		choices: map[qkey]*questions.Question{}, known: map[qkey]bool{}}
	if s.Lens != nil {
		res := s.Review.Score(s.Lens)
		v.counts = res.Counts
		for _, pr := range res.Pillars {
			for _, qr := range pr.Questions {
				k := qkey{pr.Pillar.ID, qr.Question.ID}
				v.order = append(v.order, k)
				v.risks[k] = qr.Risk
				v.titles[k] = qr.Question.Title
				v.choices[k] = qr.Question
				v.known[k] = true
			}
		}
	}
	// Answers the lens does not score are compared with the risk recorded
	// in the file. They count only when there is no lens at all, so that
	// counts agree with the summary, which leaves such answers out.
	for _, pid := range sortedKeys(s.Review.Answers) {
		for _, qid := range sortedKeys(s.Review.Answers[pid]) {
			k := qkey{pid, qid}
			if _, ok := v.risks[k]; ok {
				continue
			}
			r := s.Review.Answers[pid][qid].RecordedRisk()
			v.order = append(v.order, k)
			v.risks[k] = r
			if s.Lens == nil {
				v.counts.Add(r)
			}
		}
	}
	return v
}

// Diff compares two reviews (or two milestones, or two workloads) question by
// question. It returns data; reports renders it.
func Diff(before, after Side) *DiffResult {
	ov, nv := view(before), view(after)
	res := &DiffResult{Old: before, New: after, OldCounts: ov.counts, NewCounts: nv.counts,
		OldScored: before.Lens != nil, NewScored: after.Lens != nil}
	res.LensChanged = before.digest() != after.digest()
	seen := map[qkey]bool{}
	order := append(slices.Clone(nv.order), ov.order...)
	for _, k := range order {
		if seen[k] {
			continue
		}
		seen[k] = true
		res.Questions = append(res.Questions, compare(k, ov, nv, before.Lens != nil, after.Lens != nil))
	}
	res.Actions = diffActions(before, after)
	return res
}

func compare(k qkey, ov, nv sideView, oldLens, newLens bool) QuestionDiff {
	d := QuestionDiff{PillarID: k.p, QuestionID: k.q, Before: ov.risks[k], After: nv.risks[k]}
	d.Title = nv.titles[k]
	if d.Title == "" {
		d.Title = ov.titles[k]
	}
	oa, na := ov.answers.Get(k.p, k.q), nv.answers.Get(k.p, k.q)
	var oldSel, newSel []string
	if oa != nil {
		oldSel, d.NotesBefore, d.ReasonBefore = oa.Selected, oa.Notes, oa.Reason
	}
	if na != nil {
		newSel, d.NotesAfter, d.ReasonAfter = na.Selected, na.Notes, na.Reason
	}
	q := nv.choices[k]
	if q == nil {
		q = ov.choices[k]
	}
	d.Ticked = refs(q, minus(newSel, oldSel))
	d.Unticked = refs(q, minus(oldSel, newSel))
	d.NotesChanged = d.NotesBefore != d.NotesAfter
	if q := nv.choices[k]; q != nil {
		for _, id := range newSel {
			if q.Choice(id) == nil {
				d.Dropped = append(d.Dropped, id)
			}
		}
	}
	choicesChanged := len(d.Ticked)+len(d.Unticked) > 0

	graded := func(r questions.Risk) bool { return r >= questions.NoRisk }
	switch {
	case oldLens && newLens && !ov.known[k] && nv.known[k]:
		d.Change = AddedToLens
	case oldLens && newLens && ov.known[k] && !nv.known[k]:
		d.Change = RemovedFromLens
	case d.Before == d.After:
		switch {
		case choicesChanged:
			d.Change = Rescored
		case d.NotesChanged || d.ReasonBefore != d.ReasonAfter:
			d.Change = NotesChanged
		}
	case d.Before == questions.Unanswered && d.After != questions.NotApplicable:
		d.Change = NewlyAnswered
	case d.After == questions.Unanswered:
		d.Change = NoLongerAnswered
	case d.After == questions.NotApplicable:
		d.Change = BecameNotApplicable
	case d.Before == questions.NotApplicable:
		d.Change = ApplicableAgain
	case graded(d.Before) && graded(d.After) && d.After > d.Before:
		d.Change = Regressed
	default:
		d.Change = Improved
	}
	return d
}

// minus returns the ids in a that are not in b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, id := range a {
		if !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

func refs(q *questions.Question, ids []string) []ChoiceRef {
	var out []ChoiceRef
	for _, id := range ids {
		r := ChoiceRef{ID: id}
		if q != nil {
			if c := q.Choice(id); c != nil {
				r.Title = c.Title
			}
		}
		out = append(out, r)
	}
	return out
}

// digest is the content of the lens the side is scored with: its lens's,
// else the one it records (a current side may be scored with a lens
// edited since it was saved).
func (s Side) digest() string {
	if s.Lens != nil {
		return s.Lens.Digest
	}
	return s.Review.Lens.Digest
}

// Counts tallies a side: scored with its lens, or from the recorded risks
// of its answers when the lens is unavailable (then unanswered questions
// are not counted, since only the lens knows them).
func (s Side) Counts() scoring.Counts {
	if s.Lens != nil {
		return s.Review.Score(s.Lens).Counts
	}
	// As view counts them: every answer, at the risk the file recorded.
	var c scoring.Counts
	for _, byQ := range s.Review.Answers {
		for _, a := range byQ {
			c.Add(a.RecordedRisk())
		}
	}
	return c
}

// ActionDiff is one action compared between two points.
type ActionDiff struct {
	Action
	Before string // status before ("" when it did not exist)
	After  string // status after ("" when it no longer exists)
	Change string // opened, completed, risk accepted, reopened, progressed, removed
	// Closable is an open action whose best practice is now ticked: it can
	// be marked done.
	Closable bool
}

// diffActions compares the actions of two sides, matching them by id in
// linear time: actions of the new side in order, then those removed.
func diffActions(before, after Side) []ActionDiff {
	var out []ActionDiff
	old := make(map[string]*Action, len(before.Review.Actions))
	for i := range before.Review.Actions {
		old[before.Review.Actions[i].ID] = &before.Review.Actions[i]
	}
	kept := make(map[string]bool, len(after.Review.Actions))
	for _, a := range after.Review.Actions {
		kept[a.ID] = true
		d := ActionDiff{Action: a, After: a.Status}
		o := old[a.ID]
		if o != nil {
			d.Before = o.Status
		}
		switch {
		case o == nil:
			d.Change = "opened"
		case o.Status == a.Status:
		case a.Status == StatusDone:
			d.Change = "completed"
		case a.Status == StatusAcceptedRisk:
			d.Change = "risk accepted"
		case o.Closed():
			d.Change = "reopened"
		default:
			d.Change = "progressed"
		}
		if !a.Closed() && a.ChoiceID != "" {
			if ans := after.Review.Answers.Get(a.PillarID, a.QuestionID); ans != nil && slices.Contains(ans.Selected, a.ChoiceID) {
				d.Closable = true
			}
		}
		if d.Change != "" || d.Closable {
			out = append(out, d)
		}
	}
	for _, a := range before.Review.Actions {
		if !kept[a.ID] {
			out = append(out, ActionDiff{Action: a, Before: a.Status, Change: "removed"})
		}
	}
	return out
}

// Why a side has no lens (Side.LensGone): its lens is not found, has
// other content than the one it records, or does not load (LensNotLoading
// then the first error, then LensNotLoadingEnd). The report words them in
// its own language.
const (
	LensNotFound      = "is not found"
	LensChangedSince  = "has changed since (not the recorded content)"
	LensNotLoading    = "does not load ("
	LensNotLoadingEnd = ")"
)
