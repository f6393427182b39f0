package review

import (
	"fmt"
	"strings"
)

// EnvironmentLabels are the environments as people write and read them, in
// the order of Environments.
var EnvironmentLabels = []string{"production", "pre-production"}

// Environments are the same, as files and the AWS workload model name them.
var Environments = []string{Production, PreProduction}

// EnvironmentLabel is how a workload's environment is shown to people:
// "production" or "pre-production" (one spelling, the one --environment
// takes), "" for none. Files keep the AWS names.
func EnvironmentLabel(env string) string {
	for i, e := range Environments {
		if e == env {
			return EnvironmentLabels[i]
		}
	}
	return strings.ToLower(env)
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
