package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lenscache"
	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/questions"
)

// cacheFixture writes an AWS lens and a review of it into a folder of its
// own, dated an hour back as files at rest are.
func cacheFixture(t *testing.T) (dir, reviewPath string) {
	t.Helper()
	dir = t.TempDir()
	lensPath := filepath.Join(dir, "lens.json")
	if err := os.WriteFile(lensPath, lensgen.AWSJSON(3, 12, 5, 60), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := questions.Load(lensPath)
	if err != nil {
		t.Fatal(err)
	}
	reviewPath = filepath.Join(dir, "review.yaml")
	if err := reviewgen.Write(reviewPath, l, reviewgen.Options{Workload: "Service", Now: time.Now().Add(-2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	for _, p := range []string{lensPath, reviewPath} {
		os.Chtimes(p, past, past)
	}
	return dir, reviewPath
}

// wafrWithCache runs the real binary with its cache in cacheDir (and
// extra environment) and returns its standard output.
func wafrWithCache(t *testing.T, cacheDir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(wafrBinary(t), args...)
	cmd.Env = append(os.Environ(), append([]string{lenscache.EnvDir + "=" + cacheDir}, env...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("wafr %v: %v\n%s", args, err, errOut.String())
	}
	return out.String()
}

func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(dir, "*.lens"))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// lensEntries returns the entries that hold a lens, leaving out those that
// point a file's stamp at one (a few hundred bytes; a file has a stamp once
// it is two seconds old, so whether there is one depends on the clock).
func lensEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, e := range cacheEntries(t, dir) {
		if st, err := os.Stat(e); err == nil && st.Size() > 1024 {
			out = append(out, e)
		}
	}
	return out
}

// The lens cache as a user meets it, with the real binary: the first run
// stores the lens, later runs read it back and print the same, a damaged
// entry is parsed afresh and mended, a changed lens is never answered from
// the cache, WAFR_CACHE=off stores nothing, and nothing is written beside
// the review.
func TestLensCacheEndToEnd(t *testing.T) {
	dir, reviewPath := cacheFixture(t)
	cache := filepath.Join(t.TempDir(), "cache")
	off := []string{lenscache.EnvSwitch + "=off"}
	for _, args := range [][]string{
		{"summary", reviewPath}, {"report", reviewPath}, {"action", "list", reviewPath},
	} {
		before := len(cacheEntries(t, cache))
		want := wafrWithCache(t, cache, off, args...)
		if len(cacheEntries(t, cache)) != before {
			t.Fatal("WAFR_CACHE=off stored a lens")
		}
		if got := wafrWithCache(t, cache, nil, args...); got != want {
			t.Fatalf("wafr %v storing the lens printed:\n%s\nwant:\n%s", args, got, want)
		}
		if got := wafrWithCache(t, cache, nil, args...); got != want {
			t.Fatalf("wafr %v with the lens cached printed:\n%s\nwant:\n%s", args, got, want)
		}
	}
	entries := lensEntries(t, cache)
	if len(entries) != 1 {
		t.Fatalf("%d entries for one lens: %v", len(entries), entries)
	}
	entry := entries[0]
	stored, _ := os.Stat(entry)
	time.Sleep(10 * time.Millisecond)
	want := wafrWithCache(t, cache, off, "summary", reviewPath)
	wafrWithCache(t, cache, nil, "summary", reviewPath)
	if st, _ := os.Stat(entry); !st.ModTime().Equal(stored.ModTime()) {
		t.Fatal("a run with the lens cached wrote the entry again")
	}

	good, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	for name, damaged := range map[string][]byte{
		"cut in half":  good[:len(good)/2],
		"empty":        nil,
		"garbage":      bytes.Repeat([]byte{0xff}, len(good)),
		"byte changed": append(append(bytes.Clone(good[:len(good)-10]), good[len(good)-10]^1), good[len(good)-9:]...),
	} {
		if err := os.WriteFile(entry, damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := wafrWithCache(t, cache, nil, "summary", reviewPath); got != want {
			t.Fatalf("with an entry %s, summary printed:\n%s\nwant:\n%s", name, got, want)
		}
		if mended, _ := os.ReadFile(entry); !bytes.Equal(mended, good) {
			t.Fatalf("an entry %s was not stored again", name)
		}
	}

	// The lens changes (same size, same time): the cache never answers
	// for the old content.
	lensPath := filepath.Join(dir, "lens.json")
	reportBefore := wafrWithCache(t, cache, nil, "report", reviewPath)
	data, _ := os.ReadFile(lensPath)
	st, _ := os.Stat(lensPath)
	changed := bytes.Clone(data)
	at := bytes.Index(changed, []byte(`"title": "`)) + len(`"title": "`)
	changed[at] = 'Z' // the first question's title, one letter
	if bytes.Equal(changed, data) {
		t.Fatal("the lens did not change")
	}
	os.WriteFile(lensPath, changed, 0o644)
	os.Chtimes(lensPath, st.ModTime(), st.ModTime())
	wantChanged := wafrWithCache(t, cache, off, "report", reviewPath)
	if wantChanged == reportBefore {
		t.Fatal("the report does not show the change")
	}
	if got := wafrWithCache(t, cache, nil, "report", reviewPath); got != wantChanged {
		t.Fatalf("after the lens changed, report printed:\n%s\nwant:\n%s", got, wantChanged)
	}

	files, _ := os.ReadDir(dir)
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if strings.Join(names, " ") != "lens.json review.yaml" {
		t.Fatalf("files beside the review: %v", names)
	}
}

// Processes that start at once on an empty cache all print the same, and
// leave one whole entry and no temporary file.
func TestLensCacheConcurrentProcesses(t *testing.T) {
	_, reviewPath := cacheFixture(t)
	cache := filepath.Join(t.TempDir(), "cache")
	want := wafrWithCache(t, cache, []string{lenscache.EnvSwitch + "=off"}, "summary", reviewPath)
	var wg sync.WaitGroup
	outs := make([]string, 6)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = wafrWithCache(t, cache, nil, "summary", reviewPath)
		}()
	}
	wg.Wait()
	for i, out := range outs {
		if out != want {
			t.Fatalf("process %d printed:\n%s\nwant:\n%s", i, out, want)
		}
	}
	if n := len(lensEntries(t, cache)); n != 1 {
		t.Fatalf("%d entries", n)
	}
	if left, _ := filepath.Glob(filepath.Join(cache, ".tmp-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	if got := wafrWithCache(t, cache, nil, "summary", reviewPath); got != want {
		t.Fatalf("after them, summary printed:\n%s", got)
	}
}

// A lens file two seconds old is found by its stamp (its inode, size and
// times) without being read; a change to it in place, even one that puts
// its size and modification time back, is seen at once.
func TestLensCacheStampedLens(t *testing.T) {
	dir, reviewPath := cacheFixture(t)
	cache := filepath.Join(t.TempDir(), "cache")
	off := []string{lenscache.EnvSwitch + "=off"}
	time.Sleep(2100 * time.Millisecond) // the lens's change time settles
	want := wafrWithCache(t, cache, off, "report", reviewPath)
	for range 2 {
		if got := wafrWithCache(t, cache, nil, "report", reviewPath); got != want {
			t.Fatalf("report printed:\n%s\nwant:\n%s", got, want)
		}
	}
	if all, lenses := cacheEntries(t, cache), lensEntries(t, cache); len(lenses) != 1 || len(all) != 2 {
		t.Fatalf("%d entries, %d of them lenses: want the lens and its stamp", len(all), len(lenses))
	}
	lensPath := filepath.Join(dir, "lens.json")
	data, _ := os.ReadFile(lensPath)
	st, _ := os.Stat(lensPath)
	at := bytes.Index(data, []byte(`"title": "`)) + len(`"title": "`)
	data[at] = 'Z'
	os.WriteFile(lensPath, data, 0o644)
	os.Chtimes(lensPath, st.ModTime(), st.ModTime())
	time.Sleep(2100 * time.Millisecond) // settled again: only the change time tells
	wantChanged := wafrWithCache(t, cache, off, "report", reviewPath)
	if wantChanged == want {
		t.Fatal("the report does not show the change")
	}
	if got := wafrWithCache(t, cache, nil, "report", reviewPath); got != wantChanged {
		t.Fatalf("after the lens changed in place, report printed:\n%s\nwant:\n%s", got, wantChanged)
	}
}
