package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lenscache"
	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/questions"
)

// benchNow is the generated reviews' clock.
func benchNow() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }

// benchFiles writes a generated 400 KB AWS lens (57 questions) and n
// reviews of it with actions, each with the given number of milestones,
// into a temporary folder, and returns the review paths.
func benchFiles(b *testing.B, n, milestones int) []string {
	b.Helper()
	dir := b.TempDir()
	lensPath := filepath.Join(dir, "lens.json")
	if err := os.WriteFile(lensPath, lensgen.AWSJSON(6, 57, 6, 170), 0o644); err != nil {
		b.Fatal(err)
	}
	settle(b, lensPath)
	l, err := questions.Load(lensPath)
	if err != nil {
		b.Fatal(err)
	}
	o := reviewgen.Options{Workload: "Service", Milestones: milestones, Now: benchNow()}
	if n == 1 {
		path := filepath.Join(dir, "review.yaml")
		if err := reviewgen.Write(path, l, o); err != nil {
			b.Fatal(err)
		}
		settle(b, path)
		return []string{path}
	}
	paths, err := reviewgen.WriteMany(dir, l, n, o)
	if err != nil {
		b.Fatal(err)
	}
	settle(b, paths...)
	return paths
}

// settle dates files an hour back, as files at rest are: wafr waits for
// a file written within the last moments to stop changing.
func settle(b *testing.B, paths ...string) {
	b.Helper()
	past := time.Now().Add(-time.Hour)
	for _, p := range paths {
		if err := os.Chtimes(p, past, past); err != nil {
			b.Fatal(err)
		}
	}
}

// benchOptions: cache, when set, is the lens cache of each iteration's
// workspace, as a process run again finds it.
type benchOptions struct{ cache questions.Cache }

// benchRun runs one wafr command line per iteration, each on fresh
// streams and a fresh workspace, as a new process would (package init
// and process start-up excepted: scripts/compare.sh measures those).
func benchRun(b *testing.B, args ...string) { benchRunWith(b, benchOptions{}, args...) }

func benchRunWith(b *testing.B, o benchOptions, args ...string) {
	b.Helper()
	b.ReportAllocs()
	// The collector as a one-shot process has it, for the whole benchmark
	// (run would set and reset it on every call, and each reset would let
	// the garbage of earlier iterations be collected in the next).
	b.Setenv("GOGC", "off")
	defer debug.SetGCPercent(debug.SetGCPercent(oneShotGCPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(oneShotMemoryLimit))
	debug.FreeOSMemory() // start small, as a process does: the limit counts what the heap holds
	for b.Loop() {
		io, out, errOut := testStreams()
		io.Now = benchNow
		io.ws.LensCache = o.cache
		if code := run(args, io); code != 0 {
			b.Fatalf("wafr %v: exit %d\n%s", args[:2], code, errOut)
		}
		if out.Len() == 0 {
			b.Fatal("no output")
		}
		// cobra keeps every flag that has a completion function in a
		// package-level map for the life of the process, and with the flag
		// the options it writes to and so these streams: empty them, or
		// every iteration's lenses and output stay live and the collector
		// scans them all (a process runs once and never sees it).
		*io = ioStreams{}
	}
}

// One review of a 57-question, 400 KB lens: summary, report, diff and
// action list, each a whole command with the lens load.
func BenchmarkCommand(b *testing.B) {
	files := benchFiles(b, 2, 0)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"summary", []string{"summary", files[0]}},
		{"report", []string{"report", files[0]}},
		{"diff", []string{"diff", files[1], files[0]}},
		{"actionList", []string{"action", "list", files[0]}},
	} {
		b.Run(c.name, func(b *testing.B) { benchRun(b, c.args...) })
		// Run again with the lens in the cache a previous run left.
		cache := lenscache.New(b.TempDir(), func(string) string { return "" })
		b.Run(c.name+"/cached", func(b *testing.B) { benchRunWith(b, benchOptions{cache: cache}, c.args...) })
	}
}

// history of a review with 100 milestones.
func BenchmarkHistory100Milestones(b *testing.B) {
	files := benchFiles(b, 1, 100)
	b.Run("lens", func(b *testing.B) { benchRun(b, "history", files[0]) })
	cache := lenscache.New(b.TempDir(), func(string) string { return "" })
	b.Run("cached", func(b *testing.B) { benchRunWith(b, benchOptions{cache: cache}, "history", files[0]) })
}

// The consolidated summary and action list over 10, 100 and 1,000
// reviews of the 400 KB lens.
func BenchmarkPortfolio(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		files := benchFiles(b, n, 0)
		b.Run(fmt.Sprintf("summary/files=%d", n), func(b *testing.B) {
			benchRun(b, append([]string{"summary"}, files...)...)
		})
		b.Run(fmt.Sprintf("actionList/files=%d", n), func(b *testing.B) {
			benchRun(b, append([]string{"action", "list"}, files...)...)
		})
	}
}

// The command tree alone: building it and printing the version.
func BenchmarkVersion(b *testing.B) {
	benchRun(b, "--version")
}
