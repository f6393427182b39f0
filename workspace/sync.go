package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/internal/filelock"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// SyncRequest asks to bring a long-running session's answers and the file
// on disk together: write the session's version, merged with whatever
// others changed since the session last saw the file.
type SyncRequest struct {
	Path string
	Lens *questions.Lens
	// Base is the review as the session last saw it on disk (nil for a
	// file the session is creating), and Hash the hash of those bytes.
	Base *review.Review
	Hash string
	// Ours is the session's version. Sync does not change it. Dirty says
	// whether it has changes the file lacks.
	Ours  *review.Review
	Dirty bool
	// KeepOurs settles conflicts (a question both sides changed) in the
	// session's favour; the rest is merged as always. It holds only for
	// the version of the file it was decided on: a file that changed again
	// asks again.
	KeepOurs *Decision
}

// SyncResult says what Sync found and did.
type SyncResult struct {
	// Written is true when the file was written; Recreated, when it was
	// written again after someone deleted it.
	Written, Recreated bool
	// Disk is the review as it is on disk now and Hash its hash: the new
	// base. Disk holds Ours and, when Merged, others' changes too.
	Disk *review.Review
	Hash string
	// Merged is true when others' changes were folded in; Notes says what
	// the merge renamed.
	Merged bool
	Notes  []review.MergeNote
	// Conflicts lists questions both sides changed; nothing was written.
	// Theirs is the version on disk. Sync again with KeepOurs, or adopt
	// Theirs, as the user decides.
	Conflicts []review.Conflict
	Theirs    *review.Review
	TheirHash string
	// LoadErr is set when the file on disk does not load: nothing was
	// written, since a file that fails to load is never overwritten.
	// TheirHash is then the hash of that file, so that a session can tell
	// when it changes again.
	LoadErr error
	// Unsettled is true when the file is still being changed, or when the
	// change would drop answers this session has and is too recent to
	// trust: nothing was written; try again later.
	Unsettled bool
}

// Sync writes the session's version of a review (req.Ours) to req.Path,
// holding the lock from the read to the write: if the file is as the
// session last saw it, Ours is written; if someone else changed it, their
// changes are merged with Ours question by question and the merge is
// written, unless both changed one question (a conflict) or the file does
// not load. It never merges a file that is still being written.
func (w *Workspace) Sync(req SyncRequest) (SyncResult, error) {
	release, err := filelock.Lock(req.Path, w.LockTimeout)
	if err != nil {
		return SyncResult{}, err
	}
	defer release()
	w.removeStale(req.Path)

	data, err := os.ReadFile(req.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// New, or deleted under us: writing ours loses nothing.
		return w.rewrite(req)
	case err != nil:
		return SyncResult{}, err // os names the file and the reading
	case Hash(data) == req.Hash:
		if !req.Dirty {
			return SyncResult{Disk: req.Base, Hash: req.Hash}, nil
		}
		return w.write(req.Path, req.Ours, req.Lens)
	}
	// Someone else changed the file: merge only once it has settled.
	data, exists, err := w.readSettled(req.Path)
	if errors.Is(err, ErrStillChanging) {
		return SyncResult{Unsettled: true}, nil
	}
	if err != nil {
		return SyncResult{LoadErr: err, TheirHash: unreadable}, nil
	}
	if !exists {
		return w.rewrite(req)
	}
	theirs, err := review.Parse(req.Path, data)
	if err != nil {
		if w.recent(req.Path, w.DeleteSettle) {
			// Most likely caught mid-write: judge it once it has rested.
			return SyncResult{Unsettled: true}, nil
		}
		return SyncResult{LoadErr: err, TheirHash: Hash(data)}, nil
	}
	if err := sameLensOnDisk(req, theirs); err != nil {
		return SyncResult{LoadErr: err, TheirHash: Hash(data)}, nil
	}
	base := req.Base
	if base == nil {
		base = &review.Review{Answers: review.Answers{}}
	}
	if drops(base, req.Ours, theirs) && w.recent(req.Path, w.DeleteSettle) {
		return SyncResult{Unsettled: true}, nil
	}
	merged, conflicts, notes := review.MergeWithNotes(base, req.Ours, theirs)
	if len(conflicts) > 0 && !req.KeepOurs.covers(Hash(data)) {
		return SyncResult{Conflicts: conflicts, Theirs: theirs, TheirHash: Hash(data)}, nil
	}
	RecordLens(merged, req.Lens, req.Path)
	out, err := checked(req.Path, merged)
	if err != nil {
		return SyncResult{}, err
	}
	res := SyncResult{Disk: merged, Hash: Hash(out), Merged: true, Notes: notes}
	if bytes.Equal(out, data) {
		return res, nil // the merge is what is on disk already
	}
	if err := atomicfile.Write(req.Path, out); err != nil {
		return SyncResult{}, err
	}
	res.Written = true
	return res, nil
}

