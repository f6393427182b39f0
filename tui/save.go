package tui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/internal/filelock"
	"github.com/wafr-dev/wafr/review"
)

// Autosave timing: a change is written within saveDelay; a failed save is
// retried every retryDelay; the file is checked for outside changes on every
// clock tick.
const (
	saveDelay  = 300 * time.Millisecond
	retryDelay = 2 * time.Second
	clockEvery = time.Second
)

// saveState tracks what is on disk compared with what is in memory.
type saveState struct {
	dirty       bool // changes not yet handed to a save
	inFlight    bool // a save command is running
	tickPending bool // an autosave is scheduled
	watching    bool // a disk check is running
	lastSaved   time.Time
	err         error
	// diskHash is the hash of the file as we last wrote or read it; a
	// different hash on disk means someone else changed it.
	diskHash string
	paused   bool // a conflict is open: do not write until the user decides
	// gen counts saves, so the watcher's findings from before a save are
	// not mistaken for someone else's change.
	gen int
	// base is the review as it is on disk (last loaded or saved), and
	// pending what the save in flight writes: an outside change is merged
	// against base.
	base    *review.Review
	pending *review.Review
}

type (
	autosaveMsg struct{}
	retryMsg    struct{}
	clockMsg    struct{}
	savedMsg    struct {
		hash string
		at   time.Time
	}
	saveFailedMsg struct{ err error }
	// conflictMsg says the file on disk is not what we last saw: from a
	// save, which did not write, or from the watcher (fromWatch).
	conflictMsg struct {
		data      []byte
		fromWatch bool
		gen       int // the save generation the watcher started in
	}
	diskOKMsg struct{}
)

// HashOf identifies file content, to notice changes made by others.
func HashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func (m *Model) clockCmd() tea.Cmd {
	return m.after(clockEvery, func(time.Time) tea.Msg { return clockMsg{} })
}

// markDirty records a change and schedules an autosave if none is pending.
func (m *Model) markDirty() tea.Cmd {
	m.save.dirty = true
	if m.save.tickPending {
		return nil
	}
	m.save.tickPending = true
	return m.after(saveDelay, func(time.Time) tea.Msg { return autosaveMsg{} })
}

// startSave hands the current review to a save command. Encoding happens
// here, on the event loop, so the command never reads a model that Update
// is changing; the command does only the file IO.
func (m *Model) startSave() tea.Cmd {
	if m.save.inFlight || m.save.paused || m.screen == screenSetup {
		return nil
	}
	m.rev.RecordRisks(m.lens)
	data := m.rev.Marshal()
	m.save.pending = m.rev.Clone()
	m.save.gen++
	m.save.dirty = false
	m.save.inFlight = true
	return saveCmd(m.opts.Path, data, m.save.diskHash, m.opts.Now)
}

// saveCmd writes data unless the file changed since we last saw it.
func saveCmd(path string, data []byte, expect string, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		// The lock makes check-then-write atomic against 'wafr answer'.
		unlock, err := filelock.Lock(path, 10*time.Second)
		if err != nil {
			return saveFailedMsg{err}
		}
		defer unlock()
		current, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if expect != "" {
				// Deleted under us: writing it back loses nothing.
				break
			}
		case err != nil:
			return saveFailedMsg{err}
		case HashOf(current) != expect:
			return conflictMsg{data: current}
		}
		if err := atomicfile.Write(path, data); err != nil {
			return saveFailedMsg{err}
		}
		return savedMsg{hash: HashOf(data), at: now()}
	}
}

// watchCmd checks, once per clock tick, whether someone else changed the
// file (a git pull, another wafr).
func (m *Model) watchCmd() tea.Cmd {
	if m.save.inFlight || m.save.watching || m.save.paused || m.save.diskHash == "" {
		return nil
	}
	m.save.watching = true
	path, expect, gen := m.opts.Path, m.save.diskHash, m.save.gen
	return func() tea.Msg {
		current, err := os.ReadFile(path)
		if err != nil || HashOf(current) == expect {
			return diskOKMsg{}
		}
		return conflictMsg{data: current, fromWatch: true, gen: gen}
	}
}

