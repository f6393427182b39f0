package tui

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/review"
)

// meetingViewer is a viewer of a live review, as participant me.
func meetingViewer(t *testing.T, me Person) (*Viewer, *Meeting) {
	t.Helper()
	l := loadLens(t, "builtin:ops")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "Live"}), Lens: l})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m := &Meeting{Me: me, People: []Person{{ID: "host", Name: "hana", Role: Facilitator}, me}}
	v.SetMeeting(m)
	return v, m
}

func intents(v *Viewer, keys ...string) []Intent {
	for _, k := range keys {
		v.Update(keyMsg(k))
	}
	return v.TakeIntents()
}

// Two connections with one name (alice as the host and on a key of her
// own) are numbered alike in the presence line and the hand-over list.
func TestSameNameIsToldApart(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Facilitator, Following: true})
	next := *m
	next.People = []Person{{ID: "host", Name: "alice", Role: Contributor}, next.Me, {ID: "k#2", Name: "alice", Role: Contributor}}
	v.SetMeeting(&next)
	view := ansi.Strip(v.View())
	if !strings.Contains(view, "alice (1) OPS1") || !strings.Contains(view, "alice (2)") {
		t.Errorf("the presence line does not tell the two alices apart:\n%s", view)
	}
	v.Update(keyMsg("H"))
	view = ansi.Strip(v.View())
	if !strings.Contains(view, "alice (1)") || !strings.Contains(view, "alice (2)") {
		t.Fatalf("the hand-over list does not tell the two alices apart:\n%s", view)
	}
	v.Update(keyMsg("down"))
	v.Update(keyMsg("enter"))
	if got := v.TakeIntents(); len(got) != 1 || got[0] != (HandOverIntent{To: "k#2"}) {
		t.Errorf("picking alice (2) gave %#v, want the hand-over to k#2", got)
	}
}

// A presence line with more people than fit names those it has room for
// and counts the rest, beside the time-box, rather than cutting a name.
func TestPresenceLineCountsWhoDoesNotFit(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	next := *m
	for i := range 12 {
		next.People = append(next.People, Person{ID: fmt.Sprint("p", i), Name: fmt.Sprintf("participant-%02d", i), Role: Contributor, Following: true})
	}
	next.TimeBox = TimeBox{PerQuestion: 5 * time.Minute, Started: testNow}
	v.SetMeeting(&next)
	line := ""
	for _, l := range strings.Split(ansi.Strip(v.View()), "\n") {
		if strings.Contains(l, "★hana") {
			line = l
		}
	}
	if !strings.Contains(line, "left") {
		t.Fatalf("no time-box beside the people: %q", line)
	}
	if !strings.Contains(line, " more") || strings.Contains(line, "…") {
		t.Errorf("the presence line cuts a name instead of counting the rest: %q", line)
	}
	shown := strings.Count(line, "participant-")
	if want := fmt.Sprintf("+%d more", 12-shown); !strings.Contains(line, want) {
		t.Errorf("the presence line shows %d of 12 and does not say %q: %q", shown, want, line)
	}
	checkFits(t, v, "presence with many people")
}

func TestMeetingFollowAndRoam(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	if !strings.Contains(ansi.Strip(v.View()), "★hana") || !strings.Contains(ansi.Strip(v.View()), "bob OPS1") {
		t.Errorf("no presence line:\n%s", ansi.Strip(v.View()))
	}
	checkFits(t, v, "meeting")
	// The facilitator moves on: a following screen goes along.
	next := *m
	next.Shared = 3
	v.SetMeeting(&next)
	if v.current != screenQuestion || v.question.cur != 3 {
		t.Fatalf("did not follow: %v %d", v.current, v.question.cur)
	}
	// Moving on one's own roams.
	got := intents(v, "n")
	if len(got) != 2 || got[0] != (MoveIntent{Item: 4}) || got[1] != (FollowIntent{Follow: false}) {
		t.Errorf("intents %#v", got)
	}
	// An update the hub sent before it knew still says "following": the
	// screen stays where its person took it.
	v.SetMeeting(&next)
	if v.question.cur != 4 {
		t.Errorf("a stale update pulled the screen back to %d", v.question.cur)
	}
	// F follows again, at once.
	if got := intents(v, "F"); len(got) != 1 || got[0] != (FollowIntent{Follow: true}) || v.question.cur != 3 {
		t.Errorf("F: %#v, on %d", got, v.question.cur)
	}
	// A following screen never moves under a note being typed.
	v.Update(keyMsg("e"))
	moved := next
	moved.Shared = 5
	v.SetMeeting(&moved)
	if _, ok := topDialog(v).(notesDialog); !ok || v.question.cur != 3 {
		t.Fatalf("the editor was closed or the screen moved under it: %T on %d", topDialog(v), v.question.cur)
	}
	v.Update(keyMsg("esc"))
	if v.question.cur != 5 {
		t.Errorf("after the editor closed, the screen did not catch up: %d", v.question.cur)
	}
}

// Revealed counts stand in one column after the titles, the counts
// aligned on their slash, whatever each title's length.
func TestRevealedVotesInAColumn(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	shown := *m
	voters := map[string][]string{}
	for i, c := range v.snap.Items[0].Question.Choices {
		for j := range i * 3 {
			voters[c.ID] = append(voters[c.ID], fmt.Sprint("p", j))
		}
	}
	shown.Vote = &VoteView{Item: 0, Revealed: true, Voted: 12, Eligible: 12, Voters: voters, Disagree: map[string]bool{}}
	v.SetMeeting(&shown)
	col := -1
	rows := 0
	for _, l := range strings.Split(ansi.Strip(v.View()), "\n") {
		i := strings.Index(l, "/12")
		if i < 0 || !strings.Contains(l, "[") {
			continue
		}
		rows++
		if at := ansi.StringWidth(l[:i]); col < 0 {
			col = at
		} else if at != col {
			t.Errorf("a count is at column %d, another at %d:\n%s", at, col, ansi.Strip(v.View()))
			break
		}
	}
	if rows < 3 {
		t.Fatalf("found %d choice rows with counts:\n%s", rows, ansi.Strip(v.View()))
	}
}

