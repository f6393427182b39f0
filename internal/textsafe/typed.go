package textsafe

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text typed or pasted into wafr, and names.
//
// Zero-width characters (U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER,
// U+FEFF, a joiner out of place, …) are not controls: a terminal draws
// them as nothing, or as a blank cell, so "x\u200b" shows as a second "x"
// and the columns after it sit one cell off. wafr does two things about
// them, each where it is the right thing:
//
//   - What wafr writes as a name (a milestone, an action's title and
//     owner, the workload's name and owner) is stripped of them when it is
//     entered (Name, StripInvisible): nobody types one on purpose, and a
//     name that looks like another is then one.
//   - A name someone else wrote (a hand-edited file, a team file) is shown
//     with them spelled out as \u200b (ShowInvisible), so two names that
//     differ only in one look different; stripping them there would show
//     two different names as the same.
//
// Lens text and notes keep them: there a zero-width space can be a line
// break opportunity in Thai or Japanese, and no name is told apart by it.
// A ZERO WIDTH JOINER or NON-JOINER between two letters, marks or symbols
// beyond ASCII (an emoji sequence such as 👨‍👩‍👧, a Persian or Indic
// word) is how such text is written, and stays everywhere.

// Typed is text typed or pasted into a field as the field should hold it:
// what Clean would replace (escapes, controls, bidi controls, bytes that
// are not UTF-8) is removed, as a field has nothing to show for it, and
// every line break (CR LF, CR, NEL, U+2028, U+2029) is a newline, which a
// one-line field makes a space. Ordinary text comes back unchanged.
func Typed(s string) string {
	if isClean(s) && !strings.ContainsAny(s, "\u2028\u2029") {
		return s
	}
	s = Newlines(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				continue
			}
		}
		if !unsafe(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// invisible reports whether r is a character drawn as nothing (or as a
// blank of no agreed width) that can make two names look alike.
func invisible(r rune) bool {
	switch {
	case r == 0x00ad, r == 0x180e, r == 0xfeff:
		return true // soft hyphen, Mongolian vowel separator, BOM / ZWNBSP
	case r >= 0x200b && r <= 0x200d:
		return true // zero width space, non-joiner, joiner
	case r >= 0x2060 && r <= 0x2064, r >= 0x206a && r <= 0x206f:
		return true // word joiner, invisible operators, deprecated formats
	}
	return false
}

// joins reports whether a joiner between before and after (-1: none)
// does a joiner's work: both sides a letter, mark or symbol beyond ASCII.
// At the end of the text (after < 0, with end set) the character that
// completes it may not be typed yet.
func joins(before, after rune, end bool) bool {
	ok := func(r rune) bool {
		return r > 0x7f && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsSymbol(r))
	}
	if !ok(before) {
		return false
	}
	return ok(after) || after < 0 && end
}

// mapInvisible calls f on each invisible character of s that is not a
// joiner doing its work, and writes what it returns in its place.
func mapInvisible(s string, f func(r rune) string) string {
	if !strings.ContainsFunc(s, invisible) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	for i, r := range s {
		if !invisible(r) {
			b.WriteRune(r)
			prev = r
			continue
		}
		if r == 0x200c || r == 0x200d {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if i+utf8.RuneLen(r) == len(s) {
				next = -1
			}
			if joins(prev, next, false) {
				b.WriteRune(r)
				continue // prev stays: a joiner joins what is around it
			}
		}
		b.WriteString(f(r))
	}
	return b.String()
}

// StripInvisible removes the zero-width characters that make look-alike
// names, keeping a joiner doing its work. (A field being typed in uses
// StripInvisibleAt, which keeps a joiner that may yet join.)
func StripInvisible(s string) string {
	return mapInvisible(s, func(rune) string { return "" })
}

// Name is a name as wafr writes it when it is entered: Typed, without
// zero-width characters out of place (StripInvisible), on one line, with
// no white space at its ends.
func Name(s string) string {
	s = StripInvisible(Typed(s))
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// ShowInvisible spells out the zero-width characters of a name as Go
// writes them (\u200b), so a name someone else wrote that differs from
// another only by one shows that it does. A joiner doing its work stays.
func ShowInvisible(s string) string {
	return mapInvisible(s, func(r rune) string {
		return `\u` + strings.ToLower(strconv.FormatInt(int64(r)|0x10000, 16)[1:])
	})
}

// StripInvisibleAt is StripInvisible for a field being typed in, with its
// cursor (in runes): a joiner just before the cursor stays when the
// character before it could be joined, as one at the end does (the next
// one typed may complete the sequence), and the cursor returned stays
// after the same text.
func StripInvisibleAt(s string, cursor int) (string, int) {
	rs := []rune(s)
	cursor = min(max(cursor, 0), len(rs))
	var b strings.Builder
	b.Grow(len(s))
	kept := 0
	prev := rune(-1)
	for k, r := range rs {
		keep := !invisible(r)
		if !keep && (r == 0x200c || r == 0x200d) {
			next := rune(-1)
			if k+1 < len(rs) && k+1 != cursor {
				next = rs[k+1]
			}
			keep = joins(prev, next, true)
		}
		if !keep {
			continue
		}
		b.WriteRune(r)
		if k < cursor {
			kept++
		}
		if !invisible(r) {
			prev = r // a joiner joins what is around it
		}
	}
	return b.String(), kept
}
