package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// Notice is a one-line message (merged changes, reloads, an action added,
// who changed what in a live review). The session, or the hub of a live
// review, says what happened as a kind and its facts; each viewer words it
// in its own language.
type Notice struct {
	Kind NoticeKind
	Arg  string // a question or choice id, a milestone's name, a file...
	Arg2 string // a second name: what a merge renamed Arg to
	N    int
	// Who did it, and whom it concerns (whose proposal, the new
	// facilitator), in a live review.
	Who, Whom string
	Proposal  *Proposal    // the proposal made, accepted or declined
	Team      *TeamProblem // a problem with the team file
	Lens      *workspace.LensDrift
	// Text is what wafr has no words for: a message given as it is
	// (NoticeText), or the panic or system error some kinds show.
	Text string
	At   time.Time
}

// NoticeKind says what a notice is about.
type NoticeKind int

// The kinds of notice: the session's, then a live review's.
const (
	NoticeText             NoticeKind = iota // Text, as it is
	NoticeApplicableAgain                    // Arg: the question
	NoticeNoneCleared                        // Arg: the question; Arg2: its "None of these"; N: the ticks it cleared
	NoticeMilestone                          // Arg: its name
	NoticeActionAdded                        // Arg: its id
	NoticeMerged                             // changes made outside were merged
	NoticeRecreated                          // Arg: the file, deleted meanwhile and written again
	NoticeReloaded                           // Arg: the file
	NoticeKeptOurs                           // N: questions kept
	NoticeParked                             // Arg: the question
	NoticeParkDropped                        // a parked item dropped
	NoticeParkedToAction                     // Arg: the action's id
	NoticeParkedToNotes                      // Arg: the question
	NoticeMilestoneRenamed                   // a merge renamed milestone Arg to Arg2
	NoticeActionRenumbered                   // a merge renumbered action Arg to Arg2
	NoticeLensChanged                        // Lens: how

	// What the hub of a live review did, for the one who asked.
	NoticeTimeBoxOff // the time-box is off
	NoticeTimeBox    // N minutes per question
	NoticeEditOpen   // contributors change answers themselves
	NoticeEditClosed // contributors propose
	NoticeFacilitates
	NoticeProposed // Proposal
	NoticeDeclined // the facilitator declined a proposal
	// NoticeProposalKeptBoth: a notes proposal accepted after the notes
	// changed went in after them.
	NoticeProposalKeptBoth
	NoticeVoteOpened

	// What an update means for the one who sees it: their viewer says it.
	NoticeChairLost            // Whom: who facilitates now
	NoticeYourProposalAccepted // Who accepted it; Proposal
	NoticeYourProposalDeclined // Who declined it; Proposal

	// Who changed what, for everyone: Who did it.
	NoticeTicked            // Arg: the choice
	NoticeUnticked          // Arg: the choice
	NoticeMarkedNA          // Arg: the question
	NoticeMadeApplicable    // Arg: the question
	NoticeEditedNotes       // Arg: the question
	NoticeAddedAction       // Arg: the choice
	NoticeRecordedMilestone // Arg: its name
	NoticeParkedItem        // Arg: the question
	NoticeChangedReview
	NoticeHandedOver       // Whom: the new facilitator
	NoticeAcceptedProposal // Whom: who proposed; Proposal
	NoticeDeclinedProposal // Whom: who proposed; Proposal
	NoticeOpenedVote
	NoticeRevealedVotes
	NoticeSettledVote
	NoticeChairBack     // the facilitator did not come back: the host has it
	NoticeChairRevoked  // Who: the team file took the role from them; the host has it
	NoticeChairHeld     // Who left, the chair is held for them; Whom facilitates meanwhile
	NoticeChairReturned // Who came back within the minute and facilitates again
	NoticeLeft          // Who left the review
	NoticeOpenedEdits   // Who let contributors change answers themselves
	NoticeClosedEdits   // Who made contributors propose again
	NoticeInternalError // Text: what went wrong

	// About the review itself.
	NoticeTeamProblem    // Team
	NoticeSessionCrashed // Text: what went wrong
	NoticeSessionFailed  // Who: whose session; Text: the error

	// Goodbyes: the review has ended for this participant.
	NoticeGoodbyeSaved   // Arg: the review file
	NoticeGoodbyeAside   // Arg: the review file, which could not be saved; Arg2: where the answers are
	NoticeGoodbyeUnsaved // Arg: the review file, which could not be saved, nor the answers set aside
	NoticeGoodbyeStopped // stopped on the host
	NoticeGoodbyeRemoved // their key is no longer on the team

	noticeKinds // how many kinds there are
)

