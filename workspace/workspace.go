// Package workspace owns review files on disk. It opens a review with its
// lens, edits one under the lock (lock, load, change, record the lens, check
// and save atomically), saves a long-running session's answers with the
// changes others made meanwhile merged in, puts answers aside when they
// cannot be saved, and writes command output. The command line and the TUI
// do no file work of their own: they call this package.
package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/internal/filelock"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// DefaultLens is the lens a new review uses when none is named.
const DefaultLens = "builtin:ops"

// Timing defaults; see Workspace.
const (
	DefaultLockTimeout  = 10 * time.Second
	DefaultSettle       = 50 * time.Millisecond
	DefaultDeleteSettle = 2 * time.Second
	DefaultSettleWait   = 3 * time.Second
)

// Errors of file work. Callers tell them apart with errors.Is to choose
// an exit code: ErrLocked and ErrStillChanging are failures of the
// environment (try again later); ErrTooLarge and ErrUnreadable are changes
// wafr refuses to write (the change itself is the problem).
var (
	// ErrLocked: another process held the review's lock too long.
	ErrLocked = filelock.ErrTimeout
	// ErrStillChanging: another program keeps rewriting the file.
	ErrStillChanging = errors.New("the file is still being changed by another program")
	// ErrTooLarge: the review would be larger than wafr reads back.
	ErrTooLarge = errors.New("the review would be too large to read back")
	// ErrUnreadable: what would be written does not load again.
	ErrUnreadable = errors.New("wafr would not be able to read what it was about to write")
	// ErrNotRegular, ErrReadOnly, ErrNoFolder, ErrFolderNotWritable: the
	// file cannot be replaced where it is (a device, a read-only file, a
	// folder gone, a read-only folder).
	ErrNotRegular        = atomicfile.ErrNotRegular
	ErrReadOnly          = atomicfile.ErrReadOnly
	ErrNoFolder          = atomicfile.ErrNoFolder
	ErrFolderNotWritable = atomicfile.ErrFolderNotWritable
)

// Workspace opens, edits and saves review files. Its zero value is not
// ready: use New. One Workspace serves one process; it loads each lens
// once.
type Workspace struct {
	// LockTimeout is how long to wait for another writer.
	LockTimeout time.Duration
	// Settle is how long a file must stay unchanged before its content is
	// trusted: a file that another program is still writing in place (cp,
	// a sync client) is read again rather than taken half-written.
	Settle time.Duration
	// DeleteSettle is how long an outside change that removes answers this
	// session still has must stay unchanged before it is merged: answers
	// are never dropped on the strength of one read.
	DeleteSettle time.Duration
	// SettleWait is how long to wait for a file to settle before giving
	// up with ErrStillChanging.
	SettleWait time.Duration
	// Now is the clock.
	Now func() time.Time
	// LensCache, when set, keeps parsed lens files between runs (see
	// questions.Cache); nil parses each lens file once per process.
	LensCache questions.Cache

	lenses lensCache
}

// New returns a workspace with the default timings.
func New() *Workspace {
	return &Workspace{
		LockTimeout: DefaultLockTimeout, Settle: DefaultSettle, DeleteSettle: DefaultDeleteSettle,
		SettleWait: DefaultSettleWait, Now: time.Now,
	}
}

// File is a review file with its lens, as opened.
type File struct {
	Path   string
	Review *review.Review
	Lens   *questions.Lens
	// Exists is false for a file that is not on disk yet.
	Exists bool
	// Hash identifies the bytes as read ("" for a new file), so that a
	// change made by someone else is noticed rather than overwritten.
	Hash string
}

// OpenOptions say how to open a review file.
type OpenOptions struct {
	// Lens overrides the lens the file records (the --lens flag).
	Lens string
	// Create, when set, starts a new review of this workload if the file
	// does not exist; without it a missing file is an error.
	Create *review.Workload
	// Write says the review will be written (Edit, the TUI): Lens must
	// then be an edition of the lens the review records, since answering
	// with another lens would leave every old answer orphaned.
	Write bool
}

// ErrNoFile is returned when a review file that must exist does not.
var ErrNoFile = errors.New("no such review file")

// Hash identifies file content.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Open loads the review file at path with its lens. "-" reads standard
// input from in (it cannot be created).
func (w *Workspace) Open(path string, in io.Reader, o OpenOptions) (*File, error) {
	var data []byte
	exists := true
	if path == "-" {
		r, err := review.Read("-", in)
		if err != nil {
			return nil, err
		}
		return w.withLens(&File{Path: path, Review: r, Exists: true}, o)
	}
	if o.Write {
		if err := notMilestone(path); err != nil {
			return nil, err
		}
	}
	data, exists, err := w.readSettled(path)
	if err != nil {
		return nil, err
	}
	return w.fromBytes(path, data, exists, o)
}

