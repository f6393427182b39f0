package main

import (
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// annotationInteractive marks the commands that run until the user quits
// (the TUI, the live review): they keep Go's default garbage collector
// settings.
const annotationInteractive = "wafr/interactive"

// Collector settings for a command that runs once and exits. Such a
// command allocates a few megabytes (a lens, a review, a report) or, over
// a portfolio, a few hundred, and keeps little of it: it collects only
// when the heap reaches the memory limit, which bounds the process near
// that size. A command that kept more than the limit alive would collect
// all the time (a 6 MB review is several hundred MB live while it is
// parsed and written again): a command given a file over bigInput keeps
// Go's own collector, which keeps pace with the heap instead. Up to 2 MB
// the limit still wins, even for a file of thousands of tiny milestones
// (answer on one of 2 MB: 0.35 s against 0.49 s with the collector on;
// history of 100 full milestones, 1 MB: 43 ms against 53 ms).
const (
	oneShotGCPercent   = -1 // off: the memory limit decides
	oneShotMemoryLimit = 100 << 20
	bigInput           = 2 << 20
)

// tuneGC sets the collector for the command that args run and returns
// what puts it back (run is also called in-process by tests). A GOGC or
// GOMEMLIMIT in the environment is the user's choice and is left alone;
// so are the interactive commands.
func tuneGC(root *cobra.Command, args []string) (restore func()) {
	cmd, _, err := root.Find(args)
	if err != nil || cmd.Annotations[annotationInteractive] != "" || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || hasBigInput(args) {
		return func() {}
	}
	percent := debug.SetGCPercent(oneShotGCPercent)
	limit := debug.SetMemoryLimit(oneShotMemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// hasBigInput says whether an argument names a file over bigInput (a
// FILE@MILESTONE names FILE), or an input of a size unknown until it is
// read: standard input ("-", "-@MILESTONE"), a pipe or a device. It stats
// each argument that may be a path, which costs microseconds; flags are
// skipped, their values are not (a lens is an input too).
func hasBigInput(args []string) bool {
	for _, a := range args {
		if readsStdin(a) {
			return true
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			if i := strings.LastIndexByte(a, '@'); i > 0 {
				st, err = os.Stat(a[:i])
			}
		}
		if err == nil && (st.Mode().IsRegular() && st.Size() > bigInput || !st.Mode().IsRegular() && !st.IsDir()) {
			return true
		}
	}
	return false
}

// version is wafr's version as Go recorded it in the binary: the module
// version for "go install ...@v1.2.3", else "(devel)", with the commit
// when the build recorded one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += " (" + rev[:min(len(rev), 12)] + modified + ")"
	}
	return v
}
