package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
)

// SetMeeting shows a live review's state: who is here, the shared
// question, votes, proposals, the time-box. A following viewer moves to the
// facilitator's question.
func (v *Viewer) SetMeeting(m *Meeting) tea.Cmd {
	old := v.meeting
	first := old == nil
	if first && m != nil {
		// q leaves a live review; for its host, it ends it for everyone.
		desc := v.c.t.Keys.Leave
		if m.Me.ID == HostID {
			desc = v.c.t.Keys.EndReview
		}
		v.c.keys.Global.Quit.SetHelp(v.c.keys.Global.Quit.Help().Key, desc)
	}
	v.meeting = m
	v.question.meeting = m
	if m != nil {
		v.meetingDialogs(m)
		if v.notice.Kind == NoticeVoteOpened && (m.Vote == nil || m.Vote.Revealed) {
			v.notice = Notice{} // "vote open: v reveals" is over
		}
	}
	// The pane shows who ticked the highlighted choice in a revealed vote:
	// an update changes it without a key.
	v.question = v.question.refreshPane()
	if m != nil && v.asked != nil && m.Me.Following == *v.asked {
		v.asked = nil // the hub has taken our follow or roam
	}
	v.tell(old, m)
	cmd := v.follow()
	if first {
		cmd = tea.Batch(cmd, v.landOnShared())
	}
	v.syncConflict() // the role may have changed
	v.refresh()
	return cmd
}

// landOnShared opens the shared question for someone who joins as the
// facilitator (back within the minute the role was kept for them): they
// run the meeting from where it is, and their presence says so already.
// The host opens the review where it starts, which is where the meeting
// does.
func (v *Viewer) landOnShared() tea.Cmd {
	m := v.meeting
	if m == nil || m.Me.Role != Facilitator || m.Me.ID == HostID || v.current == screenSetup ||
		m.Shared < 0 || m.Shared >= len(v.snap.Items) {
		return nil
	}
	return v.openShared()
}

// openShared opens the meeting's shared question, unless it is open.
func (v *Viewer) openShared() tea.Cmd {
	if v.current == screenQuestion && v.question.cur == v.meeting.Shared {
		return nil
	}
	v.current = screenQuestion
	v.question = v.question.open(v.meeting.Shared)
	return v.question.helpCmds()
}

// statusKind reports whether k is a change to the meeting itself, which
// everyone must read wherever they are and whatever the question shows:
// the status line says it, not the banner over the question. A problem
// of the team file is the host's alone (hostKind).
func statusKind(k NoticeKind) bool {
	switch k {
	case NoticeHandedOver, NoticeChairHeld, NoticeChairReturned, NoticeChairBack, NoticeChairRevoked, NoticeLeft,
		NoticeOpenedEdits, NoticeClosedEdits, NoticeTeamProblem:
		return true
	}
	return false
}

// hostKind reports whether k is for the host alone: the team file is
// theirs to fix, and a line number of it means nothing to anyone else.
func hostKind(k NoticeKind) bool { return k == NoticeTeamProblem }

// tell puts in the status line what an update means for this person: a
// change to the meeting itself, the facilitator role they lost, the
// answer to their proposal. A notice of theirs that the update makes
// stale ("proposed to the facilitator: …") goes.
func (v *Viewer) tell(old, m *Meeting) {
	if m == nil {
		return
	}
	mine := !hostKind(m.LastChange.Kind) || m.Me.ID == HostID
	if lc := m.LastChange; statusKind(lc.Kind) && mine && lc.At.After(v.notice.At) && (old == nil || !sameChange(old.LastChange, lc)) {
		v.notice = lc
	}
	if old == nil {
		return
	}
	if old.Me.Role == Facilitator && m.Me.Role != Facilitator {
		v.notice = Notice{Kind: NoticeChairLost, Whom: facilitator(m), At: v.c.now()}
	}
	v.notice = v.decided(v.notice)
}

