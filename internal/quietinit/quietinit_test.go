package quietinit

import (
	"os"
	"strings"
	"testing"
)

func TestNeverDraws(t *testing.T) {
	for args, want := range map[string]bool{
		"":                               true,
		"--version":                      true,
		"summary r.yaml":                 true,
		"lens list":                      true,
		"__complete diff":                true,
		"review r.yaml":                  false,
		"serve r.yaml":                   false,
		"report r.yaml":                  false,
		"report r.yaml --format md":      false,
		"report r.yaml --format json":    true,
		"report --format=html r.yaml":    true,
		"report r.yaml -o plan.md":       true,
		"report r.yaml -oplan.md":        true,
		"report r.yaml --output=plan.md": true,
		"report r.yaml --raw":            true,
		"report r.yaml -- --raw":         false,
		"--frobnicate":                   false, // not known: it may draw
		"reviews":                        false,
	} {
		var list []string
		if args != "" {
			list = strings.Fields(args)
		}
		if got := NeverDraws(list); got != want {
			t.Errorf("NeverDraws(%q) = %v, want %v", args, got, want)
		}
	}
}

func TestHoldAndRestore(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	hold([]string{"review"})
	if got := os.Getenv("TERM"); got != "xterm-256color" {
		t.Fatalf("TERM is %q while review starts, want it untouched", got)
	}
	hold([]string{"summary", "r.yaml"})
	if got := os.Getenv("TERM"); got != "dumb" {
		t.Fatalf("TERM is %q while summary's packages start, want dumb", got)
	}
	Restore()
	if got := os.Getenv("TERM"); got != "xterm-256color" {
		t.Fatalf("TERM is %q after Restore, want xterm-256color back", got)
	}

	// Without colour, even a command that draws has no question to ask.
	t.Setenv("NO_COLOR", "")
	hold([]string{"report", "r.yaml"})
	if got := os.Getenv("TERM"); got != "dumb" {
		t.Fatalf("TERM is %q while report's packages start with NO_COLOR set, want dumb", got)
	}
	Restore()
	os.Unsetenv("NO_COLOR")

	os.Unsetenv("TERM")
	hold([]string{"diff"})
	Restore()
	if v, set := os.LookupEnv("TERM"); set {
		t.Fatalf("TERM is %q after Restore, want it unset as it was", v)
	}
}
