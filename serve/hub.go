// Package serve runs a live review over SSH ("wafr serve"): the whole team
// joins one review from their own terminals. One goroutine, the Hub, owns
// the session; each participant has a viewer of their own, which sends the
// hub intents and gets the newest state through a one-slot mailbox.
package serve

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/wafr-dev/wafr/tui"
)

// Timing of the hub.
const (
	saveDelay  = 300 * time.Millisecond
	retryDelay = 2 * time.Second
	tickEvery  = time.Second
	chairHold  = time.Minute
)

// ErrStopped is returned to participants that reach a hub that has ended.
var ErrStopped = errors.New("the review has ended")

// ErrJoinFailed is returned when the hub failed adding a participant (an
// internal error it recovered from); the review goes on for the others.
var ErrJoinFailed = errors.New("the review could not add this participant")

// Participant is someone joining: a connection, the key they came with,
// the name recorded as who answered, and the role the team file gives.
type Participant struct {
	ID          string
	Fingerprint string
	Name        string
	Role        tui.Role
}

// HubOptions set up a hub.
type HubOptions struct {
	Now func() time.Time
	// Tick is how often the hub checks the file and the clock; 0 is a
	// second.
	Tick time.Duration
	// EndWait is how long the end of the review waits for the screens to
	// hand over what they still hold (Ready); 0 is endWait.
	EndWait time.Duration
	// Language is the language of what the hub writes into the file (the
	// proposals it parks at the end); empty, the lens's.
	Language string
}

// endWait is the default EndWait: every screen runs in this process, so
// each answers at once unless its program is stuck.
const endWait = time.Second

// Hub owns a live review's session. Everything about the meeting happens
// on its goroutine: participants call Join, Send and Leave, which only
// pass messages.
type Hub struct {
	s     *tui.Session
	in    chan any
	done  chan struct{}
	ended chan struct{}
	now   func() time.Time
	tick  time.Duration
	err   error

	people       map[string]*person
	order        []string
	host         string // the host's connection: the chair comes back to it
	chair        string // who facilitates now; "" while held for someone away
	heldFor      string // the fingerprint the chair is held for
	heldName     string // and their name
	heldUntil    time.Time
	shared       int
	sharedSince  time.Time
	editOpen     bool
	proposals    []tui.Proposal
	nextProposal int
	vote         *vote
	timeBox      time.Duration
	lastChange   tui.Notice
	version      int
	endWait      time.Duration
	lang         string
	ending       bool            // the review is ending: every update says so
	ready        map[string]bool // who has handed over what their screen held

	saveTimer   *time.Timer
	savePending bool // the timer is armed: later changes do not push it back
	saving      bool
	watching    bool
}

type person struct {
	Participant
	item      int
	following bool
	box       *Mailbox
	results   []tui.Result
}

type (
	joinMsg struct {
		p     Participant
		host  bool
		reply chan *Mailbox
	}
	leaveMsg  struct{ id string }
	intentMsg struct {
		id      string
		intents []tui.Intent
	}
	readyMsg     intentMsg
	saveDoneMsg  struct{ o tui.SaveOutcome }
	diskCheckMsg struct{ changed bool }
	stopMsg      struct{ goodbye tui.Notice }
	noticeMsg    struct{ n tui.Notice }
	teamMsg      struct {
		lookup func(string) (Member, bool)
	}
)

// NewHub makes the hub of a session; Run starts it.
func NewHub(s *tui.Session, o HubOptions) *Hub {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Tick <= 0 {
		o.Tick = tickEvery
	}
	if o.EndWait <= 0 {
		o.EndWait = endWait
	}
	h := &Hub{s: s, in: make(chan any, 64), done: make(chan struct{}), ended: make(chan struct{}), now: o.Now, tick: o.Tick,
		people: map[string]*person{}, endWait: o.EndWait, lang: o.Language, ready: map[string]bool{}}
	h.saveTimer = time.NewTimer(time.Hour)
	h.saveTimer.Stop()
	if i := s.Snapshot().FirstUnanswered(); i > 0 {
		h.shared = i
	}
	h.sharedSince = h.now()
	return h
}

// Run is the hub's loop. It ends when ctx is done or Stop is called, after
// saving: every participant is told goodbye. It returns why the last save
// failed, if it did.
func (h *Hub) Run(ctx context.Context) error {
	defer close(h.ended)
	ticker := time.NewTicker(h.tick)
	defer ticker.Stop()
	for {
		select {
		case m := <-h.in:
			if stop, ok := m.(stopMsg); ok {
				h.shutdown(stop.goodbye)
				return h.err
			}
			h.safely(func() { h.handle(m) })
		case <-h.saveTimer.C:
			h.savePending = false
			h.safely(func() { h.startSave(false) })
		case <-ticker.C:
			h.safely(h.onTick)
		case <-ctx.Done():
			h.shutdown(tui.Notice{Kind: tui.NoticeGoodbyeStopped})
			return h.err
		}
	}
}

