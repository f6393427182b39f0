package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// liveErrors are the refusals of a live review, as the hub gives them.
func liveErrors() map[string]error {
	return map[string]error{
		"observer": ErrObserverReadOnly, "facilitator only": ErrFacilitatorOnly, "ask the facilitator": ErrAskFacilitator,
		"no vote": ErrNoVote, "vote open": ErrVoteOpen, "votes revealed": ErrVotesRevealed, "not live": ErrNotLive,
		"person left": ErrPersonLeft, "observer cannot facilitate": ErrObserverCannotFacilitate, "proposal gone": ErrProposalGone,
		"too many proposals": &LimitError{Err: ErrTooManyProposals, N: 20}, "too many parked": &LimitError{Err: ErrTooManyParked, N: 50},
		"milestone exists": fmt.Errorf("%w: %q", ErrMilestoneExists, "初回"), "parked gone": ErrParkedGone,
		"notes changed": fmt.Errorf("%w: close the editor to see them", ErrNotesChanged),
	}
}

// sampleNotice is a notice of kind with every fact filled in: the test's
// own data is Japanese, so anything English on the screen is wafr's.
func sampleNotice(kind NoticeKind) Notice {
	return Notice{Kind: kind, Arg: "OPS1", Arg2: "OPS2", N: 3, Who: "花子", Whom: "次郎",
		Proposal: &Proposal{ID: 1, By: "次郎", Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}},
		Team:     &TeamProblem{Kind: TeamBadOption, File: "チーム.keys", Line: 3, Value: "command"},
		Lens:     &workspace.LensDrift{Kind: workspace.LensNewVersion, Was: "ops-ja", Lens: "ops-ja", WasVersion: "0.9", Version: "1.0", Orphans: 2},
		Text:     "想定外の値", At: testNow}
}

// liveNotices are a notice of every kind, and the variants some kinds have.
func liveNotices() map[string]Notice {
	out := map[string]Notice{}
	for k := NoticeKind(1); k < noticeKinds; k++ {
		out[fmt.Sprintf("kind %d", k)] = sampleNotice(k)
	}
	for _, p := range []TeamProblem{{Kind: TeamNotAKey, Err: "鍵がありません"}, {Kind: TeamBadRole, Value: "上司"}, {Kind: TeamRoleInName},
		{Kind: TeamDuplicate, Value: "花子", Name: "次郎"}, {Kind: TeamUnreadable, Err: "読めません"}, {Kind: TeamGone, Err: "ありません"}} {
		n := sampleNotice(NoticeTeamProblem)
		p.File, p.Line = "チーム.keys", 4
		n.Team = &p
		out[fmt.Sprintf("team problem %d", p.Kind)] = n
	}
	for _, k := range []workspace.LensDriftKind{workspace.LensReplaced, workspace.LensEdited} {
		n := sampleNotice(NoticeLensChanged)
		n.Lens = &workspace.LensDrift{Kind: k, Was: "ops", Lens: "ops-ja", Orphans: 1}
		out[fmt.Sprintf("lens %d", k)] = n
	}
	untick, notes := sampleNotice(NoticeProposed), sampleNotice(NoticeAcceptedProposal)
	untick.Proposal = &Proposal{Item: 0, Intent: TickIntent{Item: 0, ChoiceID: "OPS1_slo"}, Untick: true}
	notes.Proposal = &Proposal{Item: 0, Intent: NotesIntent{Item: 0, Notes: "手順書を\n確認する"}}
	out["proposed untick"], out["accepted notes"] = untick, notes
	out["lint"] = Notice{Kind: noticeLint, N: 3, Arg: "builtin:ops-ja", At: testNow}
	return out
}

