package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
)

type summaryOptions struct {
	io     *ioStreams
	files  []string
	lens   string
	format string
	at     string
	failOn []string
	lang   string
}

func newSummaryCmd(io *ioStreams, runF func(*summaryOptions) error) *cobra.Command {
	opts := &summaryOptions{io: io}
	formats := []string{"text", "md", "html", "json", "lines"}
	failOns := []string{"high", "medium", "overdue"}
	cmd := &cobra.Command{
		Use:   "summary FILE...",
		Short: "Print the risk summary of one review, or a table of several",
		Long: `Print the risk summary of a review: per pillar the counts of HIGH, MEDIUM,
NONE, not applicable and unanswered questions with a proportional bar, then
the HIGH and MEDIUM questions. With several files, one row per workload,
most HIGH risks first, with totals (the files may use different lenses).

--format html writes the portfolio page, one self-contained HTML file for
any number of reviews: a row per workload sorted by risk with its bar, open
and overdue actions and trend over its milestones; a heat map of pillars by
workload; and the overdue actions.

Colour is used only when stdout is a terminal and NO_COLOR is unset.
--fail-on high (or medium) exits 1 when any question is at that risk or
worse, and --fail-on overdue when an action is past its due date and not
done, for CI. Give several, comma-separated or with --fail-on again
(--fail-on high,overdue), to fail when any of them applies.`,
		Example: `  wafr summary review.yaml
  wafr summary services/*/review.yaml --fail-on high
  wafr summary services/*/review.yaml --fail-on high,overdue
  wafr summary review.yaml --at "2026 Q3" --format md
  wafr summary services/*/review.yaml --format html > portfolio.html`,
		Args: positional(argSpec{min: 1, max: -1, what: "give one review file or more", synopsis: "wafr summary FILE... (for example wafr summary review.yaml)"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = distinctFiles(io, args)
			if err := oneOf("--format", opts.format, formats...); err != nil {
				return err
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			// --fail-on "$LEVEL" with LEVEL unset must not turn a gate off.
			if err := listFlag(cmd, "fail-on", opts.failOn, failOns, "high,overdue"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runSummary(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "output format: text, md, html (the portfolio page), json, or lines (one per answer as the file records it, for git textconv)")
	f.StringVar(&opts.at, "at", "", "summarise as of a milestone (name or number)")
	f.StringSliceVar(&opts.failOn, "fail-on", nil, "exit 1 if any question is at this risk or worse (high, medium), or if an action is overdue (overdue); several, comma-separated or repeated, fail when any applies")
	f.StringVar(&opts.lens, "lens", "", "score with this lens instead of the one the file records")
	cmd.ValidArgsFunction = completeFiles(-1)
	cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	cmd.RegisterFlagCompletionFunc("fail-on", completeValues(failOns...))
	cmd.RegisterFlagCompletionFunc("at", completeMilestone(io))
	cmd.RegisterFlagCompletionFunc("lens", completeBuiltins)
	addLangFlag(cmd, &opts.lang, langUsage)
	return cmd
}

// listFlag checks each value of a flag that takes a list, comma-separated
// or repeated (trimming the spaces around one in a list: "high, overdue"),
// and refuses the flag given empty, which must not mean "any".
func listFlag(cmd *cobra.Command, name string, values, allowed []string, example string) error {
	hint := fmt.Sprintf("use %s, or several, comma-separated or repeated (--%s %s)", orList(allowed), name, example)
	for i, v := range values {
		values[i] = strings.TrimSpace(v)
		if !slices.Contains(allowed, values[i]) {
			return flagErrorf("--%s %q: %s", name, v, hint)
		}
	}
	if cmd.Flags().Changed(name) && len(values) == 0 {
		return flagErrorf("--%s \"\": %s", name, hint)
	}
	return nil
}

func oneOf(flag, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return flagErrorf("%s %q: use %s", flag, value, strings.Join(allowed, ", "))
}

func runSummary(opts *summaryOptions) error {
	if opts.format == "html" {
		return writePortfolio(opts)
	}
	if opts.format == "lines" && opts.lens == "" && len(opts.failOn) == 0 {
		return writeRecordedLines(opts)
	}
	// The summaries need only counts and the HIGH and MEDIUM questions; the
	// question lines of another lens need the whole scored review.
	load := loadSummary
	if opts.format == "lines" {
		load = loadScored
	}
	all := make([]*reports.Scored, 0, len(opts.files))
	var lang sharedLanguage
	err := loadEach(opts.io, opts.files, func(io *ioStreams, file string) (*reports.Scored, error) {
		return load(io, file, opts.at, opts.lens)
	}, func(s *reports.Scored) {
		lang.add(s.Language)
		all = append(all, s)
	})
	if err != nil {
		return err
	}
	// One table in one language: the lenses' if they share one, as the
	// portfolio page and action list decide.
	for _, s := range all {
		s.Language = i18n.Choose(opts.lang, lang.lang, opts.io.Getenv)
	}
	w := opts.io.Out
	switch {
	case opts.format == "json":
		err = reports.WriteSummaryJSON(w, all)
	case opts.format == "md":
		err = reports.WriteSummaryMarkdown(w, all)
	case opts.format == "lines":
		for _, s := range all {
			if err = reports.WriteQuestionLines(w, s); err != nil {
				break
			}
		}
	case len(all) == 1:
		err = reports.WriteSummaryText(w, all[0], reports.TextOptions{Color: opts.io.Color, Width: opts.io.Width})
	default:
		err = reports.WriteConsolidatedText(w, all, reports.TextOptions{Color: opts.io.Color, Width: opts.io.Width})
	}
	if err != nil {
		return err
	}
	return failOn(opts.io, opts.failOn, all)
}

// writeRecordedLines writes the question lines of each review file as it
// records them, without its lens (git's textconv hands wafr a temporary
// copy, beside which the lens is not).
func writeRecordedLines(opts *summaryOptions) error {
	var all []*review.Review
	err := loadEach(opts.io, opts.files, func(io *ioStreams, file string) (*review.Review, error) {
		r, err := readReview(io, file)
		if err != nil {
			return nil, err
		}
		snap, err := r.At(opts.at)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return snap, nil
	}, func(r *review.Review) { all = append(all, r) })
	if err != nil {
		return err
	}
	for _, r := range all {
		if err := reports.WriteRecordedLines(opts.io.Out, r); err != nil {
			return err
		}
	}
	return nil
}

// writePortfolio writes the portfolio page of the reviews, each read
// once; its headings are Japanese when every lens is.
func writePortfolio(opts *summaryOptions) error {
	var items []reports.PortfolioItem
	var all []*reports.Scored
	var lang sharedLanguage
	err := loadEach(opts.io, opts.files, func(io *ioStreams, file string) (htmlPage, error) {
		return loadHTML(io, file, opts.at, opts.lens)
	}, func(p htmlPage) {
		lang.add(p.lens.Language)
		items = append(items, reports.PortfolioItem{Scored: p.scored, History: p.history})
		all = append(all, p.scored)
	})
	if err != nil {
		return err
	}
	if err := reports.WritePortfolioHTML(opts.io.Out, items, reports.PortfolioOptions{Language: i18n.Choose(opts.lang, lang.lang, opts.io.Getenv)}); err != nil {
		return err
	}
	return failOn(opts.io, opts.failOn, all)
}

// failOn reports the failed --fail-on checks (exit 1 when any fails),
// each once, in the order given.
func failOn(io *ioStreams, levels []string, all []*reports.Scored) error {
	var high, medium, overdue int
	for _, s := range all {
		high += s.Counts.High
		medium += s.Counts.Medium
		overdue += s.Actions.Overdue
	}
	failed := false
	for i, level := range levels {
		if slices.Contains(levels[:i], level) {
			continue
		}
		if msg := failure(level, high, medium, overdue); msg != "" {
			fmt.Fprintln(io.ErrOut, msg)
			failed = true
		}
	}
	if failed {
		return errCheckFailed
	}
	return nil
}

// failure says why the --fail-on check level fails, or "" when it passes.
func failure(level string, high, medium, overdue int) string {
	switch {
	case level == "overdue" && overdue > 0:
		return fmt.Sprintf("%s overdue (--fail-on overdue)", plural(overdue, "action"))
	case level == "high" && high > 0:
		return fmt.Sprintf("%s at HIGH risk (--fail-on high)", plural(high, "question"))
	case level == "medium" && high+medium > 0:
		return fmt.Sprintf("%s at HIGH or MEDIUM risk (--fail-on medium)", plural(high+medium, "question"))
	}
	return ""
}
