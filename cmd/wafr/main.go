// Command wafr runs Well-Architected-style reviews in a terminal.
package main

import (
	"os"

	"github.com/wafr-dev/wafr/internal/initgc"
	"github.com/wafr-dev/wafr/internal/quietinit"
)

func main() {
	initgc.Release()
	quietinit.Restore()
	os.Exit(run(os.Args[1:], newSystemStreams()))
}
