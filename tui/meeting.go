package tui

import (
	"time"

	"github.com/wafr-dev/wafr/review"
)

// HostID is the connection id of a live review's host: the terminal that
// started it.
const HostID = "host"

// Role is what a participant of a live review may do.
type Role int

// Roles, least first.
const (
	Observer Role = iota
	Contributor
	Facilitator
)

func (r Role) String() string {
	switch r {
	case Facilitator:
		return "facilitator"
	case Contributor:
		return "contributor"
	}
	return "observer"
}

// ParseRole reads a role name; ok is false for an unknown one.
func ParseRole(s string) (Role, bool) {
	switch s {
	case "facilitator":
		return Facilitator, true
	case "contributor", "":
		return Contributor, true
	case "observer":
		return Observer, true
	}
	return Observer, false
}

// Person is someone in a live review, as everyone sees them.
type Person struct {
	ID        string // the connection
	Name      string
	Role      Role // what they may do now: Facilitator for whoever runs the meeting
	Item      int  // the question they are on
	Following bool
	Voted     bool // has a ballot in the open vote
}

// Proposal is a change a contributor asked for, waiting for the
// facilitator. Each viewer words it: "tick OPS1_slo (title)", "notes: …".
type Proposal struct {
	ID     int
	By     string
	Item   int
	Intent Intent // a TickIntent or a NotesIntent
	// Untick is a TickIntent on a choice that was ticked when proposed.
	Untick bool
}

// VoteView is a silent vote as one participant sees it.
type VoteView struct {
	Item            int
	Revealed        bool
	Voted, Eligible int
	Mine            []string // my ballot
	// Known once revealed: who ticked each choice, the choices on which
	// the ballots differ, and those more than half of them ticked.
	Voters   map[string][]string
	Disagree map[string]bool
	Majority []string
}

// TimeBox is the time allowed per question and when the shared question
// was opened.
type TimeBox struct {
	PerQuestion time.Duration
	Started     time.Time
}

// Left is the time left on the shared question; negative is overtime.
func (t TimeBox) Left(now time.Time) time.Duration {
	return t.PerQuestion - now.Sub(t.Started)
}

// Meeting is a live review as one participant sees it.
type Meeting struct {
	Me        Person
	People    []Person
	Shared    int  // the question the facilitator is on
	EditOpen  bool // contributors may change answers themselves
	MayEdit   bool // Me changes answers directly; else Me's ticks and notes are proposals
	Proposals []Proposal
	Vote      *VoteView
	TimeBox   TimeBox
	// LastChange says who made the latest change ("alice ticked
	// OPS1_slo"), as a kind and its facts that each viewer words.
	LastChange Notice
}

// Meeting intents: the hub of a live review applies them.
type (
	// MoveIntent says which question the sender is on; the facilitator's
	// moves the shared question.
	MoveIntent struct{ Item int }
	// FollowIntent switches between following the facilitator and roaming.
	FollowIntent struct{ Follow bool }
	// OpenVoteIntent opens a silent vote on a question.
	OpenVoteIntent struct{ Item int }
	// BallotIntent ticks or unticks a choice on the sender's own ballot.
	BallotIntent struct{ ChoiceID string }
	// RevealIntent shows everyone's ballots.
	RevealIntent struct{}
	// CloseVoteIntent ends a vote, keeping the ballots with the answer;
	// with Majority, the answer becomes what most ballots ticked.
	CloseVoteIntent struct{ Majority bool }
	// DecideIntent accepts or declines a proposal.
	DecideIntent struct {
		Proposal int
		Accept   bool
	}
	// TimeBoxIntent sets the minutes per question (0: none).
	TimeBoxIntent struct{ Minutes int }
	// EditOpenIntent lets contributors change answers, or makes them
	// propose.
	EditOpenIntent struct{ Open bool }
	// HandOverIntent makes another person the facilitator.
	HandOverIntent struct{ To string }
)

func (MoveIntent) intent()      {}
func (FollowIntent) intent()    {}
func (OpenVoteIntent) intent()  {}
func (BallotIntent) intent()    {}
func (RevealIntent) intent()    {}
func (CloseVoteIntent) intent() {}
func (DecideIntent) intent()    {}
func (TimeBoxIntent) intent()   {}
func (EditOpenIntent) intent()  {}
func (HandOverIntent) intent()  {}

// Session intents a live review adds: they are saved in the file.
type (
	// ParkIntent puts an item in the parking lot.
	ParkIntent struct {
		Item int
		Text string
	}
	// ResolveParkedIntent turns a parked item into an action (with Owner
	// and Due), into notes of its question, or drops it. The item is named
	// by what it is, not where it was in a list someone else may have
	// changed meanwhile.
	ResolveParkedIntent struct {
		Item       review.Parked
		Into       ParkedOutcome
		Owner, Due string
	}
	// RecordVoteIntent keeps a vote's ballots with the answer; Select,
	// when not nil, becomes the answer's ticks.
	RecordVoteIntent struct {
		Item   int
		Votes  []review.Vote
		Select []string
	}
	// TimeSpentIntent adds time spent on a question.
	TimeSpentIntent struct {
		Item  int
		Spent time.Duration
	}
)

// ParkedOutcome is what a parked item becomes.
type ParkedOutcome int

// What a parked item becomes.
const (
	ParkedToAction ParkedOutcome = iota
	ParkedToNotes
	ParkedDropped
)

func (ParkIntent) intent()          {}
func (ResolveParkedIntent) intent() {}
func (RecordVoteIntent) intent()    {}
func (TimeSpentIntent) intent()     {}
