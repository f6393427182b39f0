// Package review is the saved review file: one workload's answers to one
// lens, with milestones. It loads and saves the YAML form (atomically, in a
// stable order so that git diffs read well), scores answers through scoring,
// and keeps answers whose question or choice left the lens.
package review

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// FormatVersion is the review file format this package reads and writes.
const FormatVersion = 1

// Environments of a workload, as the AWS workload model names them.
const (
	Production    = "PRODUCTION"
	PreProduction = "PREPRODUCTION"
)

// Reasons a question may be marked not applicable (the AWS answer model's).
var Reasons = []string{"OUT_OF_SCOPE", "BUSINESS_PRIORITIES", "ARCHITECTURE_CONSTRAINTS", "OTHER", "NONE"}

// ValidReason reports whether s is one of Reasons.
func ValidReason(s string) bool {
	for _, r := range Reasons {
		if r == s {
			return true
		}
	}
	return false
}

// Review is one workload's answers to one lens.
type Review struct {
	Workload  Workload
	Lens      LensRef
	UpdatedAt time.Time
	Notes     string
	Answers   Answers
	Actions   []Action
	// Parked holds items put aside during a live review, to be turned into
	// actions or notes before it ends.
	Parked     []Parked
	Milestones []Milestone
}

// Parked is an item someone put in the parking lot of a live review: a
// line of text on a question, to come back to.
type Parked struct {
	PillarID, QuestionID string
	Text                 string
	By                   string
	At                   time.Time
}

// Vote is one person's ballot in a silent vote on a question: what they
// believed the team does.
type Vote struct {
	By       string
	Selected []string
}

// Contested reports whether the ballots of a vote differ.
func Contested(votes []Vote) bool {
	for _, v := range votes[min(1, len(votes)):] {
		if !slices.Equal(v.Selected, votes[0].Selected) {
			return true
		}
	}
	return false
}

// Workload says what is reviewed.
type Workload struct {
	Name        string
	Environment string // Production or PreProduction
	Owner       string
}

// LensRef records which lens a review was answered with.
type LensRef struct {
	ID      string
	Version string
	Source  string // a path or builtin:NAME, to load it again
	Digest  string
}

// Answers holds answers by pillar id, then question id.
type Answers map[string]map[string]*Answer

// Answer is the team's answer to one question.
type Answer struct {
	Selected      []string
	NotApplicable bool
	Reason        string // why not applicable: one of Reasons
	// Risk is the risk as last scored with the lens, kept in the file so
	// that history and diff work even when that lens is gone.
	Risk       questions.Risk
	Notes      string
	AnsweredBy string
	UpdatedAt  time.Time
	// Votes are the ballots of the last silent vote on the question, kept
	// so that the report can say which questions were contested.
	Votes []Vote
	// TimeSpent is how long a live review spent on the question.
	TimeSpent time.Duration
}

// RecordedRisk is the risk the file records for the answer: not
// applicable when it is marked so, else the risk saved with it.
func (a *Answer) RecordedRisk() questions.Risk {
	if a.NotApplicable {
		return questions.NotApplicable
	}
	return a.Risk
}

// Milestone is a named, read-only snapshot of a review's answers.
type Milestone struct {
	Name       string
	RecordedAt time.Time
	Notes      string
	Lens       LensRef
	Answers    Answers
	Actions    []Action
}

// New starts an empty review of a workload with a lens.
func New(l *questions.Lens, w Workload) *Review {
	return &Review{Workload: w, Lens: RefOf(l), Answers: Answers{}}
}

// RefOf identifies a lens for a review file.
func RefOf(l *questions.Lens) LensRef {
	return LensRef{ID: l.ID, Version: l.Version, Source: l.Source, Digest: l.Digest}
}

// Get returns the answer to a question, or nil.
func (a Answers) Get(pillarID, questionID string) *Answer {
	return a[pillarID][questionID]
}

// Lookup adapts the answers for scoring.
func (a Answers) Lookup() scoring.Lookup {
	return func(pillarID, questionID string) (scoring.Answer, bool) {
		ans := a[pillarID][questionID]
		if ans == nil {
			return scoring.Answer{}, false
		}
		return scoring.Answer{Selected: ans.Selected, NotApplicable: ans.NotApplicable}, true
	}
}

