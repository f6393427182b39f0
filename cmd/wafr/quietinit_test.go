package main

import (
	"testing"

	"github.com/wafr-dev/wafr/internal/quietinit"
)

// quietinit decides, before cobra's tree exists, which commands never
// draw: every command of the tree must have been decided, so that a new
// one is not left asking the terminal for its colours (or, worse, kept
// from asking where it draws).
func TestQuietInitKnowsEveryCommand(t *testing.T) {
	io, _, _ := testStreams()
	draws := map[string]bool{"review": true, "serve": true, "report": true} // report draws its plan on a terminal
	for _, c := range newRootCmd(io).Commands() {
		if !c.Runnable() && !c.HasSubCommands() {
			continue // a help topic: it prints text either way
		}
		name := c.Name()
		if got := !quietinit.NeverDraws([]string{name}); got != draws[name] {
			t.Errorf("quietinit says %s draws: %v, want %v (add it to NeverDraws, or here if it draws)", name, got, draws[name])
		}
	}
}