// ErrMilestoneRef is a review to write named FILE@MILESTONE.
var ErrMilestoneRef = errors.New("milestones are read-only")

// notMilestone refuses to write a review at a path that does not exist
// but reads as FILE@MILESTONE of a review FILE (as diff and --at read it):
// that is a milestone of FILE, not the name of a new review. Beside a
// file that is not a review (team@2027.yaml beside a file "team"), the
// name is only a name.
func notMilestone(path string) error {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	for i := 1; i < len(path); i++ {
		if path[i] != '@' {
			continue
		}
		if st, err := os.Stat(path[:i]); err == nil && isReview(path[:i], st) {
			return fmt.Errorf("%s: %w: it names milestone “%s” of %s; answer or edit %s itself", path, ErrMilestoneRef, path[i+1:], path[:i], path[:i])
		}
	}
	return nil
}

// ReadReview loads the review file at path ("-" reads standard input
// from in) without its lens, for comparing answers whose lens may be gone
// (wafr diff scores such a side with the risks recorded in the file).
func (w *Workspace) ReadReview(path string, in io.Reader) (*review.Review, error) {
	if path == "-" {
		return review.Read("-", in)
	}
	data, exists, err := w.readSettled(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, fmt.Errorf("%s: %w", path, ErrNoFile)
	}
	return review.Parse(path, data)
}

func (w *Workspace) fromBytes(path string, data []byte, exists bool, o OpenOptions) (*File, error) {
	f := &File{Path: path, Exists: exists}
	if !exists {
		if o.Create == nil {
			return nil, fmt.Errorf("%s: %w", path, ErrNoFile)
		}
		l, err := w.LensFor(nil, path, o.Lens)
		if err != nil {
			return nil, err
		}
		f.Lens, f.Review = l, review.New(l, *o.Create)
		return f, nil
	}
	r, err := review.Parse(path, data)
	if err != nil {
		return nil, err
	}
	f.Review, f.Hash = r, Hash(data)
	return w.withLens(f, o)
}

func (w *Workspace) withLens(f *File, o OpenOptions) (*File, error) {
	l, err := w.LensFor(f.Review, f.Path, o.Lens)
	if err != nil {
		return nil, err
	}
	if o.Write && o.Lens != "" {
		if err := sameLens(f, l, o.Lens); err != nil {
			return nil, err
		}
	}
	f.Lens = l
	return f, nil
}

// ErrOtherLens is a --lens, on a command that writes an existing review,
// that is not an edition of the lens the review records.
var ErrOtherLens = errors.New("--lens on a command that writes a review must be another edition of its lens")

// sameLens refuses to write a review with a lens of another id than the
// one it records (flag is the --lens given). A review that records no id
// (written by hand) takes any lens.
func sameLens(f *File, l *questions.Lens, flag string) error {
	if !f.Exists || f.Review.Lens.ID == "" || questions.SameLens(f.Review.Lens.ID, l) {
		return nil
	}
	return fmt.Errorf("%s: %w: --lens %s is the lens %q, but the review records the lens %q; nothing was written (summary and report take --lens to score with another lens)",
		f.Path, ErrOtherLens, flag, l.ID, f.Review.Lens.ID)
}

// Edit is a locked read-modify-write of the review file at path: it takes
// the lock, loads the file (or starts it, with o.Create), calls fn, records
// the lens the answers were made with, checks that the result loads again,
// and saves it atomically. Nothing is written when fn fails.
func (w *Workspace) Edit(path string, o OpenOptions, fn func(*File) error) (*File, error) {
	if path == "-" {
		return nil, errors.New("standard input cannot be edited: name a review file")
	}
	if err := notMilestone(path); err != nil {
		return nil, err
	}
	release, err := filelock.Lock(path, w.LockTimeout)
	if err != nil {
		return nil, err
	}
	defer release()
	w.removeStale(path)
	o.Write = true
	f, err := w.Open(path, nil, o)
	if err != nil {
		return nil, err
	}
	if err := fn(f); err != nil {
		return nil, err
	}
	RecordLens(f.Review, f.Lens, path)
	data, err := checked(path, f.Review)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return nil, err
	}
	f.Exists, f.Hash = true, Hash(data)
	return f, nil
}