func TestMeetingVoteKeys(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	if got := intents(v, "v"); len(got) != 1 || got[0] != (OpenVoteIntent{Item: 0}) {
		t.Fatalf("v: %#v", got)
	}
	open := *m
	open.Vote = &VoteView{Item: 0, Voted: 1, Eligible: 3, Mine: []string{"OPS1_users"}}
	v.SetMeeting(&open)
	view := ansi.Strip(v.View())
	if !strings.Contains(view, "Silent vote") || !strings.Contains(view, "1 of 3 voted") || !strings.Contains(view, "[•] Priorities") {
		t.Errorf("open vote:\n%s", view)
	}
	// A tick during the vote is a ballot, not an answer.
	if got := intents(v, "j", "x"); len(got) != 1 || got[0] != (BallotIntent{ChoiceID: "OPS1_slo"}) {
		t.Errorf("tick in a vote: %#v", got)
	}
	if got := intents(v, "v"); len(got) != 1 || got[0] != (RevealIntent{}) {
		t.Errorf("reveal: %#v", got)
	}
	shown := open
	shown.Vote = &VoteView{Item: 0, Revealed: true, Voted: 3, Eligible: 3, Voters: map[string][]string{"OPS1_users": {"bob", "hana"}},
		Disagree: map[string]bool{"OPS1_users": true}, Majority: []string{"OPS1_users"}}
	v.SetMeeting(&shown)
	if view := ansi.Strip(v.View()); !strings.Contains(view, "disagrees on 1 choice") || !strings.Contains(view, "2/3 ≠") {
		t.Errorf("revealed:\n%s", view)
	}
	v.Update(keyMsg("v"))
	if _, ok := topDialog(v).(pickDialog); !ok {
		t.Fatal("no settle dialog")
	}
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (CloseVoteIntent{Majority: true}) {
		t.Errorf("settle: %#v", got)
	}
	// No practice ticked by most: the first choice says it clears the
	// answer, and Enter keeps the answer.
	split := shown
	split.Vote = &VoteView{Item: 0, Revealed: true, Voted: 3, Eligible: 3, Voters: map[string][]string{"OPS1_users": {"bob"}, "OPS1_slo": {"hana"}}}
	v.SetMeeting(&split)
	v.Update(keyMsg("v"))
	if view := strings.Join(strings.Fields(ansi.Strip(v.View())), " "); !strings.Contains(view, "No practice was ticked by most: clear the answer") {
		t.Errorf("settling a split vote does not say it clears the answer:\n%s", view)
	}
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (CloseVoteIntent{}) {
		t.Errorf("Enter on a split vote: %#v, want the answer kept", got)
	}
}

func TestMeetingFacilitatorKeys(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	withProposal := *m
	withProposal.Proposals = []Proposal{{ID: 7, By: "bob", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}}
	v.SetMeeting(&withProposal)
	if view := ansi.Strip(v.View()); !strings.Contains(view, "bob proposes on OPS1: tick OPS1_slo") {
		t.Errorf("proposal not shown:\n%s", view)
	}
	if got := intents(v, "y"); len(got) != 1 || got[0] != (DecideIntent{Proposal: 7, Accept: true}) {
		t.Errorf("y: %#v", got)
	}
	if got := intents(v, "d"); len(got) != 1 || got[0] != (DecideIntent{Proposal: 7, Accept: false}) {
		t.Errorf("d: %#v", got)
	}
	if got := intents(v, "W"); len(got) != 1 || got[0] != (EditOpenIntent{Open: true}) {
		t.Errorf("W: %#v", got)
	}
	v.Update(keyMsg("T"))
	typeText(fakeModel{v}, "5")
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (TimeBoxIntent{Minutes: 5}) {
		t.Errorf("T 5: %#v", got)
	}
	v.Update(keyMsg("L"))
	typeText(fakeModel{v}, "ask the DBA")
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (ParkIntent{Item: 0, Text: "ask the DBA"}) {
		t.Errorf("L: %#v", got)
	}
	// Someone who does not facilitate gets no conflict dialog.
	o, _ := meetingViewer(t, Person{ID: "olga", Name: "olga", Role: Observer})
	snap := *o.snap
	snap.Conflict = &Conflict{Questions: []string{"OPS1"}}
	o.SetSnapshot(&snap)
	if len(o.dialogs) != 0 {
		t.Error("an observer was asked to settle a conflict")
	}
}

// fakeModel lets the test helpers drive a bare viewer.
type fakeModel struct{ v *Viewer }

func (f fakeModel) Init() tea.Cmd                         { return nil }
func (f fakeModel) Update(m tea.Msg) (tea.Model, tea.Cmd) { return f, f.v.Update(m) }
func (f fakeModel) View() string                          { return f.v.View() }

// In a live review q leaves; for the host it ends the review for everyone,
// and the key help says which.
func TestMeetingQuitSaysWhatItDoes(t *testing.T) {
	v, _ := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	if !strings.Contains(ansi.Strip(v.View()), "q leave the review") {
		t.Errorf("a participant's q:\n%s", ansi.Strip(v.View()))
	}
	h, _ := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	if !strings.Contains(ansi.Strip(h.View()), "q save & end the review for all") {
		t.Errorf("the host's q:\n%s", ansi.Strip(h.View()))
	}
}

