// Package tui is wafr's terminal interface. A Session owns the review being
// answered and saves it; a Viewer is one person's screen over it. In
// "wafr review" one viewer sits on one session (Run); in a live review
// every participant has a viewer over one shared session. Every change is
// saved within half a second; nothing is lost on quit, on a signal or when
// the file changes underneath.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// ErrUnsaved is returned by Run when the last changes are not in the review
// file: the user chose to quit anyway, or they were put aside in another
// file.
var ErrUnsaved = errors.New("the last changes were not saved")

// Autosave timing: a change is written within saveDelay; a failed save is
// retried every retryDelay; the file is checked for outside changes on every
// clock tick.
const (
	saveDelay  = 300 * time.Millisecond
	retryDelay = 2 * time.Second
	clockEvery = time.Second
)

// Options describe a review in the terminal.
type Options struct {
	Workspace *workspace.Workspace
	Review    *review.Review
	Lens      *questions.Lens
	Path      string // the review file; it is saved here
	// Hash identifies the file's content as loaded ("" if it does not
	// exist), so a change on disk is noticed rather than overwritten.
	Hash string
	// Author names who answers; it is asked for when first needed.
	Author func() string
	// Setup asks for the workload's name, environment and owner first (a
	// new file whose details were not given as flags).
	Setup bool
	// LensChange, when the lens is not the one the review was saved
	// with, is said once in the status line (workspace.DiffLens).
	LensChange *workspace.LensDrift
	// LintWarnings is the number of the lens's lint warnings, said once in
	// the status line.
	LintWarnings int
	// Language is the language of wafr's own words: a tag such as "ja"
	// (see i18n.Choose); empty, the lens's language.
	Language string
	// Unconfirmed, when set, is told at the end what was typed in dialogs
	// and never confirmed (Viewer.Unconfirmed), for the closing lines.
	Unconfirmed func(lines []string)
	// Hyperlinks writes the help pane's web links as OSC 8 hyperlinks, for
	// terminals that show them (the caller decides).
	Hyperlinks bool
	// Renderer draws for the terminal: its colour profile and background,
	// decided by the caller before the program starts.
	Renderer *lipgloss.Renderer
	Now      func() time.Time

	// Input and Output replace the terminal in tests.
	Input  io.Reader
	Output io.Writer

	typingFrame time.Duration // Run's: see ViewerOptions.TypingFrame
}

// program is the bubbletea model of "wafr review": one session and its one
// viewer. It applies the viewer's intents to the session and runs the
// session's saves and disk checks as commands, off the event loop.
type program struct {
	s      *Session
	v      *Viewer
	author func() string
	// after starts a timer: tea.Tick, replaced in tests so that no command
	// sleeps.
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	savePending bool // an autosave or retry is scheduled
	watching    bool // a disk check is running
	quitting    bool // quit once saved
	signalled   bool // a signal asked us to end: never wait for a key
	aside       string
	asideErr    error
	unsaved     bool // quit although the last changes are not saved
}

type (
	autosaveMsg  struct{}
	clockMsg     struct{}
	signalMsg    struct{}
	saveDoneMsg  struct{ o SaveOutcome }
	diskCheckMsg struct{ changed bool }
	asideDoneMsg struct {
		path string
		err  error
	}
)

func newProgram(o Options) *program {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Author == nil {
		o.Author = func() string { return "unknown" }
	}
	s := NewSession(SessionOptions{Workspace: o.Workspace, Path: o.Path, Review: o.Review, Lens: o.Lens, Hash: o.Hash, Create: !o.Setup, Now: o.Now})
	v := NewViewer(s.Snapshot(), ViewerOptions{Renderer: o.Renderer, Setup: o.Setup, LensChange: o.LensChange, LintWarnings: o.LintWarnings,
		Language: o.Language, Hyperlinks: o.Hyperlinks, TypingFrame: o.typingFrame, Now: o.Now})
	return &program{s: s, v: v, author: o.Author, after: tea.Tick}
}

func (p *program) Init() tea.Cmd {
	return tea.Batch(p.v.Init(), p.clockCmd(), p.saveSoon(0))
}

func (p *program) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case autosaveMsg:
		p.savePending = false
		return p, p.startSave(false)
	case saveDoneMsg:
		return p, p.saveDone(msg.o)
	case clockMsg:
		p.v.Refresh()
		return p, tea.Batch(p.clockCmd(), p.watchCmd())
	case diskCheckMsg:
		p.watching = false
		if !msg.changed {
			return p, nil
		}
		p.s.OutsideChange()
		return p, p.startSave(true)
	case signalMsg:
		p.signalled = true
		return p, p.quit(quitSave)
	case asideDoneMsg:
		p.aside, p.asideErr = msg.path, msg.err
		return p, tea.Quit
	}
	cmd := p.v.Update(msg)
	return p, tea.Batch(cmd, p.afterViewer())
}

func (p *program) View() string { return p.v.View() }

// afterViewer applies what the viewer asked for: its intents, then quitting.
func (p *program) afterViewer() tea.Cmd {
	intents := p.v.TakeIntents()
	for _, in := range intents {
		p.v.Applied(p.s.Apply(p.author(), in))
	}
	p.v.SetSnapshot(p.s.Snapshot())
	if how := p.v.TakeQuit(); how != noQuit {
		return p.quit(how)
	}
	if len(intents) > 0 {
		return p.saveSoon(saveDelay)
	}
	return nil
}

