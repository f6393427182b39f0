package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
)

// defaultLens is the lens a new review uses when none is named.
const defaultLens = "builtin:ops"

// openReview loads a review file; a file that does not exist is not an error
// (exists is false), anything else that fails to load is.
func openReview(path string) (r *review.Review, exists bool, err error) {
	r, err = review.Load(path)
	if errors.Is(err, review.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	return r, true, nil
}

// lensFor picks and loads the lens of a review: the --lens flag, else the
// lens the file records (a path is relative to the review file), else the
// built-in lens of the recorded id, else builtin:ops.
func lensFor(r *review.Review, reviewPath, flag string) (*questions.Lens, error) {
	src := flag
	if src == "" && r != nil {
		src = r.Lens.Source
		if src != "" && !strings.HasPrefix(src, questions.BuiltinPrefix) && !filepath.IsAbs(src) {
			src = filepath.Join(filepath.Dir(reviewPath), filepath.FromSlash(src))
		}
		if src == "" && r.Lens.ID != "" {
			src = questions.BuiltinPrefix + r.Lens.ID
		}
	}
	if src == "" {
		src = defaultLens
	}
	return questions.Load(src)
}

// loadScored loads a review file (or stdin for "-"), takes it back to a
// milestone when at is set, picks its lens and scores it.
func loadScored(io *ioStreams, file, at, lensFlag string) (*reports.Scored, error) {
	r, err := readReview(io, file)
	if err != nil {
		return nil, err
	}
	snap, err := r.At(at)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	l, err := lensFor(snap, file, lensFlag)
	if err != nil {
		return nil, err
	}
	noteLensChange(io.ErrOut, file, snap, l)
	milestone := ""
	if at != "" {
		milestone = at
		if m := r.Milestone(at); m == nil {
			milestone = snapName(r, at)
		}
	}
	return reports.Score(reports.Input{File: file, Review: snap, Lens: l, Milestone: milestone, Today: io.Now()}), nil
}

// snapName is the name of a milestone given by number.
func snapName(r *review.Review, at string) string {
	for i, m := range r.Milestones {
		if fmt.Sprint(i+1) == at {
			return m.Name
		}
	}
	return at
}

// readReview reads a review file that must exist; "-" is standard input.
func readReview(io *ioStreams, file string) (*review.Review, error) {
	if file == "-" {
		return review.Read("-", io.In)
	}
	r, exists, err := openReview(file)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, fmt.Errorf("%s: no such review file", file)
	}
	return r, nil
}

// recordLens makes the review record the lens it is saved with, so that a
// milestone or a diff later knows which edition the answers were made with.
func recordLens(r *review.Review, l *questions.Lens, reviewPath string) {
	r.Lens = review.RefOf(l)
	r.Lens.Source = recordedSource(l.Source, reviewPath)
	r.RecordRisks(l)
}

// defaultWorkload names a new review's workload after its folder.
func defaultWorkload(reviewPath string) string {
	if abs, err := filepath.Abs(reviewPath); err == nil {
		return filepath.Base(filepath.Dir(abs))
	}
	return "workload"
}

// recordedSource is how a review file records its lens: builtin:NAME as is,
// a path relative to the review file so the pair can move together.
func recordedSource(lensSource, reviewPath string) string {
	if strings.HasPrefix(lensSource, questions.BuiltinPrefix) {
		return lensSource
	}
	absLens, err1 := filepath.Abs(lensSource)
	absDir, err2 := filepath.Abs(filepath.Dir(reviewPath))
	if err1 != nil || err2 != nil {
		return lensSource
	}
	if rel, err := filepath.Rel(absDir, absLens); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(absLens)
}

// noteLensChange tells the user, once, when the lens changed since the review
// was saved, and which answers no longer match it (they are kept).
func noteLensChange(out io.Writer, file string, r *review.Review, l *questions.Lens) {
	if r.Lens.Digest == "" || r.Lens.Digest == l.Digest {
		return
	}
	w := textsafeWriter{out}
	fmt.Fprintf(w, "note: %s: %s\n", file, lensChange(r, l))
	for _, o := range r.Answers.Orphans(l) {
		if o.ChoiceID == "" {
			fmt.Fprintf(w, "note: the answer to %s/%s is kept, but the lens no longer has that question\n", o.PillarID, o.QuestionID)
		} else {
			fmt.Fprintf(w, "note: choice %s of %s/%s is kept, but the lens no longer has it\n", o.ChoiceID, o.PillarID, o.QuestionID)
		}
	}
}

// lensChange says how the lens differs from the one the review was saved
// with.
func lensChange(r *review.Review, l *questions.Lens) string {
	if r.Lens.Version == l.Version {
		return fmt.Sprintf("the lens %s changed since this review was saved (same version %s, other content)", l.ID, orDash(l.Version))
	}
	return fmt.Sprintf("the lens %s changed since this review was saved (version %s, now %s)", l.ID, orDash(r.Lens.Version), orDash(l.Version))
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