// Every kind of notice has words in every language, and a refusal of a
// live review never falls back to the error's English.
func TestNoticeKindsAreWorded(t *testing.T) {
	l := loadLens(t, "builtin:ops-ja")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "決済"}), Lens: l})
	for _, lang := range i18n.Langs() {
		v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Language: string(lang)})
		seen := map[string]string{}
		for name, n := range liveNotices() {
			text := v.Words(n)
			if text == "" || text == n.Text {
				t.Errorf("%s: %s has no words: %q", lang, name, text)
			}
			if other, dup := seen[text]; dup {
				t.Errorf("%s: %s and %s read the same: %q", lang, name, other, text)
			}
			seen[text] = name
		}
		for name, err := range liveErrors() {
			if text := v.c.errorText(err); text == "" || lang != i18n.English && text == err.Error() {
				t.Errorf("%s: the refusal %s is not worded: %q", lang, name, text)
			}
		}
	}
	// The proposal's words name the choice with its title, and say untick
	// for a ticked one.
	en := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Language: "en"})
	n := liveNotices()
	if got := en.Words(n["proposed untick"]); !strings.HasPrefix(got, "proposed to the facilitator: untick OPS1_slo (") {
		t.Errorf("untick proposal: %q", got)
	}
	if got := en.Words(n["accepted notes"]); got != "花子 accepted 次郎's proposal: notes: 手順書を 確認する" {
		t.Errorf("notes proposal: %q", got)
	}
}

// jaLiveScreens are a live review's refusals, notices and who-changed-what
// lines on ops-ja, as a contributor sees them, with the goodbyes, the lens
// notice and the reasons a save fails: what a Japanese team sees in "wafr
// serve" besides the screens and dialogs (jaMeetingScreens).
func jaLiveScreens(t *testing.T) map[string]string {
	l := loadLens(t, "builtin:ops-ja")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "決済"}), Lens: l})
	now := testNow
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return now }})
	// Wide enough that no line is cut: every word of a notice shows.
	v.Update(tea.WindowSizeMsg{Width: 400, Height: 30})
	me := Person{ID: "b", Name: "次郎", Role: Contributor, Following: true}
	base := Meeting{Me: me, People: []Person{{ID: "host", Name: "花子", Role: Facilitator}, me}}
	out := map[string]string{}
	for name, n := range liveNotices() {
		now = now.Add(time.Second) // each notice is the newest
		n.At = now
		m := base
		m.LastChange = n
		v.SetMeeting(&m) // the banner over the question
		v.Applied(Result{Message: n})
		out["notice "+name] = v.View()
		out["words "+name] = v.Words(n)
	}
	for name, err := range liveErrors() {
		now = now.Add(time.Second)
		v.Applied(Result{Err: err})
		out["refused "+name] = v.View()
	}
	// The reasons a save fails: wafr's own in its words, the system's as
	// the system says it.
	for name, err := range map[string]error{
		"locked":         fmt.Errorf("r.yaml: %w (waited 5s)", workspace.ErrLocked),
		"still changing": fmt.Errorf("r.yaml: %w; try again when it has finished", workspace.ErrStillChanging),
		"too large":      fmt.Errorf("r.yaml: %w: it would be 9 MiB", workspace.ErrTooLarge),
		"unreadable":     fmt.Errorf("%w: yaml: line 3; nothing was written", workspace.ErrUnreadable),
		"no folder":      fmt.Errorf("save r.yaml: %w", workspace.ErrNoFolder),
		"not regular":    fmt.Errorf("save r.yaml: %w", workspace.ErrNotRegular),
	} {
		snap := *s.Snapshot()
		snap.Save = SaveStatus{Err: err}
		v.SetSnapshot(&snap)
		out["not saved "+name] = v.View()
		v.openDialog(newSaveFailedDialog(v.c, "r.yaml", err))
		v.refresh()
		out["save failed "+name] = v.View()
		v.dialogs = nil
	}
	lensed := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Now: func() time.Time { return testNow },
		LensChange: &workspace.LensDrift{Kind: workspace.LensReplaced, Was: "ops", Lens: "ops-ja", Orphans: 4}})
	lensed.Update(tea.WindowSizeMsg{Width: 400, Height: 30})
	out["lens changed"] = lensed.View()
	return out
}

