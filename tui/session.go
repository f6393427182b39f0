package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
	"github.com/wafr-dev/wafr/workspace"
)

// A Session owns one review while people work on it: the review, its lens
// and score, and the saving of it. It applies intents (tick, not
// applicable, notes, actions, milestones), says what changed, and asks the
// workspace to save. It knows nothing of screens: viewers draw its
// Snapshot. A session is used from one goroutine at a time (the program's
// event loop, or the hub of a live review).
type Session struct {
	ws      *workspace.Workspace
	path    string
	lens    *questions.Lens
	items   []Item
	now     func() time.Time
	rev     *review.Review // replaced, never changed in place, once published
	score   *scoring.Result
	version int
	created bool // the file exists, or will at the next save
	notice  Notice
	save    saveState
	snap    *Snapshot
}

// SessionOptions describe the review a session opens.
type SessionOptions struct {
	Workspace *workspace.Workspace
	Path      string
	Review    *review.Review
	Lens      *questions.Lens
	// Hash is the hash of the file as loaded; "" for a file that does not
	// exist yet.
	Hash string
	// Create makes a new file at the first save; without it a new file
	// waits for its workload details (WorkloadIntent).
	Create bool
	Now    func() time.Time
}

// Item is one question of the lens, in lens order.
type Item struct {
	Pillar   *questions.Pillar
	Question *questions.Question
	PI, QI   int // indexes of the pillar in the lens and the question in it
}

// Snapshot is what every viewer draws. It is never changed once published:
// a change makes a new one.
type Snapshot struct {
	Version  int
	Path     string
	Review   *review.Review
	Lens     *questions.Lens
	Score    *scoring.Result
	Items    []Item
	Created  bool
	Save     SaveStatus
	Conflict *Conflict
	Notice   Notice
}

// SaveStatus is how the file on disk compares with the session.
type SaveStatus struct {
	Pending   bool      // changes not on disk yet
	LastSaved time.Time // zero: nothing saved in this session
	Err       error     // the last save failed (it is retried)
	Waiting   bool      // another program is still writing the file
}

// Conflict is an outside change the session cannot merge by itself: both
// sides changed the same questions, or the file on disk does not load.
// Saving waits until someone decides.
type Conflict struct {
	Questions []string
	LoadErr   error
}

// Risk is the risk of item i.
func (s *Snapshot) Risk(i int) questions.Risk {
	it := s.Items[i]
	return s.Score.Pillars[it.PI].Questions[it.QI].Risk
}

// Answer is the answer to item i, or nil.
func (s *Snapshot) Answer(i int) *review.Answer {
	it := s.Items[i]
	return s.Review.Answers.Get(it.Pillar.ID, it.Question.ID)
}

// FirstUnanswered is the index of the first unanswered question, or -1.
func (s *Snapshot) FirstUnanswered() int {
	for i := range s.Items {
		if s.Risk(i) == questions.Unanswered {
			return i
		}
	}
	return -1
}

// NewSession opens a session on a loaded review.
func NewSession(o SessionOptions) *Session {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Workspace == nil {
		o.Workspace = workspace.New()
	}
	s := &Session{ws: o.Workspace, path: o.Path, lens: o.Lens, now: o.Now, rev: o.Review,
		created: o.Hash != "" || o.Create}
	for pi, p := range o.Lens.Pillars {
		for qi, q := range p.Questions {
			s.items = append(s.items, Item{Pillar: p, Question: q, PI: pi, QI: qi})
		}
	}
	s.save.hash = o.Hash
	if o.Hash != "" {
		s.save.base = o.Review.Clone()
	}
	s.save.dirty = o.Hash == "" && o.Create // a new file whose details came as flags
	s.changed()
	return s
}

// Snapshot returns the current state.
func (s *Session) Snapshot() *Snapshot { return s.snap }

// Path is the review file.
func (s *Session) Path() string { return s.path }

// changed publishes a new snapshot.
func (s *Session) changed() {
	s.score = s.rev.Score(s.lens)
	s.version++
	s.publish()
}

