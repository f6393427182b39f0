package serve

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// Until a connection has logged in, it holds a place at the host: like
// sshd (LoginGraceTime, MaxStartups), the host drops a connection that
// has not logged in within loginGrace, and refuses new ones while
// maxPending are still logging in, so nobody who can reach the port can
// pile connections up.
const (
	loginGrace = 2 * time.Minute // sshd's: time to type a key's passphrase
	maxPending = 32
)

// pendingLogins counts the connections not logged in yet.
type pendingLogins struct {
	grace time.Duration
	max   int64
	n     atomic.Int64
}

// loginConnKey is where a connection's loginConn is kept in its context.
var loginConnKey = &struct{ name string }{"wafr-login-conn"}

// accept is the server's ConnCallback: a connection over the limit is
// refused (nil), any other gets its grace period.
func (p *pendingLogins) accept(ctx ssh.Context, conn net.Conn) net.Conn {
	if p.n.Add(1) > p.max {
		p.n.Add(-1)
		return nil
	}
	c := &loginConn{Conn: conn, pending: p, by: time.Now().Add(p.grace)}
	conn.SetDeadline(c.by)
	ctx.SetValue(loginConnKey, c)
	return c
}

// loggedIn ends the grace period of the connection ctx belongs to.
func loggedIn(ctx ssh.Context) {
	if c, ok := ctx.Value(loginConnKey).(*loginConn); ok {
		c.loggedIn()
	}
}

// loginConn is a connection with a deadline to log in by: the SSH server
// sets and clears deadlines of its own on every read and write, and none
// of them may go past by until the login.
type loginConn struct {
	net.Conn
	pending *pendingLogins
	by      time.Time
	mu      sync.Mutex
	done    bool // logged in, or closed
	// deadline is the last one the server asked for.
	deadline time.Time
}

func (c *loginConn) loggedIn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return
	}
	c.done = true
	c.pending.n.Add(-1)
	c.Conn.SetDeadline(c.deadline)
}

func (c *loginConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.deadline = t
	if !c.done && (t.IsZero() || t.After(c.by)) {
		t = c.by
	}
	return c.Conn.SetDeadline(t)
}

func (c *loginConn) Close() error {
	c.mu.Lock()
	if !c.done {
		c.done = true
		c.pending.n.Add(-1)
	}
	c.mu.Unlock()
	return c.Conn.Close()
}
