package workspace

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

const pillar = "operationalExcellence"

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func testWorkspace() *Workspace {
	w := New()
	w.Settle, w.SettleWait, w.DeleteSettle = 30*time.Millisecond, 300*time.Millisecond, 500*time.Millisecond
	return w
}

func opsLens(t testing.TB) *questions.Lens {
	t.Helper()
	l, err := New().Lens("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// newFile writes a review with answers to OPS1 and OPS2 and returns its
// path and bytes.
func newFile(t *testing.T) (string, []byte) {
	t.Helper()
	l := opsLens(t)
	r := review.New(l, review.Workload{Name: "Payments API", Environment: review.Production})
	tick(r, "OPS1", "OPS1_slo")
	tick(r, "OPS2", "OPS2_no")
	path := filepath.Join(t.TempDir(), "review.yaml")
	RecordLens(r, l, path)
	return path, writeOutside(t, path, r)
}

func tick(r *review.Review, q string, ids ...string) {
	r.Update(pillar, q, "tester", t0, func(a *review.Answer) { a.Selected = ids })
}

func selected(r *review.Review, q string) string {
	if a := r.Answers.Get(pillar, q); a != nil {
		return strings.Join(a.Selected, ",")
	}
	return ""
}

func load(t *testing.T, path string) *review.Review {
	t.Helper()
	r, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// writeOutside changes the file as another process would, long enough ago
// to be trusted.
func writeOutside(t *testing.T, path string, r *review.Review) []byte {
	t.Helper()
	data := r.Marshal()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	settle(path)
	return data
}

// settle dates a file's last change an hour back.
func settle(path string) {
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
}

func TestLensNotice(t *testing.T) {
	l := opsLens(t)
	r := review.New(l, review.Workload{Name: "w"})
	if n := lensNotice(r, l); n != "" {
		t.Errorf("same lens: %q", n)
	}
	r.Lens.Digest, r.Lens.Version = "sha256:old", "0.9.0"
	r.Update(pillar, "OPS9", "me", t0, func(a *review.Answer) { a.Selected = []string{"x"} })
	want := "the lens ops changed since this review was saved (version 0.9.0, now 1.0.0); 1 answer no longer matches it and is kept"
	if n := lensNotice(r, l); n != want {
		t.Errorf("notice %q", n)
	}
	r.Lens.ID = "ecs"
	if n := LensChange(r, l); n != "this review was answered with the lens ecs and is scored here with another lens, ops" {
		t.Errorf("other lens: %q", n)
	}
}

func TestEditCreatesAndRecordsLens(t *testing.T) {
	w := testWorkspace()
	path := filepath.Join(t.TempDir(), "review.yaml")
	f, err := w.Edit(path, OpenOptions{Create: &review.Workload{Name: "W"}}, func(f *File) error {
		tick(f.Review, "OPS1", "OPS1_no")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := load(t, path)
	if r.Lens.Source != "builtin:ops" || r.Lens.Digest != f.Lens.Digest || selected(r, "OPS1") != "OPS1_no" {
		t.Errorf("saved %+v %s", r.Lens, selected(r, "OPS1"))
	}
	if a := r.Answers.Get(pillar, "OPS1"); a.Risk != questions.HighRisk {
		t.Errorf("risk not recorded: %v", a.Risk)
	}
	if _, err := w.Edit(filepath.Join(t.TempDir(), "none.yaml"), OpenOptions{}, func(*File) error { return nil }); !errors.Is(err, ErrNoFile) {
		t.Errorf("editing a missing file without Create: %v", err)
	}
}

func TestEditWritesNothingWhenTheChangeFails(t *testing.T) {
	path, before := newFile(t)
	_, err := testWorkspace().Edit(path, OpenOptions{}, func(f *File) error {
		tick(f.Review, "OPS3", "OPS3_no")
		return errors.New("no")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("file changed")
	}
}

// wafr never writes a file it would refuse to read: a milestone that takes
// the file over the size limit is refused, and the file is untouched.
func TestEditRefusesWhatCannotBeReadBack(t *testing.T) {
	path, before := newFile(t)
	w := testWorkspace()
	long := strings.Repeat("a long note line\n", 200_000) // 3.4 MB
	_, err := w.Edit(path, OpenOptions{}, func(f *File) error {
		f.Review.Update(pillar, "OPS3", "t", t0, func(a *review.Answer) { a.Notes = long })
		for _, name := range []string{"one", "two"} {
			if err := f.Review.AddMilestone(name, "", f.Lens, t0); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("file changed")
	}
	// A duplicated choice would be written and then refused ("listed
	// twice"): it is caught before writing.
	_, err = w.Edit(path, OpenOptions{}, func(f *File) error {
		f.Review.Update(pillar, "OPS3", "t", t0, func(a *review.Answer) { a.Selected = []string{"OPS3_no", "OPS3_no"} })
		return nil
	})
	if !errors.Is(err, ErrUnreadable) {
		t.Errorf("duplicate choice: %v, want ErrUnreadable", err)
	}
}

// Temporaries left by a wafr killed mid-save are cleared by the next save.
func TestEditRemovesStaleTemporaries(t *testing.T) {
	path, _ := newFile(t)
	stale := filepath.Join(filepath.Dir(path), ".review.yaml.tmp-12345")
	os.WriteFile(stale, []byte("old copy with notes"), 0o644)
	if _, err := testWorkspace().Edit(path, OpenOptions{}, func(*File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary still there")
	}
	// A set-aside write killed an hour ago left its temporary too.
	aside := filepath.Join(filepath.Dir(path), ".review.yaml.wafr-unsaved.tmp-678")
	os.WriteFile(aside, []byte("answers"), 0o644)
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(aside, past, past)
	if _, err := testWorkspace().Edit(path, OpenOptions{}, func(*File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(aside); err == nil {
		t.Error("a set-aside write's stale temporary is still there")
	}
}

// In a git checkout, a save leaves nothing but the review for git to see.
func TestEditLeavesGitStatusClean(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	path := filepath.Join(dir, "review.yaml")
	t.Setenv("TMPDIR", dir) // even a TMPDIR inside the checkout
	if _, err := testWorkspace().Edit(path, OpenOptions{Create: &review.Workload{Name: "W"}}, func(*File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=all").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != "?? review.yaml" {
		t.Errorf("git status:\n%s", got)
	}
}

// A review file that cannot be read is named once, with why.
func TestSyncNamesAnUnreadableFileOnce(t *testing.T) {
	path, data := newFile(t)
	base := load(t, path)
	os.Remove(path)
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := testWorkspace().Sync(SyncRequest{Path: path, Lens: opsLens(t), Base: base, Hash: Hash(data), Ours: base.Clone(), Dirty: true})
	if err == nil || strings.Count(err.Error(), path) != 1 || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("got %v, want the file named once and why", err)
	}
}

func TestSyncWritesOurs(t *testing.T) {
	path, data := newFile(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	res, err := testWorkspace().Sync(SyncRequest{Path: path, Lens: opsLens(t), Base: base, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || !res.Written || res.Merged {
		t.Fatalf("%+v %v", res, err)
	}
	disk, _ := os.ReadFile(path)
	if res.Hash != Hash(disk) || selected(load(t, path), "OPS3") != "OPS3_no" {
		t.Error("not written as reported")
	}
}

// Someone else answered another question and took a milestone: both are
// kept, with ours, in one locked write.
func TestSyncMergesOutsideChanges(t *testing.T) {
	path, data := newFile(t)
	l := opsLens(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	theirs := base.Clone()
	tick(theirs, "OPS4", "OPS4_no")
	theirs.AddMilestone("theirs", "", l, t0)
	writeOutside(t, path, theirs)
	res, err := testWorkspace().Sync(SyncRequest{Path: path, Lens: l, Base: base, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || !res.Written || !res.Merged {
		t.Fatalf("%+v %v", res, err)
	}
	r := load(t, path)
	if selected(r, "OPS3") != "OPS3_no" || selected(r, "OPS4") != "OPS4_no" || r.Milestone("theirs") == nil {
		t.Errorf("merge lost something: OPS3 %q OPS4 %q milestones %d", selected(r, "OPS3"), selected(r, "OPS4"), len(r.Milestones))
	}
}

// A question both sides changed is a conflict: nothing is written. "Keep
// mine" then settles only that question our way and keeps the rest of
// theirs (their other answers and their milestone).
func TestSyncConflictAndKeepOurs(t *testing.T) {
	path, data := newFile(t)
	l := opsLens(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS1", "OPS1_users")
	theirs := base.Clone()
	tick(theirs, "OPS1", "OPS1_budget")
	tick(theirs, "OPS5", "OPS5_no")
	theirs.AddMilestone("theirs", "", l, t0)
	theirData := writeOutside(t, path, theirs)
	w := testWorkspace()
	req := SyncRequest{Path: path, Lens: l, Base: base, Hash: Hash(data), Ours: ours, Dirty: true}
	res, err := w.Sync(req)
	if err != nil || res.Written || len(res.Conflicts) != 1 || res.Conflicts[0].QuestionID != "OPS1" {
		t.Fatalf("%+v %v", res, err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, theirData) {
		t.Fatal("a conflict was written")
	}
	req.KeepOurs = &Decision{Hash: res.TheirHash}
	if res, err = w.Sync(req); err != nil || !res.Written {
		t.Fatalf("keep ours: %+v %v", res, err)
	}
	r := load(t, path)
	if selected(r, "OPS1") != "OPS1_users" || selected(r, "OPS5") != "OPS5_no" || r.Milestone("theirs") == nil || selected(r, "OPS2") != "OPS2_no" {
		t.Errorf("keep ours: OPS1 %q OPS5 %q OPS2 %q, %d milestones", selected(r, "OPS1"), selected(r, "OPS5"), selected(r, "OPS2"), len(r.Milestones))
	}
}

// A file being rewritten in place is never merged half-written: while it
// keeps changing nothing is written, and a cut that looks like deleted
// answers is trusted only once it has stayed that way.
func TestSyncWaitsForAHalfWrittenFile(t *testing.T) {
	path, data := newFile(t)
	l := opsLens(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	w := testWorkspace()
	// Longer than the test's usual timings: on a loaded machine the writer
	// below can stall for tens of milliseconds between truncating the file
	// and writing it, and an empty file that stays so is an error to report.
	w.Settle, w.SettleWait, w.DeleteSettle = 100*time.Millisecond, 400*time.Millisecond, 2*time.Second
	req := SyncRequest{Path: path, Lens: l, Base: base, Hash: Hash(data), Ours: ours, Dirty: true}

	// A writer that keeps rewriting the file in place, in two halves with
	// a pause between, as cp or a sync client does. Whatever Sync catches,
	// it never writes a merge that lost an answer.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			full := append([]byte("# "+strings.Repeat("x", i%50)+"\n"), data...)
			f, _ := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			f.Write(full[:len(full)/2])
			time.Sleep(2 * time.Millisecond)
			f.Write(full[len(full)/2:])
			f.Close()
			time.Sleep(time.Millisecond)
		}
	}()
	for i := 0; i < 10; i++ {
		res, err := w.Sync(req)
		if err != nil || res.LoadErr != nil {
			t.Fatalf("while changing: %+v %v", res, err)
		}
		if res.Written && (selected(res.Disk, "OPS1") != "OPS1_slo" || selected(res.Disk, "OPS2") != "OPS2_no" || selected(res.Disk, "OPS3") != "OPS3_no") {
			t.Fatalf("wrote a merge that lost answers: %+v", res.Disk.Answers)
		}
	}
	close(stop)
	wg.Wait()

	// The file cut after OPS1: OPS2's answer seems deleted. Fresh, it is
	// not trusted.
	cut := data[:bytes.Index(data, []byte("    OPS2:"))]
	os.WriteFile(path, cut, 0o644)
	if r := load(t, path); selected(r, "OPS2") != "" {
		t.Fatal("setup: the cut file should load without OPS2")
	}
	time.Sleep(2 * w.Settle)
	if res, err := w.Sync(req); err != nil || !res.Unsettled || res.Written {
		t.Fatalf("fresh cut: %+v %v", res, err)
	}
	// Still so after DeleteSettle: a real deletion, merged.
	settle(path)
	if res, err := w.Sync(req); err != nil || !res.Written || !res.Merged {
		t.Fatalf("settled cut: %+v %v", res, err)
	}
	if r := load(t, path); selected(r, "OPS2") != "" || selected(r, "OPS3") != "OPS3_no" {
		t.Errorf("after the settled deletion: OPS2 %q OPS3 %q", selected(r, "OPS2"), selected(r, "OPS3"))
	}
}

// A session saving while another process writes the file several times a
// second is never starved: merge and write happen under the lock.
func TestSyncIsNotStarvedByOtherWriters(t *testing.T) {
	path, data := newFile(t)
	l := opsLens(t)
	w := testWorkspace()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		other := testWorkspace()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			other.Edit(path, OpenOptions{}, func(f *File) error {
				f.Review.Update(pillar, "OPS6", "other", t0, func(a *review.Answer) { a.Notes = strings.Repeat("n", i%7+1) })
				return nil
			})
			settle(path)
			time.Sleep(20 * time.Millisecond)
		}
	}()
	defer func() { close(stop); wg.Wait() }()
	time.Sleep(50 * time.Millisecond)
	base := load(t, path) // already stale: the other writer keeps going
	_ = data
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	res, err := w.Sync(SyncRequest{Path: path, Lens: l, Base: base, Hash: Hash(base.Marshal()) + "stale", Ours: ours, Dirty: true})
	if err != nil || !res.Written {
		t.Fatalf("%+v %v", res, err)
	}
	if selected(load(t, path), "OPS3") != "OPS3_no" {
		t.Fatal("written without our answer")
	}
}

func TestSyncLeavesAnUnloadableFileAlone(t *testing.T) {
	path, data := newFile(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	broken := []byte("wafr: 1\nworkload: [\n")
	os.WriteFile(path, broken, 0o644)
	settle(path)
	res, err := testWorkspace().Sync(SyncRequest{Path: path, Lens: opsLens(t), Base: base, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || res.LoadErr == nil || res.Written {
		t.Fatalf("%+v %v", res, err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, broken) {
		t.Error("an unloadable file was overwritten")
	}
}

// A review of another lens copied or moved over the open file is another
// review: it is left as it is, never merged with the session's answers
// (which the merge would all drop for its own).
func TestSyncLeavesAReviewOfAnotherLensAlone(t *testing.T) {
	path, data := newFile(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	w := testWorkspace()
	other, err := w.Lens("builtin:users")
	if err != nil {
		t.Fatal(err)
	}
	theirs := review.New(other, review.Workload{Name: "Another service"})
	RecordLens(theirs, other, path)
	replaced := theirs.Marshal()
	os.WriteFile(path, replaced, 0o644)
	settle(path)
	res, err := w.Sync(SyncRequest{Path: path, Lens: opsLens(t), Base: base, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || !errors.Is(res.LoadErr, ErrReplacedByOtherLens) || res.Written {
		t.Fatalf("%+v %v", res, err)
	}
	if msg := res.LoadErr.Error(); !strings.Contains(msg, other.ID) || !strings.Contains(msg, "ops") {
		t.Errorf("the error does not name both lenses: %s", msg)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, replaced) {
		t.Error("the other review was written over")
	}
}

// A second set-aside never replaces the first.
func TestSetAsideKeepsEveryCopy(t *testing.T) {
	path, _ := newFile(t)
	w := testWorkspace()
	r := load(t, path)
	first, err := w.SetAside(path, r)
	if err != nil {
		t.Fatal(err)
	}
	tick(r, "OPS3", "OPS3_no")
	second, err := w.SetAside(path, r)
	if err != nil {
		t.Fatal(err)
	}
	if first != path+".wafr-unsaved" || second != path+".wafr-unsaved-2" {
		t.Errorf("names %s, %s", first, second)
	}
	if selected(load(t, first), "OPS3") != "" || selected(load(t, second), "OPS3") != "OPS3_no" {
		t.Error("the first set-aside was changed")
	}
}

func TestWriteOutput(t *testing.T) {
	dir := t.TempDir()
	var stdout bytes.Buffer
	if err := WriteOutput("-", []byte("plan"), &stdout); err != nil || stdout.String() != "plan" {
		t.Errorf("-o -: %q %v", stdout.String(), err)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error(`-o - made a file named "-"`)
	}
	in := filepath.Join(dir, "review.yaml")
	os.WriteFile(in, []byte("x"), 0o644)
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(in, link)
	for _, out := range []string{in, link} {
		if err := WriteOutput(out, []byte("plan"), &stdout, "lens.json", in); !errors.Is(err, ErrOutputIsInput) {
			t.Errorf("-o %s over an input: %v", out, err)
		}
	}
	if err := WriteOutput(os.DevNull, []byte("x"), &stdout); err != nil {
		t.Errorf("-o %s: %v", os.DevNull, err)
	}
	if st, _ := os.Stat(os.DevNull); st.Mode().IsRegular() {
		t.Errorf("%s became a regular file", os.DevNull)
	}
	// A FIFO is written to, not replaced by a regular file.
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	got := make(chan []byte)
	go func() {
		f, _ := os.Open(fifo)
		var b bytes.Buffer
		b.ReadFrom(f)
		f.Close()
		got <- b.Bytes()
	}()
	if err := WriteOutput(fifo, []byte("through the pipe"), &stdout); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "through the pipe" {
		t.Errorf("fifo got %q", b)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

func TestLensesLoadOnce(t *testing.T) {
	w := testWorkspace()
	a, err1 := w.Lens("builtin:ops")
	b, err2 := w.Lens("builtin:ops")
	if err1 != nil || err2 != nil || a != b {
		t.Errorf("loaded twice: %p %p", a, b)
	}
}

// A file dated in the future (another machine's clock on a shared folder)
// still opens and saves: two reads that agree settle it.
func TestFutureModificationTime(t *testing.T) {
	path, data := newFile(t)
	future := time.Now().Add(time.Hour)
	os.Chtimes(path, future, future)
	w := testWorkspace()
	start := time.Now()
	f, err := w.Open(path, nil, OpenOptions{})
	if err != nil || time.Since(start) > w.SettleWait {
		t.Fatalf("open: %v after %v", err, time.Since(start))
	}
	ours := f.Review.Clone()
	tick(ours, "OPS3", "OPS3_no")
	other := f.Review.Clone()
	other.Answers[pillar]["OPS2"] = nil
	delete(other.Answers[pillar], "OPS2") // a real deletion, from the other machine
	writeOutside(t, path, other)
	os.Chtimes(path, future, future)
	res, err := w.Sync(SyncRequest{Path: path, Lens: f.Lens, Base: f.Review, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || !res.Written {
		t.Fatalf("sync: %+v %v", res, err)
	}
}

// A file that could not be read at all (too large) is watched until it can
// be: saving resumes then.
func TestUnreadableFileIsWatched(t *testing.T) {
	path, data := newFile(t)
	base := load(t, path)
	ours := base.Clone()
	tick(ours, "OPS3", "OPS3_no")
	os.WriteFile(path, make([]byte, review.MaxFileSize+1), 0o644)
	settle(path)
	w := testWorkspace()
	res, err := w.Sync(SyncRequest{Path: path, Lens: opsLens(t), Base: base, Hash: Hash(data), Ours: ours, Dirty: true})
	if err != nil || res.LoadErr == nil || res.TheirHash == "" {
		t.Fatalf("%+v %v", res, err)
	}
	if w.Changed(path, res.TheirHash) {
		t.Error("still too large, yet changed")
	}
	writeOutside(t, path, base)
	if !w.Changed(path, res.TheirHash) {
		t.Error("the file can be read again, but no change was seen")
	}
}

// DiffLens gives the facts of a lens change for a screen to word; the
// command line's English sentences are made of the same facts.
func TestDiffLens(t *testing.T) {
	l := opsLens(t)
	r := review.New(l, review.Workload{Name: "w"})
	if d := DiffLens(r, l); d.Kind != LensSame || d.Words(&i18n.For("en").TUI.Notice, true) != "" {
		t.Errorf("same lens: %+v", d)
	}
	r.Lens.Digest = "sha256:old"
	d := DiffLens(r, l)
	if d.Kind != LensEdited || d.Lens != "ops" || d.Version != "1.0.0" ||
		LensChange(r, l) != "the lens ops changed since this review was saved (same version 1.0.0, other content)" {
		t.Errorf("edited: %+v %q", d, LensChange(r, l))
	}
	r.Lens.Version = "0.9.0"
	r.Update(pillar, "OPS9", "me", t0, func(a *review.Answer) { a.Selected = []string{"x"} })
	r.Update(pillar, "OPS8", "me", t0, func(a *review.Answer) { a.Selected = []string{"x"} })
	d = DiffLens(r, l)
	if want := (LensDrift{Kind: LensNewVersion, Was: "ops", Lens: "ops", WasVersion: "0.9.0", Version: "1.0.0", Orphans: 2}); d != want {
		t.Errorf("new version: %+v", d)
	}
	if n := lensNotice(r, l); n != "the lens ops changed since this review was saved (version 0.9.0, now 1.0.0); 2 answers no longer match it and are kept" {
		t.Errorf("notice %q", n)
	}
	r.Lens.ID = "ecs"
	if d := DiffLens(r, l); d.Kind != LensReplaced || d.Was != "ecs" || d.Lens != "ops" {
		t.Errorf("other lens: %+v", d)
	}
}

// A lens without an id is named by its file (a review records no lens
// name), else by its name, and a version only one side has is not shown
// as "-".
func TestLensChangeNamesALensWithoutID(t *testing.T) {
	l := *opsLens(t)
	l.ID, l.Version, l.Source = "", "", "lenses/日本語.json"
	r := review.New(&l, review.Workload{Name: "w"})
	r.Lens.Digest, r.Lens.Source = "sha256:old", ""
	if n := LensChange(r, &l); n != "the lens Operational Excellence changed since this review was saved (it has no version to tell the two apart)" {
		t.Errorf("no id, no source recorded: %q", n)
	}
	r.Lens.Source = "日本語.json"
	if n := LensChange(r, &l); n != "the lens 日本語.json changed since this review was saved (it has no version to tell the two apart)" {
		t.Errorf("no id: %q", n)
	}
	r.Lens.Version = "0.9.0"
	if n := LensChange(r, &l); n != "the lens 日本語.json changed since this review was saved (version 0.9.0 then; none now)" {
		t.Errorf("version dropped: %q", n)
	}
	r.Lens.Version, l.Version = "", "1.0.0"
	if n := LensChange(r, &l); n != "the lens 日本語.json changed since this review was saved (it had no version; now 1.0.0)" {
		t.Errorf("version added: %q", n)
	}
	ja := DiffLens(r, &l).Words(&i18n.For("ja").TUI.Notice, false)
	if ja != "レビューの保存後にレンズ 日本語.json が更新されました(保存時はバージョンなし、現在は 1.0.0)" {
		t.Errorf("ja: %q", ja)
	}
}

// lensNotice is the one-line notice of a lens change, with the count of
// the answers the lens no longer matches, in English.
func lensNotice(r *review.Review, l *questions.Lens) string {
	return DiffLens(r, l).Words(&i18n.For("en").TUI.Notice, true)
}
