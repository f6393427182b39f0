package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/unprivileged"
)

func TestWriteKeepsModeAndSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("symlink replaced by a file")
	}
	if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
	fresh := filepath.Join(dir, "fresh.yaml")
	if err := Write(fresh, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm()&^0o022 != 0o644&^0o022 {
		t.Errorf("new file mode = %v", st.Mode().Perm())
	}
	assertNoTemporaries(t, dir)
}

// A write that fails at the rename leaves what was there and no temporary
// file. (The target here is a folder, which works even for root.)
func TestFailedWriteLeavesOldContent(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "r.yaml")
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := Write(target, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "save "+target) {
		t.Fatalf("got %v, want a save error naming the file", err)
	}
	if _, err := os.Stat(filepath.Join(target, "keep")); err != nil {
		t.Errorf("old content gone: %v", err)
	}
	assertNoTemporaries(t, dir)
}

func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aside")
	if err := WriteNew(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(path, []byte("second")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second WriteNew: %v, want ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("file holds %q", got)
	}
	assertNoTemporaries(t, dir)
}

// Temporaries left by a killed writer are recognised by name and removed;
// other files are not touched.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "review.yaml")
	for _, name := range []string{".review.yaml.tmp-123", ".review.yaml.tmp-abc", "review.yaml", ".other.yaml.tmp-1", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStale(target)
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != ".other.yaml.tmp-1 notes.txt review.yaml" {
		t.Errorf("left %s", got)
	}
}

func TestWriteRefusesNonRegular(t *testing.T) {
	if err := Write(os.DevNull, []byte("x")); err == nil {
		t.Error("replacing a device was allowed")
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Errorf("%s is now %v", os.DevNull, st.Mode())
	}
}

func assertNoTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), tempMarker) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestWriteIntoAMissingFolderSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "r.yaml")
	if err := Write(path, []byte("x")); err == nil || !strings.Contains(err.Error(), "the folder") || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("got %v", err)
	}
}

// Write's refusals say why in English, and are kinds a caller in another
// language can word (errors.Is), the system's error still inside.
func TestWriteNewIntoAMissingFolderSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nodir", "x.yaml")
	err := WriteNew(path, []byte("new"))
	if !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), "the folder "+filepath.Dir(path)+" does not exist") || strings.Contains(err.Error(), ".tmp-") {
		t.Fatalf("WriteNew into a missing folder: %v", err)
	}
}

func TestWriteRefusalsHaveKinds(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope", "r.yaml")
	err := Write(missing, []byte("x"))
	if !errors.Is(err, ErrNoFolder) || err.Error() != "save "+missing+": the folder "+filepath.Join(dir, "nope")+" does not exist" {
		t.Errorf("missing folder: %v", err)
	}
	if err := Write(os.DevNull, []byte("x")); !errors.Is(err, ErrNotRegular) || err.Error() != "save "+os.DevNull+": not a regular file" {
		t.Errorf("device: %v", err)
	}
}

// A folder we may not write gives its own kind of error.
func TestWriteInAReadOnlyFolder(t *testing.T) {
	if unprivileged.Rerun(t) {
		return
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o755)
	os.WriteFile(filepath.Join(locked, "r.yaml"), []byte("old"), 0o644)
	os.Chmod(locked, 0o555)
	defer os.Chmod(locked, 0o755)
	err := Write(filepath.Join(locked, "r.yaml"), []byte("new"))
	if !errors.Is(err, ErrFolderNotWritable) || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "does not allow that: ") {
		t.Errorf("read-only folder: %v", err)
	}
}

// Temporaries of files written without a lock are removed only when old:
// a live writer's, minutes old at most, is left alone.
func TestRemoveAbandoned(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name: old
		".review.yaml.wafr-unsaved.tmp-1":   true,
		".review.yaml.wafr-unsaved-2.tmp-2": true,
		".review.yaml.wafr-unsaved.tmp-3":   false, // being written now
		"review.yaml.wafr-unsaved":          true,  // a set-aside file itself
		".review.yaml.tmp-4":                true,  // the review's own: RemoveStale's, under the lock
		".other.yaml.wafr-unsaved.tmp-5":    true,
	}
	for name, isOld := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o644)
		if isOld {
			os.Chtimes(p, old, old)
		}
	}
	RemoveAbandoned(filepath.Join(dir, "review.yaml.wafr-unsaved"), time.Hour)
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := ".other.yaml.wafr-unsaved.tmp-5 .review.yaml.tmp-4 .review.yaml.wafr-unsaved.tmp-3 review.yaml.wafr-unsaved"
	if got := strings.Join(left, " "); got != want {
		t.Errorf("left %s\nwant %s", got, want)
	}
}

// A file marked read-only is left as it is, even though the folder would
// let a rename replace it (and even for root): the error says so, and is a
// permission error to errors.Is.
func TestWriteLeavesAReadOnlyFileAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.yaml")
	os.WriteFile(path, []byte("old"), 0o444)
	err := Write(path, []byte("new"))
	if !errors.Is(err, ErrReadOnly) || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "the file is read-only (mode 0444)") {
		t.Errorf("got %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("the read-only file now holds %q", data)
	}
	assertNoTemporaries(t, filepath.Dir(path))
	os.Chmod(path, 0o644)
	if err := Write(path, []byte("new")); err != nil {
		t.Errorf("once writable: %v", err)
	}
}

// The folder is the one the system reads: "nosuch/../x" is in nosuch,
// which does not exist (filepath.Dir would say "."), and a folder that
// exists but takes no new file (/proc answers ENOENT) is not said to be
// missing.
func TestFolderAsTheSystemReadsIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nosuch") + string(filepath.Separator) + ".." + string(filepath.Separator) + "x"
	for _, write := range []func(string, []byte) error{Write, WriteNew} {
		err := write(path, []byte("x"))
		if !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), "the folder "+filepath.Join(dir, "nosuch")+string(filepath.Separator)+".. does not exist") {
			t.Errorf("write %s: %v, want the folder nosuch/.. named as missing", path, err)
		}
		if _, serr := os.Stat(filepath.Join(dir, "x")); serr == nil {
			t.Errorf("write %s made %s", path, filepath.Join(dir, "x"))
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if st, err := os.Stat("/proc/self"); err != nil || !st.IsDir() {
		return // no procfs here
	}
	err := Write("/proc/wafr-test", []byte("x"))
	if err == nil || errors.Is(err, ErrNoFolder) {
		t.Errorf("write in /proc: %v, want a folder that refuses, not one that is missing", err)
	}
}

func TestFolderOf(t *testing.T) {
	sep := string(filepath.Separator)
	cases := map[string]string{
		"x": ".", sep + "x": sep, "a" + sep + "x": "a", "a" + sep + ".." + sep + "x": "a" + sep + "..",
	}
	if runtime.GOOS == "windows" { // a drive's current folder, a drive's root, a share's root
		cases["C:x"], cases[`C:\x`], cases[`\\srv\share\x`] = "C:.", `C:\`, `\\srv\share\`
	}
	for in, want := range cases {
		if got := folderOf(in); got != want {
			t.Errorf("folderOf(%q) = %q, want %q", in, got, want)
		}
	}
}