// safely runs fn, turning a panic into a notice: one bad intent must not
// end everyone's review, nor its final save.
func (h *Hub) safely(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			h.lastChange = tui.Notice{Kind: tui.NoticeInternalError, Text: fmt.Sprint(r), At: h.now()}
		}
	}()
	fn()
}

// send passes a message to the hub, unless it has ended.
func (h *Hub) send(m any) bool {
	select {
	case h.in <- m:
		return true
	case <-h.done:
		return false
	}
}

// Join adds a participant and returns their mailbox; the first update is
// in it already. The host is the first facilitator.
func (h *Hub) Join(p Participant, host bool) (*Mailbox, error) {
	reply := make(chan *Mailbox, 1)
	if !h.send(joinMsg{p: p, host: host, reply: reply}) {
		return nil, ErrStopped
	}
	select {
	case box, ok := <-reply:
		if !ok {
			return nil, ErrJoinFailed
		}
		return box, nil
	case <-h.done:
		return nil, ErrStopped
	}
}

// Send passes a participant's intents to the hub, in order.
func (h *Hub) Send(id string, intents []tui.Intent) {
	if len(intents) > 0 {
		h.send(intentMsg{id: id, intents: intents})
	}
}

// Ready passes the last intents of a participant's screen: what it still
// held when its program ended, or when the hub asked as the review ends
// (Update.Ending): letters of a typing frame, notes typed over someone
// else's change.
func (h *Hub) Ready(id string, intents []tui.Intent) { h.send(readyMsg{id: id, intents: intents}) }

// Leave removes a participant.
func (h *Hub) Leave(id string) { h.send(leaveMsg{id: id}) }

// Stop ends the review: it saves, says goodbye to everyone (each screen
// words it) and waits for the hub to end.
func (h *Hub) Stop(goodbye tui.Notice) error {
	h.send(stopMsg{goodbye: goodbye})
	<-h.ended
	return h.err
}

// SetTeam applies a team file read again: connected people get their new
// roles, and those no longer on it are told goodbye and let go.
func (h *Hub) SetTeam(lookup func(fingerprint string) (Member, bool)) { h.send(teamMsg{lookup}) }

// Notify tells everyone something about the review itself (the team file
// was read again with a problem, a session ended on an error), as a
// notice each screen words.
func (h *Hub) Notify(n tui.Notice) { h.send(noticeMsg{n}) }

// Done is closed when the review has ended.
func (h *Hub) Done() <-chan struct{} { return h.done }

func (h *Hub) handle(m any) {
	switch m := m.(type) {
	case joinMsg:
		joined := false
		defer func() {
			if !joined { // join panicked: no half-added participant stays
				delete(h.people, m.p.ID)
				h.order = slices.DeleteFunc(h.order, func(x string) bool { return x == m.p.ID })
			}
			close(m.reply) // Join must not wait for ever
		}()
		m.reply <- h.join(m.p, m.host)
		joined = true
	case leaveMsg:
		h.leave(m.id)
	case intentMsg:
		h.applyAll(m, false)
	case readyMsg:
		h.ready[m.id] = true
		h.applyAll(intentMsg(m), true)
	case saveDoneMsg:
		h.saving = false
		again := h.s.FinishSave(m.o)
		failed := m.o.Err() != nil
		switch {
		case failed:
			h.saveSoon(retryDelay)
		case again:
			h.saveSoon(saveDelay)
		}
		h.publish()
	case teamMsg:
		h.setTeam(m.lookup)
	case noticeMsg:
		m.n.At = h.now()
		h.lastChange = m.n
		h.publish()
	case diskCheckMsg:
		h.watching = false
		if m.changed {
			h.s.OutsideChange()
			h.startSave(true)
		}
	}
}