// Score computes the risks of the current answers with a lens.
func (r *Review) Score(l *questions.Lens) *scoring.Result {
	return scoring.Score(l, r.Answers.Lookup())
}

// ScoreAsRecorded is Score with each answered question at the risk the
// file records for it (RecordedRisk): for a milestone whose lens has
// changed since, the lens gives the questions and their words, the file
// how they stood, as history and diff count that milestone (they also
// count an answer to a question the lens no longer has, which has no
// place here).
func (r *Review) ScoreAsRecorded(l *questions.Lens) *scoring.Result {
	res := r.Score(l)
	res.Counts = scoring.Counts{}
	for i := range res.Pillars {
		pr := &res.Pillars[i]
		pr.Counts = scoring.Counts{}
		for j := range pr.Questions {
			qr := &pr.Questions[j]
			if a := r.Answers.Get(pr.Pillar.ID, qr.Question.ID); a != nil {
				qr.Risk = a.RecordedRisk()
			}
			pr.Counts.Add(qr.Risk)
		}
		res.Counts = res.Counts.Plus(pr.Counts)
	}
	return res
}

// IsEmpty reports whether the answer says nothing and can be dropped.
func (a *Answer) IsEmpty() bool {
	return len(a.Selected) == 0 && !a.NotApplicable && a.Notes == "" && len(a.Votes) == 0 && a.TimeSpent == 0
}

// Update changes the answer to one question through fn, creating it if
// needed, and stamps who changed it and when. An answer left empty is removed.
func (r *Review) Update(pillarID, questionID, by string, now time.Time, fn func(*Answer)) {
	if r.Answers == nil {
		r.Answers = Answers{}
	}
	byQuestion := r.Answers[pillarID]
	if byQuestion == nil {
		byQuestion = map[string]*Answer{}
		r.Answers[pillarID] = byQuestion
	}
	a := byQuestion[questionID]
	if a == nil {
		a = &Answer{}
	}
	fn(a)
	now = now.UTC().Truncate(time.Second)
	a.AnsweredBy, a.UpdatedAt = by, now
	r.UpdatedAt = now
	if a.IsEmpty() {
		delete(byQuestion, questionID)
		if len(byQuestion) == 0 {
			delete(r.Answers, pillarID)
		}
		return
	}
	byQuestion[questionID] = a
}

// AddTimeSpent adds time a live review spent on a question; it is not an
// answer, so who answered and when stay as they are.
func (r *Review) AddTimeSpent(pillarID, questionID string, d time.Duration) {
	if r.Answers == nil {
		r.Answers = Answers{}
	}
	if r.Answers[pillarID] == nil {
		r.Answers[pillarID] = map[string]*Answer{}
	}
	a := r.Answers[pillarID][questionID]
	if a == nil {
		a = &Answer{}
		r.Answers[pillarID][questionID] = a
	}
	a.TimeSpent += d
}

// RecordVotes keeps the ballots of a silent vote with a question's
// answer. Ballots are not the answer: who answered and when stay as they
// are (the answer is the last person's who changed it).
func (r *Review) RecordVotes(pillarID, questionID string, votes []Vote) {
	a := r.Answers.Get(pillarID, questionID)
	if a == nil {
		if len(votes) == 0 {
			return
		}
		if r.Answers == nil {
			r.Answers = Answers{}
		}
		if r.Answers[pillarID] == nil {
			r.Answers[pillarID] = map[string]*Answer{}
		}
		a = &Answer{}
		r.Answers[pillarID][questionID] = a
	}
	a.Votes = votes
}

// RecordRisks stores each answer's current risk with the lens, for the
// file. Answers the lens does not know keep what they had.
func (r *Review) RecordRisks(l *questions.Lens) {
	for pid, byQ := range r.Answers {
		p := l.Pillar(pid)
		if p == nil {
			continue
		}
		for qid, a := range byQ {
			if q := p.Question(qid); q != nil {
				a.Risk = a.RiskWith(q)
			}
		}
	}
}

// ErrMilestoneName is a milestone name that is empty or already used.
var ErrMilestoneName = errors.New("invalid milestone name")

// NumberName reports whether a milestone name is a number, which a new
// milestone may not be called: FILE@N means milestone number N.
func NumberName(name string) bool {
	name = strings.TrimSpace(name)
	return name != "" && strings.Trim(name, "0123456789") == ""
}

