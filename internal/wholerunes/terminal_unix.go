//go:build !windows

package wholerunes

import "os"

// OpenTerminal opens the process's terminal, as bubbletea does when
// standard input is not one.
func OpenTerminal() (*os.File, error) { return os.Open("/dev/tty") }
