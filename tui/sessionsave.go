package tui

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// saveState tracks what is on disk compared with the session.
type saveState struct {
	dirty    bool // changes not yet handed to a save
	inFlight bool // a save is running
	// base is the review as last seen on disk and hash the hash of its
	// bytes: outside changes are merged against base.
	base      *review.Review
	hash      string
	lastSaved time.Time
	err       error
	waiting   bool // the file was still changing at the last try
	conflict  *pendingConflict
	keepOurs  *workspace.Decision // keep mine, for the version of the file it was chosen on
}

// pendingConflict is an outside change waiting for a decision.
type pendingConflict struct {
	questions []string
	loadErr   error
	theirs    *review.Review
	hash      string // of the file on disk that caused it
}

// A SaveJob is one save (a workspace.Sync) to run off the event loop. It
// holds its own copy of everything it needs, so the session may go on
// changing while it runs.
type SaveJob struct {
	ws  *workspace.Workspace
	req workspace.SyncRequest
}

// SaveOutcome is what a SaveJob found and did.
type SaveOutcome struct {
	job *SaveJob
	res workspace.SyncResult
	err error
}

// Run does the file work: lock, read, merge, write. It is safe to call
// from any goroutine.
func (j *SaveJob) Run() SaveOutcome {
	res, err := j.ws.Sync(j.req)
	return SaveOutcome{job: j, res: res, err: err}
}

// StartSave returns the save to run now, or nil when there is nothing to
// do (nothing changed, a save is running, a conflict waits for a decision,
// or the file is not created yet). With outside true the file changed on
// disk: a save then runs even without changes of ours, to merge theirs in.
func (s *Session) StartSave(outside bool) *SaveJob {
	st := &s.save
	if !s.created || st.inFlight || st.conflict != nil || !st.dirty && !outside {
		return nil
	}
	st.inFlight = true
	dirty := st.dirty
	st.dirty = false
	s.publish()
	return &SaveJob{ws: s.ws, req: workspace.SyncRequest{Path: s.path, Lens: s.lens, Base: st.base, Hash: st.hash,
		Ours: s.rev, Dirty: dirty, KeepOurs: st.keepOurs}}
}

// FinishSave takes a save's outcome into the session. It reports whether
// another save should follow (changes made meanwhile, or a try that must
// be repeated later).
func (s *Session) FinishSave(o SaveOutcome) (again bool) {
	st := &s.save
	st.inFlight = false
	defer s.publish()
	sent := o.job.req.Ours
	switch res := o.res; {
	case o.err != nil:
		st.err, st.dirty = o.err, st.dirty || o.job.req.Dirty
		return true
	case res.Unsettled:
		st.waiting, st.dirty = true, st.dirty || o.job.req.Dirty
		return true
	case res.LoadErr != nil || len(res.Conflicts) > 0:
		st.dirty = st.dirty || o.job.req.Dirty
		c := &pendingConflict{loadErr: res.LoadErr, theirs: res.Theirs, hash: res.TheirHash}
		for _, q := range res.Conflicts {
			c.questions = append(c.questions, q.QuestionID)
		}
		st.conflict = c
		return false
	}
	res := o.res
	st.err, st.waiting, st.keepOurs = nil, false, nil
	st.base, st.hash = res.Disk, res.Hash
	if res.Written {
		st.lastSaved = s.now()
	}
	if res.Recreated {
		s.setNotice(Notice{Kind: NoticeRecreated, Arg: cleanLine(filepath.Base(s.path))})
	}
	if res.Merged {
		s.setNotice(Notice{Kind: NoticeMerged})
		for _, n := range res.Notes {
			s.setNotice(mergeNotice(n))
		}
	}
	if s.rev == sent {
		if res.Merged {
			s.rev = res.Disk.Clone()
			s.changed()
		}
		return st.dirty
	}
	// Changed while the save ran: keep those changes on top of what is on
	// disk now. A question changed here meanwhile that the save merged a
	// change of someone else's into is a conflict, asked about like any.
	merged, conflicts, notes := review.MergeWithNotes(sent, s.rev, res.Disk)
	for _, n := range notes {
		s.setNotice(mergeNotice(n))
	}
	s.rev = merged
	st.dirty = true
	if len(conflicts) > 0 {
		c := &pendingConflict{theirs: res.Disk, hash: res.Hash}
		for _, q := range conflicts {
			c.questions = append(c.questions, q.QuestionID)
		}
		st.conflict = c
	}
	s.changed()
	return len(conflicts) == 0
}

