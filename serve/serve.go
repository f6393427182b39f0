package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

// Options describe a live review.
type Options struct {
	Workspace *workspace.Workspace
	File      *workspace.File
	// Listen is the address to listen on; DefaultListen when empty.
	Listen string
	// TeamPath is the team file; without one, only the host's own keys
	// (HostTeam) may join, as facilitators.
	TeamPath string
	// HostKeyPath is the server's key; DefaultHostKeyPath when empty.
	HostKeyPath string
	// Home is the host user's home folder, for their own keys.
	Home string
	// HostName is recorded as who answered for the host.
	HostName string
	// Language is the language of wafr's own words on every screen and
	// line of the review (a tag such as "ja"); empty, the lens's.
	Language string
	Now      func() time.Time
	// Out gets the start-up lines (how to join, the host key) and the log.
	Out io.Writer

	// HostRenderer draws the host's screen; HostInput and HostOutput
	// replace the terminal in tests. Headless runs no host screen: the
	// review runs until ctx ends (tests).
	HostRenderer *tui.Renderer
	HostInput    io.Reader
	HostOutput   io.Writer
	Headless     bool
	// Renderer makes each participant's renderer; bubbletea.MakeRenderer
	// (which asks the client's terminal for its colours) when nil.
	Renderer func(ssh.Session) *tui.Renderer
	// Ready, when set, gets the address listened on once the server is up.
	Ready func(addr string)
}

// DefaultListen is loopback only: joining from other machines is a choice.
const DefaultListen = "127.0.0.1:2222"

// Run holds a live review: the host's own screen at once, the SSH server
// for everyone else. It ends when the host quits or ctx ends (SIGTERM):
// the answers are saved and every session gets a goodbye line. It returns
// the review as it ended, for the host's summary (nil if it never began).
func Run(ctx context.Context, o Options) (*review.Review, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.Renderer == nil {
		o.Renderer = bubbletea.MakeRenderer
	}
	srv, key, err := prepare(o)
	if err != nil {
		return nil, err
	}
	sshServer, err := srv.newSSHServer(o.Listen, key.PEM)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", o.Listen, err)
	}
	greet(o, ln.Addr().String(), key, srv.team)
	if o.Ready != nil {
		o.Ready(ln.Addr().String())
	}

	// The host hears once if the lens is not the one the file was saved
	// with; from now on the file records this one.
	drift := workspace.DiffLens(o.File.Review, o.File.Lens)
	workspace.RecordLens(o.File.Review, o.File.Lens, o.File.Path)
	session := tui.NewSession(tui.SessionOptions{Workspace: o.Workspace, Path: o.File.Path, Review: o.File.Review, Lens: o.File.Lens,
		Hash: o.File.Hash, Create: true, Now: o.Now})
	hub := NewHub(session, HubOptions{Now: o.Now, Language: o.language()})
	srv.hub = hub
	srv.notify = hub.Notify
	// The hub ends by Stop, with the goodbye below, however the review ends.
	hubCtx, stopHub := context.WithCancel(context.Background())
	defer stopHub()
	hubErr := make(chan error, 1)
	go func() { hubErr <- hub.Run(hubCtx) }()
	go sshServer.Serve(ln)
	if srv.team != nil {
		go watchTeam(hubCtx, srv.team, hub, 2*time.Second)
	}

	var hostErr error
	if !o.Headless {
		hostErr = runHost(ctx, hub, o, &drift, joinCommand(ln.Addr().String()), key.Fingerprint)
	} else {
		<-ctx.Done()
	}
	err = hub.Stop(tui.Notice{Kind: tui.NoticeGoodbyeSaved, Arg: o.File.Path})
	<-hubErr // the same error as Stop's, once the hub has ended
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	sshServer.Shutdown(shutdown)
	sshServer.Close()
	return session.Snapshot().Review, errors.Join(hostErr, err) // the hub has ended: the session is ours
}

