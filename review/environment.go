package review

import (
	"fmt"
	"strings"
)

// EnvironmentLabel is how a workload's environment is shown to people:
// "production" or "pre-production" (one spelling, the one --environment
// takes), "" for none. Files keep the AWS names, Production and
// PreProduction.
func EnvironmentLabel(env string) string {
	switch env {
	case Production:
		return "production"
	case PreProduction:
		return "pre-production"
	}
	return strings.ToLower(env)
}

// EnvironmentLabels lists the environments as people write them, for
// help text and shell completion.
func EnvironmentLabels() []string {
	return []string{EnvironmentLabel(Production), EnvironmentLabel(PreProduction)}
}

// ParseEnvironment reads an environment as people write it (production or
// pre-production, in any case; prod, preprod, preproduction and staging are
// understood too) and returns the name a file keeps.
func ParseEnvironment(s string) (string, error) {
	switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)) {
	case "production", "prod":
		return Production, nil
	case "preproduction", "preprod", "staging":
		return PreProduction, nil
	}
	return "", fmt.Errorf("%q: use production or pre-production", s)
}