// decided is n, unless n says a proposal was made that the meeting no
// longer has: then it is the facilitator's answer to it, when the latest
// change is that, else nothing.
func (v *Viewer) decided(n Notice) Notice {
	m := v.meeting
	if n.Kind != NoticeProposed || n.Proposal == nil || m == nil ||
		slices.ContainsFunc(m.Proposals, func(p Proposal) bool { return p.ID == n.Proposal.ID }) {
		return n
	}
	lc := m.LastChange
	if lc.Proposal == nil || lc.Proposal.ID != n.Proposal.ID {
		return Notice{At: n.At}
	}
	switch lc.Kind {
	case NoticeAcceptedProposal:
		return Notice{Kind: NoticeYourProposalAccepted, Who: lc.Who, Proposal: lc.Proposal, At: lc.At}
	case NoticeDeclinedProposal:
		return Notice{Kind: NoticeYourProposalDeclined, Who: lc.Who, Proposal: lc.Proposal, At: lc.At}
	}
	return Notice{At: n.At}
}

// sameChange reports whether two latest changes are one: an update
// repeats the latest change until there is another.
func sameChange(a, b Notice) bool {
	return a.Kind == b.Kind && a.Who == b.Who && a.Whom == b.Whom && a.Arg == b.Arg && a.At.Equal(b.At)
}

// facilitator is the name of whoever runs the meeting now.
func facilitator(m *Meeting) string {
	for _, p := range m.People {
		if p.Role == Facilitator {
			return p.Name
		}
	}
	return ""
}

// follow moves a following screen to the facilitator's question. Nothing
// moves under a text field being typed in, and a screen that has just
// asked to roam does not follow an update sent before the hub knew.
func (v *Viewer) follow() tea.Cmd {
	m := v.meeting
	following := m != nil && m.Me.Following
	if v.asked != nil {
		following = *v.asked
	}
	if !following || m.Me.Role == Facilitator || v.current == screenSetup {
		return nil
	}
	if top := topOf(v.dialogs); top != nil && top.typing() {
		return nil
	}
	return v.openShared()
}

// askFollow asks the hub to follow or roam, and keeps to it until the hub
// says so too.
func (v *Viewer) askFollow(follow bool) {
	v.asked = &follow
	v.outbox = append(v.outbox, FollowIntent{Follow: follow})
}

// presenceLine is who is here and where, with the time left on the shared
// question.
func (v *Viewer) presenceLine() string {
	m, s, t := v.meeting, v.c.styles, &v.c.t.Meeting
	right := ""
	if tb := m.TimeBox; tb.PerQuestion > 0 && !tb.Started.IsZero() {
		left := tb.Left(v.c.now())
		if left >= 0 {
			right = s.Status.Render(fmt.Sprintf(t.TimeLeft, clock(left)))
		} else {
			right = s.RiskHigh.Render(fmt.Sprintf(t.Overtime, clock(-left)))
		}
	}
	var people []string
	names := personNames(m.People)
	for i, p := range m.People {
		where := ""
		if p.Item >= 0 && p.Item < len(v.snap.Items) {
			where = " " + cleanLine(v.snap.Items[p.Item].Question.ID)
		}
		tag := ""
		switch {
		case p.Role == Facilitator:
			tag = "★"
		case p.Role == Observer:
			tag = "◦"
		case !p.Following:
			tag = "»"
		}
		people = append(people, tag+names[i]+where)
	}
	lead := ""
	if n := len(m.Proposals); n > 0 && m.Me.Role == Facilitator {
		lead = s.Notice.Render(i18n.Plural(n, t.OneProposal, fmt.Sprintf(t.Proposals, n)))
	}
	room := v.termW - displayWidth(lead) - displayWidth(right) - 1 - spreadGap // a space before, a gap before right
	who := fitPeople(people, room, t.MorePeople)
	if v.join != "" && len(m.People) <= 1 { // the host alone: how to join, cut at the end if need be (not a person to count)
		who += " · " + fmt.Sprintf(t.JoinWith, v.join)
	}
	return spread(lead+s.Dim.Render(" "+who), right, v.termW)
}

// personNames is how the presence line and the hand-over list name each
// of people: a name two connections share (one person on two terminals,
// or a key named like the host) is numbered in the order they are listed,
// "alice (1)", "alice (2)", so that both lists tell them apart alike.
func personNames(people []Person) []string {
	names := make([]string, len(people))
	count := map[string]int{}
	for i, p := range people {
		names[i] = cleanName(p.Name)
		count[names[i]]++
	}
	seen := map[string]int{}
	for i, n := range names {
		if count[n] > 1 {
			seen[n]++
			names[i] = fmt.Sprintf("%s (%d)", n, seen[n])
		}
	}
	return names
}