// prepare loads the host key and the team.
func prepare(o Options) (*server, HostKey, error) {
	path := o.HostKeyPath
	if path == "" {
		var err error
		if path, err = DefaultHostKeyPath(); err != nil {
			return nil, HostKey{}, err
		}
	}
	key, err := LoadHostKey(path)
	if err != nil {
		return nil, HostKey{}, err
	}
	lang := o.language()
	srv := &server{now: o.Now, renderer: o.Renderer, notify: discardNotice, words: &i18n.For(lang).TUI.Live, lang: lang}
	if o.TeamPath != "" {
		srv.team = &teamFile{path: o.TeamPath}
		if _, err := os.Stat(o.TeamPath); err != nil {
			return nil, HostKey{}, fmt.Errorf("--team %s: %w", o.TeamPath, err)
		}
	} else {
		srv.fixed, _, _ = HostTeam(o.Home, "")
	}
	return srv, key, nil
}

// language is the language every screen speaks: Language, else the lens's.
func (o Options) language() string {
	if o.Language == "" && o.File != nil && o.File.Lens != nil {
		return o.File.Lens.Language
	}
	return o.Language
}

// greet prints how to join, the host key's fingerprint and who may join,
// and what is wrong in the team file: read through the review's own
// teamFile, so that those problems are not told again on the screen.
func greet(o Options, addr string, key HostKey, team *teamFile) {
	w := o.Out
	if w == nil {
		w = io.Discard
	}
	host, _, _ := net.SplitHostPort(addr)
	t := &i18n.For(o.language()).TUI.Live
	line := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	people := func(n int) string { return i18n.Plural(n, t.GreetKey, fmt.Sprintf(t.GreetKeys, n)) }
	line(t.GreetTitle, o.File.Path)
	line(t.GreetJoin, joinCommand(addr))
	line(t.GreetHostKey, key.Fingerprint)
	if key.Created {
		line(t.GreetKeyMade)
	}
	if team != nil {
		members, problems, _ := team.current()
		line(t.GreetTeam, o.TeamPath, people(members.Len()))
		for _, p := range problems {
			line(t.GreetWarning, tui.TeamProblemText(t, p))
		}
	} else {
		members, from, _ := HostTeam(o.Home, "")
		line(t.GreetNoTeam, from, people(members.Len()))
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		line(t.GreetListening, addr)
	}
}

// joinCommand is the ssh command that joins a review served on addr.
func joinCommand(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	return fmt.Sprintf("ssh -p %s %s", port, joinHost(host))
}

func joinHost(host string) string {
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		if name, err := os.Hostname(); err == nil {
			return name
		}
	}
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

// runHost is the host's own screen, on this terminal: the first
// facilitator. When it quits, the review ends.
func runHost(ctx context.Context, hub *Hub, o Options, drift *workspace.LensDrift, join, hostKey string) error {
	in, closeInput, err := tui.KeyInput(o.HostInput)
	if err != nil {
		return err
	}
	defer closeInput()
	name := o.HostName
	if name == "" {
		name = "host"
	}
	box, err := hub.Join(Participant{ID: tui.HostID, Name: name, Role: tui.Facilitator}, true)
	if err != nil {
		return err
	}
	first := box.Take()
	s := newScreen(hub, tui.HostID, first, tui.ViewerOptions{Renderer: o.HostRenderer, LensChange: drift, TypingFrame: tui.TypingFrame, Now: o.Now,
		Language: o.language(), Join: join, JoinKey: hostKey})
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithoutSignalHandler(), tea.WithContext(ctx), tea.WithInput(in)}
	if o.HostOutput != nil {
		progOpts = append(progOpts, tea.WithOutput(o.HostOutput))
	}
	p := tea.NewProgram(s, progOpts...)
	deliverCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go deliver(deliverCtx, box, p)
	_, err = p.Run()
	s.handOver() // before the hub saves: Stop comes after, and SIGTERM waits for it
	if o.Out != nil {
		for _, l := range s.v.Unconfirmed() { // typed in a dialog, never confirmed: said, as wafr review says it
			fmt.Fprintln(o.Out, l)
		}
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // SIGTERM: the hub saves and says goodbye
	}
	return err
}

// watchTeam reads the team file again when it changes, and tells the hub.
// A login may have read the file first (and told of its problems), so
// what counts is whether the team is another one than the hub was last
// given.
func watchTeam(ctx context.Context, f *teamFile, hub *Hub, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var given *Team
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			team, problems, _ := f.current()
			if len(problems) > 0 {
				hub.Notify(teamProblemsNotice(problems))
			}
			if team == given {
				continue
			}
			given = team
			hub.SetTeam(func(fp string) (Member, bool) {
				m, ok := team.members[fp]
				return m, ok
			})
		}
	}
}
