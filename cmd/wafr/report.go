package main

import (
	"bytes"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
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
	lang        string
	raw         bool
}

func newReportCmd(io *ioStreams, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{io: io}
	formats := []string{"md", "html", "json", "csv"}
	cmd := &cobra.Command{
		Use:   "report FILE",
		Short: "Write the improvement plan (Markdown or HTML), or the scored review as JSON or CSV",
		Long: `Write the improvement plan of a review.

md (default): a header with the lens, date, reviewers and risk counts (with a
Mermaid pie chart GitHub draws), then HIGH items, then MEDIUM items, by pillar
and question: what the team already does, what to do next (each missing best
practice's improvement plan and link) and the team's notes; then questions
not applicable, unanswered, and with no risk. On a terminal the plan is drawn
for reading (as glow draws Markdown); --raw, a pipe or -o give the Markdown.

html: the same plan as one self-contained page for readers outside the
terminal (inline CSS and SVG, no script, nothing fetched; prints to clean
pages): an executive summary, a stacked bar per pillar, the trend of HIGH and
MEDIUM over the milestones (and the current state; with --at, up to that
milestone), then the plan. Headings follow the lens language.

json: the whole scored review, schema "wafr.report/v1" (see the README).
csv: one row per question and choice, for spreadsheets.

-o writes the file atomically; without it, the report goes to stdout.`,
		Example: `  wafr report review.yaml -o PLAN.md
  wafr report review.yaml --format html -o plan.html
  wafr report review.yaml --format csv -o review.csv
  wafr report review.yaml --pillar-order security,reliability`,
		Args: positional(argSpec{min: 1, max: 1, what: "give one review file", synopsis: "wafr report FILE [--format " + strings.Join(formats, "|") + "] [-o OUT]"}),
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
			return runReport(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "md", "md, html, json or csv")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file (atomically) instead of stdout")
	f.StringVar(&opts.at, "at", "", "report as of a milestone (name or number)")
	f.StringSliceVar(&opts.pillarOrder, "pillar-order", nil, "pillar ids to list first, comma-separated")
	f.StringVar(&opts.lens, "lens", "", "score with this lens instead of the one the file records")
	cmd.ValidArgsFunction = completeFiles(1)
	cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	cmd.RegisterFlagCompletionFunc("at", completeMilestone(io))
	cmd.RegisterFlagCompletionFunc("lens", completeBuiltins)
	addLangFlag(cmd, &opts.lang, langUsage)
	f.BoolVar(&opts.raw, "raw", false, "on a terminal, print the Markdown itself rather than draw it")
	return cmd
}

func runReport(opts *reportOptions) error {
	var page htmlPage
	var err error
	if opts.format == "html" {
		page, err = loadHTML(opts.io, opts.file, opts.at, opts.lens)
	} else {
		page.scored, page.lens, err = loadScoredLens(opts.io, opts.file, opts.at, opts.lens)
	}
	if err != nil {
		return err
	}
	s, l := page.scored, page.lens
	s.Language = i18n.Choose(opts.lang, s.Language, opts.io.Getenv)
	for i, id := range opts.pillarOrder {
		if slices.Contains(opts.pillarOrder[:i], id) {
			return flagErrorf("--pillar-order: pillar %q is given twice", id)
		}
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
	case "html":
		err = reports.WriteHTML(&buf, s, reports.HTMLOptions{PillarOrder: opts.pillarOrder, History: page.history, Language: i18n.Choose(opts.lang, l.Language, opts.io.Getenv)})
	default:
		if opts.out == "" && opts.io.OutTTY && !opts.raw {
			// Read on a terminal: drawn as glow would; a pipe or -o gets
			// the Markdown itself.
			if err = reports.WritePlan(&buf, s, reports.PlanOptions{PillarOrder: opts.pillarOrder, Terminal: true}); err != nil {
				return err
			}
			return reports.WriteMarkdownTerminal(opts.io.Out, buf.Bytes(), reports.TerminalOptions{
				Color: opts.io.Color, Dark: opts.io.darkBackground(), Width: opts.io.Width})
		}
		err = reports.WritePlan(&buf, s, reports.PlanOptions{PillarOrder: opts.pillarOrder})
	}
	if err != nil {
		return err
	}
	return writeOutput(opts.io, opts.out, buf.Bytes(), opts.file, l.Source)
}

func hasPillar(s *reports.Scored, id string) bool {
	for _, p := range s.Pillars {
		if p.ID == id {
			return true
		}
	}
	return false
}

// htmlPage is a scored review and what the HTML pages add to it.
type htmlPage struct {
	scored *reports.Scored
	lens   *questions.Lens // the lens scored with, an input -o must not replace
	// history is the review's history up to the reported point, as
	// `wafr history` lists it, ending with the reported state (the
	// current one, or the --at milestone), counted as the report counts it.
	history []reports.HistoryRow
}

// loadHTML reads a review once, and scores it with its history.
func loadHTML(streams *ioStreams, file, at, lensFlag string) (htmlPage, error) {
	r, err := readReview(streams, file)
	if err != nil {
		return htmlPage{}, err
	}
	in, l, err := inputOf(streams, r, file, at, lensFlag)
	if err != nil {
		return htmlPage{}, err
	}
	s := reports.Score(in)
	rows := reports.History(r, lensAt(streams, file), streams.Now())
	if m := r.MilestoneAt(at); m != nil {
		for i := range r.Milestones {
			if &r.Milestones[i] == m {
				rows = rows[:i+1]
			}
		}
	}
	// The last point is the reported state, counted as the page counts it.
	last := &rows[len(rows)-1]
	last.Answered, last.Total, last.Counts, last.Scored, last.Actions = s.Answered, s.Total, s.Counts, !in.AsRecorded, s.Actions
	return htmlPage{scored: s, lens: l, history: rows}, nil
}
