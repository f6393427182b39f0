// Package quietinit keeps the commands that never draw on the terminal
// (and, with NO_COLOR set, every command: only colours need the answer)
// from asking it anything while Go initialises packages. bubbletea's init asks
// the terminal for its background colour (through lipgloss) whenever
// standard output is one: a round trip to the terminal for every command,
// and a 5 s stall, with the question's escape codes left in the output,
// where nothing answers (script(1), expect, CI runners that give a job a
// pty). termenv asks no terminal whose TERM is "dumb", so this package's
// init, which runs before lipgloss's and bubbletea's (it imports nothing
// of theirs, and Go initialises a package as soon as it can), sets TERM to
// dumb for those commands, and Restore, the first thing main does, puts
// it back before anything reads it.
package quietinit

import (
	"os"
	"strings"
)

// saved is TERM as the process was started with, while init holds it.
var saved struct {
	value        string
	wasSet, held bool
}

func init() { hold(os.Args[1:]) }

// hold sets TERM to dumb until Restore, if args never draw, or draw
// without colour (NO_COLOR is set): the background matters only to
// colours.
func hold(args []string) {
	_, noColor := os.LookupEnv("NO_COLOR")
	if saved.held || !NeverDraws(args) && !noColor {
		return
	}
	saved.value, saved.wasSet = os.LookupEnv("TERM")
	saved.held = os.Setenv("TERM", "dumb") == nil
}

// Restore gives TERM back the value the process started with.
func Restore() {
	if !saved.held {
		return
	}
	saved.held = false
	if saved.wasSet {
		os.Setenv("TERM", saved.value)
	} else {
		os.Unsetenv("TERM")
	}
}

// NeverDraws reports whether the wafr command line args (without the
// program's name) is sure not to use the terminal's colours: every command
// but review, serve and report (which draws its Markdown plan for a
// terminal, unless it writes another format, a file or --raw), and the
// version and help. Anything it does not know draws.
func NeverDraws(args []string) bool {
	if len(args) == 0 {
		return true // the help
	}
	switch args[0] {
	case "-v", "--version", "-h", "--help",
		"action", "answer", "completion", "diff", "export", "help", "history",
		"import", "lens", "milestone", "summary", "__complete", "__completeNoDesc":
		return true
	case "report":
		return reportWritesText(args[1:])
	}
	return false
}

// reportWritesText reports whether report's flags make it write text
// rather than draw: --raw, -o, or a --format other than md.
func reportWritesText(flags []string) bool {
	for i, f := range flags {
		value, hasValue := "", false
		if i+1 < len(flags) {
			value, hasValue = flags[i+1], true
		}
		switch {
		case f == "--":
			return false
		case f == "--raw", f == "-o" && hasValue, f == "--output" && hasValue,
			strings.HasPrefix(f, "--output="), len(f) > 2 && strings.HasPrefix(f, "-o"):
			return true
		case f == "--format" && hasValue:
			return value != "md"
		case strings.HasPrefix(f, "--format="):
			return strings.TrimPrefix(f, "--format=") != "md"
		}
	}
	return false
}
