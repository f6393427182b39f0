package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// loadScored loads a review file (or stdin for "-"), takes it back to a
// milestone when at is set, picks its lens and scores it.
func loadScored(io *ioStreams, file, at, lensFlag string) (*reports.Scored, error) {
	s, _, err := loadScoredLens(io, file, at, lensFlag)
	return s, err
}

// loadScoredLens is loadScored, also returning the lens used: its Source
// is an input of the command, which -o must not replace.
func loadScoredLens(io *ioStreams, file, at, lensFlag string) (*reports.Scored, *questions.Lens, error) {
	r, err := readReview(io, file)
	if err != nil {
		return nil, nil, err
	}
	snap, err := r.At(at)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	l, err := io.ws.LensFor(snap, file, lensFlag)
	if err != nil {
		return nil, nil, err
	}
	noteLensChange(io.ErrOut, file, snap, l)
	milestone := ""
	if m := r.MilestoneAt(at); m != nil {
		milestone = m.Name
	}
	return reports.Score(reports.Input{File: file, Review: snap, Lens: l, Milestone: milestone, Today: io.Now()}), l, nil
}

// readReview reads a review file that must exist; "-" is standard input.
// Its lens is picked afterwards (LensFor), for the milestone asked for and
// with --lens, so a recorded lens that is gone does not stop --lens.
func readReview(io *ioStreams, file string) (*review.Review, error) {
	return io.ws.ReadReview(file, io.In)
}

// openFile opens a review file with its lens, which must exist.
func openFile(io *ioStreams, file, lensFlag string) (*workspace.File, error) {
	return io.ws.Open(file, io.In, workspace.OpenOptions{Lens: lensFlag})
}

// noteLensChange tells the user, once, when the lens changed since the review
// was saved, and which answers no longer match it (they are kept).
func noteLensChange(out io.Writer, file string, r *review.Review, l *questions.Lens) {
	msg := workspace.LensChange(r, l)
	if msg == "" {
		return
	}
	w := textsafeWriter{out}
	fmt.Fprintf(w, "note: %s: %s\n", file, msg)
	for _, n := range workspace.OrphanNotes(r, l) {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

// writeOutput writes to -o, or to stdout for none or "-". It refuses to
// write over any of the command's inputs (a review or lens file).
func writeOutput(io *ioStreams, out string, data []byte, inputs ...string) error {
	if err := workspace.WriteOutput(out, data, io.Out, inputs...); err != nil {
		return err
	}
	if out != "" && out != "-" {
		fmt.Fprintf(io.ErrOut, "wrote %s\n", textsafe.Clean(out))
	}
	return nil
}

// textsafeWriter cleans what it writes of escape codes and control
// characters, for messages that quote file content.
type textsafeWriter struct{ w io.Writer }

func (t textsafeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, textsafe.Clean(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// findQuestion resolves a QUESTION argument. One that names no question
// suggests the id in its right case ("did you mean OPS1?"), or else lists
// the lens's questions, as wrong choice and action ids list theirs.
func findQuestion(l *questions.Lens, ref string) (*questions.Pillar, *questions.Question, error) {
	p, q, err := l.Find(ref)
	var fe *questions.FindError
	if errors.As(err, &fe) && len(fe.Candidates) == 0 {
		if s := l.SuggestQuestion(ref); s != "" {
			return nil, nil, fmt.Errorf("%w; did you mean %s?", err, s)
		}
		return nil, nil, fmt.Errorf("%w; its questions: %s", err, strings.Join(l.QuestionRefs(), ", "))
	}
	return p, q, err
}