// noticeLint is the viewer's own notice of a lens with lint warnings.
const noticeLint NoticeKind = -1

// Empty reports whether there is nothing to say.
func (n Notice) Empty() bool { return n.Kind == NoticeText && n.Text == "" }

// mergeNotice is a merge note as a notice.
func mergeNotice(n review.MergeNote) Notice {
	if n.Kind == review.ActionRenumbered {
		return Notice{Kind: NoticeActionRenumbered, Arg: n.Was, Arg2: n.Now}
	}
	return Notice{Kind: NoticeMilestoneRenamed, Arg: n.Was, Arg2: n.Now}
}

// Words is a notice in the viewer's language, fit to show on a terminal.
func (v *Viewer) Words(n Notice) string { return sanitize(v.c.noticeText(v.snap, n)) }

// noticeText words a notice. snap names the choices a proposal is about.
func (c *common) noticeText(snap *Snapshot, n Notice) string {
	if s, ok := sessionNoticeText(c.t, n); ok {
		return s
	}
	if s, ok := c.liveResultText(snap, n); ok {
		return s
	}
	if s, ok := c.changeText(snap, n); ok {
		return s
	}
	return c.reviewNoticeText(n)
}

// sessionNoticeText words the notices of a session; ok is false for
// another kind.
func sessionNoticeText(t *i18n.TUI, n Notice) (string, bool) {
	w := &t.Notice
	switch n.Kind {
	case NoticeApplicableAgain:
		return fmt.Sprintf(w.ApplicableAgain, n.Arg), true
	case NoticeNoneCleared:
		return fmt.Sprintf(i18n.Plural(n.N, w.NoneClearedOne, w.NoneCleared), n.Arg, n.N, n.Arg2), true
	case NoticeMilestone:
		return fmt.Sprintf(w.Milestone, showName(w.Milestone, n.Arg)), true
	case NoticeActionAdded:
		return fmt.Sprintf(w.ActionAdded, n.Arg), true
	case NoticeMerged:
		return w.Merged, true
	case NoticeRecreated:
		return fmt.Sprintf(w.Recreated, n.Arg), true
	case NoticeReloaded:
		return fmt.Sprintf(w.Reloaded, n.Arg), true
	case NoticeKeptOurs:
		return fmt.Sprintf(w.KeptOurs, n.N), true
	case NoticeParked:
		return fmt.Sprintf(t.Meeting.Parked, n.Arg), true
	case NoticeParkDropped:
		return t.Meeting.ParkDropped, true
	case NoticeParkedToAction:
		return fmt.Sprintf(t.Meeting.ParkedToAction, n.Arg), true
	case NoticeParkedToNotes:
		return fmt.Sprintf(t.Meeting.ParkedToNotes, n.Arg), true
	case NoticeMilestoneRenamed:
		return fmt.Sprintf(w.MilestoneRenamed, showName(w.MilestoneRenamed, n.Arg), showName(w.MilestoneRenamed, n.Arg2)), true
	case NoticeActionRenumbered:
		return fmt.Sprintf(w.ActionRenumbered, n.Arg, n.Arg2), true
	case NoticeLensChanged:
		return lensText(w, n.Lens), true
	case noticeLint:
		if n.N == 1 {
			return fmt.Sprintf(w.LintWarning, shellArg(n.Arg)), true
		}
		return fmt.Sprintf(w.LintWarnings, n.N, shellArg(n.Arg)), true
	}
	return "", false
}

