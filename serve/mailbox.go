package serve

import (
	"sync"

	"github.com/wafr-dev/wafr/tui"
)

// Update is what a participant's screen gets from the hub: the newest
// state of the session, the meeting as that participant sees it, and what
// became of their own intents.
type Update struct {
	Version int // the hub's count of updates: never goes back
	Snap    *tui.Snapshot
	Meeting *tui.Meeting
	Results []tui.Result
	// Goodbye is set when the review has ended for this participant: say
	// it, in their words, and leave.
	Goodbye tui.Notice
	// Ending is set while the review ends: hand the hub what the screen
	// still holds (Hub.Ready) before it saves.
	Ending bool
}

// Mailbox holds the newest update for one participant, one slot, newest
// wins: a slow or stuck screen only ever skips states, and never holds up
// the hub or anyone else. Results of intents are kept until taken.
type Mailbox struct {
	mu    sync.Mutex
	next  *Update
	ready chan struct{}
}

func newMailbox() *Mailbox { return &Mailbox{ready: make(chan struct{}, 1)} }

// put replaces the waiting update, keeping the results it carried.
func (m *Mailbox) put(u *Update) {
	m.mu.Lock()
	if old := m.next; old != nil && len(old.Results) > 0 {
		u.Results = append(old.Results, u.Results...)
	}
	if m.next != nil && !m.next.Goodbye.Empty() {
		u.Goodbye = m.next.Goodbye
	}
	m.next = u
	m.mu.Unlock()
	select {
	case m.ready <- struct{}{}:
	default:
	}
}

// Ready is signalled when an update waits.
func (m *Mailbox) Ready() <-chan struct{} { return m.ready }

// Take returns the waiting update, or nil.
func (m *Mailbox) Take() *Update {
	m.mu.Lock()
	defer m.mu.Unlock()
	u := m.next
	m.next = nil
	return u
}