// setTeam applies a team file read again: connected people get their new
// roles, and those no longer on it are told goodbye and let go.
func (h *Hub) setTeam(lookup func(string) (Member, bool)) {
	for _, id := range slices.Clone(h.order) {
		p := h.people[id]
		if id == h.host {
			continue
		}
		m, ok := lookup(p.Fingerprint)
		if !ok {
			p.box.put(&Update{Version: h.version + 1, Snap: h.s.Snapshot(), Meeting: h.meetingFor(p), Goodbye: tui.Notice{Kind: tui.NoticeGoodbyeRemoved}})
			if h.vote != nil { // no longer on the team: no longer a voter
				delete(h.vote.ballots, voterOf(p))
			}
			h.leave(id)
			continue
		}
		p.Role = m.Role
	}
	if h.vote != nil { // a ballot kept for someone away, whom the file takes off
		for voter := range h.vote.ballots {
			if _, ok := lookup(voter); !ok && !h.connectedVoter(voter) {
				delete(h.vote.ballots, voter)
			}
		}
	}
	// Someone the file now makes an observer, or takes off the team,
	// no longer runs the meeting, here or when they come back.
	if c := h.people[h.chair]; c != nil && c.Role == tui.Observer {
		h.chairBack(tui.Notice{Kind: tui.NoticeChairRevoked, Who: c.Name})
	}
	if h.heldFor != "" {
		if m, ok := lookup(h.heldFor); !ok || m.Role == tui.Observer {
			h.chairBack(tui.Notice{Kind: tui.NoticeChairRevoked, Who: h.heldName})
		}
	}
	h.publish()
}

// connectedVoter says whether someone here now votes as voter (the host,
// whose ballot is under its id, has no key to look up).
func (h *Hub) connectedVoter(voter string) bool {
	for _, id := range h.order {
		if voterOf(h.people[id]) == voter {
			return true
		}
	}
	return false
}

// applyAll applies a participant's intents in order. For a screen's last
// ones (handedOver) nobody is left to ask what to keep: notes refused
// because someone else changed them (another screen's hand-over, a moment
// before) go after that change.
func (h *Hub) applyAll(m intentMsg, handedOver bool) {
	p := h.people[m.id]
	if p == nil || len(m.intents) == 0 {
		return
	}
	for _, in := range m.intents {
		res := h.apply(p, in)
		if n, ok := in.(tui.NotesIntent); ok && handedOver && errors.Is(res.Err, tui.ErrNotesChanged) {
			n.Keep = tui.KeepBoth
			res = h.apply(p, n)
		}
		p.results = append(p.results, res)
	}
	h.changed()
}

func (h *Hub) join(p Participant, host bool) *Mailbox {
	if old := h.people[p.ID]; old != nil {
		return old.box
	}
	np := &person{Participant: p, item: h.shared, following: true, box: newMailbox()}
	h.people[p.ID] = np
	h.order = append(h.order, p.ID)
	switch {
	case host:
		h.host = p.ID
		if h.chair == "" {
			h.chair = p.ID
		}
	case h.heldFor != "" && h.heldFor == p.Fingerprint && p.Role != tui.Observer:
		h.chair, h.heldFor, h.heldName = p.ID, "", "" // back within the minute
		h.lastChange = tui.Notice{Kind: tui.NoticeChairReturned, Who: p.Name, At: h.now()}
	}
	h.changed()
	return np.box
}

func (h *Hub) leave(id string) {
	p := h.people[id]
	if p == nil {
		return
	}
	delete(h.people, id)
	h.order = slices.DeleteFunc(h.order, func(x string) bool { return x == id })
	// The same person may be here on another connection: they have not
	// left, and keep the chair.
	other := slices.IndexFunc(h.order, func(o string) bool { return p.Fingerprint != "" && h.people[o].Fingerprint == p.Fingerprint })
	switch {
	case other >= 0:
		if h.chair == id {
			h.chair = h.order[other]
		}
	case h.chair == id:
		h.chair, h.heldFor, h.heldName, h.heldUntil = "", p.Fingerprint, p.Name, h.now().Add(chairHold)
		meanwhile := ""
		if host := h.people[h.host]; host != nil {
			meanwhile = host.Name
		}
		h.lastChange = tui.Notice{Kind: tui.NoticeChairHeld, Who: p.Name, Whom: meanwhile, At: h.now()}
	default:
		h.lastChange = tui.Notice{Kind: tui.NoticeLeft, Who: p.Name, At: h.now()}
	}
	// A ballot stays when its voter's connection drops: back with the same
	// key they find it (their voter is their key), and if they stay away
	// it counts when the vote is settled, as a ballot cast before a
	// meeting's end does. Only the team file taking them off drops it.
	h.changed()
}

// chairBack gives the chair to the host, saying why.
func (h *Hub) chairBack(why tui.Notice) {
	h.chair, h.heldFor, h.heldName = h.host, "", ""
	why.At = h.now()
	h.lastChange = why
}