// The host's screen says how others join while no one has, and its key
// help always does, with the host key, in the space it has.
func TestHostScreenSaysHowToJoin(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "Live"}), Lens: l})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow },
		Join: "ssh -p 2222 review-host", JoinKey: "SHA256:abcdef"})
	v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	host := Person{ID: HostID, Name: "hana", Role: Facilitator, Following: true}
	v.SetMeeting(&Meeting{Me: host, People: []Person{host}})
	if got := ansi.Strip(v.View()); !strings.Contains(got, "others join with: ssh -p 2222 review-host") {
		t.Errorf("the host alone is not told how others join:\n%s", got)
	}
	checkFits(t, v, "host alone")
	// With a time-box beside it and no room for the whole command, the
	// join line is cut at its end, never counted as a person ("+1 more").
	long := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow },
		Join: "ssh -p 2222 -o StrictHostKeyChecking=accept-new review-host.example.internal", JoinKey: "SHA256:abcdef"})
	long.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	long.SetMeeting(&Meeting{Me: host, People: []Person{host}, TimeBox: TimeBox{PerQuestion: 5 * time.Minute, Started: testNow}})
	if got := ansi.Strip(long.View()); strings.Contains(got, "more") || !strings.Contains(got, "others join with: ssh") {
		t.Errorf("the host alone, with a time-box, is not told how others join:\n%s", got)
	}
	v.SetMeeting(&Meeting{Me: host, People: []Person{host, {ID: "bob", Name: "bob", Role: Contributor}}})
	if got := ansi.Strip(v.View()); strings.Contains(got, "others join with") {
		t.Errorf("the join line stays once someone has joined:\n%s", got)
	}
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 60, Height: 20}} {
		v.Update(size)
		v.Update(keyMsg("?"))
		got := ansi.Strip(v.View())
		if words := strings.Join(strings.Fields(got), " "); !strings.Contains(words, "others join with: ssh -p 2222 review-host · host key SHA256:abcdef") {
			t.Errorf("the key help at %dx%d does not say how to join:\n%s", size.Width, size.Height, got)
		}
		checkFits(t, v, "key help with the join line")
		v.Update(keyMsg("?"))
	}
}

// Everyone sees the time left on the shared question, and the overtime.
func TestMeetingShowsTheTimeBox(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	for _, c := range []struct {
		started time.Duration
		want    string
	}{{-time.Minute, "⏱ 4:00 left"}, {-6*time.Minute - 5*time.Second, "⏱ overtime 1:05"}} {
		boxed := *m
		boxed.TimeBox = TimeBox{PerQuestion: 5 * time.Minute, Started: testNow.Add(c.started)}
		v.SetMeeting(&boxed)
		if got := ansi.Strip(v.View()); !strings.Contains(got, c.want) {
			t.Errorf("want %q:\n%s", c.want, got)
		}
	}
	v.SetMeeting(m)
	if got := ansi.Strip(v.View()); strings.Contains(got, "⏱") {
		t.Errorf("a time-box shown with none set:\n%s", got)
	}
}

// What participants type (their names from the team file, proposals,
// parked items) reaches every screen as plain text: no escape sequence,
// no line break that would shift the layout.
func TestMeetingParticipantTextIsClean(t *testing.T) {
	evil := "mal\x1b[2J\x1b]8;;https://evil.example\x07lory\nsecond line\u202e"
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	hostile := *m
	hostile.People = append(slices.Clone(m.People), Person{ID: "mal", Name: evil, Role: Contributor, Item: 0})
	hostile.Proposals = []Proposal{{ID: 1, By: evil, Item: 0, Intent: NotesIntent{Item: 0, Notes: evil}}}
	hostile.LastChange = Notice{Kind: NoticeTicked, Who: evil, Arg: evil, At: testNow}
	v.SetMeeting(&hostile)
	frame := v.View()
	if strings.ContainsAny(frame, "\x1b\x07\u202e") {
		t.Errorf("a participant's text reached the screen raw: %q", frame)
	}
	if !strings.Contains(frame, "lory") {
		t.Errorf("the name is not shown at all:\n%s", frame)
	}
	checkFits(t, v, "hostile names")
}

// A contributor whose notes are proposals is told so in the editor; one
// who may edit is told the notes are saved.
func TestNotesEditorSaysWhereTypingGoes(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	v.Update(keyMsg("e"))
	if view := strings.Join(strings.Fields(ansi.Strip(v.View())), " "); !strings.Contains(view, "Proposed to the facilitator as you type") {
		t.Errorf("a proposing contributor's editor does not say so:\n%s", view)
	}
	v.Update(keyMsg("esc"))
	editing := *m
	editing.MayEdit = true
	v.SetMeeting(&editing)
	v.Update(keyMsg("e"))
	if view := strings.Join(strings.Fields(ansi.Strip(v.View())), " "); !strings.Contains(view, "Saved as you type") {
		t.Errorf("an editing contributor's editor does not say the notes are saved:\n%s", view)
	}
}

// P shows the proposals waiting in full, which the line under the title
// cuts; y or enter accepts the highlighted one, d declines it.
func TestProposalsReadInFull(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	long := strings.Repeat("ask SRE about the on-call rota for payments, ", 4) + "and the part that matters at the end"
	with := *m
	with.Proposals = []Proposal{{ID: 3, By: "bob", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}},
		{ID: 4, By: "dave", Item: 1, Intent: NotesIntent{Item: 1, Notes: long}}}
	v.SetMeeting(&with)
	v.Update(keyMsg("P"))
	if view := strings.Join(strings.Fields(ansi.Strip(v.View())), " "); !strings.Contains(view, "that matters at the end") || !strings.Contains(view, "dave on OPS2: notes:") {
		t.Fatalf("the proposals dialog does not show the note in full:\n%s", ansi.Strip(v.View()))
	}
	if got := intents(v, "j", "d"); len(got) != 1 || got[0] != (DecideIntent{Proposal: 4, Accept: false}) {
		t.Errorf("d on the second proposal: %#v", got)
	}
	v.Update(keyMsg("P"))
	if got := intents(v, "enter"); len(got) != 1 || got[0] != (DecideIntent{Proposal: 3, Accept: true}) {
		t.Errorf("enter on the first proposal: %#v", got)
	}
	// Notes keep their lines.
	lines := with
	lines.Proposals = []Proposal{{ID: 5, By: "dave", Item: 1, Intent: NotesIntent{Item: 1, Notes: "line one\nline two"}}}
	v.SetMeeting(&lines)
	v.Update(keyMsg("P"))
	for _, l := range strings.Split(ansi.Strip(v.View()), "\n") {
		if strings.Contains(l, "line one") && strings.Contains(l, "line two") {
			t.Errorf("the notes' lines are run together: %q", l)
		}
	}
}

