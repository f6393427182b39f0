package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/workspace"
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
		Args: positional(argSpec{min: 2, max: 2, what: "give a review file and one milestone name; quote a name with spaces", synopsis: `wafr milestone FILE NAME, for example wafr milestone review.yaml "2026 Q4"`}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file, opts.name = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return runMilestone(opts)
		},
	}
	cmd.Flags().StringVar(&opts.notes, "notes", "", "what this milestone marks")
	cmd.ValidArgsFunction = completeFiles(1) // the name is new: nothing to complete
	return cmd
}

func runMilestone(opts *milestoneOptions) error {
	var line string
	_, err := opts.io.ws.Edit(opts.file, workspace.OpenOptions{}, func(f *workspace.File) error {
		r, l := f.Review, f.Lens
		noteLensChange(opts.io.ErrOut, opts.file, r, l)
		workspace.RecordLens(r, l, opts.file)
		// AddMilestone trims the name and drops zero-width look-alikes: the
		// message says the name kept.
		if err := r.AddMilestone(opts.name, opts.notes, l, opts.io.Now()); err != nil {
			return err
		}
		name := r.Milestones[len(r.Milestones)-1].Name
		c := reports.Score(reports.Input{Review: r, Lens: l}).Counts
		line = fmt.Sprintf("milestone %q recorded (%d of %s): HIGH %d · MEDIUM %d · NONE %d · N/A %d · unanswered %d",
			name, len(r.Milestones), opts.file, c.High, c.Medium, c.None, c.NotApplicable, c.Unanswered)
		return nil
	})
	if err != nil {
		return err
	}
	return printLine(opts.io.Out, line)
}
