// Package textsafe makes text from lenses and review files safe to print on
// a terminal: escape sequences, control characters and bidi overrides in a
// crafted file must never reach the terminal raw.
package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Clean returns s safe to print: every line break a text may hold (CR
// LF, a lone CR, NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR
// U+2029) becomes a newline, and every other C0 control character but
// tab, DEL, every C1 control character, the Unicode bidi controls and
// invalid UTF-8 become U+FFFD. A line break is kept as one because a
// file written on Windows, or a lens whose text has CR LF, means one:
// turned into U+FFFD it showed as a stray mark in every report. Where
// text has one line to itself, the caller turns the newlines into
// spaces, as for any other newline. Ordinary text comes back unchanged
// (and without allocating).
func Clean(s string) string {
	s = Newlines(s)
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				b.WriteRune(utf8.RuneError)
				continue
			}
		}
		if unsafe(r) {
			b.WriteRune(utf8.RuneError)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			// Multi-byte: check the slow way from here.
			for _, r := range s[i:] {
				if r == utf8.RuneError || unsafe(r) {
					return false
				}
			}
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

// Rune is Clean for one rune, as ranging over a string yields them, for
// text of one line: a line break (CR, NEL, LS, PS) comes back as a
// newline, which such text turns into a space with any other (so CR LF
// is two of them, one space once runs of space are joined); an unsafe
// rune, or utf8.RuneError for a byte that is not UTF-8, comes back as
// U+FFFD; anything else unchanged.
func Rune(r rune) rune {
	switch {
	case r == '\r', r == 0x85, r == 0x2028, r == 0x2029:
		return '\n'
	case unsafe(r):
		return utf8.RuneError
	}
	return r
}

func unsafe(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidi embeddings, overrides, isolates and marks
	}
	return false
}

// Newlines turns every line break of s (CR LF, CR, NEL, LS, PS) into a
// newline.
func Newlines(s string) string {
	if !strings.ContainsAny(s, "\r\u0085\u2028\u2029") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		default:
			b.WriteString(s[i : i+size]) // as it is, even a byte that is not UTF-8
		}
		i += size
	}
	return b.String()
}