// Settling a vote no practice won on a question marked not applicable
// says it stays so (a majority of nothing does not clear the mark).
func TestSettleSplitVoteOnNotApplicable(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "Live"})
	r.Update(pillar, "OPS1", "hana", testNow, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE" })
	s := NewSession(SessionOptions{Path: "r.yaml", Review: r, Lens: l})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	v.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	v.SetMeeting(&Meeting{Me: Person{ID: HostID, Name: "hana", Role: Facilitator}, People: []Person{{ID: HostID, Name: "hana", Role: Facilitator}},
		Vote: &VoteView{Item: 0, Revealed: true, Voted: 2, Eligible: 2, Voters: map[string][]string{"OPS1_users": {"bob"}, "OPS1_slo": {"hana"}}}})
	v.openQuestion(0)
	v.Update(keyMsg("v"))
	if view := strings.Join(strings.Fields(ansi.Strip(v.View())), " "); !strings.Contains(view, "keep the votes, the question stays") || strings.Contains(view, "clear the answer") {
		t.Errorf("settling a split vote on an N/A question:\n%s", view)
	}
}

// Dialogs that show the meeting follow its updates: the end question's
// count, the proposals listed, whether notes typed are proposals.
func TestMeetingDialogsFollowUpdates(t *testing.T) {
	h, m := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	h.Update(keyMsg("q"))
	more := *m
	more.Proposals = []Proposal{{ID: 1, By: "bob", Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}}
	h.SetMeeting(&more)
	if view := strings.Join(strings.Fields(ansi.Strip(h.View())), " "); !strings.Contains(view, "1 proposal is not decided") {
		t.Errorf("the end question does not count a proposal that came while it was open:\n%s", view)
	}
	h.Update(keyMsg("esc"))
	h.Update(keyMsg("P"))
	more2 := more
	more2.Proposals = append(slices.Clone(more.Proposals), Proposal{ID: 2, By: "dave", Intent: NotesIntent{Item: 0, Notes: "late words"}})
	h.SetMeeting(&more2)
	if view := ansi.Strip(h.View()); !strings.Contains(view, "late words") {
		t.Errorf("the proposals dialog does not list a proposal that came while it was open:\n%s", view)
	}

	b, bm := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	b.Update(keyMsg("e"))
	open := *bm
	open.MayEdit = true
	b.SetMeeting(&open)
	if view := strings.Join(strings.Fields(ansi.Strip(b.View())), " "); !strings.Contains(view, "Saved as you type") {
		t.Errorf("the editor's hint did not follow W:\n%s", view)
	}
}

// In a terminal too short for the proposals, the highlighted one is shown
// (what y accepts is on screen), and pgdn reads a long one to its end.
func TestProposalsDialogScrolls(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var words []string
	for i := range 400 {
		words = append(words, fmt.Sprintf("w%03d", i))
	}
	with := *m
	with.Proposals = []Proposal{{ID: 1, By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: strings.Join(words, " ")}},
		{ID: 2, By: "dave", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}}
	v.SetMeeting(&with)
	v.Update(keyMsg("P"))
	if view := ansi.Strip(v.View()); !strings.Contains(view, "w000") || strings.Contains(view, "w399") {
		t.Fatalf("the long proposal does not start in sight, cut:\n%s", view)
	}
	for range 5 { // a page each
		v.Update(keyMsg("pgdown"))
	}
	if view := ansi.Strip(v.View()); !strings.Contains(view, "w399") {
		t.Errorf("pgdn does not read the proposal to its end:\n%s", view)
	}
	tick := with // the next update (the time-box's clock): the reader stays where they are
	v.SetMeeting(&tick)
	if view := ansi.Strip(v.View()); !strings.Contains(view, "w399") {
		t.Errorf("an update of the meeting scrolled the proposal back:\n%s", view)
	}
	v.Update(keyMsg("down"))
	if view := ansi.Strip(v.View()); !strings.Contains(view, "› dave on OPS1") {
		t.Errorf("the highlighted proposal is not on screen:\n%s", view)
	}
	if got := intents(v, "y"); len(got) != 1 || got[0] != (DecideIntent{Proposal: 2, Accept: true}) {
		t.Errorf("y: %#v", got)
	}
}

// A contributor who opens the notes again while their notes proposal
// waits goes on with it (the hub keeps one per question, which the new
// text replaces): the first one is not lost.
func TestNotesGoOnFromMyProposal(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	waiting := *m
	waiting.Proposals = []Proposal{{ID: 1, By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: "important finding A"}},
		{ID: 2, By: "dave", Item: 0, Intent: NotesIntent{Item: 0, Notes: "dave's"}}}
	v.SetMeeting(&waiting)
	v.Update(keyMsg("e"))
	got := intents(v, "B")
	if len(got) != 1 || got[0].(NotesIntent).Notes != "important finding AB" {
		t.Errorf("typing B over my waiting proposal sent %#v, want it to go on from the proposal", got)
	}
}

// Ending while the file cannot be saved says where the answers will go,
// not that they are saved.
func TestEndReviewWhileSavesFail(t *testing.T) {
	h, _ := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	failing := *h.snap
	failing.Save.Err = errors.New("the file is read-only")
	h.SetSnapshot(&failing)
	h.Update(keyMsg("q"))
	if view := strings.Join(strings.Fields(ansi.Strip(h.View())), " "); !strings.Contains(view, "The file cannot be saved now: y ends it and sets the answers aside in") || !strings.Contains(view, "r.yaml.wafr-unsaved") || strings.Contains(view, "saves the answers") {
		t.Errorf("the end question while saves fail:\n%s", view)
	}
}