// saveSoon schedules an autosave unless one is scheduled.
func (p *program) saveSoon(d time.Duration) tea.Cmd {
	if p.savePending || !p.s.Dirty() {
		return nil
	}
	p.savePending = true
	return p.after(d, func(time.Time) tea.Msg { return autosaveMsg{} })
}

func (p *program) startSave(outside bool) tea.Cmd {
	job := p.s.StartSave(outside)
	p.v.SetSnapshot(p.s.Snapshot())
	if job == nil {
		return nil
	}
	return func() tea.Msg { return saveDoneMsg{job.Run()} }
}

func (p *program) saveDone(o SaveOutcome) tea.Cmd {
	again := p.s.FinishSave(o)
	snap := p.s.Snapshot()
	p.v.SetSnapshot(snap)
	failed := o.err != nil || o.res.Unsettled
	switch {
	case p.quitting && !p.s.Dirty():
		return tea.Quit
	case p.quitting && snap.Conflict != nil:
		if p.signalled {
			return p.quit(quitAside)
		}
		p.quitting = false // the conflict dialog asks what to do
		return nil
	case p.quitting && failed:
		if p.signalled {
			// No one may be there to answer a dialog: put the answers aside.
			return p.quit(quitAside)
		}
		p.quitting = false
		p.v.Update(SaveFailedMsg{Err: saveFailure(o)})
		return nil
	case p.quitting:
		return p.startSave(false)
	case failed:
		return p.saveSoon(retryDelay)
	case again:
		return p.saveSoon(saveDelay)
	}
	return nil
}

func saveFailure(o SaveOutcome) error {
	if o.err != nil {
		return o.err
	}
	return workspace.ErrStillChanging
}

// quit ends the program the way the viewer (or a signal) asked.
func (p *program) quit(how quitRequest) tea.Cmd {
	if how != quitForce {
		p.takeLeftBehind()
	}
	if how == quitSave && p.s.save.conflict != nil {
		how = quitAside // the file is not ours to write now
	}
	switch how {
	case quitForce:
		p.unsaved = p.s.Dirty()
		return tea.Quit
	case quitAside:
		if !p.s.Dirty() {
			return tea.Quit
		}
		write := p.s.asideJob()
		return func() tea.Msg { path, err := write(); return asideDoneMsg{path, err} }
	}
	p.quitting = true
	if !p.s.Dirty() {
		return tea.Quit
	}
	return p.startSave(false)
}

// takeLeftBehind applies what the viewer still holds as the program ends
// (a signal came, the terminal went): see Viewer.TakeLeftBehind.
func (p *program) takeLeftBehind() {
	for _, in := range p.v.TakeLeftBehind() {
		p.s.Apply(p.author(), in)
	}
}

func (p *program) clockCmd() tea.Cmd {
	return p.after(clockEvery, func(time.Time) tea.Msg { return clockMsg{} })
}

// watchCmd checks, once per clock tick, whether someone else changed the
// file (a git pull, another wafr).
func (p *program) watchCmd() tea.Cmd {
	hash := p.s.WatchHash()
	if p.watching || p.s.save.inFlight || hash == "" {
		return nil
	}
	p.watching = true
	ws, path := p.s.ws, p.s.path
	return func() tea.Msg { return diskCheckMsg{changed: ws.Changed(path, hash)} }
}

// Run starts the program on the terminal (or opts.Input/Output) and returns
// the review as it was when the program ended.
func Run(opts Options) (*review.Review, error) {
	opts.typingFrame = TypingFrame // a terminal
	p := newProgram(opts)
	in, closeInput, err := KeyInput(opts.Input)
	if err != nil {
		return p.s.Snapshot().Review, err
	}
	defer closeInput()
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithoutSignalHandler(), tea.WithInput(in)}
	if opts.Output != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Output))
	}
	prog := tea.NewProgram(p, progOpts...)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	go func() {
		for range signals {
			prog.Send(signalMsg{})
		}
	}()
	_, runErr := prog.Run()
	err = p.finish(runErr) // first: it takes what the viewer still held
	if lines := p.v.Unconfirmed(); len(lines) > 0 && opts.Unconfirmed != nil {
		opts.Unconfirmed(lines)
	}
	return p.s.Snapshot().Review, err
}

// finish says how the program ended, writing what is not on disk yet: the
// program may have ended another way (the terminal went away, an error).
func (p *program) finish(runErr error) error {
	switch {
	case p.unsaved:
		return ErrUnsaved
	case p.aside != "":
		return fmt.Errorf("%w to %s, which changed on disk or could not be written: this session's answers are in %s", ErrUnsaved, p.s.path, p.aside)
	case p.asideErr != nil:
		return fmt.Errorf("%w: %s could not be saved, and %v", ErrUnsaved, p.s.path, p.asideErr)
	}
	p.takeLeftBehind()
	if err := p.s.SaveNow(); err != nil {
		path, aerr := p.s.SetAside()
		if aerr != nil {
			return fmt.Errorf("%w: %v, and %v", ErrUnsaved, err, aerr)
		}
		return fmt.Errorf("%w: %v; this session's answers are in %s", ErrUnsaved, err, path)
	}
	return runErr
}
