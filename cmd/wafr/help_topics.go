package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

type helpTopic struct{ name, short, long string }

// helpTopics are the "wafr help TOPIC" pages.
func helpTopics() []helpTopic {
	return []helpTopic{
		{
			name:  "exit-codes",
			short: "What wafr's exit codes mean",
			long: `wafr exits with:

  0  success
  1  a check ran and failed: "lens lint --strict" found warnings,
     "summary --fail-on high|medium|overdue" found such questions or actions,
     "diff --fail-on-regression" found a question whose risk went up
  2  bad input or usage: a file that does not load, a malformed lens or
     review file, a wrong flag or argument, a change wafr refuses (a review
     that would grow past 10 MB). The message on stderr names the file, the
     line and column, and the field or ids involved.
  3  the environment stopped wafr: another wafr held the review's lock too
     long, another program kept rewriting the file, the disk is full or
     read-only, the review file is marked read-only (wafr leaves it as it
     is), a permission was denied, or the TUI could not save and put
     the session's answers aside in FILE.wafr-unsaved (or -2, -3, ...).
     Nothing acknowledged was lost; run the command again once the cause
     is gone.

A review file that fails to load is never written to.`,
		},
		{
			name:  "environment",
			short: "The environment variables wafr reads",
			long: `NO_COLOR          set (to anything): no colour, and no terminal links
TERM=dumb         no terminal links
WAFR_HYPERLINKS   1 draws links as terminal hyperlinks whatever the
                  terminal, 0 never; unset: only on a terminal with colour
WAFR_CACHE        off (or 0, false, no) stops wafr keeping parsed lens files
                  between runs; nothing else changes, only speed
WAFR_CACHE_DIR    the folder of that cache; unset: wafr/lenses under
                  $XDG_CACHE_HOME, else ~/.cache (~/Library/Caches on
                  macOS, %LocalAppData% on Windows). Entries are keyed by a
                  lens's content and the build of wafr (or, on a local
                  disk, by a file's inode and times once it is two seconds
                  old); a damaged entry is ignored and written again; at
                  most 32 are kept.
USER              who answers, when --by is not given and git has no
                  user.name
GOGC, GOMEMLIMIT  Go's garbage collector settings; when either is set,
                  wafr leaves the collector as you set it (else one-shot
                  commands collect only near 100 MiB, as they end soon)`,
		},
		{
			name:  "lens-format",
			short: "The lens file format (AWS custom-lens JSON or YAML)",
			long: `A lens is the AWS Well-Architected custom-lens format, in JSON or YAML, with
the same field names; an AWS custom-lens JSON file loads unchanged.

  schemaVersion: "2021-11-01"
  name: Operational Excellence
  description: ...
  id: ops              # wafr extensions, optional
  version: 1.0.0
  language: en
  pillars:
    - id: operationalExcellence
      name: Operational Excellence
      questions:
        - id: OPS1
          title: How do you decide what drives your operational priorities?
          description: Markdown, shown beside the choices.
          helpfulResource: {displayText: "...", url: "https://..."}
          choices:
            - id: OPS1_slo
              title: Service levels are written down as SLIs and SLOs
              helpfulResource: {displayText: "..."}
              improvementPlan: {displayText: "...", url: "https://..."}
            - id: OPS1_no
              title: None of these
          riskRules:
            - {condition: "OPS1_slo && OPS1_budget", risk: NO_RISK}
            - {condition: "OPS1_slo || OPS1_budget", risk: MEDIUM_RISK}
            - {condition: default, risk: HIGH_RISK}

Risk rules are tried in order; the first true one sets the question's risk.
Conditions name choice ids of the same question and use ! (tightest), &&,
|| (loosest) and parentheses; "default" alone is always true. When no rule
matches, the question is HIGH. A choice whose id ends in "_no" is "None of
these": ticking it clears the other choices.

Problems are reported as FILE:LINE:COL: SEVERITY: PILLAR/QUESTION/CHOICE: MESSAGE,
with "lens" in place of the ids for the lens as a whole. Errors stop the lens
from loading (syntax, wrong types, a condition that does not parse or names a
missing choice, duplicate ids, an id with a '/', a question without choices, an unknown risk
name, a link that is not http(s)). Warnings do not: unknown fields (names
starting with "_" are ignored silently), a missing default rule where some
answer matches no rule, rules that can never fire, questions that score the
same whatever the answer, "None" choices whose id does not end in "_no",
missing descriptions, and the AWS tool's rules, which "wafr lens lint --aws"
turns into errors: its limits, ids of letters, digits, "_" and "-" only, and
a question id used in one pillar only.`,
		},
	}
}

