package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/serve"
	"github.com/wafr-dev/wafr/workspace"
)

type serveOptions struct {
	io       *ioStreams
	file     string
	lens     string
	listen   string
	team     string
	hostKey  string
	by       string
	workload string
	lang     string
}

func newServeCmd(io *ioStreams, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{io: io}
	cmd := &cobra.Command{
		Annotations: map[string]string{annotationInteractive: "true"},
		Use:         "serve [FILE]",
		Short:       "Hold a live review that the whole team joins over SSH",
		Long:        serveHelp,
		Example: `  wafr serve payments.yaml --team team.keys
  wafr serve payments.yaml --listen 0.0.0.0:2222 --team team.keys
  ssh -p 2222 review-host        # how the others join`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = "review.yaml"
			if len(args) == 1 {
				opts.file = args[0]
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runServe(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lens, "lens", "", "lens for a new file, or to review with another edition (path or builtin:NAME)")
	f.StringVar(&opts.listen, "listen", serve.DefaultListen, "address to listen on (anything but loopback lets other machines in)")
	f.StringVar(&opts.team, "team", "", "who may join: an authorized_keys file, one person a line (see 'wafr help serve')")
	f.StringVar(&opts.hostKey, "host-key", "", "the server's SSH host key (default: under your config folder, made once)")
	f.StringVar(&opts.by, "by", "", "your name as who answered (default: git config user.name, else $USER)")
	f.StringVar(&opts.workload, "workload", "", "workload name for a new file (default: the folder's name)")
	addLangFlag(cmd, &opts.lang, langUsage)
	cmd.RegisterFlagCompletionFunc("lens", completeBuiltins)
	return cmd
}

func runServe(opts *serveOptions) error {
	if !opts.io.InTTY || !opts.io.OutTTY {
		return errors.New("wafr serve runs your own review in this terminal: start it from one")
	}
	name := opts.workload
	if name == "" {
		name = workspace.DefaultWorkload(opts.file)
	}
	f, err := opts.io.ws.Open(opts.file, nil, workspace.OpenOptions{Lens: opts.lens, Write: true, Create: &review.Workload{Name: name, Environment: review.Production}})
	if err != nil {
		return err
	}
	if f.Exists {
		noteWorkloadKept(opts.io.ErrOut, opts.file, f.Review, opts.workload, "")
	}
	// One language for every screen, the lines before them and the summary
	// after: as wafr review decides it (the flag, the lens's, the locale).
	lang := i18n.Choose(opts.lang, f.Lens.Language, opts.io.Getenv)
	home, _ := os.UserHomeDir()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer stop()
	final, err := serve.Run(ctx, serve.Options{
		Workspace: opts.io.ws, File: f, Listen: opts.listen, TeamPath: opts.team, HostKeyPath: opts.hostKey,
		Home: home, HostName: opts.io.author(opts.by), Language: lang,
		Now: opts.io.Now, Out: opts.io.ErrOut, HostRenderer: opts.io.terminalRenderer(),
	})
	if err != nil {
		return err
	}
	// The host's terminal ends as wafr review's does: with the outcome.
	if err := printOutcome(opts.io, opts.file, final, f.Lens, lang); err != nil {
		return err
	}
	// What waits in the parking lot (with the proposals nobody decided,
	// parked as it ended) is for the next meeting.
	if n := len(final.Parked); n > 0 {
		t := &i18n.For(lang).Summary
		if err := printLine(opts.io.Out, ""); err != nil {
			return err
		}
		return printLine(opts.io.Out, i18n.Plural(n, t.ParkedOne, fmt.Sprintf(t.ParkedMany, n)))
	}
	return nil
}
