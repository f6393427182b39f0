// Package reviewgen writes realistic review files for benchmarks and for
// scripts/compare.sh: every question of a lens answered in a varied way
// (some HIGH, some MEDIUM, some not applicable, a few unanswered), notes
// with Markdown in them, an action per risky question in every status, and
// as many milestones as asked for. The same options always give the same
// file.
package reviewgen

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// Options shape a generated review.
type Options struct {
	// Workload names the workload.
	Workload string
	// Seed varies which choices are ticked, so that files differ.
	Seed int
	// Milestones is how many milestones the file holds, oldest first, a
	// week apart, each with its own answers.
	Milestones int
	// Now is the time of the last change; milestones come before it.
	Now time.Time
}

// owner names one of five people, for answers and actions.
func owner(i int) string {
	return [...]string{"alice", "bob", "platform-team", "Chloé", "dev_ops"}[i%5]
}

// Review answers every question of l (one in eight is left unanswered)
// and adds actions and milestones.
func Review(l *questions.Lens, o Options) *review.Review {
	r := review.New(l, review.Workload{Name: o.Workload, Environment: review.Production, Owner: owner(o.Seed)})
	start := o.Now.Add(-time.Duration(o.Milestones+1) * 7 * 24 * time.Hour)
	for m := 0; m < o.Milestones; m++ {
		at := start.Add(time.Duration(m) * 7 * 24 * time.Hour)
		answer(r, l, o.Seed+o.Milestones-m, at)
		if err := r.AddMilestone(fmt.Sprintf("week %d", m+1), "", l, at); err != nil {
			panic("reviewgen: " + err.Error()) // names are unique
		}
	}
	answer(r, l, o.Seed, o.Now)
	addActions(r, l, o.Now)
	r.RecordRisks(l)
	return r
}

// answer sets the answer to every question from a pattern that the seed
// shifts; a lower seed answers better (milestones improve over time).
func answer(r *review.Review, l *questions.Lens, seed int, now time.Time) {
	i := 0
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			i++
			var practices []string
			none := ""
			for _, c := range q.Choices {
				if c.IsNone() {
					none = c.ID
				} else {
					practices = append(practices, c.ID)
				}
			}
			k := (i*5 + seed) % 8
			by := owner(i + seed)
			r.Update(p.ID, q.ID, by, now, func(a *review.Answer) {
				*a = review.Answer{}
				switch {
				case k == 0 && none != "":
					a.Selected = []string{none}
				case k == 4:
					a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE"
				case k == 6:
					// unanswered: left empty, so Update removes it
				case k == 5 || k == 3:
					a.Selected = practices[:min(len(practices), k-1)]
				default:
					a.Selected = practices[:min(len(practices), 1+k%2)]
				}
				if k != 6 && i%3 == 0 {
					a.Notes = fmt.Sprintf("Checked with %s | see #ops-%d; `config` is *mostly* done.\n1. next: [runbook](https://wiki.example.com/%s) <soon>", by, i, q.ID)
				}
			})
		}
	}
}

// addActions adds an action for the first missing practice of every HIGH
// or MEDIUM question, cycling through owners, due dates (some overdue)
// and statuses.
func addActions(r *review.Review, l *questions.Lens, now time.Time) {
	res := r.Score(l)
	n := 0
	statuses := []string{review.StatusOpen, review.StatusInProgress, review.StatusDone, review.StatusAcceptedRisk}
	for _, pr := range res.Pillars {
		for _, qr := range pr.Questions {
			if qr.Risk != questions.HighRisk && qr.Risk != questions.MediumRisk {
				continue
			}
			q := qr.Question
			var missing *questions.Choice
			for _, c := range q.Choices {
				if !c.IsNone() && !r.Ticked(pr.Pillar.ID, q.ID, c.ID) {
					missing = c
					break
				}
			}
			if missing == nil {
				continue
			}
			n++
			due := now.AddDate(0, 0, n*11-90).Format(review.DateLayout)
			a, err := r.AddAction(review.Action{PillarID: pr.Pillar.ID, QuestionID: q.ID, ChoiceID: missing.ID, Title: missing.Title,
				Owner: owner(n), Due: due, Link: fmt.Sprintf("https://tickets.example.com/OPS-%d", n)}, "generator", now)
			if err != nil {
				panic("reviewgen: " + err.Error())
			}
			status := statuses[n%len(statuses)]
			if status == review.StatusOpen {
				continue
			}
			change := review.ActionChange{Status: &status}
			if status == review.StatusAcceptedRisk {
				reason := "The cost outweighs the risk until the next major release."
				change.Reason = &reason
			}
			if _, err := r.UpdateAction(a.ID, change, "generator", now); err != nil {
				panic("reviewgen: " + err.Error())
			}
		}
	}
}

// Write saves a generated review at path. The review records the lens as
// wafr itself does: its file (l.Source) relative to the review's folder.
func Write(path string, l *questions.Lens, o Options) error {
	r := Review(l, o)
	workspace.RecordLens(r, l, path)
	data, err := r.Encode()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// WriteMany writes n reviews into dir, review-0001.yaml and so on, each of
// its own workload and answers, and returns their paths.
func WriteMany(dir string, l *questions.Lens, n int, o Options) ([]string, error) {
	paths := make([]string, n)
	for i := range n {
		paths[i] = filepath.Join(dir, fmt.Sprintf("review-%04d.yaml", i+1))
		oi := o
		oi.Workload, oi.Seed = fmt.Sprintf("%s %04d", o.Workload, i+1), o.Seed+i
		if err := Write(paths[i], l, oi); err != nil {
			return nil, err
		}
	}
	return paths, nil
}
