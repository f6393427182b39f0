package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/wafr-dev/wafr/internal/initgc"
	"github.com/wafr-dev/wafr/internal/lenscache"
)

func TestMain(m *testing.M) {
	initgc.Release() // as main does, so tests and benchmarks see the heap a command sees
	testscript.Main(ownCache{m}, map[string]func(){
		"wafr": func() { os.Exit(run(os.Args[1:], scriptStreams())) },
		// wafr-exit CODE ARGS... runs wafr and succeeds only if it exits
		// with CODE, so scripts can tell exit 1 (a failed check) from 2.
		"wafr-exit": func() {
			code := run(os.Args[2:], scriptStreams())
			if strconv.Itoa(code) != os.Args[1] {
				fmt.Fprintf(os.Stderr, "wafr exited %d, want %s\n", code, os.Args[1])
				os.Exit(1)
			}
			os.Exit(0)
		},
	})
}

// ownCache runs the tests in a folder of their own, removed afterwards:
// WAFR_CACHE_DIR points into it, so that wafr run by a test never writes
// to the user's cache (a test that looks at the cache names its own
// folder), the tmux tests build their binary there, and tmux keeps its
// sockets there. testscript.Main calls Run only in the test process, not
// in the wafr commands it starts.
type ownCache struct{ m *testing.M }

func (o ownCache) Run() int {
	dir, err := os.MkdirTemp("", "wafr-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv(lenscache.EnvDir, filepath.Join(dir, "cache"))
	// tmux keeps its sockets under TMUX_TMPDIR and leaves them after
	// kill-server: here, they go with the folder.
	os.Setenv("TMUX_TMPDIR", dir)
	// testscript leaves the root of its work folders behind, under GOTMPDIR.
	os.Setenv("GOTMPDIR", dir)
	testRoot = dir
	return o.m.Run()
}

// TestScripts runs the command-line scenarios in testdata/script: each is a
// txtar file of wafr invocations with their expected output and exit codes.
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("FIXTURES", fixtures)
			env.Setenv("USER", "tester")
			env.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			return nil
		},
	})
}