// The notice that a vote is open goes once the votes are revealed.
func TestVoteOpenNoticeEndsWithTheVote(t *testing.T) {
	h, m := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	h.Applied(Result{Message: Notice{Kind: NoticeVoteOpened}})
	open := *m
	open.Vote = &VoteView{Item: 0, Voted: 0, Eligible: 2}
	h.SetMeeting(&open)
	if !strings.Contains(ansi.Strip(h.View()), "vote open") {
		t.Fatalf("no notice that the vote is open:\n%s", ansi.Strip(h.View()))
	}
	shown := open
	shown.Vote = &VoteView{Item: 0, Revealed: true, Voted: 2, Eligible: 2}
	h.SetMeeting(&shown)
	if strings.Contains(ansi.Strip(h.View()), "vote open: everyone ticks privately") {
		t.Errorf("the votes are revealed and the status still says the vote is open:\n%s", ansi.Strip(h.View()))
	}
}

// The notice that notes were proposed says a line of them: a long note
// would take the proposer's screen.
func TestProposedNoticeIsALine(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	long := strings.Repeat("a long note about the on-call rota ", 40) + "THE END"
	prop := Proposal{ID: 5, By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: long}}
	waiting := *m
	waiting.Proposals = []Proposal{prop}
	v.SetMeeting(&waiting)
	v.Applied(Result{Message: Notice{Kind: NoticeProposed, Proposal: &prop}})
	v.Refresh()
	if view := ansi.Strip(v.View()); strings.Count(view, "on-call rota") > 2 || !strings.Contains(view, "proposed to the facilitator: notes: a long note") {
		t.Errorf("the proposed notice:\n%s", view)
	}
}

// Allowed to edit (W), a contributor's editor starts from the notes, not
// from the proposal that still waits.
func TestNotesFromTheFileOnceEditing(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	editing := *m
	editing.MayEdit = true
	editing.Proposals = []Proposal{{ID: 1, By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: "waiting"}}}
	v.SetMeeting(&editing)
	v.Update(keyMsg("e"))
	if got := intents(v, "B"); len(got) != 1 || got[0].(NotesIntent).Notes != "B" {
		t.Errorf("typing B with edits allowed sent %#v, want it over the question's notes", got)
	}
}

// pgup goes back at once however often pgdn was pressed at the end.
func TestProposalsPgUpAfterManyPgDn(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	words := strings.Repeat("word ", 400)
	with := *m
	with.Proposals = []Proposal{{ID: 1, By: "bob", Item: 0, Intent: NotesIntent{Item: 0, Notes: words + "LAST"}}}
	v.SetMeeting(&with)
	v.Update(keyMsg("P"))
	for range 30 {
		v.Update(keyMsg("pgdown"))
	}
	end := ansi.Strip(v.View())
	v.Update(keyMsg("pgup"))
	if ansi.Strip(v.View()) == end {
		t.Error("pgup after pgdn past the end does not move")
	}
}

// Ending with proposals nobody decided says where they go.
func TestEndReviewSaysWhereProposalsGo(t *testing.T) {
	h, m := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	withProposals := *m
	withProposals.Proposals = []Proposal{{ID: 1, By: "bob", Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}},
		{ID: 2, By: "dave", Intent: NotesIntent{Item: 0, Notes: "n"}}}
	h.SetMeeting(&withProposals)
	h.Update(keyMsg("q"))
	if got := strings.Join(strings.Fields(ansi.Strip(h.View())), " "); !strings.Contains(got, "2 proposals are not decided: they go to the parking lot.") {
		t.Errorf("the end question does not say what becomes of 2 proposals:\n%s", got)
	}
}

// The host's q ends the review for everyone, so it asks first: y ends it,
// any other key goes back; Ctrl+C ends it at once. A participant's q
// leaves at once. A terminal too small for the dialog still shows the
// question before y acts.
func TestHostQAsksBeforeEndingTheReview(t *testing.T) {
	h, _ := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	for _, back := range []string{"n", "esc", "?", "q"} {
		h.Update(keyMsg("q"))
		if h.WantsQuit() {
			t.Fatal("the host's q ended the review without asking")
		}
		if got := ansi.Strip(h.View()); !strings.Contains(got, "End the review for everyone?") || !strings.Contains(got, "y ends it") {
			t.Fatalf("q does not ask:\n%s", got)
		}
		h.Update(keyMsg(back))
		if h.WantsQuit() || len(h.dialogs) != 0 || h.helpOpen {
			t.Fatalf("%q did not go back: quit or dialogs %v, help %v", back, h.dialogs, h.helpOpen)
		}
	}
	h.Update(keyMsg("q"))
	h.Update(keyMsg("y"))
	if !h.WantsQuit() {
		t.Error("q y did not end the review")
	}
	h.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !h.WantsQuit() {
		t.Error("Ctrl+C did not end the review at once")
	}
	h.Update(keyMsg("q"))
	h.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !h.WantsQuit() {
		t.Error("Ctrl+C in the question did not end the review")
	}
	h.dialogs = nil
	// Too small for the dialog: the question shows in its place.
	h.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.Update(keyMsg("q"))
	if h.WantsQuit() || !strings.Contains(strings.Join(strings.Fields(ansi.Strip(h.View())), " "), "End the review for everyone?") {
		t.Fatalf("too small: q ended or did not ask:\n%s", ansi.Strip(h.View()))
	}
	h.Update(keyMsg("y"))
	if !h.WantsQuit() {
		t.Error("too small: q y did not end the review")
	}

	p, _ := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	p.Update(keyMsg("q"))
	if !p.WantsQuit() {
		t.Error("a participant's q did not leave at once")
	}
}

