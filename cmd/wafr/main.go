// Command wafr runs Well-Architected-style reviews in a terminal.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], newSystemStreams()))
}
