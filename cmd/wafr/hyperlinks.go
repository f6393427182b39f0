package main

import "strings"

// hyperlinks decides whether the TUI writes the help pane's web links as
// OSC 8 hyperlinks. Terminals that do not know OSC 8 ignore it, but a few
// print it, so links are written only where colour is (a terminal, no
// NO_COLOR) and TERM is not "dumb". WAFR_HYPERLINKS=0 turns them off and
// WAFR_HYPERLINKS=1 on, whatever the terminal.
func hyperlinks(io *ioStreams) bool {
	switch strings.ToLower(io.Getenv("WAFR_HYPERLINKS")) {
	case "0", "false", "off", "no":
		return false
	case "1", "true", "on", "yes":
		return true
	}
	return io.Color && io.OutTTY && io.Getenv("TERM") != "dumb"
}
