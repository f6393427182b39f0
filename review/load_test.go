package review

import (
	"fmt"
	"strings"
	"testing"
)

// A file of 100,000 milestones (about 7 MB, under the size limit) loads
// and merges in time proportional to its size: names are checked for
// repeats with a map, not against every earlier milestone (which took
// minutes).
func TestManyMilestones(t *testing.T) {
	var b strings.Builder
	b.WriteString("wafr: 1\nworkload:\n  name: W\nlens:\n  id: ops\nmilestones:\n")
	const n = 100_000
	for i := range n {
		fmt.Fprintf(&b, "  - name: m%d\n    recordedAt: 2026-01-01T00:00:00Z\n    lens:\n      id: ops\n", i)
	}
	r, err := Parse("many.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Milestones) != n {
		t.Fatalf("%d milestones", len(r.Milestones))
	}
	// Both sides recorded a milestone "new": ours is renamed.
	ours, theirs := r.Clone(), r.Clone()
	added := Milestone{Name: "new", RecordedAt: r.Milestones[0].RecordedAt, Answers: Answers{}}
	ours.Milestones = append(ours.Milestones, added)
	theirs.Milestones = append(theirs.Milestones, added)
	merged, _, notes := MergeWithNotes(r, ours, theirs)
	if len(merged.Milestones) != n+2 || len(notes) != 1 || notes[0].Now != "new (2)" {
		t.Errorf("merged %d milestones, notes %v", len(merged.Milestones), notes)
	}
	dup := b.String() + "  - name: m42\n    recordedAt: 2026-01-01T00:00:00Z\n    lens:\n      id: ops\n"
	if _, err := Parse("dup.yaml", []byte(dup)); err == nil || !strings.Contains(err.Error(), `milestone name "m42" is used twice`) {
		t.Errorf("a repeated name: %v", err)
	}
}