// Create writes a new review file that must not exist yet, under the lock.
func (w *Workspace) Create(path string, r *review.Review, l *questions.Lens) error {
	if err := notMilestone(path); err != nil {
		return err
	}
	release, err := filelock.Lock(path, w.LockTimeout)
	if err != nil {
		return err
	}
	defer release()
	RecordLens(r, l, path)
	data, err := checked(path, r)
	if err != nil {
		return err
	}
	return atomicfile.WriteNew(path, data)
}

// checked encodes a review and makes sure wafr can read the result back:
// wafr never writes a file it would then refuse to load.
func checked(path string, r *review.Review) ([]byte, error) {
	data, err := encoded(path, r)
	if err != nil {
		return nil, err
	}
	return data, parsesBack(path, data)
}

// encoded is a review's bytes, or the *SizeError of one too large for
// wafr to read back.
func encoded(path string, r *review.Review) ([]byte, error) {
	data, err := r.Encode()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > review.MaxFileSize {
		return nil, &SizeError{Path: path, Size: int64(len(data))}
	}
	return data, nil
}

// parsesBack makes sure encoded review data loads again.
func parsesBack(path string, data []byte) error {
	if _, err := review.Parse(path, data); err != nil {
		return fmt.Errorf("%w: %v; nothing was written", ErrUnreadable, err)
	}
	return nil
}

// SizeError is a review that was not written because, encoded, it would be
// Size bytes: more than review.MaxFileSize. It is ErrTooLarge to errors.Is.
type SizeError struct {
	Path string
	Size int64
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("%s: %v: it would be %s, and review files are at most %s; nothing was written (old milestones or very long notes are the usual cause)",
		e.Path, ErrTooLarge, review.SizeString(e.Size), review.SizeString(review.MaxFileSize))
}

func (e *SizeError) Unwrap() error { return ErrTooLarge }

// CheckSize returns the *SizeError every save of r to path, with lens l,
// would fail with, or nil: a caller can refuse a change that makes a review
// too large up front, rather than have every later save fail. r is not
// changed.
func CheckSize(path string, r *review.Review, l *questions.Lens) error {
	r = r.Clone()
	RecordLens(r, l, path)
	_, err := encoded(path, r)
	return err
}

// removeStale clears temporary files a killed wafr left beside the review.
// The caller holds the lock, so no live writer's temporary is touched.
func (w *Workspace) removeStale(path string) {
	if target, err := atomicfile.Resolve(path); err == nil {
		atomicfile.RemoveStale(target)
		// Set-aside files are written without the lock: their temporaries
		// are stale only when old.
		atomicfile.RemoveAbandoned(target+setAsideSuffix, time.Hour)
	}
}

// readSettled reads a file whose content has stopped changing: a file
// modified within the last Settle is read again after a pause, until two
// reads agree. A missing file gives exists false. A modification time in
// the future (another machine's clock, on a shared folder) says nothing
// about the file's rest: there, two reads a pause apart that agree settle
// it.
func (w *Workspace) readSettled(path string) (data []byte, exists bool, err error) {
	deadline := time.Now().Add(w.SettleWait)
	var last []byte
	var lastStat os.FileInfo
	for {
		before, err := os.Stat(path)
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, &review.LoadError{File: path, Err: err}
		}
		if !before.Mode().IsRegular() {
			return nil, false, &review.LoadError{File: path, Err: errors.New("not a regular file")}
		}
		if before.Size() > review.MaxFileSize {
			return nil, false, &review.LoadError{File: path, Err: review.TooLargeError(before.Size())}
		}
		data, err = os.ReadFile(path)
		if err != nil {
			return nil, false, &review.LoadError{File: path, Err: err}
		}
		after, err := os.Stat(path)
		steady := err == nil && os.SameFile(before, after) && after.ModTime().Equal(before.ModTime()) && after.Size() == int64(len(data))
		age := w.Now().Sub(after.ModTime())
		sameAsLast := lastStat != nil && os.SameFile(lastStat, after) && lastStat.ModTime().Equal(after.ModTime()) && bytes.Equal(last, data)
		if steady && (age >= w.Settle || age < 0 && sameAsLast) {
			return data, true, nil
		}
		last, lastStat = data, after
		if time.Now().After(deadline) {
			return nil, true, fmt.Errorf("%s: %w; try again when it has finished", path, ErrStillChanging)
		}
		time.Sleep(w.Settle)
	}
}

// RecordLens makes the review record the lens it is saved with (and each
// answer's risk with it), so that a milestone or a diff later knows which
// edition the answers were made with.
func RecordLens(r *review.Review, l *questions.Lens, reviewPath string) {
	r.Lens = review.RefOf(l)
	r.Lens.Source = recordedSource(l.Source, reviewPath)
	r.RecordRisks(l)
}