// publish makes a snapshot of the current state without rescoring.
func (s *Session) publish() {
	st := &s.save
	var c *Conflict
	if st.conflict != nil {
		c = &Conflict{Questions: st.conflict.questions, LoadErr: st.conflict.loadErr}
	}
	s.snap = &Snapshot{Version: s.version, Path: s.path, Review: s.rev, Lens: s.lens, Score: s.score, Items: s.items,
		Created: s.created, Conflict: c, Notice: s.notice,
		Save: SaveStatus{Pending: st.dirty || st.inFlight, LastSaved: st.lastSaved, Err: st.err, Waiting: st.waiting}}
}

func (s *Session) setNotice(n Notice) {
	n.At = s.now()
	s.notice = n
}

// An Intent is a change someone asks the session to make.
type Intent interface{ intent() }

// Intents.
type (
	// TickIntent ticks a choice, or unticks it if it is ticked.
	TickIntent struct {
		Item     int
		ChoiceID string
	}
	// NotApplicableIntent marks a question not applicable with a reason,
	// or applicable again. Words are the team's own reason (for OTHER):
	// they become the first line of the notes, after NotePrefix, replacing
	// an earlier such line. The line goes when the reason is no longer
	// OTHER, and when a tick makes the question applicable again.
	NotApplicableIntent struct {
		Item       int
		Applicable bool
		Reason     string
		Words      string
		NotePrefix string
	}
	// NotesIntent replaces a question's notes. Base is the text the
	// change was made to: when someone else changed the notes meanwhile,
	// the change is refused (a *NotesConflict) rather than overwrite their
	// words, unless Keep says what to do with theirs.
	NotesIntent struct {
		Item        int
		Notes, Base string
		Keep        NotesKeep
	}
	// ActionIntent records an action that adopts a practice.
	ActionIntent struct {
		Item       int
		ChoiceID   string
		Owner, Due string
	}
	// MilestoneIntent snapshots the answers under a name.
	MilestoneIntent struct{ Name string }
	// WorkloadIntent sets the workload's details of a new review, which
	// creates the file.
	WorkloadIntent struct{ Workload review.Workload }
	// ReloadIntent settles a conflict by taking the file on disk.
	ReloadIntent struct{}
	// KeepOursIntent settles a conflict with this session's answers to
	// the questions both sides changed; the rest is merged.
	KeepOursIntent struct{}
)

func (TickIntent) intent()          {}
func (NotApplicableIntent) intent() {}
func (NotesIntent) intent()         {}
func (ActionIntent) intent()        {}
func (MilestoneIntent) intent()     {}
func (WorkloadIntent) intent()      {}
func (ReloadIntent) intent()        {}
func (KeepOursIntent) intent()      {}

// Result says what an intent did.
type Result struct {
	Changed bool
	// Message is a message for the person who asked (e.g. "action A3
	// added"), which each viewer words in its language. Err is why
	// nothing changed: a viewer words the errors of this package, and of
	// the review package, by kind.
	Message Notice
	Err     error
}

// NotesKeep is what a notes change keeps of notes someone else changed
// meanwhile.
type NotesKeep int

const (
	// KeepIfUnchanged refuses the change when the notes are not Base.
	KeepIfUnchanged NotesKeep = iota
	// KeepMine writes the change over whatever the notes are now.
	KeepMine
	// KeepBoth puts the change after the notes as they are now.
	KeepBoth
)

// NotesConflict is a notes change refused because someone else changed the
// notes meanwhile: Notes is the text refused, for the person who typed it
// to keep (a NotesIntent with KeepMine or KeepBoth). It is ErrNotesChanged.
type NotesConflict struct {
	Item  int
	Notes string
	Base  string // the notes it was typed over, for keeping both
}

func (e *NotesConflict) Error() string { return ErrNotesChanged.Error() }

// Is makes a NotesConflict ErrNotesChanged.
func (e *NotesConflict) Is(target error) bool { return target == ErrNotesChanged }

