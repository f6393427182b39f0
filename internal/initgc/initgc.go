// Package initgc keeps Go's garbage collector from running while the
// program's packages initialise. Before main, glamour's dependencies
// (chroma's lexers and styles, above all) allocate about 6 MB of tables
// that all stay live, and the collector, whose first goal is a 4 MB heap,
// would run two or three times over them: work thrown away, on the path
// of every command, including those that run in a few milliseconds.
//
// runtime/debug cannot turn the collector off that early (Go initialises
// packages in import-path order as far as their imports allow, and
// runtime/debug comes after chroma), so this package, which imports
// only os and so is initialised among the first, allocates headroom: one
// block of memory the collector counts as live and never touches. The
// one cheap cycle it triggers, over a heap that is still almost empty,
// sets the next goal at twice the headroom, above all that initialisation
// allocates. Release, the first thing main does, lets the next cycle free
// it. The block is never written: it costs address space, not memory.
package initgc

import "os"

// Size is the headroom's size: twice it must exceed what package
// initialisation allocates, with room to spare.
const Size = 16 << 20

// headroom is live from this package's initialisation until Release: it
// must be package-level to exist before main. Nothing reads it: it is
// there for the collector to count.
//
//lint:ignore U1000 held, never read: its size is what counts
var headroom = newHeadroom()

// newHeadroom is the block, unless the environment sets the collector
// (GOGC, GOMEMLIMIT): that is the user's choice, and under a low memory
// limit the block would make the collector run all through start-up.
// (os is initialised long before chroma: everything needs it.)
func newHeadroom() []byte {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return make([]byte, Size)
}

// Release drops the headroom: the next collection frees it.
func Release() { headroom = nil }
