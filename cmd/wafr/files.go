package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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

// loadSummary is loadScored for the summaries, which show only counts and
// the HIGH and MEDIUM questions (reports.Summarize).
func loadSummary(io *ioStreams, file, at, lensFlag string) (*reports.Scored, error) {
	in, _, err := loadInput(io, file, at, lensFlag)
	if err != nil {
		return nil, err
	}
	return reports.Summarize(in), nil
}

// loadScoredLens is loadScored, also returning the lens used: its Source
// is an input of the command, which -o must not replace.
func loadScoredLens(io *ioStreams, file, at, lensFlag string) (*reports.Scored, *questions.Lens, error) {
	in, l, err := loadInput(io, file, at, lensFlag)
	if err != nil {
		return nil, nil, err
	}
	return reports.Score(in), l, nil
}

// loadInput reads what scoring a review file needs: the review as of the
// milestone at, and its lens (noting on stderr a lens that changed).
func loadInput(io *ioStreams, file, at, lensFlag string) (reports.Input, *questions.Lens, error) {
	r, err := readReview(io, file)
	if err != nil {
		return reports.Input{}, nil, err
	}
	return inputOf(io, r, file, at, lensFlag)
}

// inputOf is loadInput of a review already read.
func inputOf(io *ioStreams, r *review.Review, file, at, lensFlag string) (reports.Input, *questions.Lens, error) {
	snap, err := r.At(at)
	if err != nil {
		return reports.Input{}, nil, fmt.Errorf("%s: %w", file, err)
	}
	milestone := ""
	if m := r.MilestoneAt(at); m != nil {
		milestone = m.Name
	}
	var l *questions.Lens
	if milestone != "" {
		l, err = io.ws.MilestoneLens(snap, milestone, file, lensFlag)
	} else {
		l, err = io.ws.LensFor(snap, file, lensFlag)
	}
	if err != nil {
		return reports.Input{}, nil, err
	}
	in := reports.Input{File: file, Review: snap, Lens: l, Milestone: milestone, Today: io.Now()}
	if milestone != "" && lensFlag == "" && snap.Lens.Digest != "" && snap.Lens.Digest != l.Digest {
		// The lens changed since the milestone: its risks are those it
		// recorded, as history and diff count it (PointLens).
		in.AsRecorded = true
		w := textsafeWriter{io.ErrOut}
		fmt.Fprintf(w, "note: %s: the lens has changed since milestone %s: its risks are those it recorded (as wafr history counts them), its words the lens's now; give --lens to score it with a lens\n", file, milestone)
		for _, n := range workspace.OrphanNotes(snap, l) { // history counts these too; this lens has no place for them
			fmt.Fprintf(w, "note: %s: %s\n", file, n)
		}
		return in, l, nil
	}
	noteLensChange(io.ErrOut, file, snap, l)
	return in, l, nil
}

// distinctFiles is files with each file once, in its first place: a file
// named twice (overlapping globs, services/*/review.yaml and one of them
// again) would count twice in the totals. It says so on stderr.
func distinctFiles(io *ioStreams, files []string) []string {
	seen := make(map[string]bool, len(files))
	out := files[:0:0]
	for _, f := range files {
		key := f
		if f != "-" {
			key = filepath.Clean(f)
		}
		if seen[key] {
			fmt.Fprintf(textsafeWriter{io.ErrOut}, "note: %s is given more than once; it counts once\n", f)
			continue
		}
		seen[key] = true
		out = append(out, f)
	}
	return out
}

