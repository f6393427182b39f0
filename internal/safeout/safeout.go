// Package safeout keeps machine-readable output (JSON, YAML) free of the
// characters that change what a terminal shows without being seen: C1
// controls and DEL, bidi embeddings, overrides, isolates and marks, the
// Unicode line and paragraph separators and the zero-width no-break space.
// People run `--format json` on a terminal, so such characters from a lens
// or a review are written as \uXXXX escapes, which every JSON and YAML
// reader turns back into the same text.
package safeout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// MustEscape reports whether r must never appear raw in JSON or YAML
// output.
func MustEscape(r rune) bool {
	switch {
	case r == 0x7f, r >= 0x80 && r < 0xa0:
		return true // DEL and C1 controls (U+009B is CSI, U+009D OSC)
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidi marks, embeddings, overrides and isolates
	case r == 0x2028, r == 0x2029, r == 0xfeff:
		return true // separators some tools take as line breaks; an invisible BOM
	}
	return false
}

// Contains reports whether s holds a character MustEscape reports.
func Contains(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0x7f || c >= 0x80 {
			for _, r := range s[i:] {
				if MustEscape(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// Escape rewrites every raw character that MustEscape reports as a \uXXXX
// escape. data must be JSON, or YAML in which every scalar holding such a
// character is double-quoted: there these characters can only occur inside
// strings, where the escape means the same character. Invalid UTF-8 is
// left as it is. data is returned unchanged (not copied) when there is
// nothing to escape.
func Escape(data []byte) []byte {
	first := -1
	for i := 0; i < len(data); {
		c := data[i]
		if c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if MustEscape(r) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return data
	}
	out := make([]byte, 0, len(data)+32)
	out = append(out, data[:first]...)
	for i := first; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if size > 0 && MustEscape(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out
}

// WriteJSON writes v as JSON (indented by indent; "" for one line), with
// HTML characters as they are and the characters MustEscape reports
// escaped, followed by a newline. It is how every wafr JSON output is
// written.
func WriteJSON(w io.Writer, v any, indent string) error {
	data, err := MarshalJSON(v, indent)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// MarshalJSON is WriteJSON into a byte slice.
func MarshalJSON(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return Escape(b.Bytes()), nil
}