// notesOver is the notes the intent makes of the current ones, or a
// *NotesConflict when someone else changed them since its Base.
func (in NotesIntent) notesOver(current string) (string, error) {
	switch {
	case in.Keep == KeepBoth:
		return bothNotes(in.Base, current, in.Notes), nil
	case in.Keep == KeepMine, current == in.Base, current == in.Notes:
		return in.Notes, nil
	}
	return "", &NotesConflict{Item: in.Item, Notes: in.Notes, Base: in.Base}
}

// bothNotes is their notes and then mine, a blank line between. Where
// both went on from the same notes (base), as people in a meeting add to a
// note, those are said once: mine adds only what I wrote after them.
func bothNotes(base, theirs, mine string) string {
	if added, ok := addedOver(base, theirs, mine); ok {
		if added == "" {
			return theirs
		}
		mine = added
	}
	switch {
	case theirs == "" || theirs == mine:
		return mine
	case mine == "":
		return theirs
	}
	return strings.TrimRight(theirs, "\n") + "\n\n" + mine
}

// addedOver is what mine adds to base where theirs went on from base too:
// mine without base. ok is false where either changed base itself (or
// there is none): mine then stands whole.
func addedOver(base, theirs, mine string) (added string, ok bool) {
	if base == "" || !strings.HasPrefix(theirs, base) || !strings.HasPrefix(mine, base) {
		return mine, false
	}
	return strings.TrimLeft(mine[len(base):], " \t\n"), true
}

// Errors of intents.
var (
	// ErrNoItem is an intent naming a question the lens does not have.
	ErrNoItem = errors.New("no such question")
	// ErrNotesChanged is a notes edit made to text someone else has
	// changed since.
	ErrNotesChanged = errors.New("someone else changed these notes meanwhile")
	// ErrParkedGone is a parked item someone already dealt with.
	ErrParkedGone = errors.New("that parked item is gone: someone dealt with it already")
	// ErrMilestoneExists is a milestone name the review has already.
	ErrMilestoneExists = errors.New("there is already a milestone with that name")
	// ErrMilestoneTooLarge is a milestone that would make the review too
	// large to save; it comes with the *workspace.SizeError that says how
	// large.
	ErrMilestoneTooLarge = errors.New("the milestone was not taken")
)

// Apply makes a change on behalf of by (recorded as who answered).
func (s *Session) Apply(by string, in Intent) Result {
	if res, ok := s.applyMeeting(by, in); ok {
		return res
	}
	var res Result
	switch in := in.(type) {
	case ReloadIntent:
		return s.reload()
	case KeepOursIntent:
		return s.keepOurs()
	case WorkloadIntent:
		next := s.rev.Clone()
		next.Workload = in.Workload
		next.Workload.Name, next.Workload.Owner = textsafe.Name(in.Workload.Name), textsafe.Name(in.Workload.Owner)
		next.UpdatedAt = s.now().UTC().Truncate(time.Second)
		s.commit(next)
		s.created = true
		return Result{Changed: true}
	case MilestoneIntent:
		return s.milestone(in.Name)
	}
	it, ok := s.item(in)
	if !ok {
		return Result{Err: ErrNoItem}
	}
	next := s.rev.Clone()
	p, q := it.Pillar, it.Question
	switch in := in.(type) {
	case TickIntent:
		res.Message = tickNotice(next.Answers.Get(p.ID, q.ID), q, in.ChoiceID)
		next.Update(p.ID, q.ID, by, s.now(), func(a *review.Answer) {
			a.Selected = scoring.Toggle(q, a.Selected, in.ChoiceID)
			endNotApplicable(a)
		})
	case NotApplicableIntent:
		next.Update(p.ID, q.ID, by, s.now(), func(a *review.Answer) {
			if in.Applicable || in.Reason != reasonOther {
				endNotApplicable(a)
			}
			if in.Applicable {
				return
			}
			a.NotApplicable, a.Reason = true, in.Reason
			if in.Words != "" {
				a.Notes = withReason(a.Notes, in.NotePrefix, in.Words)
			}
		})
	case NotesIntent:
		current := ""
		if a := next.Answers.Get(p.ID, q.ID); a != nil {
			current = a.Notes
		}
		notes, err := in.notesOver(current)
		if err != nil || notes == current {
			return Result{Err: err}
		}
		next.Update(p.ID, q.ID, by, s.now(), func(a *review.Answer) { a.Notes = notes })
	case ActionIntent:
		c, err := next.CheckAdopt(p, q, in.ChoiceID)
		if err != nil {
			return Result{Err: err}
		}
		a, err := next.AddAction(review.Action{PillarID: p.ID, QuestionID: q.ID, ChoiceID: c.ID, Title: textsafe.Name(c.Title),
			Owner: textsafe.Name(in.Owner), Due: in.Due}, by, s.now())
		if err != nil {
			return Result{Err: err}
		}
		res.Message = Notice{Kind: NoticeActionAdded, Arg: a.ID}
	}
	s.commit(next)
	res.Changed = true
	return res
}

