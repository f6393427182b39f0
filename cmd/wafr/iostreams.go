package main

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/wafr-dev/wafr/internal/lenscache"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

// ioStreams is everything a command touches outside its arguments: the
// standard streams, whether stdout is a terminal, the environment and the
// clock. Tests build one on buffers.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY is true when stdout is a terminal; Color when it also may be
	// coloured (NO_COLOR unset, and TERM not dumb: an editor's shell
	// buffer shows escape codes as text), decided once here.
	OutTTY bool
	Color  bool
	// InTTY is true when stdin is a terminal (the TUI needs one).
	InTTY bool
	// Width is the terminal's width when stdout is one, else 0.
	Width  int
	Getenv func(string) string
	Now    func() time.Time

	// ws does all file work; one per process, so each lens loads once.
	ws *workspace.Workspace
	// gitUser caches 'git config user.name', asked for at most once;
	// dark the terminal's background.
	gitUser *string
	dark    *bool
}

func newSystemStreams() *ioStreams {
	outTTY := term.IsTerminal(int(os.Stdout.Fd()))
	_, noColor := os.LookupEnv("NO_COLOR")
	width := 0
	if outTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			width = w
		}
	}
	ws := workspace.New()
	if dir, err := lenscache.DefaultDir(os.Getenv); err == nil {
		if c := lenscache.New(dir, os.Getenv); c != nil {
			ws.LensCache = c
		}
	}
	return &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: outTTY,
		Width:  width,
		Color:  outTTY && !noColor && os.Getenv("TERM") != "dumb",
		InTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		Getenv: os.Getenv,
		Now:    time.Now,
		ws:     ws,
	}
}

// author names who answers: --by, else git's user.name, else $USER. Git is
// asked at most once, and only when a name is needed. Names from the
// environment that are not UTF-8 (a Latin-1 user.name or $USER) are
// repaired with U+FFFD: nobody typed them here to be refused, and review
// files hold UTF-8. (--by itself was checked by checkFlagText.)
func (s *ioStreams) author(by string) string {
	if by != "" {
		return by
	}
	if s.gitUser == nil {
		name := ""
		if out, err := exec.Command("git", "config", "user.name").Output(); err == nil {
			name = strings.ToValidUTF8(strings.TrimSpace(string(out)), "\uFFFD")
		}
		s.gitUser = &name
	}
	if *s.gitUser != "" {
		return *s.gitUser
	}
	if u := s.Getenv("USER"); u != "" {
		return strings.ToValidUTF8(u, "\uFFFD")
	}
	return "unknown"
}

// terminalRenderer draws on stdout, with colour only when the streams allow
// it.
func (s *ioStreams) terminalRenderer() *tui.Renderer { return tui.TerminalRenderer(s.Color) }

// darkBackground says whether the terminal's background is dark, asking it
// at most once, and only when colours are drawn: nothing else depends on
// it, and a terminal that never answers holds the question for 5 s.
func (s *ioStreams) darkBackground() bool {
	if s.dark == nil {
		d := s.Color && tui.TerminalRenderer(true).HasDarkBackground()
		s.dark = &d
	}
	return *s.dark
}