// lensText words how the lens changed since the review was saved.
func lensText(w *i18n.Notices, d *workspace.LensDrift) string {
	if d == nil {
		return ""
	}
	return d.Words(w, true)
}

// liveResultText words what the hub did for the one who asked; ok is false
// for another kind.
func (c *common) liveResultText(snap *Snapshot, n Notice) (string, bool) {
	t := &c.t.Live
	switch n.Kind {
	case NoticeTimeBoxOff:
		return t.TimeBoxOff, true
	case NoticeTimeBox:
		return i18n.Plural(n.N, t.TimeBoxOne, fmt.Sprintf(t.TimeBoxSet, n.N)), true
	case NoticeEditOpen:
		return t.EditOpen, true
	case NoticeEditClosed:
		return t.EditClosed, true
	case NoticeFacilitates:
		return fmt.Sprintf(t.Facilitates, showName(t.Facilitates, oneLine(n.Whom))), true
	case NoticeProposed:
		// A line of it: the proposer's editor holds the rest.
		return fmt.Sprintf(t.Proposed, truncate(c.proposalText(snap, n.Proposal), proposedWidth)), true
	case NoticeDeclined:
		return t.Declined, true
	case NoticeProposalKeptBoth:
		return t.ProposalKeptBoth, true
	case NoticeVoteOpened:
		return t.VoteOpened, true
	case NoticeChairLost:
		return fmt.Sprintf(t.ChairLost, showName(t.ChairLost, oneLine(n.Whom))), true
	case NoticeYourProposalAccepted:
		return fmt.Sprintf(t.YourProposalTook, showName(t.YourProposalTook, oneLine(n.Who)), c.proposalText(snap, n.Proposal)), true
	case NoticeYourProposalDeclined:
		return fmt.Sprintf(t.YourProposalNot, showName(t.YourProposalNot, oneLine(n.Who)), c.proposalText(snap, n.Proposal)), true
	}
	return "", false
}

// changeText words who changed what in a live review; ok is false for
// another kind.
func (c *common) changeText(snap *Snapshot, n Notice) (string, bool) {
	t := &c.t.Live
	who, whom := textsafe.ShowInvisible(oneLine(n.Who)), textsafe.ShowInvisible(oneLine(n.Whom))
	byWhoOf := map[NoticeKind]string{
		NoticeTicked: t.Ticked, NoticeUnticked: t.Unticked, NoticeMarkedNA: t.MarkedNA, NoticeMadeApplicable: t.MadeApplicable,
		NoticeEditedNotes: t.EditedNotes, NoticeAddedAction: t.AddedAction, NoticeRecordedMilestone: t.RecordedMilestone,
		NoticeParkedItem: t.ParkedItem, NoticeHandedOver: t.HandedOver, NoticeChairHeld: t.ChairHeld,
	}
	if format, ok := byWhoOf[n.Kind]; ok {
		what := n.Arg
		if n.Kind == NoticeRecordedMilestone {
			what = showName(format, what)
		}
		if n.Kind == NoticeHandedOver || n.Kind == NoticeChairHeld {
			what = whom
		}
		return fmt.Sprintf(format, who, what), true
	}
	byWho := map[NoticeKind]string{
		NoticeChangedReview: t.ChangedReview, NoticeOpenedVote: t.OpenedVote, NoticeRevealedVotes: t.RevealedVotes,
		NoticeSettledVote: t.SettledVote, NoticeChairRevoked: t.ChairRevoked, NoticeChairReturned: t.ChairReturned,
		NoticeLeft: t.Left, NoticeOpenedEdits: t.OpenedEdits, NoticeClosedEdits: t.ClosedEdits,
	}
	if format, ok := byWho[n.Kind]; ok {
		return fmt.Sprintf(format, who), true
	}
	switch n.Kind {
	case NoticeAcceptedProposal:
		return fmt.Sprintf(t.AcceptedProposal, who, whom, c.proposalText(snap, n.Proposal)), true
	case NoticeDeclinedProposal:
		return fmt.Sprintf(t.DeclinedProposal, who, whom, c.proposalText(snap, n.Proposal)), true
	case NoticeChairBack:
		return t.ChairBack, true
	case NoticeInternalError:
		return fmt.Sprintf(t.InternalError, n.Text), true
	}
	return "", false
}