// onTick checks the file for outside changes, gives a held chair back to
// the host when its holder stays away, and refreshes the time left.
func (h *Hub) onTick() {
	if h.chair == "" && h.heldFor != "" && h.now().After(h.heldUntil) {
		h.chairBack(tui.Notice{Kind: tui.NoticeChairBack})
		h.changed()
	}
	if hash := h.s.WatchHash(); hash != "" && !h.saving && !h.watching {
		h.watching = true
		go func(ws func(string) bool) { h.send(diskCheckMsg{changed: ws(hash)}) }(h.s.DiskChanged)
	}
	if h.timeBox > 0 {
		h.publish() // the time left moved
	}
}

// changed publishes the new state and schedules a save.
func (h *Hub) changed() {
	if h.s.Dirty() {
		h.saveSoon(saveDelay)
	}
	h.publish()
}

// saveSoon arms the save timer unless it is armed: a stream of changes
// (someone moving every 100 ms) never pushes the save back.
func (h *Hub) saveSoon(d time.Duration) {
	if h.savePending {
		return
	}
	h.savePending = true
	h.saveTimer.Reset(d)
}

func (h *Hub) startSave(outside bool) {
	if h.saving {
		h.saveSoon(saveDelay) // again once this one is done
		return
	}
	job := h.s.StartSave(outside)
	if job == nil {
		return
	}
	h.saving = true
	go func() { h.send(saveDoneMsg{job.Run()}) }()
}

// shutdown records the time spent on the shared question, saves, and says
// goodbye to everyone.
func (h *Hub) shutdown(goodbye tui.Notice) {
	h.gather()
	h.spend()
	h.keepOpenVote()
	h.parkUndecided()
	h.saveTimer.Stop()
	for h.saving { // let the save in flight finish, so nothing runs twice
		if m, ok := (<-h.in).(saveDoneMsg); ok {
			h.saving = false
			h.s.FinishSave(m.o)
		}
	}
	if err := h.s.SaveNow(); err != nil {
		path, aerr := h.s.SetAside()
		if aerr != nil {
			h.err = fmt.Errorf("%w: %v, and setting them aside failed too: %v", tui.ErrUnsaved, err, aerr)
		} else {
			h.err = fmt.Errorf("%w: %v; the answers are in %s", tui.ErrUnsaved, err, path)
		}
		if goodbye.Kind == tui.NoticeGoodbyeSaved { // it was not: say where the answers are
			goodbye = tui.Notice{Kind: tui.NoticeGoodbyeUnsaved, Arg: goodbye.Arg}
			if aerr == nil {
				goodbye = tui.Notice{Kind: tui.NoticeGoodbyeAside, Arg: goodbye.Arg, Arg2: path}
			}
		}
	}
	close(h.done)
	h.version++
	snap := h.s.Snapshot()
	for _, id := range h.order {
		p := h.people[id]
		p.box.put(&Update{Version: h.version, Snap: snap, Meeting: h.meetingFor(p), Goodbye: goodbye})
	}
}

// gather asks every screen for what it still holds, and takes it, for at
// most endWait: the end of the review loses no letter typed and no notes
// typed over someone's change. Whatever else comes meanwhile is handled
// as ever.
func (h *Hub) gather() {
	h.ending = true
	h.publish()
	waiting := func() bool {
		for _, id := range h.order {
			if !h.ready[id] {
				return true
			}
		}
		return false
	}
	deadline := time.NewTimer(h.endWait)
	defer deadline.Stop()
	for waiting() {
		select {
		case m := <-h.in:
			if _, stop := m.(stopMsg); !stop {
				h.safely(func() { h.handle(m) })
			}
		case <-deadline.C:
			return
		}
	}
}

// keepOpenVote records the ballots of a vote still open as the review
// ends, the answer left as it is (as "keep the answer" settles a vote).
func (h *Hub) keepOpenVote() {
	if h.vote == nil || len(h.vote.ballots) == 0 {
		return
	}
	by := h.people[h.chair]
	if by == nil {
		by = h.people[h.host]
	}
	if by == nil {
		by = &person{Participant: Participant{Name: "host"}}
	}
	h.closeVote(by, false)
}

// parkUndecided puts the proposals nobody decided in the parking lot, in
// their authors' names: the review's end loses none of them.
func (h *Hub) parkUndecided() {
	snap := h.s.Snapshot()
	for _, prop := range h.proposals {
		h.s.Apply(prop.By, tui.ParkIntent{Item: prop.Item, Text: tui.UndecidedProposal(snap, prop, h.lang)})
	}
	h.proposals = nil
}

// publish hands every participant the newest state.
func (h *Hub) publish() {
	h.version++
	snap := h.s.Snapshot()
	for _, id := range h.order {
		p := h.people[id]
		u := &Update{Version: h.version, Snap: snap, Meeting: h.meetingFor(p), Results: p.results, Ending: h.ending}
		p.results = nil
		p.box.put(u)
	}
}
