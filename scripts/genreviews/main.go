// Command genreviews writes generated review files for scripts/compare.sh:
// one review of a lens (-n 1), or a portfolio of many, each answering
// every question with actions, and optionally milestones.
//
//	go run ./scripts/genreviews -lens LENS -out DIR [-n 1000] [-milestones 100] [-name NAME]
//
// With -lens gen:400k it first writes a generated AWS lens of about 400 KB
// (57 questions) to DIR/lens.json and uses it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/questions"
)

func main() {
	lensPath := flag.String("lens", "gen:400k", "lens file (or gen:400k for a generated 400 KB AWS lens)")
	out := flag.String("out", "", "folder to write into (created)")
	n := flag.Int("n", 1, "number of review files")
	milestones := flag.Int("milestones", 0, "milestones per review")
	name := flag.String("name", "Service", "workload name (numbered when -n > 1)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genreviews: -out is required")
		os.Exit(2)
	}
	if err := generate(*lensPath, *out, *name, *n, *milestones); err != nil {
		fmt.Fprintln(os.Stderr, "genreviews:", err)
		os.Exit(1)
	}
}

func generate(lensPath, out, name string, n, milestones int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if lensPath == "gen:400k" {
		lensPath = filepath.Join(out, "lens.json")
		if err := os.WriteFile(lensPath, lensgen.AWSJSON(6, 57, 6, 170), 0o644); err != nil {
			return err
		}
	}
	l, err := questions.Load(lensPath)
	if err != nil {
		return err
	}
	o := reviewgen.Options{Workload: name, Milestones: milestones, Now: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	if n == 1 {
		return reviewgen.Write(filepath.Join(out, "review.yaml"), l, o)
	}
	_, err = reviewgen.WriteMany(out, l, n, o)
	return err
}
