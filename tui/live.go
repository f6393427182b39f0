package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/workspace"
)

// Why the hub of a live review refused an intent. Each viewer words them
// in its own language (their text here is for logs and tests).
var (
	ErrObserverReadOnly = errors.New("observers follow the review: they do not change it")
	ErrFacilitatorOnly  = errors.New("only the facilitator can do that")
	// ErrAskFacilitator is a change a contributor may not even propose
	// while the facilitator keeps the answers to themselves.
	ErrAskFacilitator = errors.New("ask the facilitator: only they can do that now")
	ErrNoVote         = errors.New("no vote is open")
	ErrVoteOpen       = errors.New("a vote is open already: settle it first")
	ErrVotesRevealed  = errors.New("the votes are revealed: the facilitator settles the answer")
	// ErrNotLive is an intent that only a review of one's own takes.
	ErrNotLive                  = errors.New("not in a live review")
	ErrPersonLeft               = errors.New("that person has left")
	ErrObserverCannotFacilitate = errors.New("an observer cannot facilitate")
	ErrProposalGone             = errors.New("that proposal is gone")
	ErrTooManyProposals         = errors.New("too many proposals waiting")
	ErrTooManyParked            = errors.New("too many items in the parking lot")
)

// LimitError is a cap one person reached (ErrTooManyProposals,
// ErrTooManyParked), with how many they have.
type LimitError struct {
	Err error
	N   int
}

func (e *LimitError) Error() string {
	if errors.Is(e.Err, ErrTooManyParked) {
		return fmt.Sprintf("you have %d items in the parking lot already", e.N)
	}
	return fmt.Sprintf("you have %d proposals waiting: let the facilitator catch up", e.N)
}

func (e *LimitError) Unwrap() error { return e.Err }

// liveErrorText words the refusals of a live review; ok is false for any
// other error.
func liveErrorText(t *i18n.Live, err error) (string, bool) {
	var limit *LimitError
	if errors.As(err, &limit) {
		if errors.Is(limit.Err, ErrTooManyParked) {
			return fmt.Sprintf(t.TooManyParked, limit.N), true
		}
		return fmt.Sprintf(t.TooManyProposals, limit.N), true
	}
	for _, w := range []struct {
		err  error
		text string
	}{
		{ErrObserverReadOnly, t.ObserverReadOnly}, {ErrFacilitatorOnly, t.FacilitatorOnly}, {ErrAskFacilitator, t.AskFacilitator},
		{ErrNoVote, t.NoVote}, {ErrVoteOpen, t.VoteOpenAlready}, {ErrVotesRevealed, t.VotesRevealed}, {ErrNotLive, t.NotLive},
		{ErrPersonLeft, t.PersonLeft}, {ErrObserverCannotFacilitate, t.ObserverCannotLead}, {ErrProposalGone, t.ProposalGone},
	} {
		if errors.Is(err, w.err) {
			return w.text, true
		}
	}
	return "", false
}

// saveErrorText is why a save failed, in the viewer's words where wafr
// knows why; an error of the system (a full disk, a permission) is shown
// as the system says it.
func saveErrorText(t *i18n.Status, err error) string {
	switch {
	case errors.Is(err, workspace.ErrLocked):
		return t.Locked
	case errors.Is(err, workspace.ErrStillChanging):
		return t.StillChanging
	case errors.Is(err, workspace.ErrTooLarge):
		return t.TooLarge
	case errors.Is(err, workspace.ErrUnreadable):
		return t.Unreadable
	case errors.Is(err, workspace.ErrNotRegular):
		return t.NotRegular
	case errors.Is(err, workspace.ErrReadOnly) && errors.Is(err, fs.ErrPermission):
		return t.ReadOnly // else a read-only file system, say: as the system says it
	case errors.Is(err, workspace.ErrNoFolder):
		return t.NoFolder
	case errors.Is(err, workspace.ErrFolderNotWritable):
		return fmt.Sprintf(t.NotWritable, systemErrorText(err))
	}
	return systemErrorText(err)
}

// systemErrorText is what the system said inside err, as it said it; err
// as it is when it holds nothing of the system's.
func systemErrorText(err error) string {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	var errno syscall.Errno
	switch {
	case errors.As(err, &pathErr):
		return pathErr.Error()
	case errors.As(err, &linkErr):
		return linkErr.Error()
	case errors.As(err, &errno):
		return errno.Error()
	}
	return err.Error()
}

// TeamProblem is something wrong in the team file of a live review: a line
// skipped, or the file unreadable. String is the English the command line
// prints; a viewer words it from the kind and the facts.
type TeamProblem struct {
	Kind TeamProblemKind
	File string
	Line int
	// Value is what the line says: the role or option wafr cannot take,
	// or the name of whoever was listed first with the key; Name the
	// name listed again.
	Value, Name string
	// Err is what the SSH library or the system said.
	Err string
}

// TeamProblemKind says what is wrong in a team file.
type TeamProblemKind int

// The problems of a team file.
const (
	TeamNotAKey    TeamProblemKind = iota // Err: why the line does not parse
	TeamBadRole                           // Value: the role
	TeamBadOption                         // Value: the option
	TeamRoleInName                        // role= after the key, in the name
	TeamDuplicate                         // Value: listed first; Name: listed again
	TeamUnreadable                        // Err: why
	TeamGone                              // Err: why; no one else can join
)

func (p TeamProblem) String() string {
	at := fmt.Sprintf("%s:%d: ", p.File, p.Line)
	switch p.Kind {
	case TeamNotAKey:
		return at + "not a public key line (" + p.Err + "); the line is skipped"
	case TeamBadRole:
		return at + fmt.Sprintf("role %q is not facilitator, contributor or observer; the line is skipped", p.Value)
	case TeamBadOption:
		return at + fmt.Sprintf("the key has the option %q, which wafr serve cannot honour; the line is skipped", p.Value)
	case TeamRoleInName:
		return at + "role= must come before the key type (it is in the name here); the line is skipped"
	case TeamDuplicate:
		return at + fmt.Sprintf("the key of %s is listed again (as %s); the first line counts", p.Value, p.Name)
	case TeamGone:
		return fmt.Sprintf("%s: %s; no one else can join until it is back", p.File, p.Err)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Err)
}

// teamProblemText words a problem of the team file.
// TeamProblemText is a team file's problem in t's words, for the lines
// wafr serve prints before any screen.
func TeamProblemText(t *i18n.Live, p TeamProblem) string { return teamProblemText(t, &p) }

func teamProblemText(t *i18n.Live, p *TeamProblem) string {
	if p == nil {
		return ""
	}
	switch p.Kind {
	case TeamNotAKey:
		return fmt.Sprintf(t.TeamNotAKey, p.File, p.Line, p.Err)
	case TeamBadRole:
		return fmt.Sprintf(t.TeamBadRole, p.File, p.Line, p.Value)
	case TeamBadOption:
		return fmt.Sprintf(t.TeamBadOption, p.File, p.Line, p.Value)
	case TeamRoleInName:
		return fmt.Sprintf(t.TeamRoleInName, p.File, p.Line)
	case TeamDuplicate:
		return fmt.Sprintf(t.TeamDuplicate, p.File, p.Line, p.Value, p.Name)
	case TeamGone:
		return fmt.Sprintf(t.TeamGone, p.File, p.Err)
	}
	return fmt.Sprintf(t.TeamUnreadable, p.File, p.Err)
}