// reviewNoticeText words what is said about the review itself (the team
// file, a session that ended, goodbyes), or a notice's own text.
func (c *common) reviewNoticeText(n Notice) string {
	t := &c.t.Live
	switch n.Kind {
	case NoticeTeamProblem:
		if n.N > 0 { // several new problems at once: the first, and how many more
			return fmt.Sprintf(i18n.Plural(n.N, t.TeamMoreOne, t.TeamMore), teamProblemText(t, n.Team), n.N)
		}
		return teamProblemText(t, n.Team)
	case NoticeSessionCrashed:
		return fmt.Sprintf(t.SessionCrashed, n.Text)
	case NoticeSessionFailed:
		return fmt.Sprintf(t.SessionFailed, textsafe.ShowInvisible(oneLine(n.Who)), n.Text)
	case NoticeGoodbyeSaved:
		return fmt.Sprintf(t.GoodbyeSaved, n.Arg)
	case NoticeGoodbyeAside:
		return fmt.Sprintf(t.GoodbyeAside, n.Arg, n.Arg2)
	case NoticeGoodbyeUnsaved:
		return fmt.Sprintf(t.GoodbyeUnsaved, n.Arg)
	case NoticeGoodbyeStopped:
		return t.GoodbyeStopped
	case NoticeGoodbyeRemoved:
		return t.GoodbyeRemoved
	}
	return n.Text
}

// proposedWidth is as much of a proposal as the notice that it went to
// the facilitator says.
const proposedWidth = 60

// proposalText is what a proposal asks for, in a few words: tick or untick
// a choice, then its title (what a narrow line cuts first), or notes.
func (c *common) proposalText(snap *Snapshot, p *Proposal) string {
	return proposalText(&c.t.Live, snap, p)
}

// UndecidedProposal is what a proposal nobody decided is parked as when
// the review ends, in lang (empty: the lens's language): its tick, or its
// notes (only what they add to the ones they were typed over where those
// are still the question's: parked notes go after a question's notes),
// each labelled as a proposal, so that nobody takes it for an item someone
// parked.
func UndecidedProposal(snap *Snapshot, p Proposal, lang string) string {
	if lang == "" {
		lang = snap.Lens.Language
	}
	t := &i18n.For(lang).TUI.Live
	if in, ok := p.Intent.(NotesIntent); ok {
		current := ""
		if a := snap.Answer(p.Item); a != nil {
			current = a.Notes
		}
		added, _ := addedOver(in.Base, current, in.Notes)
		return fmt.Sprintf(t.Undecided, fmt.Sprintf(t.ProposeNotes, strings.TrimSpace(added))) // its lines kept, unlike a one-line notice
	}
	return fmt.Sprintf(t.Undecided, proposalText(t, snap, &p))
}

func proposalText(t *i18n.Live, snap *Snapshot, p *Proposal) string {
	if p == nil {
		return ""
	}
	switch in := p.Intent.(type) {
	case TickIntent:
		what := fmt.Sprintf(t.ProposeTick, in.ChoiceID)
		if p.Untick {
			what = fmt.Sprintf(t.ProposeUntick, in.ChoiceID)
		}
		if snap != nil && in.Item >= 0 && in.Item < len(snap.Items) {
			if ch := snap.Items[in.Item].Question.Choice(in.ChoiceID); ch != nil {
				what = fmt.Sprintf(t.WithTitle, what, oneLine(ch.Title))
			}
		}
		return what
	case NotesIntent:
		return fmt.Sprintf(t.ProposeNotes, strings.Join(strings.Fields(in.Notes), " "))
	}
	return ""
}
