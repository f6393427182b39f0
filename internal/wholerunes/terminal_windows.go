//go:build windows

package wholerunes

import "os"

// OpenTerminal opens the console's input, as bubbletea does when standard
// input is not one.
func OpenTerminal() (*os.File, error) { return os.OpenFile("CONIN$", os.O_RDWR, 0o644) }
