package questions

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownBuiltin is returned for builtin:NAME when there is no such lens.
var ErrUnknownBuiltin = errors.New("no built-in lens of that name")

// Severity says whether a problem stops a lens from loading.
type Severity int

// Severities.
const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// WhereLens is the Where of a problem that concerns the lens as a whole
// (its name, its size, a syntax error) rather than one pillar, question or
// choice.
const WhereLens = "lens"

// Problem is one thing wrong with a lens, where it is, and what it concerns.
type Problem struct {
	File     string
	Line     int // 1-based; 0 when the problem concerns the whole file
	Column   int // 1-based; 0 when unknown
	Severity Severity
	// Where names the pillar/question/choice ids involved, slash-separated,
	// e.g. "operationalExcellence/OPS1/OPS1_slo", or WhereLens for the lens
	// itself. It is empty only when the file could not be read at all.
	Where string
	Msg   string
	// err is the system's error when the file could not be read, for
	// errors.Is (a permission denied is the environment's, not the lens's).
	err error
	// awsLimit marks a breach of an AWS Well-Architected Tool limit.
	awsLimit bool
}

// String formats the problem as "file:line:col: severity: where: message",
// the form editors and CI logs link to.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Severity.String())
	b.WriteString(": ")
	if p.Where != "" {
		b.WriteString(p.Where)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Err is the system's error when the file could not be read (a permission
// denied, say), else nil: a caller tells the environment's failures from
// the lens's own with it.
func (p Problem) Err() error { return p.err }

// LoadError is a lens that could not be loaded. It holds every error found
// (and the warnings, so that a caller can show them too).
type LoadError struct {
	File     string
	Problems []Problem
}

func (e *LoadError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		if p.Severity == Error {
			lines = append(lines, p.String())
		}
	}
	if len(lines) == 0 {
		return "load lens " + e.File + ": unusable"
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the system's errors of files that could not be read.
func (e *LoadError) Unwrap() []error {
	var out []error
	for _, p := range e.Problems {
		if p.err != nil {
			out = append(out, p.err)
		}
	}
	return out
}

// Errors returns only the problems of severity Error.
func (e *LoadError) Errors() []Problem { return filter(e.Problems, Error) }

func filter(ps []Problem, s Severity) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// OnlyAWSLimits reports whether ps has errors and every one of them is a
// breach of an AWS limit (Options.AWS): without that option the lens loads.
func OnlyAWSLimits(ps []Problem) bool {
	errs := 0
	for _, p := range ps {
		if p.Severity == Error {
			if !p.awsLimit {
				return false
			}
			errs++
		}
	}
	return errs > 0
}

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}
