package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/internal/yamlnode"
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

// A long list of milestones is read on several processors: the error
// kept is still the first in the file, whether it is in a milestone's
// fields (read apart) or in the checks across them (a name used twice),
// and it is the reference decoder's.
func TestManyMilestonesKeepTheFirstError(t *testing.T) {
	file := func(bad map[int]string) []byte {
		var b strings.Builder
		b.WriteString("wafr: 1\nlens:\n  id: ops\nmilestones:\n")
		for i := range 40 {
			name, at := fmt.Sprintf("m%d", i), "2026-01-01T00:00:00Z"
			switch bad[i] {
			case "date":
				at = "soon"
			case "twice":
				name = "m3"
			}
			fmt.Fprintf(&b, "  - name: %s\n    recordedAt: %s\n    lens:\n      id: ops\n", name, at)
		}
		return []byte(b.String())
	}
	for _, c := range []struct {
		bad  map[int]string
		want string
	}{
		{map[int]string{12: "date", 30: "twice"}, "milestones[12].recordedAt"},
		{map[int]string{7: "twice", 20: "date"}, `milestone name "m3" is used twice`},
		{map[int]string{39: "date"}, "milestones[39].recordedAt"},
		{nil, ""},
	} {
		data := file(c.bad)
		_, err := Parse("f.yaml", data)
		if c.want == "" {
			if err != nil {
				t.Errorf("%v: %v", c.bad, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want the first one, %q", c.bad, err, c.want)
		}
		root, perr := yamlnode.Parse(data, false)
		if perr != nil {
			t.Fatal(perr)
		}
		ref := &refDecoder{file: "f.yaml"}
		ref.review(root)
		if ref.err == nil || err == nil || ref.err.Error() != err.Error() {
			t.Errorf("%v: error %v, the reference decoder's %v", c.bad, err, ref.err)
		}
	}
}