// AddMilestone snapshots the current answers, with their risks and the
// lens identity, as a named milestone. The name is kept trimmed and without
// zero-width characters out of place (a look-alike of another name), for
// every caller; one that is not UTF-8 is refused.
func (r *Review) AddMilestone(name, notes string, l *questions.Lens, now time.Time) error {
	if !utf8.ValidString(name) {
		// It would be saved repaired, and then no longer match what is typed.
		return fmt.Errorf("%w: %q is not valid UTF-8 text (is the terminal or the script using another encoding, such as Latin-1?)", ErrMilestoneName, strings.TrimSpace(name))
	}
	// No zero-width look-alike of another name; on one line, one space
	// between words.
	name = strings.Join(strings.Fields(textsafe.StripInvisible(name)), " ")
	if name == "" {
		return fmt.Errorf("%w: a milestone needs a name", ErrMilestoneName)
	}
	if err := nameAllowed(name); err != nil {
		return err
	}
	if NumberName(name) {
		return fmt.Errorf("%w: %q is a number, and FILE@%s means milestone number %s: give it a name (for example \"v%s\")", ErrMilestoneName, name, name, name, name)
	}
	if m := r.Milestone(name); m != nil {
		return fmt.Errorf("%w: there is already a milestone %q", ErrMilestoneName, m.Name)
	}
	r.RecordRisks(l)
	ref := r.Lens
	if ref.Digest == "" {
		ref = RefOf(l)
	}
	r.Milestones = append(r.Milestones, Milestone{
		Name: name, RecordedAt: now.UTC().Truncate(time.Second), Notes: notes, Lens: ref, Answers: r.Answers.Clone(),
		Actions: slices.Clone(r.Actions),
	})
	return nil
}

// MaxMilestoneName is the longest milestone name, in characters: a name
// labels a row of history and a point of its chart; --notes says more.
const MaxMilestoneName = 200

// nameAllowed refuses a name (trimmed) too long to label a row, or one
// that reads as the row history gives the current answers.
func nameAllowed(name string) error {
	if n := utf8.RuneCountInString(name); n > MaxMilestoneName {
		return fmt.Errorf("%w: the name is %d characters long, and a milestone name is at most %d (say more with --notes)", ErrMilestoneName, n, MaxMilestoneName)
	}
	if currentName(nameKey(name)) {
		return fmt.Errorf("%w: %q is what history calls the current answers: give the milestone another name", ErrMilestoneName, name)
	}
	return nil
}

// currentName reports whether a name key is one of the words history's
// current row goes by, in English and Japanese, as text or Markdown.
func currentName(key string) bool {
	switch key {
	case "current", "(current)", "*current*", "現在", "(現在)", "*現在*":
		return true
	}
	return false
}

// Clone returns a deep copy of the answers.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for pid, byQ := range a {
		m := make(map[string]*Answer, len(byQ))
		for qid, ans := range byQ {
			m[qid] = ans.clone()
		}
		out[pid] = m
	}
	return out
}

// clone returns a deep copy of the answer.
func (a *Answer) clone() *Answer {
	c := *a
	c.Selected = slices.Clone(a.Selected)
	c.Votes = slices.Clone(a.Votes)
	for i, v := range c.Votes {
		c.Votes[i].Selected = slices.Clone(v.Selected)
	}
	return &c
}

// Orphan is an answer, or a ticked choice, that the lens no longer has.
type Orphan struct {
	PillarID   string
	QuestionID string
	ChoiceID   string // empty when the whole question is gone
}

// Each calls fn with every answer, in the order the file is written in.
func (a Answers) Each(fn func(pillarID, questionID string, ans *Answer)) {
	for _, pid := range sortedKeys(a) {
		for _, qid := range sortedKeys(a[pid]) {
			fn(pid, qid, a[pid][qid])
		}
	}
}

// Orphans lists answers the lens does not know, in a stable order. They stay
// in the file and are never dropped; this is for reporting them.
func (a Answers) Orphans(l *questions.Lens) []Orphan {
	var out []Orphan
	for _, pid := range sortedKeys(a) {
		p := l.Pillar(pid)
		for _, qid := range sortedKeys(a[pid]) {
			var q *questions.Question
			if p != nil {
				q = p.Question(qid)
			}
			if q == nil {
				out = append(out, Orphan{PillarID: pid, QuestionID: qid})
				continue
			}
			for _, cid := range a[pid][qid].Selected {
				if q.Choice(cid) == nil {
					out = append(out, Orphan{PillarID: pid, QuestionID: qid, ChoiceID: cid})
				}
			}
		}
	}
	return out
}

