// Package lensgen writes large synthetic lenses for benchmarks and tests.
package lensgen

import (
	"fmt"
	"strings"
)

// YAML returns a valid lens with the given shape. Every question has
// `choices` best practices plus "None of these", and three risk rules.
func YAML(pillars, questionsPerPillar, choices int) []byte {
	var b strings.Builder
	b.WriteString("schemaVersion: \"2021-11-01\"\nid: gen\nversion: 1.0.0\nname: Generated\ndescription: A generated lens.\npillars:\n")
	for p := 0; p < pillars; p++ {
		fmt.Fprintf(&b, "  - id: pillar%d\n    name: Pillar %d\n    questions:\n", p, p)
		for q := 0; q < questionsPerPillar; q++ {
			id := fmt.Sprintf("P%dQ%d", p, q)
			fmt.Fprintf(&b, "      - id: %s\n        title: Generated question %d of pillar %d?\n", id, q, p)
			fmt.Fprintf(&b, "        description: |\n          Why question %s matters, in **Markdown**, with a [link](https://example.com/%s).\n", id, id)
			b.WriteString("        choices:\n")
			for c := 0; c < choices; c++ {
				fmt.Fprintf(&b, "          - id: %s_c%d\n            title: Best practice %d\n", id, c, c)
				fmt.Fprintf(&b, "            helpfulResource: {displayText: Explains practice %d.}\n", c)
				fmt.Fprintf(&b, "            improvementPlan: {displayText: Adopt practice %d this quarter., url: 'https://example.com/%s/%d'}\n", c, id, c)
			}
			fmt.Fprintf(&b, "          - {id: %s_no, title: None of these}\n", id)
			fmt.Fprintf(&b, "        riskRules:\n          - {condition: '%s_c0 && %s_c1 && %s_c2', risk: NO_RISK}\n", id, id, id)
			fmt.Fprintf(&b, "          - {condition: '%s_c0 || %s_c1', risk: MEDIUM_RISK}\n          - {condition: default, risk: HIGH_RISK}\n", id, id)
		}
	}
	return []byte(b.String())
}
