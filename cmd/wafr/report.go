package main

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/reports"
)

type reportOptions struct {
	io          *ioStreams
	file        string
	format      string
	out         string
	at          string
	pillarOrder []string
	lens        string
}

func newReportCmd(io *ioStreams, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{io: io}
	cmd := &cobra.Command{
		Use:   "report FILE",
		Short: "Write the improvement plan (Markdown), or the scored review as JSON or CSV",
		Long: `Write the improvement plan of a review.

md (default): a header with the lens, date, reviewers and risk counts (with a
Mermaid pie chart GitHub draws), then HIGH items, then MEDIUM items, by pillar
and question: what the team already does, what to do next (each missing best
practice's improvement plan and link) and the team's notes; then questions
not applicable, unanswered, and with no risk.

json: the whole scored review, schema "wafr.report/v1" (see the README).
csv: one row per question and choice, for spreadsheets.

-o writes the file atomically; without it, the report goes to stdout.`,
		Example: `  wafr report review.yaml -o PLAN.md
  wafr report review.yaml --format csv -o review.csv
  wafr report review.yaml --pillar-order security,reliability`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			if err := oneOf("--format", opts.format, "md", "json", "csv"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "md", "md, json or csv")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file (atomically) instead of stdout")
	f.StringVar(&opts.at, "at", "", "report as of a milestone (name or number)")
	f.StringSliceVar(&opts.pillarOrder, "pillar-order", nil, "pillar ids to list first, comma-separated")
	f.StringVar(&opts.lens, "lens", "", "score with this lens instead of the one the file records")
	return cmd
}

func runReport(opts *reportOptions) error {
	s, err := loadScored(opts.io, opts.file, opts.at, opts.lens)
	if err != nil {
		return err
	}
	for _, id := range opts.pillarOrder {
		if !hasPillar(s, id) {
			ids := make([]string, len(s.Pillars))
			for i, p := range s.Pillars {
				ids[i] = p.ID
			}
			return flagErrorf("--pillar-order: no pillar %q in the lens (its pillars: %s)", id, strings.Join(ids, ", "))
		}
	}
	var buf bytes.Buffer
	switch opts.format {
	case "json":
		err = reports.WriteReportJSON(&buf, s)
	case "csv":
		err = reports.WriteCSV(&buf, s)
	default:
		err = reports.WritePlan(&buf, s, reports.PlanOptions{PillarOrder: opts.pillarOrder})
	}
	if err != nil {
		return err
	}
	return writeOutput(opts.io, opts.out, buf.Bytes(), opts.file)
}

func hasPillar(s *reports.Scored, id string) bool {
	for _, p := range s.Pillars {
		if p.ID == id {
			return true
		}
	}
	return false
}
