package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/review"
)

// These tests drive the real binary in tmux, the way a person would: keys
// in with send-keys, the screen out with capture-pane.

var (
	// testRoot is the test process's own folder (see ownCache).
	testRoot  string
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func wafrBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binPath = filepath.Join(testRoot, "wafr")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// tmuxSession is one tmux server of our own (its own socket, "tmux -L"),
// so tests never touch a user's tmux.
type tmuxSession struct {
	t      *testing.T
	name   string
	socket string
	dir    string
}

func startTmux(t *testing.T, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxIn(t, t.TempDir(), args...)
}

// startTmuxIn runs wafr with args in dir, in a tmux server of its own.
func startTmuxIn(t *testing.T, dir string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	bin := wafrBinary(t)
	name := "wafr-e2e-" + strings.ReplaceAll(t.Name(), "/", "-")
	s := &tmuxSession{t: t, name: name, socket: fmt.Sprintf("%s-%d-%d", name, os.Getpid(), time.Now().UnixNano()%100000), dir: dir}
	cmdline := "cd " + s.dir + " && env USER=tester GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 " + bin + " " + strings.Join(args, " ") +
		"; echo exit=$? > status.txt; sleep 30"
	s.run("new-session", "-d", "-x", "100", "-y", "30", "-s", s.name, cmdline)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends keys one at a time, as typed.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.run("send-keys", "-t", s.name, k)
		time.Sleep(40 * time.Millisecond)
	}
}

