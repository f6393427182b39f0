package readlimit

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

// All reads up to max bytes, refuses one more, in one allocation when the
// size is known, and passes read errors on.
func TestAll(t *testing.T) {
	data := bytes.Repeat([]byte("x"), 1000)
	if got, err := All(bytes.NewReader(data), 1000, 1000); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("exactly max: %d bytes, %v", len(got), err)
	}
	if _, err := All(bytes.NewReader(data), 0, 999); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("one over max, size unknown: %v", err)
	}
	if _, err := All(bytes.NewReader(data), 10, 999); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("grown past max: %v", err)
	}
	if got, err := All(iotest.OneByteReader(strings.NewReader("abc")), 1<<40, 10); err != nil || string(got) != "abc" {
		t.Fatalf("a size hint past max: %q, %v", got, err)
	}
	if _, err := All(iotest.TimeoutReader(bytes.NewReader(data)), 0, 5000); !errors.Is(err, iotest.ErrTimeout) {
		t.Fatalf("read error: %v", err)
	}
	rd := bytes.NewReader(data)
	if n := testing.AllocsPerRun(10, func() { rd.Reset(data); All(rd, int64(len(data)), 2000) }); n != 1 {
		t.Errorf("%v allocations with the size known, want 1", n)
	}
}