// A reveal fills the help pane at once with who ticked the highlighted
// choice, and a later update (another ballot counted, the vote settled)
// changes it at once too: no key needed.
func TestMeetingUpdateRefreshesTheHelpPane(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	renderHelp(v)
	open := *m
	open.Vote = &VoteView{Item: 0, Voted: 2, Eligible: 2, Mine: []string{"OPS1_users"}}
	v.SetMeeting(&open)
	shown := open
	shown.Vote = &VoteView{Item: 0, Revealed: true, Voted: 2, Eligible: 2, Voters: map[string][]string{"OPS1_users": {"bob", "hana"}}}
	v.SetMeeting(&shown)
	if got := ansi.Strip(v.View()); !strings.Contains(got, "Ticked in the vote by: bob, hana") {
		t.Fatalf("the reveal is not in the help pane:\n%s", got)
	}
	settled := open
	settled.Vote = nil
	v.SetMeeting(&settled)
	if got := ansi.Strip(v.View()); strings.Contains(got, "Ticked in the vote by") {
		t.Errorf("the settled vote stays in the help pane:\n%s", got)
	}
}

// The status line follows the facilitator role: when its holder drops,
// everyone reads that it is kept for them and who runs the meeting
// meanwhile ("bob facilitates now" is stale); when they come back, everyone
// is told, the one who loses the role too, and the one back lands on the
// shared question.
func TestMeetingStatusFollowsTheFacilitatorRole(t *testing.T) {
	hana := Person{ID: HostID, Name: "hana", Role: Facilitator, Following: true}
	h, _ := meetingViewer(t, hana)
	h.Update(tea.WindowSizeMsg{Width: 300, Height: 30}) // the status line whole
	status := func(v *Viewer) string { return ansi.Strip(v.status) }
	bob := Person{ID: "bob", Name: "bob", Role: Facilitator, Item: 5, Following: true}
	hana.Role = Contributor
	h.SetMeeting(&Meeting{Me: hana, People: []Person{hana, bob}, Shared: 5,
		LastChange: Notice{Kind: NoticeHandedOver, Who: "hana", Whom: "bob", At: testNow}})
	h.Applied(Result{Message: Notice{Kind: NoticeFacilitates, Whom: "bob"}})
	if got := status(h); !strings.Contains(got, "bob facilitates now") {
		t.Fatalf("after the hand-over: %q", got)
	}
	hana.Role = Facilitator
	h.SetMeeting(&Meeting{Me: hana, People: []Person{hana}, Shared: 5,
		LastChange: Notice{Kind: NoticeChairHeld, Who: "bob", Whom: "hana", At: testNow.Add(time.Second)}})
	if got := status(h); !strings.Contains(got, "bob left; the facilitator role is kept for them for a minute, hana facilitates meanwhile") ||
		strings.Contains(got, "bob facilitates now") {
		t.Errorf("bob dropped: %q", got)
	}
	hana.Role = Contributor
	h.SetMeeting(&Meeting{Me: hana, People: []Person{hana, bob}, Shared: 5,
		LastChange: Notice{Kind: NoticeChairReturned, Who: "bob", At: testNow.Add(2 * time.Second)}})
	if got := status(h); !strings.Contains(got, "you no longer facilitate: bob does now") {
		t.Errorf("the host lost the role: %q", got)
	}

	// bob's new screen: on the shared question, and told.
	l := loadLens(t, "builtin:ops")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "Live"}), Lens: l})
	b := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	b.Update(tea.WindowSizeMsg{Width: 300, Height: 30})
	b.SetMeeting(&Meeting{Me: bob, People: []Person{hana, bob}, Shared: 5,
		LastChange: Notice{Kind: NoticeChairReturned, Who: "bob", At: testNow.Add(2 * time.Second)}})
	if b.current != screenQuestion || b.question.cur != 5 {
		t.Errorf("bob is back on screen %v, question %d; the shared question is 5", b.current, b.question.cur)
	}
	if got := status(b); !strings.Contains(got, "bob is back and facilitates again") {
		t.Errorf("bob back: %q", got)
	}
	// The banner over the question does not say it twice.
	if got := ansi.Strip(b.question.banner(300)); got != "" {
		t.Errorf("the banner repeats the status line: %q", got)
	}
}