// text types literal text.
func (s *tmuxSession) text(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", s.name, "-l", text)
	time.Sleep(60 * time.Millisecond)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", s.name) }

// tryWaitFor polls the screen until it shows want, for up to d.
func (s *tmuxSession) tryWaitFor(want string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for !strings.Contains(s.screen(), want) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}

// waitFor polls the screen until it shows want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *tmuxSession) path(name string) string { return filepath.Join(s.dir, name) }

// quitWithAnswer quits with q and returns the answer to an Operational
// Excellence question in the file the TUI wrote.
func (s *tmuxSession) quitWithAnswer(file, question string) *review.Answer {
	s.t.Helper()
	s.keys("q")
	waitForFile(s.t, s.path("status.txt"), "exit=")
	r, err := review.Load(s.path(file))
	if err != nil {
		s.t.Fatal(err)
	}
	return r.Answers.Get("operationalExcellence", question)
}

func TestEndToEndReviewInTmux(t *testing.T) {
	s := startTmux(t, "review", "review.yaml")
	s.waitFor("New review")
	s.keys("C-u")
	s.text("Payments API")
	s.keys("Enter", "Space", "Enter") // pre-production
	s.text("payments-team")
	s.keys("Enter")
	s.waitFor("Operational Excellence - 1/6")

	// OPS1: two practices.
	s.keys("x", "j", "x")
	s.waitFor("1/6 answered · HIGH 1")
	s.keys("n")
	s.waitFor("Operational Excellence - 2/6")
	// OPS2: None of these (the last choice).
	for i := 0; i < 10; i++ {
		s.keys("j")
	}
	s.keys("x")
	s.waitFor("[x] None of these")
	s.keys("n")
	s.waitFor("Operational Excellence - 3/6")
	// OPS3: not applicable, out of scope.
	s.keys("a")
	s.waitFor("does not apply because")
	s.keys("Enter")
	s.waitFor("Not applicable: Out of scope")
	// A note, with letters that are keys elsewhere.
	s.keys("e")
	s.waitFor("Notes for OPS3")
	s.text("Batch jobs only; q and g are text here.")
	s.keys("Escape")
	s.waitFor("Notes: Batch jobs only")
	s.keys("q")

	// wafr leaves the full screen and prints the summary.
	scr := s.waitFor("Saved review.yaml.")
	waitForFile(t, s.path("status.txt"), "exit=")
	if status, _ := os.ReadFile(s.path("status.txt")); strings.TrimSpace(string(status)) != "exit=0" {
		t.Fatalf("wafr ended with %q:\n%s", status, scr)
	}

	out, err := exec.Command(wafrBinary(t), "summary", s.path("review.yaml")).CombinedOutput()
	if err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	for _, want := range []string{"Payments API (pre-production) - Operational Excellence 1.0.0", "answered 3 of 6", "Total                      2       0     0    1           3"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	r, err := review.Load(s.path("review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Workload.Environment != review.PreProduction || r.Workload.Owner != "payments-team" {
		t.Errorf("workload %+v", r.Workload)
	}
	a := r.Answers.Get("operationalExcellence", "OPS3")
	if a == nil || a.Reason != "OUT_OF_SCOPE" || a.Notes != "Batch jobs only; q and g are text here." || a.AnsweredBy != "tester" {
		t.Errorf("OPS3 = %+v", a)
	}
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS2").Selected, ","); got != "OPS2_no" {
		t.Errorf("OPS2 = %q", got)
	}
}

// Answers survive a SIGKILL once the autosave has run.
func TestEndToEndAutosaveSurvivesKill(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Kill-test")
	s.waitFor("Operational Excellence - 1/6")
	s.keys("x", "n", "j", "x")
	s.waitFor("Operational Excellence - 2/6")

	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(s.path("review.yaml"))
		if strings.Contains(string(data), "OPS1_users") && strings.Contains(string(data), "OPS2_pipeline") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("autosave never wrote both answers:\n%s", data)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, pid := range wafrPIDs(t, s) {
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(200 * time.Millisecond)
	r, err := review.Load(s.path("review.yaml"))
	if err != nil {
		t.Fatalf("file does not load after SIGKILL: %v", err)
	}
	if r.Answers.Get("operationalExcellence", "OPS1") == nil || r.Answers.Get("operationalExcellence", "OPS2") == nil {
		t.Errorf("answers lost: %+v", r.Answers)
	}
	if r.Workload.Name != "Kill-test" {
		t.Errorf("workload %q", r.Workload.Name)
	}
}

// SIGHUP and SIGTERM (a closed terminal, a killed session) save first.
func TestEndToEndSignalsSave(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			s := startTmux(t, "review", "review.yaml", "--workload", "Signals")
			s.waitFor("Operational Excellence - 1/6")
			// The workload creates the file; wait for it, then change an
			// answer and signal at once, before the autosave timer.
			waitForFile(t, s.path("review.yaml"), "Signals")
			s.run("send-keys", "-t", s.name, "x")
			s.waitFor("[x] Priorities")
			for _, pid := range wafrPIDs(t, s) {
				syscall.Kill(pid, sig)
			}
			waitForFile(t, s.path("status.txt"), "exit=")
			data, _ := os.ReadFile(s.path("review.yaml"))
			if !strings.Contains(string(data), "OPS1_users") {
				t.Errorf("answer not saved on %v:\n%s", sig, data)
			}
		})
	}
}

// A reason typed for "Other" and never confirmed is not kept when a signal
// ends the review (keeping it would decide what nobody confirmed), but the
// closing lines name it, so that it can be typed again.
func TestEndToEndSignalNamesUnconfirmedText(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Signals")
	s.waitFor("Operational Excellence - 1/6")
	waitForFile(t, s.path("review.yaml"), "Signals")
	s.keys("a", "Down", "Down", "Down", "Enter")
	s.run("send-keys", "-t", s.name, "-l", "legacy box")
	s.waitFor("legacy box")
	for _, pid := range wafrPIDs(t, s) {
		syscall.Kill(pid, syscall.SIGTERM)
	}
	waitForFile(t, s.path("status.txt"), "exit=")
	s.waitFor("never confirmed")
	if scr := s.screen(); !strings.Contains(scr, "legacy box") {
		t.Errorf("the closing lines do not name the reason typed:\n%s", scr)
	}
}

