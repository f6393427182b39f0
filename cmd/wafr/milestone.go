package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
)

type milestoneOptions struct {
	io    *ioStreams
	file  string
	name  string
	notes string
}

func newMilestoneCmd(io *ioStreams, runF func(*milestoneOptions) error) *cobra.Command {
	opts := &milestoneOptions{io: io}
	cmd := &cobra.Command{
		Use:   "milestone FILE NAME",
		Short: "Snapshot the current answers as a named, read-only milestone",
		Long: `Record the current answers of a review, with their risks and the lens
identity, as a milestone inside the review file. Names are unique; there is no
limit on how many milestones a review keeps, and no command edits one.
Compare milestones with 'wafr diff FILE@NAME FILE' and list them with
'wafr history FILE'.`,
		Example: `  wafr milestone review.yaml "2026 Q4"
  wafr milestone review.yaml after-game-day --notes "After the failover drill."`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file, opts.name = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return runMilestone(opts)
		},
	}
	cmd.Flags().StringVar(&opts.notes, "notes", "", "what this milestone marks")
	return cmd
}

func runMilestone(opts *milestoneOptions) error {
	unlock, err := review.Lock(opts.file)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := readReview(opts.io, opts.file)
	if err != nil {
		return err
	}
	l, err := lensFor(r, opts.file, "")
	if err != nil {
		return err
	}
	noteLensChange(opts.io.ErrOut, opts.file, r, l)
	recordLens(r, l, opts.file)
	if err := r.AddMilestone(opts.name, opts.notes, l, opts.io.Now()); err != nil {
		return err
	}
	if err := r.Save(opts.file); err != nil {
		return err
	}
	c := reports.Score(reports.Input{Review: r, Lens: l}).Counts
	fmt.Fprintf(opts.io.Out, "milestone %q recorded (%d of %s): HIGH %d · MEDIUM %d · NONE %d · N/A %d · unanswered %d\n",
		opts.name, len(r.Milestones), opts.file, c.High, c.Medium, c.None, c.NotApplicable, c.Unanswered)
	return nil
}

// sideLens loads the lens a snapshot was answered with. A lens that cannot
// be loaded, or whose content is not the recorded one, gives nil: the risks
// recorded in the file are then used.
func sideLens(r *review.Review, file string) *questions.Lens {
	l, err := lensFor(r, file, "")
	if err != nil || (r.Lens.Digest != "" && l.Digest != r.Lens.Digest) {
		return nil
	}
	return l
}