// T starts empty, with the minutes now as a placeholder: typing 0 turns
// the time-box off (it used to append to the value shown, giving 10), and
// enter alone keeps the minutes. One minute is singular.
func TestMeetingTimeBoxDialog(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	boxed := *m
	boxed.TimeBox = TimeBox{PerQuestion: time.Minute, Started: testNow}
	v.SetMeeting(&boxed)
	for _, c := range []struct {
		typed string
		want  int
	}{{"0", 0}, {"", 1}, {"5", 5}} {
		v.Update(keyMsg("T"))
		if c.typed != "" {
			typeText(fakeModel{v}, c.typed)
		}
		if got := intents(v, "enter"); len(got) != 1 || got[0] != (TimeBoxIntent{Minutes: c.want}) {
			t.Errorf("T %q enter: %#v, want %d minutes", c.typed, got, c.want)
		}
	}
	for n, want := range map[int]string{1: "1 minute per question", 5: "5 minutes per question"} {
		if got := v.Words(Notice{Kind: NoticeTimeBox, N: n}); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// An observer is offered no key that changes the review, in the footer or
// in ?, and a key that would is never silent: it says observers read.
// Someone who does not facilitate is told so by the facilitator's keys.
func TestMeetingObserverKeys(t *testing.T) {
	o, _ := meetingViewer(t, Person{ID: "olga", Name: "olga", Role: Observer, Following: true})
	o.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
	offered := []string{"space/x tick", "a not applicable", "e edit notes", "A action for this practice", "M save a milestone", "L park an item"}
	if got := ansi.Strip(o.footerHelp); strings.Contains(got, "tick") || strings.Contains(got, "not applicable") || strings.Contains(got, "notes") {
		t.Errorf("the footer offers an observer keys that change the review: %s", got)
	}
	o.Update(keyMsg("?"))
	full := strings.Join(strings.Fields(ansi.Strip(o.View())), " ")
	for _, k := range offered {
		if strings.Contains(full, k) {
			t.Errorf("? offers an observer %q:\n%s", k, full)
		}
	}
	if !strings.Contains(full, "F follow the facilitator") || !strings.Contains(full, "K the parking lot") {
		t.Errorf("? lacks the keys an observer has:\n%s", full)
	}
	o.Update(keyMsg("?"))
	for _, k := range []string{"x", " ", "a", "e", "A", "M", "L"} {
		o.notice = Notice{}
		if got := intents(o, k); len(got) != 0 || len(o.dialogs) != 0 {
			t.Errorf("%q: intents %#v, dialogs %d", k, got, len(o.dialogs))
		}
		if got := ansi.Strip(o.status); !strings.Contains(got, "observers follow the review: they do not change it") {
			t.Errorf("%q is silent: %q", k, got)
		}
	}
	o.Update(keyMsg("esc")) // the overview: M is no key of theirs there either
	if o.current != screenOverview {
		t.Fatalf("esc: screen %v", o.current)
	}
	o.notice = Notice{}
	if got := intents(o, "M"); len(got) != 0 || len(o.dialogs) != 0 || !strings.Contains(ansi.Strip(o.status), "observers follow") {
		t.Errorf("M on the overview: %#v, %d dialogs, %q", got, len(o.dialogs), ansi.Strip(o.status))
	}
	if got := ansi.Strip(o.footerHelp); strings.Contains(got, "milestone") {
		t.Errorf("the overview offers an observer a milestone: %s", got)
	}

	c, _ := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	c.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
	if got := ansi.Strip(c.footerHelp); !strings.Contains(got, "space/x tick") {
		t.Errorf("a contributor's footer lost the tick: %s", got)
	}
	for _, k := range []string{"v", "T", "W", "H", "y", "d"} {
		c.notice = Notice{}
		if got := intents(c, k); len(got) != 0 || len(c.dialogs) != 0 || !strings.Contains(ansi.Strip(c.status), "only the facilitator can do that") {
			t.Errorf("a contributor's %q: %#v, %d dialogs, %q", k, got, len(c.dialogs), ansi.Strip(c.status))
		}
	}
}

// The status line never keeps what an update made stale: F ends
// "roaming", the facilitator's answer replaces "proposed to the
// facilitator", and everyone reads when contributors may edit or must
// propose, and who left.
func TestMeetingStatusIsNeverStale(t *testing.T) {
	v, m := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	v.Update(tea.WindowSizeMsg{Width: 300, Height: 30})
	status := func() string { return ansi.Strip(v.status) }
	v.Update(keyMsg("n"))
	if !strings.Contains(status(), "roaming: F follows the facilitator again") {
		t.Fatalf("n: %q", status())
	}
	v.Update(keyMsg("F"))
	if got := status(); strings.Contains(got, "roaming") || !strings.Contains(got, "following the facilitator") {
		t.Errorf("F: %q", got)
	}

	at := testNow
	later := func() time.Time { at = at.Add(time.Second); return at }
	for _, c := range []struct {
		kind NoticeKind
		want string
	}{{NoticeAcceptedProposal, "hana accepted your proposal: tick OPS1_slo"}, {NoticeDeclinedProposal, "hana declined your proposal: tick OPS1_slo"}} {
		prop := Proposal{ID: int(c.kind), By: "bob", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}}
		waiting := *m
		waiting.Proposals = []Proposal{prop}
		v.SetMeeting(&waiting)
		v.Applied(Result{Message: Notice{Kind: NoticeProposed, Proposal: &prop}})
		if !strings.Contains(status(), "proposed to the facilitator: tick OPS1_slo") {
			t.Fatalf("proposed: %q", status())
		}
		decided := *m
		decided.LastChange = Notice{Kind: c.kind, Who: "hana", Whom: "bob", Proposal: &prop, At: later()}
		v.SetMeeting(&decided)
		if got := status(); strings.Contains(got, "proposed to the facilitator") || !strings.Contains(got, c.want) {
			t.Errorf("decided: %q, want %q", got, c.want)
		}
		// Decided before the screen saw it waiting: the result comes
		// with the answer.
		v.Applied(Result{Message: Notice{Kind: NoticeProposed, Proposal: &prop}})
		if got := status(); strings.Contains(got, "proposed to the facilitator") || !strings.Contains(got, c.want) {
			t.Errorf("decided at once: %q, want %q", got, c.want)
		}
	}

	for _, c := range []struct {
		n    Notice
		want string
	}{
		{Notice{Kind: NoticeOpenedEdits, Who: "hana"}, "hana lets contributors change answers themselves"},
		{Notice{Kind: NoticeClosedEdits, Who: "hana"}, "hana takes contributors' ticks and notes as proposals again"},
		{Notice{Kind: NoticeLeft, Who: "carol"}, "carol left"},
	} {
		next := *m
		next.EditOpen = c.n.Kind == NoticeOpenedEdits
		c.n.At = later()
		next.LastChange = c.n
		v.SetMeeting(&next)
		if got := status(); !strings.Contains(got, c.want) {
			t.Errorf("status %q, want %q", got, c.want)
		}
	}
}

// The facilitator settles the parking lot with one key an item: a, with
// an owner and a due date, makes it an action; n puts it in the notes; x
// drops it. Anyone else only reads the lot. ctrl+l asks for a redraw.
func TestMeetingParkingLotKeys(t *testing.T) {
	v, _ := meetingViewer(t, Person{ID: "host", Name: "hana", Role: Facilitator})
	ask := review.Parked{PillarID: "operationalExcellence", QuestionID: "OPS1", Text: "ask the DBA", By: "bob", At: testNow}
	snap := *v.snap
	snap.Review = v.snap.Review.Clone()
	snap.Review.Parked = []review.Parked{ask}
	v.SetSnapshot(&snap)
	for _, c := range []struct {
		keys []string
		text string
		want ResolveParkedIntent
	}{
		{[]string{"K", "n"}, "", ResolveParkedIntent{Item: ask, Into: ParkedToNotes}},
		{[]string{"K", "x"}, "", ResolveParkedIntent{Item: ask, Into: ParkedDropped}},
		{[]string{"K", "a"}, "alice, 2027-01-31", ResolveParkedIntent{Item: ask, Into: ParkedToAction, Owner: "alice", Due: "2027-01-31"}},
	} {
		for _, k := range c.keys {
			v.Update(keyMsg(k))
		}
		if c.text != "" {
			typeText(fakeModel{v}, c.text)
			v.Update(keyMsg("enter"))
		}
		got := v.TakeIntents()
		if len(got) != 1 || !reflect.DeepEqual(got[0], c.want) {
			t.Errorf("%v %q: %#v, want %#v", c.keys, c.text, got, c.want)
		}
		if len(v.dialogs) != 0 {
			t.Errorf("%v: a dialog is still open: %T", c.keys, topDialog(v))
		}
	}
	// A due date that is not one is refused in the dialog, which stays.
	v.Update(keyMsg("K"))
	v.Update(keyMsg("a"))
	typeText(fakeModel{v}, "alice, someday")
	v.Update(keyMsg("enter"))
	if got := v.TakeIntents(); len(got) != 0 || len(v.dialogs) != 1 || !strings.Contains(ansi.Strip(v.View()), "someday") {
		t.Errorf("a bad due date: intents %#v, %d dialogs", got, len(v.dialogs))
	}
	v.Update(keyMsg("esc"))
	// A contributor reads the lot, and its keys do nothing.
	b, _ := meetingViewer(t, Person{ID: "bob", Name: "bob", Role: Contributor, Following: true})
	b.SetSnapshot(&snap)
	b.Update(keyMsg("K"))
	for _, k := range []string{"a", "n", "x"} {
		b.Update(keyMsg(k))
	}
	if got := b.TakeIntents(); len(got) != 0 || !strings.Contains(ansi.Strip(b.View()), "ask the DBA") {
		t.Errorf("a contributor changed the parking lot: %#v", got)
	}
	// ctrl+l redraws (a terminal that sent no new size).
	b.Update(keyMsg("esc"))
	if cmd := b.Update(keyMsg("ctrl+l")); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.ClearScreen()) {
		t.Error("ctrl+l does not clear the screen")
	}
}

