package yamlfast

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// plainTextByRune is plainText one character at a time, as it was before
// it read eight bytes at once: the reference the fast path must agree
// with.
func plainTextByRune(data []byte) bool {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r < ' ' && r != '\n', r == 0x7f:
			return false
		case r == utf8.RuneError && size <= 1, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// Every byte value, at every place of the eight read at once, and
// characters of every length across the edge between two such reads.
func TestPlainTextAgreesByteByByte(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwx")
	check := func(data []byte) {
		t.Helper()
		if got, want := plainText(data), plainTextByRune(data); got != want {
			t.Fatalf("plainText(%q) = %v, want %v", data, got, want)
		}
	}
	for c := range 256 {
		for at := range len(base) {
			data := append([]byte(nil), base...)
			data[at] = byte(c)
			check(data)
			check(data[:at+1])
		}
	}
	for _, s := range []string{"é", "日", "😀", "\u0085", "\u2028", "\ufeff", "\uffff", "\xe6\x97", "\xff"} {
		for at := range len(base) {
			data := append(append(append([]byte(nil), base[:at]...), s...), base[at:]...)
			check(data)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "~", "\n", "\t", "\x7f", "é", "日本", "\u2028", "\x80", "\xc3", "\u009f", "😀"}
	for range 20000 {
		var data []byte
		for range rng.IntN(40) {
			data = append(data, alphabet[rng.IntN(len(alphabet))]...)
		}
		check(data)
	}
}