// recordedSource is how a review file records its lens: builtin:NAME as is,
// a path relative to the review file so the pair can move together.
func recordedSource(lensSource, reviewPath string) string {
	if strings.HasPrefix(lensSource, questions.BuiltinPrefix) || reviewPath == "-" {
		return lensSource
	}
	absLens, err1 := filepath.Abs(lensSource)
	absDir, err2 := filepath.Abs(filepath.Dir(reviewPath))
	if err1 != nil || err2 != nil {
		return lensSource
	}
	if rel, err := filepath.Rel(absDir, absLens); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(absLens)
}

// DefaultWorkload names a new review's workload after its folder. A folder
// name that is not UTF-8 (Latin-1, say) is repaired with U+FFFD, since
// review files hold UTF-8 text.
func DefaultWorkload(reviewPath string) string {
	if abs, err := filepath.Abs(reviewPath); err == nil {
		if name := filepath.Base(filepath.Dir(abs)); name != "" && name != string(filepath.Separator) {
			return strings.ToValidUTF8(name, "\uFFFD")
		}
	}
	return "workload"
}

// lensCache loads each lens once per process, and again only when its
// file changes. An entry is keyed by the lens's absolute path (or its
// builtin: name) and stamped with the file's identity, size and
// modification time, checked with one stat per use. A file modified
// within lensSettle of being read could change again within the file
// system's timestamp resolution and keep its size (a fresh git checkout
// is all such files), so until it has settled its content is compared
// too, by a hash of its bytes; a file that differs is loaded again.
// Concurrent uses of a lens being loaded wait for that load.
type lensCache struct {
	mu     sync.Mutex
	loaded map[string]*lensEntry
	seed   maphash.Seed
}

// lensSettle is how long a lens file must have been unchanged for its
// stamp alone to vouch for its content.
const lensSettle = 2 * time.Second

type lensEntry struct {
	ready chan struct{} // closed once the fields below are set
	// stat is the file as it was before it was read; nil for a built-in
	// lens or when stat failed (statErr).
	stat    os.FileInfo
	statErr bool
	// sum hashes the bytes read when summed; settled is set once the
	// stamp alone vouches for them.
	sum     uint64
	summed  bool
	settled atomic.Bool
	lens    *questions.Lens
	err     error
}

func (c *lensCache) load(src string, disk questions.Cache) (*questions.Lens, error) {
	key := src
	var st os.FileInfo
	var statErr error
	if !strings.HasPrefix(src, questions.BuiltinPrefix) {
		if abs, err := filepath.Abs(src); err == nil {
			key = abs
		}
		st, statErr = os.Stat(src)
	}
	fresh := &lensEntry{ready: make(chan struct{}), stat: st, statErr: statErr != nil}
	for {
		// Whoever puts an entry in does the load; the others wait for it.
		c.mu.Lock()
		if c.loaded == nil {
			c.loaded, c.seed = map[string]*lensEntry{}, maphash.MakeSeed()
		}
		e := c.loaded[key]
		if e == nil {
			c.loaded[key] = fresh
		}
		c.mu.Unlock()
		if e == nil {
			break
		}
		<-e.ready
		if c.current(e, src, st, statErr) {
			return e.lens, e.err
		}
		c.mu.Lock()
		if c.loaded[key] == e { // stale: out, unless another load replaced it
			delete(c.loaded, key)
		}
		c.mu.Unlock()
	}
	e := fresh
	if st != nil && time.Since(st.ModTime()) >= lensSettle {
		e.settled.Store(true)
	} else if st != nil && st.Mode().IsRegular() && st.Size() <= questions.MaxFileSize {
		e.sum, e.summed = c.hashFile(src) // to tell, until it settles, whether it changed
	}
	e.lens, e.err = questions.LoadWith(src, questions.Options{Cache: disk})
	close(e.ready)
	return e.lens, e.err
}

// current reports whether a loaded entry still holds the file whose stat
// now is st (or statErr).
func (c *lensCache) current(e *lensEntry, src string, st os.FileInfo, statErr error) bool {
	switch {
	case e.stat == nil && !e.statErr:
		return true // built-in
	case statErr != nil || e.statErr:
		return statErr != nil && e.statErr // still not there
	case !os.SameFile(e.stat, st) || e.stat.Size() != st.Size() || !e.stat.ModTime().Equal(st.ModTime()):
		return false
	case e.settled.Load():
		return true
	case !e.summed:
		return false
	}
	if sum, ok := c.hashFile(src); !ok || sum != e.sum {
		return false
	}
	// Verified after the file had been still for lensSettle: any later
	// change gets a later modification time.
	if time.Since(st.ModTime()) >= lensSettle {
		e.settled.Store(true)
	}
	return true
}

