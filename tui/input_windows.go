//go:build windows

package tui

import "os"

// openTerminal opens the console's input, as bubbletea does when standard
// input is not one.
func openTerminal() (*os.File, error) { return os.OpenFile("CONIN$", os.O_RDWR, 0o644) }
