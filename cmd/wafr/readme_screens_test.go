package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/crypto/ssh"
)

// The screens the README shows for its TUI commands, checked against the
// real binary in tmux (see readme_test.go).

// TestReadmeQuickStartScreen: the screen under the Quick start's "wafr
// review payments.yaml" is what wafr draws at that size (80x24), without
// colour (NO_COLOR, so the risk badge reads [HIGH]). The state: OPS3 marked
// not applicable beforehand, as in the README's review file sample; then,
// in the TUI, x j x ticks the first two practices (the cursor stays on the
// second), e opens the notes, the note is typed, and esc closes them.
func TestReadmeQuickStartScreen(t *testing.T) {
	cmd, out, ok := readmeCommand(t, "wafr review payments.yaml")
	if !ok {
		t.Fatalf("README.md:%d: the Quick start shows no screen", cmd.line)
	}
	needTmux(t)
	width, height := screenSize(out.lines)
	dir := t.TempDir()
	bin := wafrBinary(t)
	if o, err := exec.Command(bin, "answer", filepath.Join(dir, "payments.yaml"), "OPS3", "--not-applicable", "OUT_OF_SCOPE", "--workload", "Payments API").CombinedOutput(); err != nil {
		t.Fatalf("answer: %v\n%s", err, o)
	}
	s := startReadmeTmux(t, dir, width, height, "", strings.Fields(cmd.text)[1:])
	s.waitFor("Operational Excellence - 1/6")
	s.keys("x", "j", "x", "e")
	s.waitFor("Notes for OPS1")
	s.text("SLOs exist for checkout only.")
	s.keys("Escape")
	// The status line says "saved just now" for a moment after the save;
	// the screen is drawn off the event loop. On a mismatch, the closest
	// screen seen is reported.
	want := trimLines(out.lines)
	var closest []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		diff := lineDiff(want, trimLines(strings.Split(s.screen(), "\n")))
		if len(diff) == 0 {
			break
		}
		if closest == nil || len(diff) < len(closest) {
			closest = diff
		}
		if time.Now().After(deadline) {
			t.Fatalf("README.md:%d: the Quick start screen is not what wafr draws at %dx%d:\n%s", out.line, width, height, strings.Join(closest, "\n"))
		}
	}
	s.keys("q")
	waitForFile(t, s.path("status.txt"), "exit=0")
}

// TestReadmeServeBanner: the lines "wafr serve payments.yaml --team
// team.keys" prints at start are the README's, with the README's team file
// (its keys made real) and a new host key, as on a first run. Two
// differences are allowed: "…" in the README stands for the host key's
// fingerprint, and the test listens on a free port (the README's default,
// 2222, may be taken on this machine), printed as 2222 for the comparison.
func TestReadmeServeBanner(t *testing.T) {
	cmd, out, ok := readmeCommand(t, "wafr serve payments.yaml --team team.keys")
	if !ok {
		t.Fatalf("README.md:%d: no start-up lines shown for wafr serve", cmd.line)
	}
	needTmux(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "team.keys"), []byte(readmeTeamFile(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	args := append(strings.Fields(cmd.text)[1:], "--listen", fmt.Sprintf("127.0.0.1:%d", port))
	s := startReadmeTmux(t, dir, 100, 30, "2> banner.txt", args)
	s.waitFor("OPS1")
	data, err := os.ReadFile(s.path("banner.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(data), fmt.Sprintf("ssh -p %d ", port), "ssh -p 2222 ")
	if !matchLines(out.lines, strings.Split(strings.TrimSuffix(got, "\n"), "\n")) {
		t.Errorf("README.md:%d: wafr serve's start-up lines are not the README's.\nREADME:\n%s\nwafr:\n%s", out.line, strings.Join(out.lines, "\n"), got)
	}
	s.keys("q", "y") // the host's q asks before it ends the review
	waitForFile(t, s.path("status.txt"), "exit=0")
}

// readmeTeamFile is the README's sample team file, with a real key in place
// of each "AAAAC3Nza...".
func readmeTeamFile(t *testing.T) string {
	t.Helper()
	sample := regexp.MustCompile(`^(\S+ )?ssh-ed25519 AAAAC3Nza\.\.\. \S+$`)
	for _, f := range readmeFences(t) {
		if f.info != "" || len(f.lines) == 0 || !sample.MatchString(f.lines[0]) {
			continue
		}
		var b strings.Builder
		for _, l := range f.lines {
			if !sample.MatchString(l) {
				t.Fatalf("README.md:%d: the team file has a line this test cannot read: %q", f.line, l)
			}
			pub, _, err := ed25519.GenerateKey(rand.Reader)
			if err != nil {
				t.Fatal(err)
			}
			key, err := ssh.NewPublicKey(pub)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(strings.Replace(l, "AAAAC3Nza...", strings.Fields(string(ssh.MarshalAuthorizedKey(key)))[1], 1) + "\n")
		}
		return b.String()
	}
	t.Fatal("the README shows no team file")
	return ""
}

func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
}

// startReadmeTmux runs wafr with args in dir, in a tmux server of its own
// (tmux -L) at width x height, without colour, with its own home (where
// wafr serve makes its host key). redirect is added to the command line.
func startReadmeTmux(t *testing.T, dir string, width, height int, redirect string, args []string) *tmuxSession {
	t.Helper()
	bin := wafrBinary(t)
	s := &tmuxSession{t: t, name: "readme", socket: fmt.Sprintf("wafr-readme-%d-%d", os.Getpid(), time.Now().UnixNano()), dir: dir}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shellQuote(a)
	}
	home := filepath.Join(dir, "home")
	cmdline := fmt.Sprintf("cd %s && env NO_COLOR=1 USER=tester HOME=%s XDG_CONFIG_HOME=%s GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 %s %s %s; echo exit=$? > status.txt; sleep 30",
		shellQuote(dir), shellQuote(home), shellQuote(filepath.Join(home, ".config")), shellQuote(bin), strings.Join(quoted, " "), redirect)
	s.run("new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-s", s.name, cmdline)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// screenSize is the terminal size a README screen was drawn at.
func screenSize(lines []string) (width, height int) {
	for _, l := range lines {
		width = max(width, ansi.StringWidth(l))
	}
	return width, len(lines)
}

// trimLines drops trailing spaces, which tmux does not print, and the
// empty lines at the end.
func trimLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(l, " ")
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// lineDiff lists the lines where got differs from want.
func lineDiff(want, got []string) []string {
	var out []string
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			out = append(out, fmt.Sprintf("line %d:\n  README: %q\n  wafr:   %q", i+1, w, g))
		}
	}
	return out
}

// matchLines compares lines with a README sample in which "…" stands for
// any text.
func matchLines(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		parts := strings.Split(w, "…")
		for j, p := range parts {
			parts[j] = regexp.QuoteMeta(p)
		}
		if !regexp.MustCompile("^" + strings.Join(parts, ".+") + "$").MatchString(got[i]) {
			return false
		}
	}
	return true
}