// loadEach loads many files for one command: load runs on a bounded pool
// of workers (one per processor), and use receives the results in file
// order. What a load writes to stderr (a note that the lens changed) is
// held and written in file order too, and the first failure in file order
// ends the command with only the messages before it, exactly as loading
// the files one after another did. Standard input among the files ("-",
// or "-@MILESTONE" for diff) makes it do just that.
func loadEach[T any](io *ioStreams, files []string, load func(*ioStreams, string) (T, error), use func(T)) error {
	workers := min(runtime.GOMAXPROCS(0), len(files))
	if workers <= 1 || slices.ContainsFunc(files, readsStdin) {
		for _, f := range files {
			v, err := load(io, f)
			if err != nil {
				return err
			}
			use(v)
		}
		return nil
	}
	type result struct {
		v      T
		err    error
		stderr bytes.Buffer
		ready  chan struct{}
	}
	results := make([]result, len(files))
	for i := range results {
		results[i].ready = make(chan struct{})
	}
	// Workers run at most ahead files ahead of use, which bounds what is
	// held in memory whatever the number of files.
	ahead := make(chan struct{}, 4*workers)
	done := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case ahead <- struct{}{}:
				case <-done:
					return
				}
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				res := &results[i]
				wio := *io
				wio.ErrOut = &res.stderr
				res.v, res.err = load(&wio, files[i])
				close(res.ready)
			}
		})
	}
	defer func() {
		close(done)
		wg.Wait()
	}()
	for i := range results {
		res := &results[i]
		<-res.ready
		if _, err := io.ErrOut.Write(res.stderr.Bytes()); err != nil {
			return err
		}
		if res.err != nil {
			return res.err
		}
		use(res.v)
		results[i] = result{} // let it go
		<-ahead
	}
	return nil
}

// readsStdin reports whether a file argument (FILE or FILE@MILESTONE) is
// read from standard input: "-" or "-@MILESTONE". It only looks at the
// text (a file really named "-@x" counts too, which costs only a serial
// load), so it stats nothing.
func readsStdin(arg string) bool { return arg == "-" || strings.HasPrefix(arg, "-@") }

// lensAt gives the lens each point of a review file is scored with, by
// the workspace's one rule (PointLens), for reports.History.
func lensAt(io *ioStreams, file string) func(*review.Review, bool) *questions.Lens {
	return func(snap *review.Review, milestone bool) *questions.Lens {
		l, _ := io.ws.PointLens(snap, file, milestone)
		return l
	}
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
	w := textsafeWriter{out}
	msg := workspace.LensChange(r, l)
	if msg == "" {
		// The lens it was saved with: an answer it does not know was
		// written by hand.
		for _, n := range workspace.UnknownNotes(r, l) {
			fmt.Fprintf(w, "note: %s: %s\n", file, n)
		}
		return
	}
	fmt.Fprintf(w, "note: %s: %s\n", file, msg)
	for _, n := range workspace.OrphanNotes(r, l) {
		fmt.Fprintf(w, "note: %s: %s\n", file, n) // named: several files may be read
	}
}

// noteWorkloadKept tells a script that gave --workload (or --owner) for a
// file that exists already that the review keeps its own: those flags only
// describe a new file.
func noteWorkloadKept(out io.Writer, file string, r *review.Review, name, owner string) {
	w := textsafeWriter{out}
	if name != "" && name != r.Workload.Name {
		fmt.Fprintf(w, "note: %s exists: --workload is for a new file, and its workload stays %q (edit the file to rename it)\n", file, r.Workload.Name)
	}
	switch {
	case owner == "" || owner == r.Workload.Owner:
	case r.Workload.Owner == "":
		fmt.Fprintf(w, "note: %s exists: --owner is for a new file, and it stays without an owner (edit the file to name one)\n", file)
	default:
		fmt.Fprintf(w, "note: %s exists: --owner is for a new file, and its owner stays %q (edit the file to change it)\n", file, r.Workload.Owner)
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

// printLine writes a line to w (stdout) cleaned of escape codes, and
// returns the write's error: a full disk or a closed pipe must not end
// the command as if all went well.
func printLine(w io.Writer, line string) error {
	_, err := io.WriteString(w, textsafe.Clean(line)+"\n")
	return err
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
