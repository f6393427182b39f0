package review

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// The emitter holds one part's events, not the whole review's: encoding a
// review of 5,000 milestones (6 MB) peaks at a small multiple of its
// size (as one document, yaml.v3 held every event of it at once). The
// peak is the resident size of a process that only encodes, with the
// collector keeping the heap near what is live.
func TestEncodeManyMilestonesPeak(t *testing.T) {
	if os.Getenv("WAFR_ENCODE_PEAK") != "" {
		if _, err := longReview("m", 5_000).Encode(); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := longReview("m", 5_000).Encode()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestEncodeManyMilestonesPeak$")
	cmd.Env = append(os.Environ(), "WAFR_ENCODE_PEAK=1", "GOGC=20")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KB on Linux
	t.Logf("%d MB encoded, %d MB peak", len(data)>>20, peak>>20)
	if peak > maxEncodePeak*int64(len(data)) {
		t.Errorf("encoding %d MB peaked at %d MB", len(data)>>20, peak>>20)
	}
}

const maxEncodePeak = 30 // as one document: 160