func waitForFile(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		if strings.Contains(string(data), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never contained %q:\n%s", path, want, data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func wafrPIDs(t *testing.T, s *tmuxSession) []int {
	t.Helper()
	pane := strings.TrimSpace(s.run("display-message", "-p", "-t", s.name, "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", pane, "-x", "wafr").Output()
	if err != nil {
		t.Fatalf("no wafr process under %s: %v", pane, err)
	}
	var pids []int
	for _, f := range strings.Fields(string(out)) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		pids = append(pids, pid)
	}
	return pids
}

// The TUI and 'wafr answer' writing the same file keep each other's answers.
func TestEndToEndTUIAndAnswerTogether(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Together")
	s.waitFor("Operational Excellence - 1/6")
	waitForFile(t, s.path("review.yaml"), "Together")
	s.keys("x")
	waitForFile(t, s.path("review.yaml"), "OPS1_users")
	// Meanwhile, from a script:
	if out, err := exec.Command(wafrBinary(t), "answer", s.path("review.yaml"), "OPS6", "--none", "--by", "script").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// The TUI changes another answer; its save finds the outside change,
	// merges it, and writes both.
	s.keys("n", "x")
	s.waitFor("merged changes")
	s.keys("q")
	s.waitFor("Saved review.yaml.")
	r, err := review.Load(s.path("review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"OPS1", "OPS2", "OPS6"} {
		if r.Answers.Get("operationalExcellence", q) == nil {
			t.Errorf("%s lost", q)
		}
	}
}

// Keys and text arriving in bursts, as on a slow SSH link or a paste
// without bracketed paste: text stays text, an overlay takes every key, a
// terminal too small acts only on quit (issue 13, defects 1-3).
func TestEndToEndBurstsOverlayAndTooSmall(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Bursts")
	s.waitFor("Operational Excellence - 1/6")
	waitForFile(t, s.path("review.yaml"), "Bursts")
	s.keys("e")
	s.waitFor("Notes for OPS1")
	s.text("Ask ops to scale up before the end of month esc q")
	s.waitFor("end of month esc q")
	s.keys("Escape")
	s.waitFor("Notes: Ask ops to scale up before the end of month esc q")

	// The key help takes every key: x and n n do nothing underneath.
	s.keys("?")
	s.waitFor("(? or esc closes)")
	s.text("xnn")
	s.keys("Escape")
	scr := s.waitFor("Operational Excellence - 1/6")
	if strings.Contains(scr, "[x]") {
		t.Errorf("a key under the overlay ticked a choice:\n%s", scr)
	}

	// Too small: space changes nothing; q quits (saving).
	s.run("resize-window", "-t", s.name, "-x", "50", "-y", "15")
	s.waitFor("Terminal too small")
	s.text(" x ")
	s.run("resize-window", "-t", s.name, "-x", "100", "-y", "30")
	scr = s.waitFor("Operational Excellence - 1/6")
	if strings.Contains(scr, "[x]") {
		t.Errorf("a key acted while the terminal was too small:\n%s", scr)
	}
	s.keys("q")
	waitForFile(t, s.path("status.txt"), "exit=")
	r, err := review.Load(s.path("review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a := r.Answers.Get("operationalExcellence", "OPS1")
	if a == nil || a.Notes != "Ask ops to scale up before the end of month esc q" || len(a.Selected) != 0 {
		t.Errorf("OPS1 = %+v", a)
	}
}

// Leaving a new review's form writes nothing, and says so.
func TestEndToEndLeavingTheNewReviewForm(t *testing.T) {
	s := startTmux(t, "review", "new.yaml")
	s.waitFor("New review")
	s.keys("C-c")
	waitForFile(t, s.path("status.txt"), "exit=0")
	s.waitFor("No review created: new.yaml was not written.")
	if _, err := os.Stat(s.path("new.yaml")); err == nil {
		t.Error("new.yaml was written")
	}
	ja := startTmux(t, "review", "new.yaml", "--lang", "ja")
	ja.waitFor("新しいレビュー")
	ja.keys("C-c")
	ja.waitFor("レビューは作成していません(new.yaml は書き込んでいません)。")
}

// Japanese typed fast or pasted without bracketed paste arrives in one go:
// bubbletea reads it 256 bytes at a time and dropped each character a read
// cut in two (one in every 85 or so here).
func TestEndToEndLongJapaneseTextKeepsEveryCharacter(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Paste")
	s.waitFor("Operational Excellence - 1/6")
	s.keys("e")
	s.waitFor("Notes for OPS1")
	text := strings.Repeat("あいうえおかきくけこ", 30) // 900 bytes
	s.text(text)
	s.waitFor("くけこ")
	s.keys("Escape")
	s.waitFor("Notes: あいうえお")
	a := s.quitWithAnswer("review.yaml", "OPS1")
	if a == nil || a.Notes != text {
		got := ""
		if a != nil {
			got = a.Notes
		}
		t.Errorf("the notes hold %d characters, want the %d typed:\n%s", len([]rune(got)), len([]rune(text)), got)
	}
}

// A long text pasted without bracketed paste (tmux paste-buffer without
// -p) comes word by word, each space a key of its own, and line ends as
// Enter. Every word and line end lands in the notes, in order (the editor
// takes a frame's letters together: see tui.ViewerOptions.TypingFrame).
func TestEndToEndLongPasteWithoutBracketsKeepsTheText(t *testing.T) {
	s := startTmux(t, "review", "review.yaml", "--workload", "Paste")
	s.waitFor("Operational Excellence - 1/6")
	s.keys("e")
	s.waitFor("Notes for OPS1")
	var lines []string
	for i := range 50 {
		lines = append(lines, fmt.Sprintf("line %02d: the runbook names who is paged, and how", i))
	}
	text := strings.Join(lines, "\n")
	buffer := s.path("paste.txt")
	if err := os.WriteFile(buffer, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s.run("load-buffer", buffer)
	s.run("paste-buffer", "-t", s.name) // LF becomes CR, as a terminal sends Enter
	s.waitFor("line 49: the runbook")
	s.keys("Escape")
	s.waitFor("Notes: line 00")
	if a := s.quitWithAnswer("review.yaml", "OPS1"); a == nil || a.Notes != text {
		got := ""
		if a != nil {
			got = a.Notes
		}
		t.Errorf("the notes hold %d characters, want the %d pasted:\n%s", len(got), len(text), got)
	}
}

// The live review with the real binary and the real OpenSSH client: a host
// and two joiners in tmux. A tick by the host shows in both joiners' panes;
// q in one joiner leaves the others running; the file holds every answer
// with its author.
func TestEndToEndLiveReviewOverSSH(t *testing.T) {
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs openssh-client)", tool)
		}
	}
	host := startTmux(t, "version") // a server of our own, for the three panes
	dir := host.dir
	var team strings.Builder
	for i, name := range []string{"alice", "bob"} {
		key := filepath.Join(dir, name)
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
		pub, _ := os.ReadFile(key + ".pub")
		if i == 0 {
			team.WriteString("role=facilitator ")
		}
		team.Write(pub)
	}
	os.WriteFile(filepath.Join(dir, "team.keys"), []byte(team.String()), 0o644)
	port := freePort(t)
	serveCmd := fmt.Sprintf("cd %s && env USER=tester GIT_CONFIG_GLOBAL=/dev/null %s serve review.yaml --workload Live --by hana --team team.keys --listen 127.0.0.1:%d --host-key %s/hostkey; echo exit=$? > serve-status.txt; sleep 30",
		dir, wafrBinary(t), port, dir)
	host.run("new-session", "-d", "-x", "100", "-y", "30", "-s", "host", serveCmd)
	hostPane := &tmuxSession{t: t, name: "host", socket: host.socket, dir: dir}
	hostPane.waitFor("OPS1")
	joiners := map[string]*tmuxSession{}
	for _, name := range []string{"alice", "bob"} {
		sshCmd := fmt.Sprintf("ssh -p %d -i %s/%s -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1; echo ssh-exit=$?; sleep 30", port, dir, name)
		host.run("new-session", "-d", "-x", "100", "-y", "30", "-s", name, sshCmd)
		joiners[name] = &tmuxSession{t: t, name: name, socket: host.socket, dir: dir}
		joiners[name].waitFor("OPS1")
	}
	hostPane.waitFor("alice")
	hostPane.waitFor("bob")

	hostPane.keys("x")
	for _, j := range joiners {
		j.waitFor("[x] Priorities")
	}
	// bob, a contributor, proposes a tick nobody decides, and leaves; alice
	// goes on. The host lets contributors edit, moves on, and alice answers
	// OPS2 herself.
	joiners["bob"].keys("j", "x")
	hostPane.waitFor("1 proposal")
	joiners["bob"].keys("q")
	hostPane.waitFor("hana")
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(hostPane.screen(), "bob") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	hostPane.keys("W", "n")
	joiners["alice"].waitFor("Operational Excellence - 2/6")
	joiners["alice"].keys("x")
	hostPane.waitFor("[x] The workload emits") // the banner shows bob's proposal, not who ticked
	// The host's q asks first, and any other key goes back.
	hostPane.keys("q")
	hostPane.waitFor("End the review for everyone?")
	hostPane.keys("Escape")
	for deadline := time.Now().Add(5 * time.Second); strings.Contains(hostPane.screen(), "End the review") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if scr := hostPane.screen(); strings.Contains(scr, "End the review") || !strings.Contains(scr, "Operational Excellence - 2/6") {
		t.Fatalf("the host did not go back to the review:\n%s", scr)
	}
	// Ctrl+C in the host's review saves and ends it for everyone, and
	// the host's terminal prints the outcome, as wafr review does.
	hostPane.keys("C-c")
	waitForFile(t, filepath.Join(dir, "serve-status.txt"), "exit=0")
	joiners["alice"].waitFor("The review has ended")
	scr := hostPane.waitFor("Saved review.yaml.")
	if !strings.Contains(scr, "answered 2 of 6") {
		t.Errorf("the host's terminal does not show the summary:\n%s", scr)
	}
	if scr := hostPane.waitFor("1 item waits in the parking lot"); !strings.Contains(scr, "K in the next wafr serve") {
		t.Errorf("the host is not told of bob's undecided proposal:\n%s", scr)
	}
	r, err := review.Load(filepath.Join(dir, "review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Answers.Get("operationalExcellence", "OPS1"); a == nil || a.AnsweredBy != "hana" {
		t.Errorf("OPS1 = %+v", a)
	}
	if a := r.Answers.Get("operationalExcellence", "OPS2"); a == nil || a.AnsweredBy != "alice" || len(a.Selected) != 1 {
		t.Errorf("OPS2 = %+v", a)
	}
	if len(r.Parked) != 1 || r.Parked[0].By != "bob" || !strings.Contains(r.Parked[0].Text, "OPS1_slo") {
		t.Errorf("parked %+v, want bob's undecided tick", r.Parked)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Search in the navigator looks in choices and their help too: "backup"
// finds OPS3 and one enter opens it. A Japanese lens gets a Japanese tool,
// and its help pane says that more follows (issue 16).
func TestEndToEndSearchAndJapanese(t *testing.T) {
	t.Run("search", func(t *testing.T) {
		s := startTmux(t, "review", "review.yaml", "--workload", "Search")
		s.waitFor("Operational Excellence - 1/6")
		s.keys("g")
		s.waitFor("Go to question")
		s.keys("/")
		s.text("backup")
		s.waitFor("1 question matches")
		s.keys("Enter")
		scr := s.waitFor("Operational Excellence - 3/6")
		if !strings.Contains(scr, "OPS3  How do you know that the workload is ready to be operated?") {
			t.Errorf("search did not land on OPS3:\n%s", scr)
		}
		s.keys("q")
		waitForFile(t, s.path("status.txt"), "exit=")
	})
	t.Run("japanese", func(t *testing.T) {
		s := startTmux(t, "review", "ja.yaml", "--workload", "決済", "--lens", "builtin:ops-ja")
		s.waitFor("運用上の優秀性 - 1/6")
		scr := s.waitFor("↓ 続きあり") // once the help is laid out, off the event loop
		for _, want := range []string{"保存して終了", "メモなし"} {
			if !strings.Contains(scr, want) {
				t.Errorf("the Japanese screen lacks %q:\n%s", want, scr)
			}
		}
		// The description follows the choice's help, a page down.
		s.keys("PageDown")
		s.waitFor("運用の目的は、ユーザーを困らせないことです")
		s.keys("q")
		waitForFile(t, s.path("status.txt"), "exit=")
	})
}
