package main

import (
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"github.com/wafr-dev/wafr/internal/initgc"
)

// gcStart is the heap a GODEBUG=gctrace=1 line says its cycle began with.
var gcStart = regexp.MustCompile(`(?m)^gc \d+ @.* (\d+)->\d+->\d+ MB`)

// Package initialisation runs no collection over its own tables: the only
// cycle before main is the one initgc's headroom starts, over a heap of
// the headroom alone. Without it, or with it initialised after chroma,
// the collector runs at 4 MB and again, once or twice, before main.
func TestNoCollectionWhilePackagesInitialise(t *testing.T) {
	cmd := exec.Command(wafrBinary(t), "--version")
	cmd.Env = append(cmd.Environ(), "GODEBUG=gctrace=1", "GOGC=", "GOMEMLIMIT=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wafr --version: %v\n%s", err, out)
	}
	cycles := gcStart.FindAllSubmatch(out, -1)
	if len(cycles) > 1 {
		t.Errorf("%d collections before wafr --version exited, want at most 1 (the headroom's):\n%s", len(cycles), out)
	}
	for _, c := range cycles {
		if mb, _ := strconv.Atoi(string(c[1])); mb < initgc.Size>>20 {
			t.Errorf("a collection began at %d MB, before the %d MB headroom was in place:\n%s", mb, initgc.Size>>20, out)
		}
	}
}

// A collector the environment sets is the user's: under GOMEMLIMIT (or
// GOGC) there is no headroom, which under a low limit made the collector
// run twenty-five times before main instead of twice. (A collection that
// begins at the headroom's size or more says it is there.)
func TestNoHeadroomUnderTheUsersCollector(t *testing.T) {
	for _, env := range []string{"GOMEMLIMIT=20MiB", "GOGC=50"} {
		cmd := exec.Command(wafrBinary(t), "--version")
		cmd.Env = append(cmd.Environ(), "GODEBUG=gctrace=1", env)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s wafr --version: %v\n%s", env, err, out)
		}
		for _, c := range gcStart.FindAllSubmatch(out, -1) {
			if mb, _ := strconv.Atoi(string(c[1])); mb >= initgc.Size>>20 {
				t.Errorf("%s: a collection began at %d MB: the headroom is there:\n%s", env, mb, out)
			}
		}
	}
}
