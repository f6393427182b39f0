// Package wholerunes keeps terminal input from being read with a character
// cut in two. bubbletea reads its input 256 bytes at a time and drops a
// UTF-8 character that a read splits (its first bytes end one read, the
// rest begin the next), so Japanese typed fast or pasted without bracketed
// paste lost a character every 256 bytes. A Reader holds such a partial
// character back until the rest of it has arrived.
package wholerunes

import (
	"io"
	"os"
	"time"
	"unicode/utf8"
)

// Reader reads from r, ending every read on a character boundary.
type Reader struct {
	r    io.Reader
	held [utf8.UTFMax - 1]byte // the start of a character cut by the last read
	n    int
	// more, when set, waits a moment for more input and reports whether
	// some came. Without it a read that brought only the start of a
	// character reads again, which may block; with it, when nothing more
	// comes, that start is passed on as it is (a lone byte of a Latin-1
	// or 8-bit-meta terminal, not the start of a character at all).
	more func() bool
}

// New returns r wrapped in a Reader.
func New(r io.Reader) *Reader { return &Reader{r: r} }

// Read reads like r's Read, except that a character whose bytes have not
// all arrived yet is kept for the next read. If nothing else was read, it
// waits for the rest; at an error or the end of input the bytes held are
// given as they are.
func (w *Reader) Read(p []byte) (int, error) {
	if len(p) < utf8.UTFMax {
		return w.readShort(p)
	}
	n := copy(p, w.held[:w.n])
	w.n = 0
	for {
		m, err := w.r.Read(p[n:])
		n += m
		cut := cutTail(p[:n])
		if err != nil || cut == 0 {
			return n, err
		}
		if cut < n {
			w.n = copy(w.held[:], p[n-cut:n])
			return n - cut, nil
		}
		// Only the start of one character so far: wait for its rest.
		if w.more != nil && !w.more() {
			return n, nil
		}
	}
}

// readShort serves a buffer too small to hold a whole character, which
// bubbletea never passes: byte by byte, held bytes first.
func (w *Reader) readShort(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if w.n > 0 {
		p[0] = w.held[0]
		copy(w.held[:], w.held[1:w.n])
		w.n--
		return 1, nil
	}
	return w.r.Read(p)
}

// cutTail returns how many bytes at the end of b begin a character that
// b does not hold all of (0 when b ends on a character boundary; bytes
// that cannot start or continue a character count as whole).
func cutTail(b []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
		if c := b[len(b)-k]; utf8.RuneStart(c) {
			if c >= utf8.RuneSelf && !utf8.FullRune(b[len(b)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// File is a Reader over a terminal that keeps the file's descriptor,
// name, Write and Close, which bubbletea needs to put the terminal in raw
// mode and to cancel a read when it hands the terminal to an editor.
type File struct {
	f  *os.File
	rd *Reader
}

// NewFile returns f wrapped in a File. The rest of a cut character is
// waited for only briefly: bubbletea can cancel a read of the file only
// while it waits for the file to be readable, not in a read.
func NewFile(f *os.File) *File {
	rd := New(f)
	rd.more = func() bool { return readable(f, restOfCharacter) }
	return &File{f: f, rd: rd}
}

// restOfCharacter is how long a read waits for the rest of a character a
// terminal sent the start of: its bytes are written together.
const restOfCharacter = 50 * time.Millisecond

// Read reads like Reader.Read.
func (f *File) Read(p []byte) (int, error) { return f.rd.Read(p) }

// Write writes to the file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// Fd is the file's descriptor.
func (f *File) Fd() uintptr { return f.f.Fd() }

// Name is the file's name.
func (f *File) Name() string { return f.f.Name() }