// tickNotice says what ticking choice id does beyond the tick: it ends the
// question's not applicable mark, or "None of these" clears the practices
// ticked (which, in a meeting, looks like ticks vanishing).
func tickNotice(a *review.Answer, q *questions.Question, id string) Notice {
	if a == nil {
		return Notice{}
	}
	if a.NotApplicable {
		return Notice{Kind: NoticeApplicableAgain, Arg: q.ID}
	}
	none := q.Choice(id)
	if none == nil || !none.IsNone() || slices.Contains(a.Selected, id) {
		return Notice{}
	}
	cleared := 0
	for _, s := range a.Selected {
		if c := q.Choice(s); c != nil && !c.IsNone() {
			cleared++
		}
	}
	if cleared == 0 {
		return Notice{}
	}
	return Notice{Kind: NoticeNoneCleared, Arg: q.ID, Arg2: textsafe.Name(none.Title), N: cleared}
}

// endNotApplicable makes an answer applicable. The words of an "Other"
// reason, which wafr put at the top of the notes, go with the mark: left
// there, they would say the question does not apply when it does. The
// rest of the notes is the team's and stays as it is.
func endNotApplicable(a *review.Answer) {
	if a.NotApplicable && a.Reason == reasonOther {
		a.Notes = withoutReason(a.Notes)
	}
	a.NotApplicable, a.Reason = false, ""
}

// milestone snapshots the answers under a name the review does not have
// yet (someone else may have taken it since the dialog checked).
func (s *Session) milestone(name string) Result {
	name = textsafe.Name(name) // as every name wafr writes: see textsafe
	if s.rev.Milestone(name) != nil {
		return Result{Err: fmt.Errorf("%w: %q", ErrMilestoneExists, name)}
	}
	next := s.rev.Clone()
	if err := next.AddMilestone(name, "", s.lens, s.now()); err != nil {
		return Result{Err: err}
	}
	// A milestone copies every answer: one too many would make every
	// later save fail, so it is refused here, as the command line does.
	if err := workspace.CheckSize(s.path, next, s.lens); err != nil {
		return Result{Err: fmt.Errorf("%w: %w", ErrMilestoneTooLarge, err)}
	}
	s.commit(next)
	return Result{Changed: true, Message: Notice{Kind: NoticeMilestone, Arg: name}}
}

func (s *Session) item(in Intent) (Item, bool) {
	i := -1
	switch in := in.(type) {
	case TickIntent:
		i = in.Item
	case NotApplicableIntent:
		i = in.Item
	case NotesIntent:
		i = in.Item
	case ActionIntent:
		i = in.Item
	}
	if i < 0 || i >= len(s.items) {
		return Item{}, false
	}
	return s.items[i], true
}

// commit makes next the current review, to be saved.
func (s *Session) commit(next *review.Review) {
	s.rev = next
	s.save.dirty = true
	s.changed()
}

// Dirty reports whether the session has changes the file lacks.
func (s *Session) Dirty() bool { return s.created && (s.save.dirty || s.save.inFlight) }

// asideJob copies the answers now, on the session's goroutine, and returns
// the file work of setting them aside, to run anywhere.
func (s *Session) asideJob() func() (string, error) {
	r := s.rev.Clone()
	workspace.RecordLens(r, s.lens, s.path)
	ws, path := s.ws, s.path
	return func() (string, error) { return ws.SetAside(path, r) }
}
