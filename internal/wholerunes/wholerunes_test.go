package wholerunes

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// chunks reads its text in pieces of the given sizes, in turn, as a
// terminal's input arrives.
type chunks struct {
	text  []byte
	sizes []int
	i     int
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.text) == 0 {
		return 0, io.EOF
	}
	n := min(c.sizes[c.i%len(c.sizes)], len(p), len(c.text))
	c.i++
	copy(p, c.text[:n])
	c.text = c.text[n:]
	return n, nil
}

// readAll reads r with buffers of size, as bubbletea does with 256, and
// returns each read's bytes.
func readAll(t *testing.T, r io.Reader, size int) [][]byte {
	t.Helper()
	var reads [][]byte
	buf := make([]byte, size)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			reads = append(reads, append([]byte(nil), buf[:n]...))
		}
		if errors.Is(err, io.EOF) {
			return reads
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestEveryReadEndsOnACharacter(t *testing.T) {
	text := strings.Repeat("あいうえおかきくけこ😀é-", 40) // 1-, 2-, 3- and 4-byte characters
	for _, size := range []int{4, 5, 7, 256} {
		for _, pieces := range [][]int{{1}, {2}, {3}, {5}, {256}, {255, 1}, {254, 3, 7}} {
			r := New(&chunks{text: []byte(text), sizes: pieces})
			reads := readAll(t, r, size)
			var got []byte
			for _, b := range reads {
				if !utf8.Valid(b) {
					t.Fatalf("buffer %d, pieces %v: a read of %q cuts a character", size, pieces, b)
				}
				got = append(got, b...)
			}
			if string(got) != text {
				t.Fatalf("buffer %d, pieces %v: read %d bytes, want the %d written, in order", size, pieces, len(got), len(text))
			}
		}
	}
}

// Without the Reader, bubbletea's 256-byte reads of 300 hiragana cut
// characters: the case that lost them.
func TestWithoutItReadsCutCharacters(t *testing.T) {
	text := []byte(strings.Repeat("あ", 300))
	cut := false
	for _, b := range readAll(t, &chunks{text: text, sizes: []int{256}}, 256) {
		cut = cut || !utf8.Valid(b)
	}
	if !cut {
		t.Fatal("the test's reads never cut a character: it proves nothing")
	}
}

func TestInvalidBytesAndTheEndPassThrough(t *testing.T) {
	for _, text := range []string{"ok\xff\xfe", "ok\xe3\x81", "\xe3", "\x80\x80\x80", "abc\xf0\x9f\x98"} {
		r := New(&chunks{text: []byte(text), sizes: []int{1, 2}})
		var got []byte
		for _, b := range readAll(t, r, 256) {
			got = append(got, b...)
		}
		if !bytes.Equal(got, []byte(text)) {
			t.Errorf("read %q, want %q as it is", got, text)
		}
	}
}

func TestTinyBuffers(t *testing.T) {
	text := "日本語abc"
	r := New(&chunks{text: []byte(text), sizes: []int{4}})
	var got []byte
	buf := make([]byte, 8)
	// A full read first, holding the cut character back, then byte by byte.
	n, _ := r.Read(buf)
	got = append(got, buf[:n]...)
	for {
		n, err := r.Read(buf[:1])
		got = append(got, buf[:n]...)
		if err != nil {
			break
		}
	}
	if string(got) != text {
		t.Errorf("read %q, want %q", got, text)
	}
}

func TestFileKeepsTheTerminal(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	f := NewFile(pr)
	if f.Fd() != pr.Fd() || f.Name() != pr.Name() {
		t.Errorf("the File's descriptor and name are %d %q, want the file's %d %q", f.Fd(), f.Name(), pr.Fd(), pr.Name())
	}
	// What bubbletea and its cancel reader ask of their input.
	var _ interface {
		io.ReadWriteCloser
		Fd() uintptr
		Name() string
	} = f
	if _, err := pw.Write([]byte("日本\xe8")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	n, err := f.Read(buf)
	if err != nil || string(buf[:n]) != "日本" {
		t.Errorf("read %q, %v; want 日本 with the cut 語 held", buf[:n], err)
	}
	if _, err := pw.Write([]byte("\xaa\x9e")); err != nil {
		t.Fatal(err)
	}
	n, _ = f.Read(buf)
	if string(buf[:n]) != "語" {
		t.Errorf("read %q, want 語", buf[:n])
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
}

// A lone first byte whose rest never comes (a Latin-1 terminal's é, an
// 8-bit meta key) is passed on after a moment: the read never blocks where
// bubbletea cannot cancel it.
func TestFileDoesNotWaitForeverForTheRest(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	f := NewFile(pr)
	defer f.Close()
	if _, err := pw.Write([]byte("\xe9")); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 256)
		n, _ := f.Read(buf)
		got <- string(buf[:n])
	}()
	select {
	case s := <-got:
		if s != "\xe9" {
			t.Errorf("read %q, want the lone byte as it is", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the read waited for a rest that never came")
	}
}