// ErrReplacedByOtherLens is why a file on disk that now answers another
// lens is not merged: it is another review (copied or moved over this
// one), and a merge would replace every answer of this session's with its
// answers to questions this lens does not have.
var ErrReplacedByOtherLens = errors.New("is now a review of another lens")

// sameLensOnDisk refuses a file on disk whose lens is not the session's
// (nor a translation of it).
func sameLensOnDisk(req SyncRequest, theirs *review.Review) error {
	ours := req.Ours.Lens.ID
	if req.Lens != nil && req.Lens.ID != "" {
		ours = req.Lens.ID
	}
	same := theirs.Lens.ID == ours
	if req.Lens != nil {
		same = questions.SameLens(theirs.Lens.ID, req.Lens)
	}
	if ours == "" || theirs.Lens.ID == "" || same {
		return nil
	}
	return fmt.Errorf("%s %w (%s, not %s)", req.Path, ErrReplacedByOtherLens, theirs.Lens.ID, ours)
}

// rewrite writes the session's version where the file is missing: new,
// or deleted since the session last saw it (then Recreated says so).
func (w *Workspace) rewrite(req SyncRequest) (SyncResult, error) {
	res, err := w.write(req.Path, req.Ours, req.Lens)
	res.Recreated = err == nil && req.Base != nil
	return res, err
}

func (w *Workspace) write(path string, r *review.Review, l *questions.Lens) (SyncResult, error) {
	r = r.Clone()
	RecordLens(r, l, path)
	data, err := checked(path, r)
	if err != nil {
		return SyncResult{}, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return SyncResult{}, err
	}
	return SyncResult{Written: true, Disk: r, Hash: Hash(data)}, nil
}

// Changed reports, without the lock, whether the file at path is no
// longer the one with hash: the cheap check a session makes every second.
// A file that cannot be read now counts as unchanged.
func (w *Workspace) Changed(path, hash string) bool {
	if hash == unreadable {
		// It could not be read (too large, not a regular file): it
		// changed once it can be.
		st, err := os.Stat(path)
		return err == nil && st.Mode().IsRegular() && st.Size() <= review.MaxFileSize
	}
	data, err := os.ReadFile(path)
	return err == nil && Hash(data) != hash
}

// unreadable stands for the hash of a file that could not be read.
const unreadable = "unreadable"

// recent reports whether the file was modified less than d ago. A time in
// the future is another clock's: it says nothing, and counts as not
// recent (the file has been read twice alike by then).
func (w *Workspace) recent(path string, d time.Duration) bool {
	st, err := os.Stat(path)
	if err != nil {
		return false
	}
	age := w.Now().Sub(st.ModTime())
	return age >= 0 && age < d
}

// drops reports whether theirs lacks an answer that both base and ours
// have: a deletion the merge would take, or the sign of a half-written
// file.
func drops(base, ours, theirs *review.Review) bool {
	for pid, byQ := range base.Answers {
		for qid := range byQ {
			if ours.Answers.Get(pid, qid) != nil && theirs.Answers.Get(pid, qid) == nil {
				return true
			}
		}
	}
	return len(theirs.Milestones) < len(base.Milestones) || len(theirs.Actions) < len(base.Actions)
}

// Decision is a choice made about one version of the file on disk: keep
// this session's answers where both sides changed a question.
type Decision struct {
	Hash string // the file's hash when it was decided
}

func (d *Decision) covers(hash string) bool { return d != nil && d.Hash == hash }
