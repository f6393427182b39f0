package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// bigReview writes a lens of 200 questions and a fully answered review of
// about 0.8 MB, so that a save takes long enough to be interrupted.
func bigReview(t *testing.T, dir string) (lens, file string) {
	t.Helper()
	lens = filepath.Join(dir, "lens.yaml")
	data := lensgen.YAML(8, 25, 8)
	if err := os.WriteFile(lens, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := questions.Load(lens)
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "big"})
	r.Lens.Source = "lens.yaml"
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			r.Update(p.ID, q.ID, "seed", time.Now(), func(a *review.Answer) {
				a.Selected = []string{q.Choices[0].ID}
				a.Notes = strings.Repeat(q.ID+" notes line\n", 300)
			})
		}
	}
	file = filepath.Join(dir, "review.yaml")
	if err := os.WriteFile(file, r.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	return lens, file
}

// SIGKILL at random moments of 100 saves: the file always loads and holds
// either the old or the new content, never a mix.
func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	bin := wafrBinary(t)
	dir := t.TempDir()
	_, file := bigReview(t, dir)
	// Time a whole save, so the kills spread over it on any machine: the
	// quickest of three, since a busy machine can slow one run down a lot.
	whole := time.Hour
	for i := 0; i < 3; i++ {
		start := time.Now()
		if out, err := exec.Command(bin, "answer", file, "P0Q1", "--notes", fmt.Sprint("timing ", i), "--by", "crash").CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		whole = min(whole, time.Since(start))
	}
	var kept, replaced int
	for i := 0; i < 100; i++ {
		old, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		note := fmt.Sprintf("iteration %d", i)
		cmd := exec.Command(bin, "answer", file, "P0Q0", "--notes", note, "--by", "crash")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Most of a run is loading; aim most kills at the save at its end,
		// and some past it: the quickest timed run can be quicker than
		// these, when other tests share the machine (CI runs packages at
		// once), and then no kill at all would land after the save.
		time.Sleep(whole*4/10 + time.Duration(rand.Int64N(int64(whole)*12/10)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		now, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(now, old) {
			kept++
			continue
		}
		r, err := review.Parse(file, now)
		if err != nil {
			t.Fatalf("iteration %d: the file does not load after SIGKILL: %v", i, err)
		}
		if a := r.Answers.Get("pillar0", "P0Q0"); a == nil || a.Notes != note {
			t.Fatalf("iteration %d: the file changed but does not hold the new answer", i)
		}
		if a := r.Answers.Get("pillar7", "P7Q24"); a == nil || !strings.HasPrefix(a.Notes, "P7Q24 notes line") || len(r.Answers["pillar3"]) != 25 {
			t.Fatalf("iteration %d: the new file lost other answers", i)
		}
		replaced++
	}
	t.Logf("a save takes %v; old content kept %d times, new content written %d times", whole, kept, replaced)
	if kept == 0 || replaced == 0 {
		t.Errorf("kills never landed on both sides of the save (kept %d, replaced %d)", kept, replaced)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			os.Remove(filepath.Join(dir, e.Name())) // a killed save leaves its temporary file; never the review
		}
	}
}

// A full disk (simulated with a file-size limit) or a read-only folder:
// the error is reported, exit 3 (the environment), and the old file is
// intact.
func TestSaveFailuresLeaveTheOldFile(t *testing.T) {
	bin := wafrBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "r.yaml")
	if out, err := exec.Command(bin, "answer", file, "OPS1", "--none", "--workload", "w").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	old, _ := os.ReadFile(file)

	full := exec.Command("sh", "-c", `ulimit -f 1 && exec "$0" answer "$1" OPS2 --none --notes "$2"`, bin, file, strings.Repeat("x", 4000))
	out, err := full.CombinedOutput()
	if code := processExit(err); code != exitEnvironment || !strings.Contains(string(out), "file too large") {
		t.Errorf("full disk: exit %d, %s", code, out)
	}
	if now, _ := os.ReadFile(file); !bytes.Equal(now, old) {
		t.Error("full disk: the old file changed")
	}

	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o755)
	roFile := filepath.Join(ro, "r.yaml")
	os.WriteFile(roFile, old, 0o644)
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		// root ignores permissions: make the folder a read-only mount in a
		// private mount namespace.
		cmd = exec.Command("unshare", "-m", "sh", "-c",
			`mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$0" answer "$1/r.yaml" OPS2 --none`, bin, ro)
	} else {
		os.Chmod(ro, 0o555)
		defer os.Chmod(ro, 0o755)
		cmd = exec.Command(bin, "answer", roFile, "OPS2", "--none")
	}
	out, err = cmd.CombinedOutput()
	if code := processExit(err); code != exitEnvironment || !strings.Contains(string(out), "read-only file system") && !strings.Contains(string(out), "permission denied") {
		t.Errorf("read-only folder: exit %d, %s", code, out)
	}
	if now, _ := os.ReadFile(roFile); !bytes.Equal(now, old) {
		t.Error("read-only folder: the old file changed")
	}
}

func processExit(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

// New review files are created 0644 (less the umask); an existing file's
// mode is kept.
func TestFileModes(t *testing.T) {
	bin := wafrBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "r.yaml")
	cmd := exec.Command("sh", "-c", `umask 022 && exec "$0" answer "$1" OPS1 --none`, bin, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", st.Mode().Perm())
	}
	os.Chmod(file, 0o600)
	if out, err := exec.Command(bin, "answer", file, "OPS2", "--none").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("existing mode not kept: %v", st.Mode().Perm())
	}
	// Through a symlink: the target is updated and the link kept.
	link := filepath.Join(dir, "link.yaml")
	os.Symlink("r.yaml", link)
	if out, err := exec.Command(bin, "answer", link, "OPS3", "--none").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("symlink replaced")
	}
	if r, err := review.Load(file); err != nil || r.Answers.Get("operationalExcellence", "OPS3") == nil {
		t.Errorf("target not updated: %v", err)
	}
}
