package main

import (
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// diff loads its two sides side by side, yet answers as if one after the
// other: the first side's failure is the one reported, and a side read
// from standard input still works.
func TestDiffSidesInOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none", "--workload", "w")
	mustRun(t, "milestone", "r.yaml", "start")
	mustRun(t, "answer", "r.yaml", "OPS1", "--select", "OPS1_users,OPS1_slo,OPS1_downtime")

	for range 20 { // a race would show in some runs
		code, _, errOut := wafrIn(t, "diff", "gone-a.yaml", "gone-b.yaml")
		if code != exitBadInput || !strings.Contains(errOut, "gone-a.yaml") || strings.Contains(errOut, "gone-b.yaml") {
			t.Fatalf("two missing sides: exit %d: %s", code, errOut)
		}
		code, _, errOut = wafrIn(t, "diff", "r.yaml@nope", "gone-b.yaml")
		if code != exitBadInput || !strings.Contains(errOut, `no such milestone "nope"`) || strings.Contains(errOut, "gone-b.yaml") {
			t.Fatalf("bad first side, missing second: exit %d: %s", code, errOut)
		}
	}

	data, err := os.ReadFile("r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	io, out, errOut := testStreams()
	io.In = strings.NewReader(string(data))
	if code := run([]string{"diff", "r.yaml@start", "-"}, io); code != 0 || !strings.Contains(out.String(), "Improved (1)") {
		t.Fatalf("diff r.yaml@start -: exit %d\n%s%s", code, out, errOut)
	}
	// Both sides from standard input, one a milestone of it: read once,
	// by the first side (never by both at once); the second finds it empty.
	io, out, errOut = testStreams()
	in := &overlapReader{r: strings.NewReader(string(data))}
	io.In = in
	if code := run([]string{"diff", "--", "-@start", "-@start"}, io); code != exitBadInput || !strings.Contains(errOut.String(), "-:1:1: the file is empty") {
		t.Fatalf("diff -@start -@start: exit %d\n%s%s", code, out, errOut)
	}
	if in.overlapped.Load() {
		t.Fatal("the two sides read standard input at the same time")
	}
}

// overlapReader notes reads that overlap, each read taking a moment.
type overlapReader struct {
	r          *strings.Reader
	busy       atomic.Bool
	overlapped atomic.Bool
}

func (o *overlapReader) Read(p []byte) (int, error) {
	if !o.busy.CompareAndSwap(false, true) {
		o.overlapped.Store(true)
		return 0, errors.New("overlapping read")
	}
	defer o.busy.Store(false)
	time.Sleep(time.Millisecond)
	return o.r.Read(p[:min(len(p), 512)])
}