// WatchHash is the hash of the file as the session last saw it: when the
// file on disk no longer has it, someone else changed it. While a conflict
// waits, it is the hash of the file that caused it, so that a further
// change (the file fixed, say) is noticed.
func (s *Session) WatchHash() string {
	if c := s.save.conflict; c != nil {
		return c.hash
	}
	return s.save.hash
}

// OutsideChange is called when the file changed on disk. A conflict about
// a file that does not load is dropped, so the next save looks again.
func (s *Session) OutsideChange() {
	if c := s.save.conflict; c != nil && c.loadErr != nil {
		s.save.conflict = nil
		s.publish()
	}
}

// reload settles a conflict the file's way: its answers to the questions
// both sides changed; everything else this session changed is kept, as in
// any merge.
func (s *Session) reload() Result {
	c := s.save.conflict
	if c == nil || c.theirs == nil {
		return Result{}
	}
	base := s.save.base
	if base == nil {
		base = &review.Review{Answers: review.Answers{}}
	}
	ours := s.rev.Clone()
	for _, q := range c.questions {
		for pid := range ours.Answers {
			delete(ours.Answers[pid], q)
		}
		for pid, byQ := range c.theirs.Answers {
			if a := byQ[q]; a != nil {
				ours.Update(pid, q, a.AnsweredBy, a.UpdatedAt, func(x *review.Answer) { *x = *a })
			}
		}
	}
	merged, _, _ := review.MergeWithNotes(base, ours, c.theirs)
	s.rev = merged
	s.save.base, s.save.hash = c.theirs.Clone(), c.hash
	s.save.conflict = nil
	s.save.dirty = !sameReview(merged, c.theirs)
	s.setNotice(Notice{Kind: NoticeReloaded, Arg: strings.Join(c.questions, ", ")})
	s.changed()
	return Result{Changed: true}
}

// sameReview reports whether two reviews would be saved alike.
func sameReview(a, b *review.Review) bool {
	x, err1 := a.Encode()
	y, err2 := b.Encode()
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func (s *Session) keepOurs() Result {
	c := s.save.conflict
	if c == nil || c.loadErr != nil {
		return Result{} // a file that does not load is never overwritten
	}
	s.save.conflict, s.save.keepOurs, s.save.dirty = nil, &workspace.Decision{Hash: c.hash}, true
	s.setNotice(Notice{Kind: NoticeKeptOurs, N: len(c.questions)})
	s.publish()
	return Result{Changed: true}
}

// SetAside writes the session's answers beside the review file, when they
// cannot go into it, and returns the path written.
func (s *Session) SetAside() (string, error) { return s.asideJob()() }

// SaveNow saves at once, on the calling goroutine: for the end of a program
// that had no time to save on its event loop.
func (s *Session) SaveNow() error {
	if s.save.inFlight {
		// The program ended while a save ran; that save is abandoned, and
		// a fresh one (after it, under the lock) writes what it wrote and
		// what came since.
		s.save.inFlight, s.save.dirty = false, true
	}
	for tries := 0; tries < 3; tries++ {
		job := s.StartSave(false)
		if job == nil {
			break
		}
		s.FinishSave(job.Run())
	}
	st := &s.save
	switch {
	case !s.Dirty():
		return nil
	case st.conflict != nil && errors.Is(st.conflict.loadErr, workspace.ErrReplacedByOtherLens):
		return st.conflict.loadErr // it names the file and says what it is now
	case st.conflict != nil && st.conflict.loadErr != nil:
		return fmt.Errorf("%s does not load: %v", s.path, st.conflict.loadErr)
	case st.conflict != nil:
		return fmt.Errorf("%s changed on disk, and both sides changed %v", s.path, st.conflict.questions)
	case st.err != nil:
		return st.err
	}
	return fmt.Errorf("%s is still being changed by another program", s.path)
}

// Err is why the save did not get through: it failed, or the file was still
// being changed. A conflict is not an error: it waits for a decision.
func (o SaveOutcome) Err() error {
	switch {
	case o.err != nil:
		return o.err
	case o.res.Unsettled:
		return workspace.ErrStillChanging
	}
	return nil
}

// DiskChanged reports whether the file on disk no longer has hash. It only
// reads the file, so it may run on any goroutine.
func (s *Session) DiskChanged(hash string) bool { return s.ws.Changed(s.path, hash) }