func newHelpTopic(t helpTopic) *cobra.Command {
	return &cobra.Command{Use: t.name, Short: t.short, Long: t.long}
}

// serveHelp is the serve command's own help (so "wafr help serve" and
// "wafr serve --help" both show it).
const serveHelp = `Hold a live review of FILE (default review.yaml): your terminal runs the
review at once, as its facilitator, and everyone else joins from their own
terminal, sees every tick and note as it happens, and can read ahead:

  ssh -p 2222 HOST              (use ssh -t if you give a command)

The start-up lines print the exact command and the host key's SHA256
fingerprint, to check when ssh asks the first time; your screen shows the
command until someone joins, and ? shows both again. The server listens on
127.0.0.1:2222 unless --listen says otherwise (anything else lets other
machines reach it, and wafr warns). Its host key is made once, under your
config folder (--host-key to choose), never in the current folder.

WHO MAY JOIN
--team names an authorized_keys file, one person a line:

  role=facilitator ssh-ed25519 AAAAC3Nza... alice
  ssh-ed25519 AAAAC3Nza... bob                    (contributor when no role)
  role=observer ssh-rsa AAAAB3Nza... carol

The role is facilitator, contributor or observer; the comment is the name
recorded as who answered. People are known by their key, not their ssh
user name. Only public keys get in: no passwords; unknown keys are refused.
A line that does not parse is reported with its number and skipped. The
file is read again when it changes. Without --team, only your own keys
(~/.ssh/authorized_keys, else ~/.ssh/*.pub) may join, as facilitators.

ROLES
The facilitator moves the shared question and changes answers. Contributors
change answers too when the facilitator allows it (W); otherwise their ticks
and notes are proposals the facilitator accepts (y) or declines (d).
Someone the team file calls a facilitator always changes answers directly,
while another holds the chair. Observers read. Every change shows who made
it. The facilitator can hand the role over (H); if its holder drops, it is
kept for them for a minute, then goes back to the host. Proposals nobody
decided when the review ends go to the parking lot.

FOLLOWING
Each screen follows the facilitator's question. Moving on your own (n, p,
g, s) roams; F follows again. The line under the title shows who is here
and on which question (★ facilitator, » roaming, ◦ observer).

SILENT VOTE
v opens a vote on the question: everyone ticks what they believe the team
does, privately (space or x), and the facilitator sees how many voted.
v again reveals: who ticked each choice, and ≠ where the team disagrees.
v once more settles: take what most ticked as the answer, or keep the
answer. The ballots stay with the answer, so the plan says which questions
were contested. A ballot stays when its voter's connection drops: they find
it on coming back, and it counts when the vote is settled.

TIME-BOX AND PARKING LOT
T sets minutes per question; everyone sees the time left, and overtime. The
time spent on each question is kept in the file and shown in the plan.
Anyone but an observer parks an item on a question (L); the parking lot (K)
lets the facilitator turn each into an action (a, with owner and due date),
a note (n), or drop it (x).

ENDING
q in your review asks first (y ends it); Ctrl+C, or SIGTERM, ends it at
once. Either way the answers are saved, every session gets a goodbye line,
and your terminal prints the summary, as wafr review does. A participant's
q leaves; the others go on. ctrl+l redraws a screen whose terminal did not
send its new size (Windows OpenSSH).`

// newHelpCmd replaces cobra's help command: the same help, but an unknown
// command or topic is a usage error (cobra prints "Unknown help topic" and
// exits 0), and the topics complete in the shell.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND|TOPIC]",
		Short: "Help about any command, or a topic: environment, exit-codes, lens-format",
		Long: `Help about any command, for example 'wafr help answer' or 'wafr help serve',
or a topic: 'wafr help environment', 'wafr help exit-codes',
'wafr help lens-format'.`,
		ValidArgsFunction: completeHelp,
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return flagErrorf("no help for %q: give a command or a topic, for example wafr help answer or wafr help exit-codes (topics: %s)",
					strings.Join(args, " "), strings.Join(topicNames(), ", "))
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}

func topicNames() []string {
	var out []string
	for _, t := range helpTopics() {
		out = append(out, t.name)
	}
	slices.Sort(out)
	return out
}
