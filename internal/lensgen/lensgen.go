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

// AWSJSON returns an AWS Well-Architected Tool custom lens as indented JSON,
// shaped like the real ones: `questions` questions spread over `pillars`
// pillars, each with a description, `choices` best practices carrying a
// helpful resource and an improvement plan of about textBytes characters
// each, a "None of these" choice, and three risk rules. Question ids are
// GEN1, GEN2, ...; choice ids GENn_1, GENn_2, ... and GENn_no. Every question ends
// with a default rule, so the lens loads without warnings.
//
// With 6 pillars, 57 questions, 6 choices and textBytes 170 the lens is
// about 400 KB, the size of the largest AWS lenses.
func AWSJSON(pillars, questions, choices, textBytes int) []byte {
	var b strings.Builder
	b.WriteString("{\n    \"schemaVersion\": \"2021-11-01\",\n    \"name\": \"Generated AWS Lens\",\n")
	fmt.Fprintf(&b, "    \"description\": %q,\n    \"pillars\": [\n", filler("A generated lens in the AWS custom-lens format.", textBytes))
	n := 0
	for p := 0; p < pillars; p++ {
		count := questions / pillars
		if p < questions%pillars {
			count++
		}
		fmt.Fprintf(&b, "        {\n            \"id\": \"pillar%d\",\n            \"name\": \"Generated pillar %d\",\n            \"questions\": [\n", p+1, p+1)
		for q := 0; q < count; q++ {
			n++
			id := fmt.Sprintf("GEN%d", n)
			fmt.Fprintf(&b, "                {\n                    \"id\": %q,\n                    \"title\": \"How do you handle generated concern %d of pillar %d?\",\n", id, n, p+1)
			fmt.Fprintf(&b, "                    \"description\": %q,\n", filler("Why "+id+" matters to the workload.", 2*textBytes))
			fmt.Fprintf(&b, "                    \"helpfulResource\": {\"displayText\": %q, \"url\": \"https://docs.example.com/wa/%s.html\"},\n", filler("Background for "+id+".", textBytes), id)
			b.WriteString("                    \"choices\": [\n")
			for c := 1; c <= choices; c++ {
				cid := fmt.Sprintf("%s_%d", id, c)
				fmt.Fprintf(&b, "                        {\n                            \"id\": %q,\n                            \"title\": \"Best practice %d for %s is followed by the team\",\n", cid, c, id)
				fmt.Fprintf(&b, "                            \"helpfulResource\": {\n                                \"displayText\": %q,\n                                \"url\": \"https://docs.example.com/wa/%s.html\"\n                            },\n",
					filler("Practice "+cid+" means the following.", textBytes), cid)
				fmt.Fprintf(&b, "                            \"improvementPlan\": {\n                                \"displayText\": %q,\n                                \"url\": \"https://docs.example.com/wa/%s-plan.html\"\n                            }\n                        },\n",
					filler("To adopt "+cid+", do the following.", textBytes), cid)
			}
			fmt.Fprintf(&b, "                        {\n                            \"id\": \"%s_no\",\n                            \"title\": \"None of these\"\n                        }\n                    ],\n", id)
			fmt.Fprintf(&b, "                    \"riskRules\": [\n                        {\"condition\": \"%s_1 && %s_2 && %s_3\", \"risk\": \"NO_RISK\"},\n", id, id, id)
			fmt.Fprintf(&b, "                        {\"condition\": \"%s_1 || %s_2\", \"risk\": \"MEDIUM_RISK\"},\n", id, id)
			b.WriteString("                        {\"condition\": \"default\", \"risk\": \"HIGH_RISK\"}\n                    ]\n                }")
			if q < count-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("            ]\n        }")
		if p < pillars-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("    ]\n}\n")
	return []byte(b.String())
}

// filler is a sentence followed by plain prose, about n bytes in all.
func filler(first string, n int) string {
	const prose = "Teams that follow this practice review it regularly, write down what they decided and why, " +
		"measure the outcome against the goals of the workload, and share what they learn with other teams. "
	var b strings.Builder
	b.WriteString(first)
	for b.Len() < n {
		b.WriteString(" ")
		b.WriteString(prose[:min(len(prose), n-b.Len())])
	}
	return strings.TrimSpace(b.String())
}
