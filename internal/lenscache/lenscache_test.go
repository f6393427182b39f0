package lenscache

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func store(t *testing.T, build string) *Store {
	t.Helper()
	return newStore(filepath.Join(t.TempDir(), "cache", "lenses"), func() string { return build })
}

func payload(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

func mustHit(t *testing.T, s *Store, key string, want []byte) {
	t.Helper()
	got, ok := s.Get(key)
	if !ok || !bytes.Equal(got, want) {
		t.Fatalf("Get(%q) = %d bytes, %v; want the %d bytes stored", key, len(got), ok, len(want))
	}
}

func mustMiss(t *testing.T, s *Store, key, why string) {
	t.Helper()
	if got, ok := s.Get(key); ok {
		t.Fatalf("%s: Get returned %d bytes", why, len(got))
	}
}

func TestPutGet(t *testing.T) {
	s := store(t, "build-1")
	mustMiss(t, s, "k", "an empty cache")
	p := payload(5000)
	s.Put("k", p)
	mustHit(t, s, "k", p)
	mustMiss(t, s, "other", "another key")
	s.Put("empty", nil)
	mustHit(t, s, "empty", nil)
	st, err := os.Stat(s.Dir())
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("the cache folder: %v %v", st.Mode(), err)
	}
	other := newStore(s.Dir(), func() string { return "build-2" })
	mustMiss(t, other, "k", "another build")
	none := newStore(s.Dir(), func() string { return "" })
	mustMiss(t, none, "k", "a build that cannot be named")
	none.Put("n", p)
	mustMiss(t, s, "n", "a put by a build that cannot be named")
}

