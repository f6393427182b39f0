package tui

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/wafr-dev/wafr/internal/wholerunes"
)

// KeyInput returns what a program reads its keys from: in, or when in is
// nil the terminal bubbletea would choose (standard input, else /dev/tty),
// read through wholerunes so that no character is cut in two between reads
// and dropped. done closes what KeyInput opened.
func KeyInput(in io.Reader) (r io.Reader, done func(), err error) {
	if in == nil {
		if !term.IsTerminal(int(os.Stdin.Fd())) {
			tty, err := wholerunes.OpenTerminal()
			if err != nil {
				return nil, nil, fmt.Errorf("standard input is not a terminal, and there is none to open: %w", err)
			}
			return wholerunes.NewFile(tty), func() { tty.Close() }, nil
		}
		in = os.Stdin
	}
	if f, ok := in.(*os.File); ok {
		return wholerunes.NewFile(f), func() {}, nil
	}
	return wholerunes.New(in), func() {}, nil
}
