package main

import "testing"

func TestHyperlinksWhereTheTerminalShowsThem(t *testing.T) {
	cases := []struct {
		color, tty bool
		env        map[string]string
		want       bool
	}{
		{true, true, map[string]string{"TERM": "xterm-256color"}, true},
		{false, true, map[string]string{"TERM": "xterm-256color"}, false}, // NO_COLOR, or no colour
		{true, false, nil, false}, // not a terminal
		{true, true, map[string]string{"TERM": "dumb"}, false},
		{true, true, map[string]string{"WAFR_HYPERLINKS": "0"}, false},
		{false, false, map[string]string{"WAFR_HYPERLINKS": "1"}, true},
	}
	for _, c := range cases {
		io := &ioStreams{Color: c.color, OutTTY: c.tty, Getenv: func(k string) string { return c.env[k] }}
		if got := hyperlinks(io); got != c.want {
			t.Errorf("colour %v, tty %v, %v: hyperlinks %v, want %v", c.color, c.tty, c.env, got, c.want)
		}
	}
}