// hashFile hashes a file's bytes, reading them in small pieces.
func (c *lensCache) hashFile(path string) (uint64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var h maphash.Hash
	h.SetSeed(c.seed)
	if _, err := io.CopyBuffer(&h, io.LimitReader(f, questions.MaxFileSize+1), make([]byte, 32<<10)); err != nil {
		return 0, false
	}
	return h.Sum64(), true
}

// Lens loads a lens by its source (a path or builtin:NAME), once per
// process.
func (w *Workspace) Lens(src string) (*questions.Lens, error) { return w.lenses.load(src, w.LensCache) }

// LensFor picks and loads the lens of a review: the flag, else the lens
// the file records (a path is relative to the review file), else the
// built-in lens of the recorded id, else DefaultLens.
func (w *Workspace) LensFor(r *review.Review, reviewPath, flag string) (*questions.Lens, error) {
	l, recorded, err := w.recordedLens(r, reviewPath, flag)
	if err != nil && recorded != "" {
		return nil, fmt.Errorf("%w\n%s: that is the lens it records (lens.source: %s): give another with --lens, or correct lens.source", err, reviewPath, recorded)
	}
	return l, err
}

// MilestoneLens is LensFor for the review as of a milestone (snap): a
// recorded lens that does not load is named as the milestone's, which
// nobody edits to correct it, rather than as the file's lens.source.
func (w *Workspace) MilestoneLens(snap *review.Review, milestone, reviewPath, flag string) (*questions.Lens, error) {
	l, recorded, err := w.recordedLens(snap, reviewPath, flag)
	if err != nil && recorded != "" {
		state := "which does not load"
		if errors.Is(err, fs.ErrNotExist) {
			state = "which is gone"
		}
		return nil, fmt.Errorf("%w\n%s: milestone %q records lens %s, %s: give one with --lens (wafr history shows the risks it recorded)", err, reviewPath, milestone, recorded, state)
	}
	return l, err
}

// recordedLens is LensFor without its advice, also returning the lens
// source the review records when it names a file.
func (w *Workspace) recordedLens(r *review.Review, reviewPath, flag string) (*questions.Lens, string, error) {
	src := flag
	recorded := "" // the review's lens.source, when it names a file
	if src == "" && r != nil {
		src = r.Lens.Source
		if src != "" && !strings.HasPrefix(src, questions.BuiltinPrefix) {
			recorded = src
			if isLink(src) {
				return nil, "", fmt.Errorf("%s: lens.source is the link %s: wafr reads a lens from a file (or builtin:NAME): download it, then give its path with --lens or as lens.source", reviewPath, src)
			}
			if !filepath.IsAbs(src) && reviewPath != "-" {
				src = filepath.Join(filepath.Dir(reviewPath), filepath.FromSlash(src))
			}
		}
		if src == "" && r.Lens.ID != "" {
			src = questions.BuiltinPrefix + r.Lens.ID
		}
	}
	if src == "" {
		src = DefaultLens
	}
	l, err := w.Lens(src)
	return l, recorded, err
}

// isLink reports whether a lens source is a URL rather than a path.
func isLink(src string) bool {
	scheme, _, ok := strings.Cut(src, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, "/\\.")
}

// PointLens is the lens a point of a review's history is scored with,
// the one rule for history, diff and the HTML trend. The current answers
// (milestone false) are scored with the lens that loads now, whatever its
// content, as summary scores them; a milestone only with the lens it
// records, and only while that has the recorded content, since a
// milestone keeps how things stood. A nil lens comes with why (it is not
// found, does not load, or is not the recorded content): the risks
// recorded in the file are then used.
func (w *Workspace) PointLens(snap *review.Review, reviewPath string, milestone bool) (*questions.Lens, string) {
	l, err := w.LensFor(snap, reviewPath, "")
	var le *questions.LoadError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, review.LensNotFound
	case errors.As(err, &le) && len(le.Errors()) > 0:
		return nil, review.LensNotLoading + le.Errors()[0].String() + review.LensNotLoadingEnd
	case err != nil:
		first, _, _ := strings.Cut(err.Error(), "\n") // not LensFor's advice for a review
		return nil, review.LensNotLoading + first + review.LensNotLoadingEnd
	case milestone && snap.Lens.Digest != "" && l.Digest != snap.Lens.Digest:
		return nil, review.LensChangedSince
	}
	return l, ""
}