// updateSave handles the results of saving and watching.
func (m *Model) updateSave(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case autosaveMsg:
		m.save.tickPending = false
		return m.startSave(), true
	case retryMsg:
		if m.save.dirty {
			return m.startSave(), true
		}
		return nil, true
	case savedMsg:
		m.save.inFlight = false
		m.save.err = nil
		m.save.lastSaved = msg.at
		m.save.diskHash = msg.hash
		m.save.base = m.save.pending
		if m.save.dirty {
			return m.startSave(), true
		}
		if m.quitting {
			return tea.Quit, true
		}
		return nil, true
	case saveFailedMsg:
		m.save.inFlight = false
		m.save.dirty = true
		m.save.err = msg.err
		if m.quitting {
			m.quitting = false
			m.dialog = &saveFailedDialog{err: msg.err}
			return nil, true
		}
		return m.after(retryDelay, func(time.Time) tea.Msg { return retryMsg{} }), true
	case asideMsg:
		if msg.err != nil {
			m.setNotice("could not write " + m.asidePath() + ": " + msg.err.Error())
			return nil, true
		}
		m.aside = m.asidePath()
		return tea.Quit, true
	case diskOKMsg:
		m.save.watching = false
		return nil, true
	case conflictMsg:
		if msg.fromWatch {
			m.save.watching = false
			if msg.gen != m.save.gen || m.save.inFlight {
				return nil, true // a save started since: what the watcher read may be our own write
			}
		}
		if m.save.inFlight {
			// Our save found the change: what it meant to write is still
			// unsaved.
			m.save.inFlight = false
			m.save.dirty = true
		}
		if HashOf(msg.data) == m.save.diskHash {
			return nil, true
		}
		if cmd, merged := m.merge(msg.data); merged {
			return cmd, true
		}
		m.quitting = false
		m.save.paused = true
		m.dialog = newConflictDialog(m, msg.data)
		return nil, true
	}
	return nil, false
}

// merge folds a change made outside this session into it when no
// question was changed on both sides differently; it reports whether it did.
func (m *Model) merge(data []byte) (tea.Cmd, bool) {
	theirs, err := review.Parse(m.opts.Path, data)
	if err != nil || m.save.base == nil {
		return nil, false
	}
	merged, conflicts, notes := review.MergeWithNotes(m.save.base, m.rev, theirs)
	if len(conflicts) > 0 {
		return nil, false
	}
	m.rev = merged
	m.rescore()
	m.save.base = theirs
	m.save.diskHash = HashOf(data)
	m.setNotice("merged changes made outside this session")
	for _, n := range notes {
		m.setNotice(string(n))
	}
	var cmd tea.Cmd
	if merged.RecordRisks(m.lens); !bytes.Equal(merged.Marshal(), theirs.Marshal()) {
		cmd = m.markDirty()
	} else {
		m.save.dirty = false
	}
	if m.quitting {
		cmd = tea.Batch(cmd, m.quit())
	}
	return cmd, true
}

// reload replaces the review with the version on disk.
func (m *Model) reload(r *review.Review, data []byte) {
	m.rev = r
	m.rescore()
	m.save.base = r.Clone()
	m.save.diskHash = HashOf(data)
	m.save.dirty = false
	m.save.paused = false
	m.setNotice("reloaded " + m.opts.Path + " from disk")
}

// keepMine overwrites the version on disk with ours at the next save.
func (m *Model) keepMine(data []byte) tea.Cmd {
	m.save.diskHash = HashOf(data)
	m.save.paused = false
	m.setNotice("kept this session's answers; " + m.opts.Path + " will be overwritten")
	return m.markDirty()
}

// saveStatus is the left part of the status line.
func (m *Model) saveStatus() string {
	s := m.c.styles
	switch {
	case m.save.err != nil:
		return s.StatusError.Render(fmt.Sprintf("not saved: %v (answers kept in memory, retrying)", m.save.err))
	case m.save.paused:
		return s.StatusError.Render("not saved: the file changed on disk")
	case m.save.inFlight || m.save.dirty:
		return s.Status.Render("saving…")
	case m.save.lastSaved.IsZero():
		return s.Status.Render("no changes")
	}
	ago := m.opts.Now().Sub(m.save.lastSaved).Round(time.Second)
	if ago < time.Second {
		return s.Status.Render("saved just now")
	}
	return s.Status.Render(fmt.Sprintf("saved %s ago", shortDuration(ago)))
}

func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%dh", int(d.Hours()))
}

// asidePath is where this session's answers go when the user quits without
// overwriting a review file someone else changed.
func (m *Model) asidePath() string { return m.opts.Path + ".wafr-unsaved" }

type asideMsg struct{ err error }

// quitAside writes this session's version next to the review file, leaves
// the file itself alone, and quits.
func (m *Model) quitAside() tea.Cmd {
	m.rev.RecordRisks(m.lens)
	data, path := m.rev.Marshal(), m.asidePath()
	return func() tea.Msg { return asideMsg{atomicfile.Write(path, data)} }
}