// A damaged entry is a miss, whatever the damage: cut anywhere, any byte
// changed, a byte added, another key's entry under this key's name, a
// folder or a link in its place; storing again mends it.
func TestDamagedEntries(t *testing.T) {
	s := store(t, "build-1")
	p := payload(300)
	s.Put("k", p)
	path := s.path("k")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write := func(data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for n := range len(good) {
		write(good[:n])
		mustMiss(t, s, "k", fmt.Sprintf("an entry cut at %d of %d bytes", n, len(good)))
	}
	for i := range good {
		damaged := bytes.Clone(good)
		damaged[i] ^= 0x20
		write(damaged)
		mustMiss(t, s, "k", fmt.Sprintf("an entry with byte %d changed", i))
	}
	write(append(bytes.Clone(good), 0))
	mustMiss(t, s, "k", "an entry with a byte too many")
	s.Put("k2", p)
	other, _ := os.ReadFile(s.path("k2"))
	write(other)
	mustMiss(t, s, "k", "another key's entry")
	s.Put("k", p)
	mustHit(t, s, "k", p)

	os.Remove(path)
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	mustMiss(t, s, "k", "a folder")
	s.Put("k", p) // cannot replace a folder: quietly nothing
	os.Remove(path)
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
	mustMiss(t, s, "k", "a link to a device")
	s.Put("k", p)
	mustHit(t, s, "k", p)
}

// Writers and readers at once never see a part of an entry.
func TestConcurrentWriters(t *testing.T) {
	s := store(t, "build-1")
	p := payload(200 << 10)
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if w%2 == 0 {
					s.Put("k", p)
				} else if got, ok := s.Get("k"); ok && !bytes.Equal(got, p) {
					errs <- "a reader saw a partial or wrong entry"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	mustHit(t, s, "k", p)
	left, _ := filepath.Glob(filepath.Join(s.Dir(), ".tmp-*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// The folder keeps the newest MaxEntries entries, and loses temporary
// files of runs that died an hour ago (not those of a run storing now).
func TestPrune(t *testing.T) {
	s := store(t, "build-1")
	s.Put("first", nil)
	old := time.Now().Add(-2 * time.Hour)
	var keys []string
	for i := range MaxEntries + 5 {
		key := fmt.Sprint("k", i)
		keys = append(keys, key)
		s.Put(key, payload(10))
		at := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(s.path(key), at, at)
	}
	os.Chtimes(s.path("first"), old.Add(-time.Hour), old.Add(-time.Hour))
	stale, fresh := filepath.Join(s.Dir(), ".tmp-stale"), filepath.Join(s.Dir(), ".tmp-fresh")
	os.WriteFile(stale, nil, 0o600)
	os.Chtimes(stale, old, old)
	os.WriteFile(fresh, nil, 0o600)
	s.Put("last", payload(10))
	entries, _ := filepath.Glob(filepath.Join(s.Dir(), "*.lens"))
	if len(entries) != MaxEntries {
		t.Fatalf("%d entries kept, want %d", len(entries), MaxEntries)
	}
	mustHit(t, s, "last", payload(10))
	mustHit(t, s, keys[len(keys)-1], payload(10))
	mustMiss(t, s, "first", "the oldest entry")
	mustMiss(t, s, keys[5], "an old entry")
	if _, err := os.Stat(stale); err == nil {
		t.Fatal("a stale temporary file was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Fatal("the temporary file of a run storing now was removed")
	}
}

func TestSwitchAndFolder(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	for _, off := range []string{"off", "OFF", "0", "false", "no"} {
		env[EnvSwitch] = off
		if s := New(t.TempDir(), getenv); s != nil {
			t.Fatalf("%s=%s left the cache on", EnvSwitch, off)
		}
	}
	env[EnvSwitch] = ""
	if New(t.TempDir(), getenv) == nil {
		t.Fatal("the cache is off by default")
	}
	var none *Store
	none.Put("k", nil)
	if _, ok := none.Get("k"); ok {
		t.Fatal("a nil store hit")
	}
	env[EnvDir] = "rel/dir"
	dir, err := DefaultDir(getenv)
	if err != nil || !filepath.IsAbs(dir) || !strings.HasSuffix(dir, filepath.Join("rel", "dir")) {
		t.Fatalf("DefaultDir with %s = %q, %v", EnvDir, dir, err)
	}
	env[EnvDir] = ""
	if dir, err := DefaultDir(getenv); err == nil && !strings.HasSuffix(dir, filepath.Join("wafr", "lenses")) {
		t.Fatalf("DefaultDir = %q", dir)
	}
	// A folder that cannot be made: nothing stored, nothing fails.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	s := newStore(filepath.Join(file, "lenses"), func() string { return "b" })
	s.Put("k", payload(10))
	mustMiss(t, s, "k", "a folder that cannot be made")
}

// The running test binary is named by its Go build ID, as go tool buildid
// reads it.
func TestRunningBuildID(t *testing.T) {
	got := running()
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "windows" {
		t.Skip("build IDs are checked on Linux, macOS and Windows")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if want := "go:" + strings.TrimSpace(string(out)); got != want {
		t.Fatalf("running() = %q, want %q", got, want)
	}
}

func TestGoBuildID(t *testing.T) {
	note := []byte("\x7fELF....\x04\x00\x00\x00\x05\x00\x00\x00\x04\x00\x00\x00Go\x00\x00abcde\x00\x00\x00")
	mark := []byte("....\xff Go build ID: \"xyz/uvw\"\n \xff....")
	for _, c := range []struct {
		head []byte
		want string
	}{
		{note, "abcde"},
		{mark, "xyz/uvw"},
		{[]byte("no id here"), ""},
		{note[:len(note)-6], ""},                   // the ID cut off
		{[]byte("\x04\x00\x00\x00Go\x00\x00"), ""}, // no size before it
		{[]byte("\xff Go build ID: \"unterminated"), ""},
	} {
		if got := goBuildID(c.head); got != c.want {
			t.Errorf("goBuildID(%q) = %q, want %q", c.head, got, c.want)
		}
	}
}

// A file's stamp: none while it is fresh, the same while it is left alone,
// another after any write, even one that restores its size and times.
func TestStamp(t *testing.T) {
	s := store(t, "b")
	s.settle = 100 * time.Millisecond
	path := filepath.Join(t.TempDir(), "lens.json")
	os.WriteFile(path, []byte("one"), 0o644)
	if _, ok := stampOf(s, path); ok && runtime.GOOS == "linux" {
		t.Fatal("a file just written has a stamp")
	}
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("no change time here: no stamps")
	}
	time.Sleep(150 * time.Millisecond)
	first, ok := stampOf(s, path)
	if !ok {
		t.Fatal("a settled file has no stamp")
	}
	if again, _ := stampOf(s, path); again != first {
		t.Fatal("the stamp changed with the file left alone")
	}
	st, _ := os.Stat(path)
	os.WriteFile(path, []byte("two"), 0o644)
	os.Chtimes(path, st.ModTime(), st.ModTime())
	time.Sleep(150 * time.Millisecond)
	if after, ok := stampOf(s, path); !ok || after == first {
		t.Fatalf("a write that kept the size and times kept the stamp (%v)", ok)
	}
	for _, p := range []string{filepath.Dir(path), filepath.Join(path, "missing")} {
		if _, ok := stampOf(s, p); ok {
			t.Fatalf("%s has a stamp", p)
		}
	}
	var none *Store
	if _, ok := stampOf(none, path); ok {
		t.Fatal("a nil store stamps")
	}
}

func stampOf(s *Store, path string) (string, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	return s.Stamp(path, st)
}

// Stamps only on local file systems: not on /proc, say.
func TestStampOnlyOnLocalFileSystems(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the file system types checked are Linux's")
	}
	s := store(t, "b")
	s.settle = 0
	if _, ok := stampOf(s, "/proc/self/status"); ok {
		t.Fatal("a file on /proc has a stamp")
	}
	path := filepath.Join(t.TempDir(), "x")
	os.WriteFile(path, nil, 0o600)
	if _, ok := stampOf(s, path); !ok && localFileSystem(filepath.Dir(path)) {
		t.Fatal("a file on a local file system has no stamp")
	}
}

// A relative home (HOME=.) never puts the cache in the current folder.
func TestDefaultDirIsAbsolute(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CACHE_HOME and HOME decide it on Linux")
	}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", ".")
	if dir, err := DefaultDir(func(string) string { return "" }); err == nil {
		t.Fatalf("HOME=. gave the cache folder %q", dir)
	}
}
