package serve

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/tui"
)

// screen is one participant's bubbletea model: their own viewer, fed by
// the hub's updates, sending their intents to the hub.
type screen struct {
	v       *tui.Viewer
	hub     *Hub
	id      string
	version int
	goodbye string
	size    *tea.WindowSizeMsg // the terminal's size, when the program cannot ask it
	handed  bool               // Ready was sent: what the viewer held is the hub's
}

type updateMsg struct{ u *Update }

// clockMsg redraws the screen each clockEvery: how long ago the file was
// saved, and notices that have had their time (a participant's screen has
// no other clock).
type clockMsg struct{}

const clockEvery = time.Second

func clockCmd() tea.Cmd { return tea.Tick(clockEvery, func(time.Time) tea.Msg { return clockMsg{} }) }

func newScreen(hub *Hub, id string, first *Update, o tui.ViewerOptions) *screen {
	v := tui.NewViewer(first.Snap, o)
	v.SetMeeting(first.Meeting)
	return &screen{v: v, hub: hub, id: id, version: first.Version}
}

func (s *screen) Init() tea.Cmd {
	if s.size == nil {
		return tea.Batch(s.v.Init(), clockCmd())
	}
	size := *s.size
	return tea.Batch(s.v.Init(), clockCmd(), func() tea.Msg { return size })
}

func (s *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m := msg.(type) {
	case updateMsg:
		return s, s.take(m.u)
	case clockMsg:
		s.v.Refresh()
		return s, clockCmd()
	}
	cmd := s.v.Update(msg)
	s.hub.Send(s.id, s.v.TakeIntents())
	if s.v.WantsQuit() {
		return s, tea.Quit
	}
	return s, cmd
}

// take shows an update from the hub; an older one than shown is ignored.
func (s *screen) take(u *Update) tea.Cmd {
	if u.Version < s.version && u.Goodbye.Empty() {
		return nil
	}
	s.version = u.Version
	s.v.SetSnapshot(u.Snap)
	cmd := s.v.SetMeeting(u.Meeting)
	for _, r := range u.Results {
		s.v.Applied(r)
	}
	if u.Ending { // after the results: a refusal among them is held text too
		s.handOver()
	}
	if !u.Goodbye.Empty() {
		s.goodbye = s.v.Words(u.Goodbye)
		return tea.Quit
	}
	return cmd
}

func (s *screen) View() string { return s.v.View() }

// handOver gives the hub, once, what the viewer still holds as the review
// ends or its program ends (the connection dropped, the host quit): the
// letters of a typing frame, and notes typed over someone else's change,
// which keep both texts, as "wafr review" does on a signal.
func (s *screen) handOver() {
	if s.handed {
		return
	}
	s.handed = true
	s.hub.Ready(s.id, s.v.TakeLeftBehind())
}

// deliver hands the program each update the hub leaves in the mailbox,
// from a goroutine of its own: if the program is slow to take it, only
// this goroutine waits, and newer updates replace the one waiting.
func deliver(ctx context.Context, box *Mailbox, p *tea.Program) {
	defer func() { recover() }() // a closed program must not take the server down
	for {
		select {
		case <-ctx.Done():
			return
		case <-box.Ready():
			if u := box.Take(); u != nil {
				p.Send(updateMsg{u})
			}
		}
	}
}
