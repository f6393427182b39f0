package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/readlimit"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/watool"
)

// --- wafr lens export ---

type lensExportOptions struct {
	io     *ioStreams
	lens   string
	out    string
	aws    bool
	yaml   bool
	asJSON bool
}

func newLensExportCmd(io *ioStreams, runF func(*lensExportOptions) error) *cobra.Command {
	opts := &lensExportOptions{io: io}
	cmd := &cobra.Command{
		Use:   "export LENS (--aws | --yaml | --json)",
		Short: "Convert a lens: to AWS custom-lens JSON, or to YAML or JSON for editing",
		Long: `Convert a lens.

--aws   AWS custom-lens JSON to import into the AWS Well-Architected Tool:
        wafr's extensions (id, version, language) are dropped and the fields
        follow the AWS template's order. A lens over AWS's limits is refused,
        with every reason.
--yaml  readable YAML with every field, for editing (e.g. of an AWS JSON lens).
--json  JSON with every field, extensions included.`,
		Example: `  wafr lens export builtin:ops --aws -o ops-lens.json
  wafr lens export Amazon_ECS_Lens.json --yaml -o ecs.yaml`,
		Args: positional(argSpec{min: 1, max: 1, what: "give one lens, a file or builtin:NAME", synopsis: "wafr lens export LENS --aws|--yaml|--json [-o FILE]",
			flags: []flagCheck{exclusive("give one of --aws, --yaml or --json", "aws", "yaml", "json"),
				oneRequired("say which format: wafr lens export LENS --aws, --yaml or --json", "aws", "yaml", "json")}}),
		ValidArgsFunction: completeBuiltins,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.lens = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runLensExport(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.aws, "aws", false, "AWS custom-lens JSON")
	f.BoolVar(&opts.yaml, "yaml", false, "YAML with every field")
	f.BoolVar(&opts.asJSON, "json", false, "JSON with every field")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file (atomically) instead of stdout")
	cmd.MarkFlagsMutuallyExclusive("aws", "yaml", "json")
	cmd.MarkFlagsOneRequired("aws", "yaml", "json")
	return cmd
}

func runLensExport(opts *lensExportOptions) error {
	l, problems := questions.Check(opts.lens, questions.Options{AWS: opts.aws, Streams: true, Stdin: opts.io.In})
	if questions.HasErrors(problems) {
		if opts.aws && questions.OnlyAWSLimits(problems) {
			fmt.Fprintf(opts.io.ErrOut, "%s: the AWS Well-Architected Tool would refuse this lens:\n", textsafe.Clean(opts.lens))
		}
		return &questions.LoadError{File: opts.lens, Problems: problems}
	}
	var data []byte
	var err error
	switch {
	case opts.aws:
		data, err = questions.MarshalAWS(l)
	case opts.yaml:
		data, err = questions.MarshalYAML(l)
	default:
		data, err = questions.MarshalJSON(l)
	}
	if err != nil {
		return err
	}
	return writeOutput(opts.io, opts.out, data, opts.lens)
}

// --- wafr export aws-answers ---

type exportAnswersOptions struct {
	io         *ioStreams
	file       string
	workloadID string
	lensAlias  string
	out        string
	lens       string
}

func newExportCmd(io *ioStreams) *cobra.Command {
	cmd := &cobra.Command{Use: "export", Short: "Export answers to other tools (the AWS Well-Architected Tool)"}
	cmd.AddCommand(newExportAnswersCmd(io, nil))
	return cmd
}

func newExportAnswersCmd(io *ioStreams, runF func(*exportAnswersOptions) error) *cobra.Command {
	opts := &exportAnswersOptions{io: io}
	cmd := &cobra.Command{
		Use:   "aws-answers FILE --workload-id ID --lens-alias ALIAS",
		Short: "Write update-answer inputs for the AWS Well-Architected Tool, one JSON per line",
		Long: `Write one JSON document per line, each a valid --cli-input-json body for
'aws wellarchitected update-answer', for every answered question: the ticked
choices, notes (cut to AWS's 2084 characters, with a warning), and whether
the question applies (with the reason when it does not). Push them with:

  wafr export aws-answers review.yaml --workload-id "$WL" --lens-alias "$LENS" |
    while IFS= read -r a; do aws wellarchitected update-answer --cli-input-json "$a"; done`,
		Args: positional(argSpec{min: 1, max: 1, what: "give one review file", synopsis: "wafr export aws-answers FILE --workload-id ID --lens-alias ALIAS",
			flags: []flagCheck{required("wafr export aws-answers FILE --workload-id ID --lens-alias ALIAS", "workload-id", "lens-alias")}}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runExportAnswers(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.workloadID, "workload-id", "", "the AWS workload id (required)")
	f.StringVar(&opts.lensAlias, "lens-alias", "", "the lens alias or ARN in AWS (required)")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file instead of stdout")
	f.StringVar(&opts.lens, "lens", "", "the lens, if not the one the file records")
	cmd.MarkFlagRequired("workload-id")
	cmd.MarkFlagRequired("lens-alias")
	return cmd
}

func runExportAnswers(opts *exportAnswersOptions) error {
	f, err := openFile(opts.io, opts.file, opts.lens)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	warnings, err := watool.ExportAnswers(&buf, f.Review, f.Lens, watool.ExportOptions{WorkloadID: opts.workloadID, LensAlias: opts.lensAlias})
	printWarnings(opts.io, warnings)
	if err != nil {
		return err
	}
	return writeOutput(opts.io, opts.out, buf.Bytes(), opts.file, f.Lens.Source)
}

// --- wafr import aws-answers ---

type importAnswersOptions struct {
	io          *ioStreams
	listAnswers string
	workload    string
	lens        string
	out         string
	by          string
}

func newImportCmd(io *ioStreams) *cobra.Command {
	cmd := &cobra.Command{Use: "import", Short: "Import answers from other tools (the AWS Well-Architected Tool)"}
	cmd.AddCommand(newImportAnswersCmd(io, nil))
	return cmd
}

func newImportAnswersCmd(io *ioStreams, runF func(*importAnswersOptions) error) *cobra.Command {
	opts := &importAnswersOptions{io: io}
	cmd := &cobra.Command{
		Use:   "aws-answers LIST_ANSWERS.json --lens LENS -o FILE [--workload GET_WORKLOAD.json]",
		Short: "Build a review file from 'aws wellarchitected list-answers' output",
		Long: `Build a review file from the output of 'aws wellarchitected list-answers'
(one page, or all pages concatenated), and optionally 'get-workload' for the
workload's name, environment and owner. The result can be summarised,
reported and diffed like any review. Questions or choices the lens does not
have are kept in the file and listed on stderr; nothing is dropped.

  aws wellarchitected list-answers --workload-id "$WL" --lens-alias "$LENS" > answers.json
  aws wellarchitected get-workload --workload-id "$WL" > workload.json
  wafr import aws-answers answers.json --workload workload.json --lens lens.json -o review.yaml`,
		Args: positional(argSpec{min: 1, max: 1, what: "give the list-answers output file", synopsis: "wafr import aws-answers LIST_ANSWERS.json --lens LENS -o FILE",
			flags: []flagCheck{required("wafr import aws-answers LIST_ANSWERS.json --lens LENS -o FILE", "lens", "output")}}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.listAnswers = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runImportAnswers(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.workload, "workload", "", "get-workload output for the workload's details")
	f.StringVar(&opts.lens, "lens", "", "the lens the answers belong to (required)")
	f.StringVarP(&opts.out, "output", "o", "", "the review file to create (required)")
	f.StringVar(&opts.by, "by", "", "recorded as who answered (default: aws)")
	cmd.MarkFlagRequired("lens")
	cmd.MarkFlagRequired("output")
	cmd.MarkFlagFilename("workload", "json")
	return cmd
}

func runImportAnswers(opts *importAnswersOptions) error {
	if opts.out == "-" {
		return flagErrorf("-o -: import writes a review file, not standard output; name the file to create (and read it with wafr summary FILE)")
	}
	if st, err := os.Stat(opts.out); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("-o %s is not a regular file: import creates a new review file; name one that does not exist yet", opts.out)
		}
		return fmt.Errorf("%s already exists; import into a new file (and compare with wafr diff)", opts.out)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	l, err := opts.io.ws.Lens(opts.lens)
	if err != nil {
		return err
	}
	list, err := readAWSFile(opts.io, "", opts.listAnswers)
	if err != nil {
		return err
	}
	in := watool.ImportOptions{ListAnswers: list, ListAnswersFile: awsFileName(opts.listAnswers), By: opts.by, Now: opts.io.Now()}
	if in.By == "" {
		in.By = "aws"
	}
	if opts.workload != "" {
		if in.GetWorkload, err = readAWSFile(opts.io, "--workload", opts.workload); err != nil {
			return err
		}
		in.GetWorkloadFile = awsFileName(opts.workload)
	}
	// watool's errors name the file, and the line and column in it.
	r, warnings, err := watool.ImportAnswers(l, in)
	if err != nil {
		return err
	}
	printWarnings(opts.io, warnings)
	if err := opts.io.ws.Create(opts.out, r, l); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; import into a new file (and compare with wafr diff)", opts.out)
		}
		return err
	}
	fmt.Fprintf(opts.io.ErrOut, "wrote %s: %d answers from AWS\n", textsafe.Clean(opts.out), countAnswers(r))
	return nil
}

// printWarnings writes watool's warnings, one a line: they quote ids,
// titles and notes from the files, which must not reach the terminal raw
// nor start a line of their own.
func printWarnings(io *ioStreams, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(io.ErrOut, "warning: "+strings.ReplaceAll(textsafe.Clean(w), "\n", " "))
	}
}

func countAnswers(r *review.Review) int {
	n := 0
	for _, byQ := range r.Answers {
		n += len(byQ)
	}
	return n
}

// maxAWSFile bounds what is read of an AWS CLI output: list-answers of the
// largest real lens is well under a megabyte, and an unbounded read of a
// device or a runaway file would take all the memory there is.
const maxAWSFile = 32 << 20

// awsFileName names an AWS CLI output file in messages about its content
// (FILE:LINE:COLUMN).
func awsFileName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// readAWSFile reads an AWS CLI output named on the command line ("-" is
// standard input; messages name the file after its flag, if it has one).
// A missing file is said as for lens files: "FILE: no such file".
func readAWSFile(streams *ioStreams, flag, path string) ([]byte, error) {
	what := strings.TrimSpace(flag + " " + path)
	var r io.Reader
	if path == "-" {
		r = streams.In
	} else {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file", what)
			}
			if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
				return nil, fmt.Errorf("%s: %w", what, pe.Err) // the message names the file already
			}
			return nil, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not an AWS CLI output", what)
		}
		r = f
	}
	data, err := readlimit.All(r, 0, maxAWSFile)
	if errors.Is(err, readlimit.ErrTooLarge) {
		return nil, fmt.Errorf("%s: more than %s; an AWS CLI output for one workload is far smaller (is this the right file?)", what, review.SizeString(maxAWSFile))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return data, nil
}
