package serve

import (
	"context"
	"errors"
	"net"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/ssh"
)

// connCtx is a connection's ssh.Context as the server keeps one: values
// set on it are read back by the session's middleware.
type connCtx struct {
	context.Context
	sync.Mutex
	values map[any]any
}

func newConnCtx() *connCtx { return &connCtx{Context: context.Background(), values: map[any]any{}} }

func (c *connCtx) SetValue(k, v any)             { c.values[k] = v }
func (c *connCtx) Value(k any) any               { return c.values[k] }
func (c *connCtx) User() string                  { return "" }
func (c *connCtx) SessionID() string             { return "" }
func (c *connCtx) ClientVersion() string         { return "" }
func (c *connCtx) ServerVersion() string         { return "" }
func (c *connCtx) RemoteAddr() net.Addr          { return nil }
func (c *connCtx) LocalAddr() net.Addr           { return nil }
func (c *connCtx) Permissions() *ssh.Permissions { return nil }

// A connection that does not log in is dropped after the grace period,
// whatever deadlines the SSH server sets meanwhile (it clears them on
// every read); once logged in it stays; and while max connections are
// logging in, another is refused.
func TestConnectionsMustLogInInTime(t *testing.T) {
	p := &pendingLogins{grace: 100 * time.Millisecond, max: 2}
	slow, slowPeer := net.Pipe()
	member, memberPeer := net.Pipe()
	defer slowPeer.Close()
	defer memberPeer.Close()
	slowCtx, memberCtx := newConnCtx(), newConnCtx()
	slowConn, memberConn := p.accept(slowCtx, slow), p.accept(memberCtx, member)
	if slowConn == nil || memberConn == nil {
		t.Fatal("connections within the limit refused")
	}
	extra, extraPeer := net.Pipe()
	defer extraPeer.Close()
	if p.accept(newConnCtx(), extra) != nil {
		t.Fatal("a connection past the limit of those logging in was let in")
	}

	// The server clears the deadline before each read: the grace holds.
	// (Without it the read would wait for ever: the peer hangs up late.)
	time.AfterFunc(10*time.Second, func() { slowPeer.Close() })
	slowConn.SetDeadline(time.Time{})
	if _, err := slowConn.Read(make([]byte, 1)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("a connection that never logged in read %v, want the grace period's deadline", err)
	}
	slowConn.Close()

	loggedIn(memberCtx)
	memberConn.SetDeadline(time.Time{})
	time.Sleep(2 * p.grace)
	go memberPeer.Write([]byte("k"))
	if _, err := memberConn.Read(make([]byte, 1)); err != nil {
		t.Fatalf("a logged-in connection read %v after the grace period, want its data", err)
	}
	// Logged in and closed: both places are free again.
	for i := 0; i < 2; i++ {
		c, peer := net.Pipe()
		defer peer.Close()
		if p.accept(newConnCtx(), c) == nil {
			t.Fatalf("connection %d refused once the others had logged in or gone", i+1)
		}
	}
}
