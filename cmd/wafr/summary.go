package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/reports"
)

type summaryOptions struct {
	io    *ioStreams
	files []string
	lens  string
}

func newSummaryCmd(io *ioStreams, runF func(*summaryOptions) error) *cobra.Command {
	opts := &summaryOptions{io: io}
	cmd := &cobra.Command{
		Use:     "summary FILE",
		Short:   "Print the risk counts of a review, per pillar",
		Example: "  wafr summary review.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.files = args
			if runF != nil {
				return runF(opts)
			}
			return runSummary(opts)
		},
	}
	cmd.Flags().StringVar(&opts.lens, "lens", "", "score with this lens instead of the one the file records")
	return cmd
}

func runSummary(opts *summaryOptions) error {
	file := opts.files[0]
	r, exists, err := openReview(file)
	if err != nil {
		return err
	}
	if !exists {
		return fmt.Errorf("%s: no such review file", file)
	}
	l, err := lensFor(r, file, opts.lens)
	if err != nil {
		return err
	}
	noteLensChange(opts.io.ErrOut, file, r, l)
	lensName := strings.TrimSpace(l.Name + " " + l.Version)
	return reports.WriteSummaryText(opts.io.Out, reports.SummaryInput{
		Workload: r.Workload.Name, Lens: lensName, Result: r.Score(l),
	})
}
