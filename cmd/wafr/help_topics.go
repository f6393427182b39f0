package main

import "github.com/spf13/cobra"

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
     read-only, a permission was denied, or the TUI could not save and put
     the session's answers aside in FILE.wafr-unsaved (or -2, -3, ...).
     Nothing acknowledged was lost; run the command again once the cause
     is gone.

A review file that fails to load is never written to.`,
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
missing choice, duplicate ids, a question without choices, an unknown risk
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
