package review

import (
	"bytes"
	"fmt"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/safeout"
)

// encodeWhole is Encode as one document, the way it was written before
// the long lists went a part at a time: the reference for those parts.
func encodeWhole(r *Review) ([]byte, error) {
	root := headNode(r)
	for _, list := range []struct {
		key  string
		node *yaml.Node
	}{{"actions", actionsNode(r.Actions)}, {"parked", parkedNode(r.Parked)}, {"milestones", milestonesNode(r.Milestones)}} {
		if list.node != nil {
			root.Content = append(root.Content, scalar(list.key, "!!str"), list.node)
		}
	}
	var buf bytes.Buffer
	if err := encodeDoc(&buf, root); err != nil {
		return nil, err
	}
	return safeout.Escape(buf.Bytes()), nil
}

// longReview is textReview with n actions and n milestones, so that the
// lists are written in several parts.
func longReview(s string, n int) *Review {
	r := textReview(s, func(x string) string { return x })
	act, m := r.Actions[0], r.Milestones[0]
	r.Actions, r.Milestones = nil, nil
	for i := range n {
		a := act
		a.ID = fmt.Sprintf("A%d", i+1)
		r.Actions = append(r.Actions, a)
		mi := m
		mi.Name = fmt.Sprintf("%s %d", m.Name, i)
		r.Milestones = append(r.Milestones, mi)
	}
	return r
}

// Written a part at a time, a review is the bytes of the whole document,
// at every length around a part's size.
func TestEncodeInPartsIsTheWholeDocument(t *testing.T) {
	for _, n := range []int{0, 1, partItems - 1, partItems, partItems + 1, 3*partItems + 5} {
		for _, s := range []string{"plain", "two\nlines", strings80("long text that folds "), "\u202eevil", "# not a comment"} {
			r := longReview(s, n)
			got, err := r.Encode()
			if err != nil {
				t.Fatal(err)
			}
			want, err := encodeWhole(r)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%d items of %q: the parts differ from the whole document", n, s)
			}
		}
	}
}

func strings80(s string) string {
	var b bytes.Buffer
	for b.Len() < 200 {
		b.WriteString(s)
	}
	return b.String()
}

// FuzzEncodeInParts: for any text, the parts are the whole document.
func FuzzEncodeInParts(f *testing.F) {
	for _, s := range []string{"", "x", "a: b", "- c", "\n", "  lead", strings80("y ")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := longReview(s, partItems+2)
		got, err1 := r.Encode()
		want, err2 := encodeWhole(r)
		if (err1 == nil) != (err2 == nil) || !bytes.Equal(got, want) {
			t.Fatalf("the parts differ from the whole document for %q (%v, %v)", s, err1, err2)
		}
	})
}
