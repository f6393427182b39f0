package main

import (
	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/reports"
)

type historyOptions struct {
	io     *ioStreams
	file   string
	format string
	lang   string
}

func newHistoryCmd(io *ioStreams, runF func(*historyOptions) error) *cobra.Command {
	opts := &historyOptions{io: io}
	formats := []string{"text", "md", "json"}
	cmd := &cobra.Command{
		Use:   "history FILE",
		Short: "List the milestones of a review with their risk counts, oldest first",
		Long: `List every milestone of a review, oldest first, then the current state:
date, name, answered/total and the HIGH, MEDIUM, NONE and N/A counts with the
change from the row before, and a trend of HIGH and MEDIUM. --format md draws
the trend as a Mermaid line chart that GitHub renders.`,
		Example: "  wafr history review.yaml\n  wafr history review.yaml --format md >> HISTORY.md",
		Args:    positional(argSpec{min: 1, max: 1, what: "give one review file", synopsis: "wafr history FILE"}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			if err := oneOf("--format", opts.format, formats...); err != nil {
				return err
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runHistory(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", formats[0], orList(formats))
	addLangFlag(cmd, &opts.lang, langUsage)
	cmd.ValidArgsFunction = completeFiles(1)
	cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	return cmd
}

func runHistory(opts *historyOptions) error {
	// Its lens may be gone: every row is then counted from the risks the
	// file recorded, as its footnote says.
	r, err := readReview(opts.io, opts.file)
	if err != nil {
		return err
	}
	at := lensAt(opts.io, opts.file)
	rows := reports.History(r, at, opts.io.Now())
	lang := ""
	if l := at(r, false); l != nil {
		lang = l.Language
	}
	lang = i18n.Choose(opts.lang, lang, opts.io.Getenv)
	switch opts.format {
	case "md":
		return reports.WriteHistoryMarkdown(opts.io.Out, r.Workload.Name, rows, lang)
	case "json":
		return reports.WriteHistoryJSON(opts.io.Out, r.Workload.Name, rows)
	}
	return reports.WriteHistoryText(opts.io.Out, r.Workload.Name, rows, reports.TextOptions{Color: opts.io.Color, Width: opts.io.Width,
		Language: lang})
}