// fitPeople joins as many of people as fit in room columns, then says how
// many more there are ("+3 more"), rather than cutting a name in two and
// leaving the rest unsaid. With no room even for that, it is spread's to
// cut.
func fitPeople(people []string, room int, more string) string {
	all := strings.Join(people, " · ")
	if displayWidth(all) <= room {
		return all
	}
	for n := len(people) - 1; n >= 1; n-- {
		line := strings.Join(people[:n], " · ") + " · " + fmt.Sprintf(more, len(people)-n)
		if displayWidth(line) <= room {
			return line
		}
	}
	return all
}

func clock(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// banner is the question screen's line under the title during a live
// review: the vote on this question, the proposal waiting, who changed
// what last. It is "" when there is nothing to say.
func (q questionScreen) banner(w int) string {
	m, s, t := q.meeting, q.c.styles, &q.c.t.Meeting
	if m == nil {
		return ""
	}
	if vt := m.Vote; vt != nil && vt.Item == q.cur {
		if !vt.Revealed {
			line := fmt.Sprintf(t.VoteOpen, vt.Voted, vt.Eligible)
			if m.Me.Role == Facilitator {
				line += t.VoteReveals
			}
			return s.Notice.Render(truncate(line, w))
		}
		line := t.Agrees
		if n := len(vt.Disagree); n > 0 {
			line = i18n.Plural(n, t.DisagreesOne, fmt.Sprintf(t.Disagrees, n))
		}
		if m.Me.Role == Facilitator {
			line += t.VoteSettles
		}
		return s.Notice.Render(truncate(line, w))
	}
	if len(m.Proposals) > 0 && m.Me.Role == Facilitator {
		p := m.Proposals[0]
		return s.Notice.Render(truncate(fmt.Sprintf(t.Proposes, cleanName(p.By),
			cleanLine(q.snap.Items[p.Item].Question.ID), cleanLine(q.c.proposalText(q.snap, &p))), w))
	}
	if lc := m.LastChange; !lc.Empty() && !statusKind(lc.Kind) && q.c.now().Sub(lc.At) < noticeFor {
		return s.Dim.Render(truncate(cleanLine(q.c.noticeText(q.snap, lc)), w))
	}
	return ""
}

// voteMarks is how a choice shows during a vote on this question: the
// person's own ballot before the reveal, and how many ticked it after.
func (q questionScreen) voteMarks(choiceID string) (box, suffix string, ok bool) {
	m, s := q.meeting, q.c.styles
	if m == nil || m.Vote == nil || m.Vote.Item != q.cur {
		return "", "", false
	}
	vt := m.Vote
	if !vt.Revealed {
		for _, id := range vt.Mine {
			if id == choiceID {
				return s.Checked.Render("[•]"), "", true
			}
		}
		return s.Unchecked.Render("[ ]"), "", true
	}
	n := len(vt.Voters[choiceID])
	suffix = s.Dim.Render(fmt.Sprintf(" %*d/%d", len(strconv.Itoa(vt.Voted)), n, vt.Voted)) // " 2/12" under "10/12"
	if vt.Disagree[choiceID] {
		suffix += s.Notice.Render(" ≠")
	}
	return "", suffix, false
}

// voteHelp is who ticked the highlighted choice, once revealed: lines
// for the top of the help pane, with a blank line after them.
func (q questionScreen) voteHelp(choiceID string) []string {
	m, t := q.meeting, &q.c.t.Meeting
	if m == nil || m.Vote == nil || m.Vote.Item != q.cur || !m.Vote.Revealed {
		return nil
	}
	names := m.Vote.Voters[choiceID]
	if len(names) == 0 {
		return append(q.c.tr.wrapRuns([]run{{text: t.NobodyTicked, style: tsDim}}, q.paneContentWidth(), "", ""), "")
	}
	clean := make([]string, len(names))
	for i, n := range names {
		clean[i] = cleanName(n)
	}
	runs := []run{{text: t.TickedBy, style: tsBold}, {text: strings.Join(clean, ", ")}}
	return append(q.c.tr.wrapRuns(runs, q.paneContentWidth(), "", ""), "")
}
