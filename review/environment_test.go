package review

import "testing"

// One spelling in and out: what EnvironmentLabel prints, ParseEnvironment
// reads back.
func TestEnvironmentSpelling(t *testing.T) {
	for i, env := range []string{Production, PreProduction} {
		label := EnvironmentLabel(env)
		if label != EnvironmentLabels()[i] {
			t.Errorf("EnvironmentLabel(%s) = %q", env, label)
		}
		if back, err := ParseEnvironment(label); err != nil || back != env {
			t.Errorf("ParseEnvironment(%q) = %q, %v", label, back, err)
		}
	}
	if got := EnvironmentLabel(PreProduction); got != "pre-production" {
		t.Errorf("pre-production is shown as %q", got)
	}
	for in, want := range map[string]string{"PRE-PRODUCTION": PreProduction, "preprod": PreProduction, "PREPRODUCTION": PreProduction, "Prod": Production} {
		if got, err := ParseEnvironment(in); err != nil || got != want {
			t.Errorf("ParseEnvironment(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseEnvironment("moon"); err == nil {
		t.Error("moon is an environment")
	}
	if EnvironmentLabel("") != "" {
		t.Error("no environment has a label")
	}
}