// The host's q never ends a live review unasked, whatever the file on
// disk did: in the conflict dialog (which says what q does for the host)
// it asks first; with that dialog closed to look first it brings the
// keep/take choice back, as the dialog promised; and the question never
// says the answers are saved when the file is not the session's to write.
func TestHostConflictNeverEndsTheReviewUnasked(t *testing.T) {
	words := func(v *Viewer) string { return strings.Join(strings.Fields(ansi.Strip(v.View())), " ") }
	endsAsked := func(t *testing.T, h *Viewer, when string) {
		t.Helper()
		h.Update(keyMsg("q"))
		if h.WantsQuit() {
			t.Fatalf("%s: the host's q ended the review unasked", when)
		}
		if view := words(h); !strings.Contains(view, "End the review for everyone?") || !strings.Contains(view, "r.yaml.wafr-unsaved") || strings.Contains(view, "saves the answers") {
			t.Errorf("%s: the end question:\n%s", when, view)
		}
	}
	for _, c := range []*Conflict{{LoadErr: errors.New("yaml: line 2: did not find expected node content")}, {Questions: []string{"OPS5"}}} {
		h, _ := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
		changed := *h.snap
		changed.Conflict = c
		h.SetSnapshot(&changed)
		view := words(h)
		if !strings.Contains(view, "q end the review for everyone (it asks first)") || strings.Contains(view, "host's wafr") || !strings.Contains(view, "q end the review") || strings.Contains(view, "q quit, file untouched") {
			t.Errorf("the host's conflict dialog (%v):\n%s", c, view)
		}
		endsAsked(t, h, "in the dialog")
		h.Update(keyMsg("n")) // no: back to the choice
		if _, ok := topDialog(h).(conflictDialog); !ok {
			t.Fatalf("after no, the top dialog is %T, want the conflict's", topDialog(h))
		}
		h.Update(keyMsg("q"))
		if !h.WantsQuit() && len(h.dialogs) > 0 {
			h.Update(keyMsg("y"))
		}
		if !h.WantsQuit() {
			t.Errorf("q, y did not end the review (%v)", c)
		}
	}
	// Closed to look first, q brings the choice back; then it asks.
	h, _ := meetingViewer(t, Person{ID: HostID, Name: "hana", Role: Facilitator})
	changed := *h.snap
	changed.Conflict = &Conflict{Questions: []string{"OPS5"}}
	h.SetSnapshot(&changed)
	h.Update(keyMsg("esc"))
	h.Update(keyMsg("q"))
	if _, ok := topDialog(h).(conflictDialog); !ok || h.WantsQuit() {
		t.Fatalf("q after esc: top dialog %T, want the keep/take choice again", topDialog(h))
	}
	endsAsked(t, h, "reopened")
	// Too small to show the choice, q still asks, in the same words.
	h.Update(keyMsg("x"))
	h.Update(keyMsg("esc"))
	h.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	endsAsked(t, h, "too small")
}

// A problem of the team file is the host's to read in the status line,
// whatever the question's banner shows (here an open vote) and on every
// screen; nobody else is shown the host's file.
func TestTeamProblemIsToldToTheHostInTheStatusLine(t *testing.T) {
	problem := Notice{Kind: NoticeTeamProblem, Team: &TeamProblem{Kind: TeamNotAKey, File: "team.keys", Line: 7, Err: "ssh: no key found"}, N: 1, At: testNow}
	for _, me := range []Person{{ID: HostID, Name: "hana", Role: Facilitator}, {ID: "bob", Name: "bob", Role: Contributor, Following: true}} {
		v, m := meetingViewer(t, me)
		next := *m
		next.Vote = &VoteView{Item: 0, Eligible: 2}
		next.LastChange = problem
		v.SetMeeting(&next)
		view := strings.Join(strings.Fields(ansi.Strip(v.View())), " ")
		shown := strings.Contains(view, "team.keys:7") && strings.Contains(view, "1 more problem")
		if shown != (me.ID == HostID) {
			t.Errorf("%s sees the team file's problem: %v\n%s", me.Name, shown, view)
		}
	}
}