// A save that failed on wafr's own terms says so in the viewer's words; a
// failure of the system is shown as the system says it, without wafr's
// English around it.
func TestSaveErrorsInTheViewersWords(t *testing.T) {
	ja := &i18n.New(i18n.Japanese).TUI.Status
	osErr := &fs.PathError{Op: "open", Path: "/r/.review.yaml.tmp", Err: fs.ErrPermission}
	for err, want := range map[error]string{
		fmt.Errorf("r.yaml: %w (waited 5s)", workspace.ErrLocked):                        ja.Locked,
		fmt.Errorf("%w: yaml: line 3; nothing was written", workspace.ErrUnreadable):     ja.Unreadable,
		fmt.Errorf("save r.yaml: wafr saves by writing a new file beside it: %w", osErr): osErr.Error(),
		fmt.Errorf("lock r.yaml: %w", syscall.EAGAIN):                                    syscall.EAGAIN.Error(),
		errors.New("a message wafr has no words for"):                                    "a message wafr has no words for",
	} {
		if got := saveErrorText(ja, err); got != want {
			t.Errorf("%v: %q, want %q", err, got, want)
		}
	}
	// The folder of the review file went away during the session.
	l := loadLens(t, "builtin:ops-ja")
	missing := filepath.Join(t.TempDir(), "gone", "r.yaml")
	_, err := testWorkspace().Sync(workspace.SyncRequest{Path: missing, Lens: l, Ours: review.New(l, review.Workload{Name: "決済"}), Dirty: true})
	if got := saveErrorText(ja, err); err == nil || got != ja.NoFolder {
		t.Errorf("%v: %q", err, got)
	}
	// The review file was made read-only during the session.
	ro := filepath.Join(t.TempDir(), "r.yaml")
	os.WriteFile(ro, []byte("wafr: 1\n"), 0o444)
	_, err = testWorkspace().Sync(workspace.SyncRequest{Path: ro, Lens: l, Ours: review.New(l, review.Workload{Name: "決済"}), Dirty: true, Hash: workspace.Hash([]byte("wafr: 1\n"))})
	if got := saveErrorText(ja, err); err == nil || got != ja.ReadOnly {
		t.Errorf("read-only file: %v: %q", err, got)
	}
	perm := fmt.Errorf("save r.yaml: %w", &writeRefusal{osErr})
	if got := saveErrorText(ja, perm); got != fmt.Sprintf(ja.NotWritable, osErr.Error()) {
		t.Errorf("read-only folder: %q", got)
	}
}

// writeRefusal is a refusal of a read-only folder, as the workspace gives
// it: the kind and the system's error.
type writeRefusal struct{ err error }

func (e *writeRefusal) Error() string   { return "the folder does not allow that: " + e.err.Error() }
func (e *writeRefusal) Unwrap() []error { return []error{workspace.ErrFolderNotWritable, e.err} }

// A milestone name the review has already is refused as such, also when
// someone else recorded it meanwhile (in a live review, say).
func TestMilestoneTakenMeanwhile(t *testing.T) {
	l := loadLens(t, "builtin:ops-ja")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "決済"}), Lens: l})
	if res := s.Apply("花子", MilestoneIntent{Name: "初回"}); res.Err != nil {
		t.Fatal(res.Err)
	}
	res := s.Apply("次郎", MilestoneIntent{Name: " 初回 "})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false)})
	if !errors.Is(res.Err, ErrMilestoneExists) || v.c.errorText(res.Err) != v.c.t.Mile.Exists {
		t.Errorf("%v, worded %q", res.Err, v.c.errorText(res.Err))
	}
}

// A merge's renames reach the status line in the viewer's words.
func TestMergeNotesAreWorded(t *testing.T) {
	l := loadLens(t, "builtin:ops-ja")
	s := NewSession(SessionOptions{Path: "r.yaml", Review: review.New(l, review.Workload{Name: "決済"}), Lens: l})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: testRenderer(false)})
	w := &v.c.t.Notice
	for note, want := range map[review.MergeNote]string{
		{Kind: review.MilestoneRenamed, Was: "初回", Now: "初回 (2)"}: fmt.Sprintf(w.MilestoneRenamed, "初回", "初回 (2)"),
		{Kind: review.ActionRenumbered, Was: "A1", Now: "A2"}:     fmt.Sprintf(w.ActionRenumbered, "A1", "A2"),
	} {
		if got := v.Words(mergeNotice(note)); got != want {
			t.Errorf("%v: %q", note, got)
		}
	}
}
