package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

// silentError ends a command with an exit code after the command has printed
// what went wrong itself (lint prints every problem, for instance).
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// errCheckFailed is a check that ran and failed (exit 1), as opposed to bad
// input (exit 2).
var errCheckFailed = &silentError{code: exitCheckFailed}

// flagError is a misuse of the command line; the usage is printed with it.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }

func flagErrorf(format string, args ...any) error {
	return &flagError{fmt.Errorf(format, args...)}
}

func newRootCmd(io *ioStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "wafr",
		Short: "Well-Architected-style reviews in the terminal",
		Long: `wafr runs Well-Architected-style reviews in a terminal. A team opens a
questionnaire (a lens), ticks the best practices it follows, and gets a risk
level per question, a risk summary and an improvement plan. The answers live in
a YAML review file that you commit next to the service.`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		PersistentPreRunE: checkFlagText,
		Version:           version(),
	}
	root.SetVersionTemplate("wafr {{.Version}}\n")
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(flagParseError)
	root.AddCommand(
		newReviewCmd(io, nil),
		newAnswerCmd(io, nil),
		newSummaryCmd(io, nil),
		newReportCmd(io, nil),
		newMilestoneCmd(io, nil),
		newHistoryCmd(io, nil),
		newDiffCmd(io, nil),
		newActionCmd(io),
		newExportCmd(io),
		newImportCmd(io),
		newLensCmd(io),
		newServeCmd(io, nil),
	)
	for _, t := range helpTopics() {
		root.AddCommand(newHelpTopic(t))
	}
	root.SetHelpCommand(newHelpCmd())
	groupsRefuseUnknown(root)
	// Groups run only to refuse unknown commands: their usage shows
	// "wafr action [command]", not a "wafr action [flags]" that does nothing.
	root.SetUsageTemplate(strings.Replace(root.UsageTemplate(), "{{if .Runnable}}", "{{if and .Runnable (not .HasAvailableSubCommands)}}", 1))
	return root
}

// groupsRefuseUnknown applies subcommands to every command that only
// groups others: the root, action, lens, export, import.
func groupsRefuseUnknown(c *cobra.Command) {
	if c.HasSubCommands() && !c.Runnable() {
		subcommands(c)
	}
	for _, sub := range c.Commands() {
		groupsRefuseUnknown(sub)
	}
}

// Exit codes; "wafr help exit-codes" explains them.
const (
	exitCheckFailed = 1
	exitBadInput    = 2
	exitEnvironment = 3
)

// run executes the command line and turns the outcome into an exit code.
// Errors go to stderr, one per line.
func run(args []string, io *ioStreams) int {
	root := newRootCmd(io)
	root.SetArgs(args)
	// cobra writes the help, usage and version itself and drops its write
	// errors: they are kept here, so a help sent to a full disk fails too.
	cobraOut := &firstWriteError{w: io.Out}
	root.SetOut(cobraOut)
	defer tuneGC(root, args)()
	cmd, err := root.ExecuteC()
	if err == nil {
		err = cobraOut.err
	}
	if err == nil {
		return 0
	}
	var se *silentError
	if errors.As(err, &se) {
		return se.code
	}
	// Messages quote file content (ids, paths): never let escape codes in a
	// crafted file reach the terminal.
	fmt.Fprintln(io.ErrOut, textsafe.Clean(strings.TrimRight(err.Error(), "\n")))
	var fe *flagError
	if errors.As(err, &fe) {
		fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return exitCode(err)
}

// firstWriteError is a writer that keeps its first write error.
type firstWriteError struct {
	w   io.Writer
	err error
}

func (f *firstWriteError) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// exitCode sorts an error into bad input (2) or a failure of the
// environment (3): a lock held too long, a file that keeps changing, a full
// or read-only disk, a denied permission, answers put aside.
func exitCode(err error) int {
	for _, env := range []error{workspace.ErrLocked, workspace.ErrStillChanging, tui.ErrUnsaved,
		fs.ErrPermission, syscall.ENOSPC, syscall.EFBIG, syscall.EROFS, syscall.EIO, syscall.EDQUOT} {
		if errors.Is(err, env) {
			return exitEnvironment
		}
	}
	return exitBadInput
}
