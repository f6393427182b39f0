//go:build !windows

package tui

import "os"

// openTerminal opens the process's terminal, as bubbletea does when
// standard input is not one.
func openTerminal() (*os.File, error) { return os.Open("/dev/tty") }
