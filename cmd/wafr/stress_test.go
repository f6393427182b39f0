package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/review"
)

// TestStressMixedWritersWithKills mixes every kind of writer on one review
// file — 'wafr answer' loops, milestones, actions and the TUI in tmux — and
// SIGKILLs them at random. Every change wafr acknowledged (a command that
// exited 0, a TUI that said "saved") must be in the file at the end, and the
// file must load after every kill. It takes about a minute, so it runs only
// with WAFR_STRESS=1 (as .ci/run does):
//
//	WAFR_STRESS=1 go test -run TestStress -v ./cmd/wafr
func TestStressMixedWritersWithKills(t *testing.T) {
	if os.Getenv("WAFR_STRESS") == "" {
		t.Skip("set WAFR_STRESS=1 to run the stress test (.ci/run does)")
	}
	bin := wafrBinary(t)
	dir := t.TempDir()
	lens := filepath.Join(dir, "lens.yaml")
	os.WriteFile(lens, lensgen.YAML(4, 10, 3), 0o644) // 40 questions P0Q0..P3Q9
	file := filepath.Join(dir, "review.yaml")
	if out, err := exec.Command(bin, "answer", file, "P0Q0", "--none", "--lens", lens, "--workload", "Stress").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	deadline := time.Now().Add(40 * time.Second)
	var mu sync.Mutex
	notes := map[string]string{}    // question -> the last acknowledged note
	milestones := map[string]bool{} // acknowledged milestone names
	actions := map[string]string{}  // acknowledged action id -> title
	ticked := map[string]bool{}     // questions the TUI acknowledged ticking
	var kills, acks int
	run := func(killable bool, args ...string) (string, bool) {
		cmd := exec.Command(bin, args...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Error(err)
			return "", false
		}
		if killable && rand.IntN(4) == 0 {
			go func() {
				time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
				cmd.Process.Signal(syscall.SIGKILL)
			}()
		}
		err := cmd.Wait()
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == -1 {
				mu.Lock()
				kills++
				mu.Unlock()
			} else if !strings.Contains(out.String(), "another wafr is writing") {
				t.Errorf("wafr %v: %v\n%s", args, err, out.String())
			}
			return out.String(), false
		}
		mu.Lock()
		acks++
		mu.Unlock()
		return out.String(), true
	}
	var wg sync.WaitGroup
	// Two answer loops, each on questions of its own pillar.
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				q := fmt.Sprintf("P%dQ%d", w, i%10)
				note := fmt.Sprintf("writer %d round %d", w, i)
				if _, ok := run(true, "answer", file, q, "--select", q+"_c0", "--notes", note, "--by", fmt.Sprint("w", w)); ok {
					mu.Lock()
					notes[q] = note
					mu.Unlock()
				}
			}
		}()
	}
	// Milestones and actions.
	wg.Add(1)
	go func() {
		defer wg.Done()
		idRe := regexp.MustCompile(`^(A\d+) added: (.*)$`)
		for i := 0; time.Now().Before(deadline); i++ {
			if _, ok := run(true, "milestone", file, fmt.Sprint("m", i)); ok {
				mu.Lock()
				milestones[fmt.Sprint("m", i)] = true
				mu.Unlock()
			}
			title := fmt.Sprint("stress action ", i)
			if out, ok := run(true, "action", "add", file, "P3Q0", "--title", title); ok {
				if m := idRe.FindStringSubmatch(strings.TrimSpace(out)); m != nil {
					mu.Lock()
					actions[m[1]] = m[2]
					mu.Unlock()
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	// Meanwhile the file loads, whatever is killed when.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for time.Now().Before(deadline) {
			if _, err := review.Load(file); err != nil {
				t.Errorf("the file does not load mid-run: %v", err)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	// The TUI, on pillar 0, killed and started again.
	for round := 1; round < 20 && time.Now().Before(deadline); round++ {
		if q, ok := stressTUIRound(t, dir); ok {
			mu.Lock()
			ticked[q] = true
			mu.Unlock()
		}
	}
	wg.Wait()

	r, err := review.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	for q, note := range notes {
		a := r.Answers.Get(fmt.Sprint("pillar", q[1:2]), q)
		if a == nil || a.Notes != note {
			t.Errorf("%s: acknowledged note %q lost (file has %+v)", q, note, a)
		}
	}
	for m := range milestones {
		if r.Milestone(m) == nil {
			t.Errorf("acknowledged milestone %s lost", m)
		}
	}
	for id, title := range actions {
		if a := r.Action(id); a == nil || a.Title != title {
			t.Errorf("acknowledged action %s %q lost", id, title)
		}
	}
	for q := range ticked {
		if a := r.Answers.Get("pillar0", q); a == nil || len(a.Selected) == 0 || a.Selected[0] != q+"_c0" {
			t.Errorf("the TUI's acknowledged tick on %s lost: %+v", q, a)
		}
	}
	t.Logf("%d acknowledged changes (%d notes, %d milestones, %d actions, %d TUI ticks), %d kills",
		acks, len(notes), len(milestones), len(actions), len(ticked), kills)
	if len(notes) == 0 || len(milestones) == 0 || kills == 0 {
		t.Error("the stress test did not stress: nothing acknowledged or nothing killed")
	}
}

// stressTUIRound opens the TUI, which starts at the first unanswered
// question (the answer loops leave pillar 0 to it), ticks its first choice
// and kills it: right after it says "saved" (acknowledged), or at a random
// moment before. It returns the question and whether the tick was
// acknowledged.
func stressTUIRound(t *testing.T, dir string) (string, bool) {
	s := startTmuxIn(t, dir, "review", "review.yaml")
	defer exec.Command("tmux", "-L", s.socket, "kill-server").Run()
	if !s.tryWaitFor("answered", 5*time.Second) {
		return "", false
	}
	m := regexp.MustCompile(`(P0Q\d)  Generated question`).FindStringSubmatch(s.screen())
	if m == nil {
		return "", false
	}
	s.keys("x")
	acked := rand.IntN(3) != 0
	if acked {
		acked = s.tryWaitFor("saved just now", 3*time.Second) && strings.Contains(s.screen(), "[x] Best practice 0")
	} else {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Millisecond)
	}
	for _, pid := range wafrPIDs(t, s) {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	return m[1], acked
}
