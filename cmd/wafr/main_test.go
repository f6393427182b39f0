package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
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
