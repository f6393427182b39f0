package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/wholerunes"
	"github.com/wafr-dev/wafr/tui"
)

// server is the SSH side of a live review: it lets in the team's keys and
// gives each connection a screen over the hub.
type server struct {
	hub      *Hub
	team     *teamFile
	fixed    *Team // the team when there is no file
	now      func() time.Time
	renderer func(ssh.Session) *tui.Renderer
	notify   func(tui.Notice) // tells everyone in the review
	words    *i18n.Live       // the lines a session gets outside its screen
	lang     string           // the language of every screen
	count    atomic.Int64
	// pending holds connections to their login grace; zero, the
	// defaults (loginGrace, maxPending).
	pending pendingLogins
}

func (srv *server) currentTeam() *Team {
	if srv.team == nil {
		return srv.fixed
	}
	t, problems, _ := srv.team.current()
	if len(problems) > 0 {
		srv.notify(teamProblemsNotice(problems))
	}
	return t
}

// newSSHServer makes the wish server: public keys only, no passwords, no
// keyboard-interactive; unknown keys are refused.
func (srv *server) newSSHServer(addr string, hostKey []byte) (*ssh.Server, error) {
	if srv.pending.grace == 0 {
		srv.pending.grace, srv.pending.max = loginGrace, maxPending
	}
	return wish.NewServer(
		wish.WithAddress(addr),
		wish.WithHostKeyPEM(hostKey),
		wish.WithPublicKeyAuth(func(_ ssh.Context, key ssh.PublicKey) bool {
			_, ok := srv.currentTeam().Lookup(key)
			return ok
		}),
		wish.WithMiddleware(srv.middleware),
		func(s *ssh.Server) error {
			s.ConnCallback = srv.pending.accept
			return nil
		},
	)
}

// middleware runs one participant's screen for the length of their
// session. A panic anywhere in it ends that session alone.
func (srv *server) middleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		// Logged in: a session opens only once the key is proved (the
		// key handler above also answers a client asking whether a key
		// would do, which anyone with the public key can ask).
		loggedIn(sess.Context())
		defer func() {
			if r := recover(); r != nil {
				srv.notify(tui.Notice{Kind: tui.NoticeSessionCrashed, Text: fmt.Sprint(r)})
				fmt.Fprintln(sess, "\r\n"+srv.words.Crashed)
			}
			next(sess)
		}()
		srv.run(sess)
	}
}

func (srv *server) run(sess ssh.Session) {
	pty, windows, ok := sess.Pty()
	if !ok {
		wish.Fatalln(sess, srv.words.NeedsTerminal)
		return
	}
	member, ok := srv.currentTeam().Lookup(sess.PublicKey()) // the key this session proved, looked up now
	if !ok {
		wish.Fatalln(sess, srv.words.NotOnTeam)
		return
	}
	id := fmt.Sprintf("%s#%d", member.Fingerprint, srv.count.Add(1))
	box, err := srv.hub.Join(Participant{ID: id, Fingerprint: member.Fingerprint, Name: member.Name, Role: member.Role}, false)
	if err != nil {
		if errors.Is(err, ErrJoinFailed) {
			wish.Fatalln(sess, srv.words.Crashed)
		} else {
			wish.Println(sess, srv.words.Ended) // the hub has stopped
		}
		return
	}
	defer srv.hub.Leave(id)
	first := box.Take()
	if first == nil || !first.Goodbye.Empty() {
		wish.Println(sess, srv.words.Ended)
		return
	}
	s := newScreen(srv.hub, id, first, tui.ViewerOptions{Renderer: srv.renderer(sess), TypingFrame: tui.TypingFrame, Language: srv.lang, Now: srv.now})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Input ends when the client closes this session (its connection may
	// stay, shared by other sessions): the program must end then too.
	in := &quitOnEOF{r: wholerunes.New(sess)} // SSH packets cut characters too
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(sess), tea.WithAltScreen(), tea.WithoutSignalHandler(),
		tea.WithContext(ctx), tea.WithoutCatchPanics()} // a panic goes to the middleware, not as a stack trace to the client
	p := tea.NewProgram(s, opts...)
	in.quit = p.Quit
	go deliver(ctx, box, p)
	go resizes(ctx, windows, p)
	go func() { // the client went away: end its program
		select {
		case <-sess.Context().Done():
			p.Quit()
		case <-ctx.Done():
		}
	}()
	s.size = &tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height}
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		srv.notify(tui.Notice{Kind: tui.NoticeSessionFailed, Who: member.Name, Text: err.Error()})
	}
	s.handOver() // before Leave: the hub takes them in order
	if s.goodbye != "" {
		fmt.Fprintln(sess, s.goodbye)
	}
}

// resizes passes window changes to the program, guarded: wish's own
// resize goroutine has no recovery, and a panic there would end every
// session. Once the program has ended it goes on reading, and dropping,
// the changes until the channel closes, so the session's request loop,
// which sends them, never blocks.
func resizes(ctx context.Context, windows <-chan ssh.Window, p *tea.Program) {
	defer func() { recover() }()
	for {
		select {
		case <-ctx.Done():
			for range windows {
			}
			return
		case w, ok := <-windows:
			if !ok {
				return
			}
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}
}

// quitOnEOF is a session's input that ends the program when the client
// closes its side.
type quitOnEOF struct {
	r    io.Reader
	quit func()
}

func (q *quitOnEOF) Read(b []byte) (int, error) {
	n, err := q.r.Read(b)
	if err != nil && q.quit != nil {
		q.quit()
	}
	return n, err
}

// discardNotice is a notify that drops notices.
func discardNotice(tui.Notice) {}
