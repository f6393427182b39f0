package tui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

const pillar = "operationalExcellence"

var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func loadLens(t testing.TB, src string) *questions.Lens {
	t.Helper()
	l, err := questions.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// testRenderer draws without colour (goldens are the same on every
// machine) or with 256 colours, on a dark background.
func testRenderer(color bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetHasDarkBackground(true)
	r.SetColorProfile(termenv.Ascii)
	if color {
		r.SetColorProfile(termenv.ANSI256)
	}
	return r
}

// testWorkspace trusts a file a few milliseconds after it changed, so tests
// of outside changes need not wait.
func testWorkspace() *workspace.Workspace {
	w := workspace.New()
	w.Settle, w.DeleteSettle, w.SettleWait = time.Millisecond, 0, 200*time.Millisecond
	return w
}

// newTestProgram opens a program on a review file in a temporary folder,
// at the given size, with help text rendered. Timers never fire: tests send
// autosaveMsg and the like themselves.
func newTestProgram(t testing.TB, l *questions.Lens, r *review.Review, w, h int) *program {
	t.Helper()
	if r == nil {
		r = review.New(l, review.Workload{Name: "Payments API", Environment: review.Production, Owner: "payments-team"})
	}
	path := filepath.Join(t.TempDir(), "review.yaml")
	data := r.Marshal()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p := newProgram(Options{Workspace: testWorkspace(), Review: r, Lens: l, Path: path, Hash: workspace.Hash(data),
		Author: func() string { return "tester" }, Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	p.after = noTimers
	p.Update(tea.WindowSizeMsg{Width: w, Height: h})
	renderHelp(p.v)
	return p
}

// newSetupTestProgram opens a program on the form of a new review, at
// 80x24, with the form focused. The file is not written.
func newSetupTestProgram(t testing.TB, l *questions.Lens) *program {
	t.Helper()
	p := newProgram(Options{Workspace: testWorkspace(), Review: review.New(l, review.Workload{Name: "W", Owner: "team"}), Lens: l,
		Path: filepath.Join(t.TempDir(), "r.yaml"), Setup: true, Renderer: testRenderer(false), Now: func() time.Time { return testNow }})
	p.after = noTimers
	p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmd(p, p.Init())
	return p
}

func opsProgram(t *testing.T) *program {
	return newTestProgram(t, loadLens(t, "builtin:ops"), nil, 80, 24)
}

// renderHelp runs the current question's help rendering synchronously.
func renderHelp(v *Viewer) {
	if cmd := v.question.helpCmd(v.question.cur); cmd != nil {
		v.Update(cmd())
	}
}

// keyMsg turns a key name into the message bubbletea would send.
func keyMsg(k string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"space": tea.KeySpace, "ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS, "ctrl+l": tea.KeyCtrlL, "pgdown": tea.KeyPgDown,
		"pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace, "end": tea.KeyEnd,
	}
	if t, ok := special[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys one by one, and returns the last command.
func press(m tea.Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

// typeText sends text as bubbletea sends text typed faster than it is
// read, or pasted without bracketed paste, and runs what each message
// starts (a list's search). A newline is typed as Enter (CR).
func typeText(m tea.Model, s string) {
	for _, k := range burst(strings.ReplaceAll(s, "\n", "\r")) {
		_, cmd := m.Update(k)
		runCmd(m, cmd)
	}
}

// burst is what bubbletea v1 makes of bytes that arrive in one read: a run
// of letters is one KeyRunes message ("esc", "up"), each space a KeySpace
// of its own, each control character its key. It is bubbletea's own
// parser that splits them (a program reading s), so the test sends what a
// terminal really brings. A final ctrl+c ends that program.
func burst(s string) []tea.KeyMsg {
	p := tea.NewProgram(keyRecorder{}, tea.WithInput(strings.NewReader(s+"\x03")), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	m, err := p.Run()
	if err != nil {
		panic(err)
	}
	return m.(keyRecorder).keys
}

// keyRecorder keeps the keys it gets, until ctrl+c.
type keyRecorder struct{ keys []tea.KeyMsg }

func (k keyRecorder) Init() tea.Cmd { return nil }
func (k keyRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		if km.Type == tea.KeyCtrlC {
			return k, tea.Quit
		}
		k.keys = append(k.keys, km)
	}
	return k, nil
}
func (k keyRecorder) View() string { return "" }

func selected(p *program, question string) string {
	if a := p.s.Snapshot().Review.Answers.Get(pillar, question); a != nil {
		return strings.Join(a.Selected, ",")
	}
	return ""
}

func answer(p *program, question string) *review.Answer {
	return p.s.Snapshot().Review.Answers.Get(pillar, question)
}

func load(t *testing.T, path string) *review.Review {
	t.Helper()
	r, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// current is the id of the question on screen.
func current(p *program) string { return p.s.Snapshot().Items[p.v.question.cur].Question.ID }

func topDialog(v *Viewer) dialog {
	if len(v.dialogs) == 0 {
		return nil
	}
	return v.dialogs[len(v.dialogs)-1]
}

func plainView(m tea.Model) string { return ansi.Strip(m.View()) }

// checkFits fails if any line of the view is wider than the terminal or
// the view is taller.
func checkFits(t *testing.T, v *Viewer, what string) {
	t.Helper()
	lines := strings.Split(v.View(), "\n")
	if len(lines) > v.termH {
		t.Errorf("%s at %dx%d: %d lines", what, v.termW, v.termH, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > v.termW {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, v.termW, v.termH, i+1, w, ansi.Strip(l))
		}
	}
}

// noTimers replaces tea.Tick in tests: timers never fire, so commands
// never sleep.
func noTimers(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// runCmd runs a command and feeds what it returns back into the model,
// following batches, and reports whether it quit.
func runCmd(m tea.Model, cmd tea.Cmd) (quit bool) {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			quit = runCmd(m, c) || quit
		}
	case tea.QuitMsg:
		return true
	case nil:
	default:
		_, next := m.Update(msg)
		return runCmd(m, next)
	}
	return quit
}

// save runs one autosave to the end and reports whether the program quit.
func save(p *program) bool {
	_, cmd := p.Update(autosaveMsg{})
	return runCmd(p, cmd)
}

// watch runs one disk check.
func watch(p *program) bool {
	p.watching = false
	cmd := p.watchCmd()
	return runCmd(p, cmd)
}

// writeOutside changes the file as another program would.
func writeOutside(t *testing.T, path string, r *review.Review) {
	t.Helper()
	if err := os.WriteFile(path, r.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute)
	os.Chtimes(path, old, old)
}

// questionRows are the questions a list shows, in order (not its headers).
func questionRows(l rowList) []int {
	var out []int
	for _, r := range l.rows {
		if !r.header && r.item >= 0 {
			out = append(out, r.item)
		}
	}
	return out
}
