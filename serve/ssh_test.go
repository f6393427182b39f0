package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// liveReview runs "wafr serve" in-process on 127.0.0.1:0, with the host's
// screen on a pipe.
type liveReview struct {
	t    *testing.T
	addr string
	path string
	host *io.PipeWriter
	// hostScreen is what the host's terminal was sent; log, what serve
	// printed beside it (start-up lines, closing lines).
	hostScreen, log *lockedBuffer
	stop            context.CancelFunc
	done            chan error
}

func startReview(t *testing.T, path, team string, renderer func(ssh.Session) *lipgloss.Renderer) *liveReview {
	t.Helper()
	return startReviewOf(t, path, team, renderer, "")
}

// startReviewOf is startReview with a lens ("": the default lens).
func startReviewOf(t *testing.T, path, team string, renderer func(ssh.Session) *lipgloss.Renderer, lens string) *liveReview {
	t.Helper()
	ws := workspace.New()
	ws.Settle, ws.DeleteSettle = time.Millisecond, 0
	f, err := ws.Open(path, nil, workspace.OpenOptions{Lens: lens, Create: &review.Workload{Name: "Live"}})
	if err != nil {
		t.Fatal(err)
	}
	in, hostKeys := io.Pipe()
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	lr := &liveReview{t: t, path: path, host: hostKeys, hostScreen: &lockedBuffer{}, log: &lockedBuffer{}, stop: cancel, done: make(chan error, 1)}
	plain := func(s ssh.Session) *lipgloss.Renderer {
		r := lipgloss.NewRenderer(s)
		r.SetColorProfile(termenv.Ascii)
		return r
	}
	if renderer == nil {
		renderer = plain
	}
	hostR := lipgloss.NewRenderer(io.Discard)
	hostR.SetColorProfile(termenv.Ascii)
	go func() {
		_, err := Run(ctx, Options{Workspace: ws, File: f, Listen: "127.0.0.1:0", TeamPath: team,
			HostKeyPath: filepath.Join(filepath.Dir(team), "host_key"), HostName: "hana", Out: lr.log,
			HostRenderer: hostR, HostInput: in, HostOutput: lr.hostScreen, Renderer: renderer, Ready: func(a string) { ready <- a }})
		lr.done <- err
	}()
	select {
	case lr.addr = <-ready:
	case err := <-lr.done:
		t.Fatalf("serve ended at once: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() { lr.end() })
	return lr
}

// end stops the review as SIGTERM would, and waits for it.
func (lr *liveReview) end() error {
	if lr.stop == nil {
		return nil
	}
	lr.stop()
	lr.stop = nil
	lr.host.Close()
	select {
	case err := <-lr.done:
		return err
	case <-time.After(10 * time.Second):
		lr.t.Fatal("serve did not end")
	}
	return nil
}

// waitForHost waits until the host's screen has shown want.
func (lr *liveReview) waitForHost(want string) {
	lr.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(ansi.Strip(lr.hostScreen.String()), want); {
		if time.Now().After(deadline) {
			lr.t.Fatalf("the host's screen never said %q:\n%s", want, tail(lr.hostScreen.String()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// client is one participant's ssh session with a pty, and what it has
// shown so far.
type client struct {
	t     *testing.T
	conn  *gossh.Client
	sess  *gossh.Session
	stdin io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
}

func dial(t *testing.T, addr string, key testKey, user string) (*client, error) {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(key.signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		return nil, err
	}
	c := &client{t: t, conn: conn, sess: sess}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	c.stdin, _ = sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			c.mu.Lock()
			c.out.Write(buf[:n])
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	t.Cleanup(func() { conn.Close() })
	return c, nil
}

func (c *client) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ansi.Strip(c.out.String())
}

func (c *client) waitFor(want string) {
	c.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(c.screen(), want) {
		if time.Now().After(deadline) {
			c.t.Fatalf("the screen never showed %q; it shows:\n%s", want, tail(c.screen()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *client) keys(s string) {
	c.t.Helper()
	if _, err := c.stdin.Write([]byte(s)); err != nil {
		c.t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
}

func tail(s string) string {
	if len(s) > 3000 {
		return s[len(s)-3000:]
	}
	return s
}

func writeTeam(t *testing.T, keys []testKey) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "team.keys")
	lines := "role=facilitator " + keys[0].authorized + " alice\n" + keys[1].authorized + " bob\n" + "role=observer " + keys[2].authorized + " carol\n"
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Three people join with three keys: the facilitator's tick reaches every
// screen; a contributor's proposal is accepted; an observer's keys change
// nothing; an unknown key is refused; a client killed mid-session leaves the
// others working and the file intact; a restart resumes from the file.
func TestLiveReviewOverSSH(t *testing.T) {
	keys := testKeys(t, 4)
	team := writeTeam(t, keys)
	path := filepath.Join(t.TempDir(), "review.yaml")
	lr := startReview(t, path, team, nil)

	// Alone, the host's screen says how the others join.
	_, port, _ := net.SplitHostPort(lr.addr)
	for want, deadline := "others join with: ssh -p "+port+" 127.0.0.1", time.Now().Add(5*time.Second); !strings.Contains(lr.hostScreen.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("the host's screen never said %q:\n%s", want, tail(lr.hostScreen.String()))
		}
		time.Sleep(20 * time.Millisecond)
	}
	alice, err := dial(t, lr.addr, keys[0], "alice")
	if err != nil {
		t.Fatal(err)
	}
	bob, err := dial(t, lr.addr, keys[1], "whoever") // named by the key, not the user
	if err != nil {
		t.Fatal(err)
	}
	carol, err := dial(t, lr.addr, keys[2], "carol")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*client{alice, bob, carol} {
		c.waitFor("OPS1")
		c.waitFor("carol")
	}
	if _, err := dial(t, lr.addr, keys[3], "mallory"); err == nil {
		t.Fatal("an unknown key got in")
	}

	// The host (the facilitator) ticks the first practice.
	lr.host.Write([]byte("x"))
	for _, c := range []*client{alice, bob, carol} {
		c.waitFor("[x] Priorities")
	}
	// bob, a contributor, proposes; the host accepts with one key.
	bob.keys("jx")
	bob.waitFor("proposed to the facilitator")
	lr.host.Write([]byte("y"))
	alice.waitFor("[x] Service levels")
	// carol, an observer, changes nothing.
	carol.keys("jjx")
	carol.waitFor("observers follow the review")

	// bob's connection dies; the others go on.
	bob.conn.Close()
	lr.host.Write([]byte("jjx"))
	alice.waitFor("[x] An error budget")

	if err := lr.end(); err != nil {
		t.Fatal(err)
	}
	alice.waitFor("The review has ended")
	r, err := review.Load(path)
	if err != nil {
		t.Fatalf("the file does not load: %v", err)
	}
	a := r.Answers.Get("operationalExcellence", "OPS1")
	if got := strings.Join(a.Selected, ","); got != "OPS1_users,OPS1_slo,OPS1_budget" {
		t.Fatalf("OPS1 = %q", got)
	}

	// A restart resumes from the file.
	lr2 := startReview(t, path, team, nil)
	again, err := dial(t, lr2.addr, keys[0], "alice")
	if err != nil {
		t.Fatal(err)
	}
	lr2.host.Write([]byte("p")) // the host opened OPS2, the first unanswered
	again.waitFor("[x] An error budget")
}

// A panic in one participant's session ends that session only.
func TestPanicInOneSessionEndsOnlyIt(t *testing.T) {
	keys := testKeys(t, 3)
	team := writeTeam(t, keys)
	path := filepath.Join(t.TempDir(), "review.yaml")
	lr := startReview(t, path, team, func(s ssh.Session) *lipgloss.Renderer {
		if s.User() == "boom" {
			panic("a broken terminal")
		}
		r := lipgloss.NewRenderer(s)
		r.SetColorProfile(termenv.Ascii)
		return r
	})
	boom, err := dial(t, lr.addr, keys[1], "boom")
	if err != nil {
		t.Fatal(err)
	}
	boom.waitFor("internal error")
	alice, err := dial(t, lr.addr, keys[0], "alice")
	if err != nil {
		t.Fatal(err)
	}
	lr.host.Write([]byte("x"))
	alice.waitFor("[x] Priorities")
}

// Listening anywhere but loopback warns; the host key is made once, not
// in the current folder; without a team file only the host's own keys get
// in, as facilitators.
func TestGreeting(t *testing.T) {
	keys := testKeys(t, 1)
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	os.WriteFile(filepath.Join(home, ".ssh", "id_ed25519.pub"), []byte(keys[0].authorized+" me@laptop\n"), 0o644)
	keyPath := filepath.Join(t.TempDir(), "config", "wafr", "key")
	var out bytes.Buffer
	srv, key, err := prepare(Options{HostKeyPath: keyPath, Home: home})
	if err != nil {
		t.Fatal(err)
	}
	greet(Options{File: &workspace.File{Path: "review.yaml"}, Home: home, Out: &out}, "0.0.0.0:2222", key, srv.team)
	for _, want := range []string{"ssh -p 2222 ", "SHA256:", "only your own keys", "1 public key", "warning:   listening on 0.0.0.0:2222"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("greeting lacks %q:\n%s", want, out.String())
		}
	}
	if m, ok := srv.fixed.Lookup(keys[0].public); !ok || m.Role.String() != "facilitator" {
		t.Errorf("the host's own key: %+v %v", m, ok)
	}
	if st, err := os.Stat(keyPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("host key file: %v %v", st, err)
	}
	again, _ := LoadHostKey(keyPath)
	if !key.Created || again.Created || again.Fingerprint != key.Fingerprint {
		t.Error("the host key was not kept")
	}
	out.Reset()
	greet(Options{File: &workspace.File{Path: "review.yaml"}, Home: home, Out: &out}, "127.0.0.1:2222", key, nil)
	if strings.Contains(out.String(), "warning") {
		t.Errorf("a warning for loopback:\n%s", out.String())
	}
	// A Japanese lens: the greeting speaks Japanese, as every screen will.
	ja, err := questions.Load("builtin:ops-ja")
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	greet(Options{File: &workspace.File{Path: "review.yaml", Lens: ja}, Home: home, Out: &out}, "0.0.0.0:2222", key, nil)
	for _, want := range []string{"のライブレビュー", "参加方法:   ssh -p 2222 ", "鍵 1 個", "警告:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the Japanese greeting lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "join with") || strings.Contains(out.String(), "warning") {
		t.Errorf("English in the Japanese greeting:\n%s", out.String())
	}
	// --lang ja on an English lens: the greeting, and every screen.
	out.Reset()
	greet(Options{File: &workspace.File{Path: "review.yaml"}, Home: home, Out: &out, Language: "ja"}, "127.0.0.1:2222", key, nil)
	if !strings.Contains(out.String(), "のライブレビュー") {
		t.Errorf("--lang ja: the greeting is not Japanese:\n%s", out.String())
	}
	if ja, _, err := prepare(Options{HostKeyPath: keyPath, Home: home, Language: "ja"}); err != nil || ja.lang != "ja" || ja.words.NeedsTerminal != i18n.For("ja").TUI.Live.NeedsTerminal {
		t.Errorf("--lang ja: the server speaks %q (%v)", ja.lang, err)
	}
	_ = net.IPv4len
}

// threeKeyReview starts a live review of a new file whose team is alice
// (a facilitator), bob and carol (an observer), and has bob join.
func threeKeyReview(t *testing.T) (lr *liveReview, keys []testKey, path string, bob *client) {
	t.Helper()
	keys = testKeys(t, 3)
	path = filepath.Join(t.TempDir(), "review.yaml")
	lr = startReview(t, path, writeTeam(t, keys), nil)
	bob, err := dial(t, lr.addr, keys[1], "bob")
	if err != nil {
		t.Fatal(err)
	}
	return lr, keys, path, bob
}

// A client that closes its session but keeps its connection (OpenSSH's
// ControlMaster) leaves: no ghost stays in the review.
func TestClosedSessionLeaves(t *testing.T) {
	lr, keys, _, bob := threeKeyReview(t)
	alice, err := dial(t, lr.addr, keys[0], "alice")
	if err != nil {
		t.Fatal(err)
	}
	alice.waitFor("bob")
	bob.sess.Close() // the session, not the connection
	deadline := time.Now().Add(5 * time.Second)
	for {
		// The presence line, as last drawn, no longer has bob; the status
		// line says he left.
		scr := alice.screen()
		if i := strings.LastIndex(scr, "hana"); i >= 0 && strings.Contains(scr, "bob left") {
			presence, _, _ := strings.Cut(scr[i:], "\n")
			if !strings.Contains(presence, "bob") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("bob stays in the review after closing his session")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A Japanese review over SSH: what the hub says reaches each screen in
// Japanese (a proposal, a refusal), and so do the lines a session gets
// outside its screen (no terminal, the goodbye).
func TestLiveReviewOverSSHInJapanese(t *testing.T) {
	keys := testKeys(t, 3)
	team := writeTeam(t, keys)
	path := filepath.Join(t.TempDir(), "review.yaml")
	lr := startReviewOf(t, path, team, nil, "builtin:ops-ja")
	ja := i18n.New(i18n.Japanese).TUI.Live
	bob, err := dial(t, lr.addr, keys[1], "bob")
	if err != nil {
		t.Fatal(err)
	}
	carol, err := dial(t, lr.addr, keys[2], "carol")
	if err != nil {
		t.Fatal(err)
	}
	bob.waitFor("OPS1")
	bob.keys("x")
	bob.waitFor(strings.TrimSuffix(ja.Proposed, ": %s")) // the status line may cut what follows
	carol.waitFor("OPS1")
	carol.keys("x")
	carol.waitFor(string([]rune(ja.ObserverReadOnly)[:12]))

	// Without a terminal, the session is told how to join, in Japanese.
	conn, err := gossh.Dial("tcp", lr.addr, &gossh.ClientConfig{User: "bob", Auth: []gossh.AuthMethod{gossh.PublicKeys(keys[1].signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("")
	if !strings.Contains(string(out), ja.NeedsTerminal) {
		t.Errorf("without a terminal: %q", out)
	}

	if err := lr.end(); err != nil {
		t.Fatal(err)
	}
	bob.waitFor(fmt.Sprintf(ja.GoodbyeSaved, path))
}

// lockedBuffer is a bytes.Buffer safe to write from one goroutine and read
// from another.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return ansi.Strip(b.buf.String())
}

// The host hears when the lens is not the one the file was saved with
// (the file records the lens once the review opens: the notice must come
// from what the file said before).
func TestHostHearsTheLensChanged(t *testing.T) {
	ws := workspace.New()
	path := filepath.Join(t.TempDir(), "review.yaml")
	l, err := ws.Lens("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "Live"})
	r.Lens.Digest, r.Lens.Version = "sha256:old", "0.9.0"
	if err := os.WriteFile(path, r.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := ws.Open(path, nil, workspace.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	in, keys := io.Pipe()
	defer keys.Close()
	var screen lockedBuffer
	hostR := lipgloss.NewRenderer(io.Discard)
	hostR.SetColorProfile(termenv.Ascii)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Options{Workspace: ws, File: f, Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(t.TempDir(), "host_key"),
			Home: t.TempDir(), HostName: "hana", Out: io.Discard, HostRenderer: hostR, HostInput: in, HostOutput: &screen})
		done <- err
	}()
	defer func() { cancel(); <-done }()
	want := "the lens ops changed since" // the status line at 80 columns cuts the rest
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(screen.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("the host's screen never said the lens changed:\n%s", tail(screen.String()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// What the host typed in a dialog and never confirmed when the review
// ends (SIGTERM) is not applied, but the closing lines quote it, as wafr
// review's do.
func TestHostsUnconfirmedTextIsQuotedAtTheEnd(t *testing.T) {
	keys := testKeys(t, 3)
	lr := startReview(t, filepath.Join(t.TempDir(), "review.yaml"), writeTeam(t, keys), nil)
	lr.waitForHost("OPS1")
	lr.host.Write([]byte("M"))
	lr.waitForHost("milestone")
	lr.host.Write([]byte("before launch"))
	lr.waitForHost("before launch")
	if err := lr.end(); err != nil {
		t.Fatal(err)
	}
	if log := lr.log.String(); !strings.Contains(log, "never confirmed") || !strings.Contains(log, "before launch") {
		t.Errorf("the closing lines do not quote the name typed:\n%s", log)
	}
}

// Without --host-key the key is made once under the user's config folder,
// never in the current folder (usually the repository under review).
func TestHostKeyLivesInTheConfigFolder(t *testing.T) {
	config, home, cwd := t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config) // Linux
	t.Setenv("HOME", home)              // macOS: ~/Library/Application Support
	t.Chdir(cwd)
	path, err := DefaultHostKeyPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(path, config+string(filepath.Separator)) && !strings.HasPrefix(path, home+string(filepath.Separator)) {
		t.Errorf("the host key goes to %s, outside the config folder", path)
	}
	if _, _, err := prepare(Options{Home: home}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no host key at %s: %v", path, err)
	}
	if entries, _ := os.ReadDir(cwd); len(entries) != 0 {
		t.Errorf("serve wrote %s into the current folder", entries[0].Name())
	}
}

// A participant whose connection drops while their notes wait on someone
// else's change (the question "keep which?" never asked): both texts are
// kept, as "wafr review" keeps them on a signal.
func TestDroppedSessionKeepsNotesTypedOverAChange(t *testing.T) {
	lr, _, path, bob := threeKeyReview(t)
	bob.waitFor("OPS1")
	lr.host.Write([]byte("W")) // contributors change answers themselves
	bob.waitFor("change answers")
	bob.keys("e")
	bob.waitFor("Notes for OPS1")
	bob.keys("Paged")
	lr.waitForHost("bob edited the notes")
	lr.host.Write([]byte("e"))
	time.Sleep(100 * time.Millisecond)
	lr.host.Write([]byte(" by phone"))
	lr.waitForHost("Paged by phone")
	bob.keys(" within 5 minutes")
	bob.waitFor("someone else changed these notes")
	bob.conn.Close()
	lr.waitForHost("bob left")
	lr.host.Write([]byte("\x1b"))
	if err := lr.end(); err != nil {
		t.Fatal(err)
	}
	r, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "Paged by phone\n\nwithin 5 minutes"
	if a := r.Answers.Get("operationalExcellence", "OPS1"); a == nil || a.Notes != want {
		t.Fatalf("notes %+v, want %q", a, want)
	}
}