// Milestone returns the milestone with this name (or one that looks the
// same: nameKey), or nil.
func (r *Review) Milestone(name string) *Milestone {
	for i := range r.Milestones {
		if r.Milestones[i].Name == name {
			return &r.Milestones[i]
		}
	}
	key := nameKey(name)
	for i := range r.Milestones {
		if nameKey(r.Milestones[i].Name) == key {
			return &r.Milestones[i]
		}
	}
	return nil
}

// nameKey is what milestone names that look alike share, so that one is
// found by either and not taken twice: the same characters composed alike
// (é typed as one character, or as e and a combining accent), and one
// space between words.
func nameKey(name string) string { return strings.Join(strings.Fields(norm.NFC.String(name)), " ") }

// sortedKeys returns map keys in natural order (OPS2 before OPS10), the order
// the file is written in.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return naturalLess(keys[i], keys[j]) })
	return keys
}

// naturalLess compares strings with runs of digits compared as numbers.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := trimZeros(a[:da]), trimZeros(b[:db])
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			if da != db {
				return da < db // fewer leading zeros first
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// ErrNoMilestone is returned by At for a milestone the review does not have.
var ErrNoMilestone = errors.New("no such milestone")

// MilestoneAt returns the milestone a reference names: its name, else its
// 1-based number. It is nil when there is none.
func (r *Review) MilestoneAt(ref string) *Milestone {
	if m := r.Milestone(ref); m != nil {
		return m
	}
	if n, err := strconv.Atoi(ref); err == nil && n >= 1 && n <= len(r.Milestones) {
		return &r.Milestones[n-1]
	}
	return nil
}

// At returns the review as it was at a milestone, named by name or by its
// 1-based number, as a read-only copy: the milestone's answers and lens,
// the current workload. An empty ref returns the review itself.
func (r *Review) At(ref string) (*Review, error) {
	if ref == "" {
		return r, nil
	}
	m := r.MilestoneAt(ref)
	if m == nil {
		names := make([]string, len(r.Milestones))
		for i, ms := range r.Milestones {
			names[i] = fmt.Sprintf("%d %q", i+1, ms.Name)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%w %q: the review has no milestones", ErrNoMilestone, ref)
		}
		return nil, fmt.Errorf("%w %q; the review has: %s", ErrNoMilestone, ref, strings.Join(names, ", "))
	}
	return m.snapshot(r), nil
}

// ViewAt returns the review as it was at the i-th milestone (0-based)
// for reading only: it shares the milestone's answers and actions, which
// must not be changed through it (At returns a copy). history reads every
// milestone of a file, and copying each cost a tenth of its time.
func (r *Review) ViewAt(i int) *Review { return r.Milestones[i].view(r) }

// view is the review as of m, sharing m's answers and actions.
func (m *Milestone) view(r *Review) *Review {
	return &Review{Workload: r.Workload, Lens: m.Lens, UpdatedAt: m.RecordedAt, Notes: m.Notes,
		Answers: m.Answers, Actions: m.Actions}
}

// snapshot is the review as of m, a copy its caller may change.
func (m *Milestone) snapshot(r *Review) *Review {
	v := m.view(r)
	v.Answers, v.Actions = v.Answers.Clone(), slices.Clone(v.Actions)
	return v
}

// Risk is the answer's risk with the lens's question.
func (a *Answer) RiskWith(q *questions.Question) questions.Risk {
	if a == nil {
		return questions.Unanswered
	}
	return scoring.QuestionRisk(q, scoring.Answer{Selected: a.Selected, NotApplicable: a.NotApplicable})
}

// Reviewers lists who answered, sorted, without repeats.
func (a Answers) Reviewers() []string {
	seen := map[string]bool{}
	var out []string
	for _, byQ := range a {
		for _, ans := range byQ {
			if ans.AnsweredBy != "" && !seen[ans.AnsweredBy] {
				seen[ans.AnsweredBy] = true
				out = append(out, ans.AnsweredBy)
			}
		}
	}
	sort.Strings(out)
	return out
}
