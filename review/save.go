package review

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
)

// Encode writes the review as YAML in a fixed key order, so that saving the
// same review twice gives the same bytes and git diffs stay small. Text
// that is not valid UTF-8 (a Latin-1 name from the environment, say) is
// repaired with U+FFFD rather than refused: YAML cannot hold it.
func (r *Review) Encode() ([]byte, error) {
	var buf bytes.Buffer
	// yaml.v3's emitter keeps every event of a document until its end
	// (about a gigabyte for a review of 80,000 milestones), so the long
	// lists, actions and milestones, are built and written a part at a
	// time: each part is a document of its own key with some of the
	// items, whose text is the text those items have in the whole
	// document (encode_parts_test.go holds the two to each other).
	err := encodeDoc(&buf, headNode(r))
	if err == nil {
		err = encodeList(&buf, "actions", len(r.Actions), func(lo, hi int) *yaml.Node { return actionsNode(r.Actions[lo:hi]) })
	}
	if err == nil {
		err = encodeDoc(&buf, mapping("parked", parkedNode(r.Parked)))
	}
	if err == nil {
		err = encodeList(&buf, "milestones", len(r.Milestones), func(lo, hi int) *yaml.Node { return milestonesNode(r.Milestones[lo:hi]) })
	}
	if err != nil {
		return nil, fmt.Errorf("encode review: %w", err)
	}
	// str and idNode double-quote every string holding a bidi or C1
	// control, so each such character is inside a double-quoted scalar,
	// where its \u escape reads back as the same character.
	return safeout.Escape(buf.Bytes()), nil
}

// headNode is the review up to its answers: the fields before the lists.
func headNode(r *Review) *yaml.Node {
	return mapping(
		"wafr", scalar(strconv.Itoa(FormatVersion), "!!int"),
		"workload", mapping(
			"name", str(r.Workload.Name),
			"environment", str(r.Workload.Environment),
			"owner", str(r.Workload.Owner)),
		"lens", lensRefNode(r.Lens),
		"updatedAt", timeNode(r.UpdatedAt),
		"notes", str(r.Notes),
		"answers", answersNode(r.Answers))
}

// partItems is how many items of a list one document holds.
const partItems = 64

// encodeList writes the n items of the list under key as documents of
// partItems items each, building each part's nodes only when it is
// written, the key's line once.
func encodeList(buf *bytes.Buffer, key string, n int, build func(lo, hi int) *yaml.Node) error {
	for lo := 0; lo < n; lo += partItems {
		var one bytes.Buffer
		if err := encodeDoc(&one, mapping(key, build(lo, min(lo+partItems, n)))); err != nil {
			return err
		}
		text := one.Bytes()
		if lo > 0 {
			rest, ok := bytes.CutPrefix(text, []byte(key+":\n"))
			if !ok {
				return fmt.Errorf("the %s list did not start with its key", key) // never: the keys are ours
			}
			text = rest
		}
		buf.Write(text)
	}
	return nil
}

func encodeDoc(buf *bytes.Buffer, node *yaml.Node) error {
	if node == nil {
		return nil
	}
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(node); err != nil {
		return err
	}
	return enc.Close()
}

// Marshal is Encode for callers that hold a review wafr built itself, whose
// text is always encodable; on the impossible error it returns nil, which
// no loader accepts, so nothing half-made is ever saved from it.
func (r *Review) Marshal() []byte {
	data, err := r.Encode()
	if err != nil {
		return nil
	}
	return data
}

// Short names for the node builders, used throughout the encoder.
var (
	mapping = yamlnode.Mapping
	scalar  = yamlnode.Scalar
)

// str is a string node; invalid UTF-8 is repaired so the encoder accepts it.
func str(s string) *yaml.Node {
	return yamlnode.String(strings.ToValidUTF8(s, "\uFFFD"))
}

// idNode is an id or name: a string node as str makes it (a line break or
// a bidi control gets the style that reads back exactly), but never left
// out when empty.
func idNode(s string) *yaml.Node {
	if n := str(s); n != nil {
		return n
	}
	return scalar("", "!!str")
}

func riskNode(r questions.Risk) *yaml.Node {
	if r == questions.Unanswered {
		return nil
	}
	return scalar(r.String(), "!!str")
}

func timeNode(t time.Time) *yaml.Node {
	if t.IsZero() {
		return nil
	}
	return scalar(t.UTC().Format(time.RFC3339), "!!timestamp")
}

func lensRefNode(l LensRef) *yaml.Node {
	return mapping("id", str(l.ID), "version", str(l.Version), "source", str(l.Source), "digest", str(l.Digest))
}

func answersNode(a Answers) *yaml.Node {
	if len(a) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, pid := range sortedKeys(a) {
		byQuestion := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, qid := range sortedKeys(a[pid]) {
			ans := a[pid][qid]
			byQuestion.Content = append(byQuestion.Content, idNode(qid), answerNode(ans))
		}
		if len(byQuestion.Content) > 0 {
			n.Content = append(n.Content, idNode(pid), byQuestion)
		}
	}
	if len(n.Content) == 0 {
		return nil // only empty pillars: nothing to write
	}
	return n
}

func answerNode(a *Answer) *yaml.Node {
	var selected, applicable *yaml.Node
	if len(a.Selected) > 0 {
		selected = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, id := range a.Selected {
			selected.Content = append(selected.Content, idNode(id))
		}
	}
	if a.NotApplicable {
		applicable = scalar("false", "!!bool")
	}
	n := mapping(
		"selected", selected,
		"applicable", applicable,
		"reason", str(a.Reason),
		"risk", riskNode(a.Risk),
		"notes", str(a.Notes),
		"answeredBy", str(a.AnsweredBy),
		"updatedAt", timeNode(a.UpdatedAt),
		"timeSpent", durationNode(a.TimeSpent),
		"votes", votesNode(a.Votes),
	)
	if n == nil {
		n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	}
	return n
}

func actionsNode(as []Action) *yaml.Node {
	if len(as) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, a := range as {
		n.Content = append(n.Content, mapping(
			"id", idNode(a.ID),
			"question", idNode(a.PillarID+"/"+a.QuestionID),
			"choice", str(a.ChoiceID),
			"title", str(a.Title),
			"owner", str(a.Owner),
			"due", str(a.Due),
			"status", idNode(a.Status),
			"reason", str(a.Reason),
			"link", str(a.Link),
			"notes", str(a.Notes),
			"createdAt", timeNode(a.CreatedAt),
			"createdBy", str(a.CreatedBy),
			"updatedAt", timeNode(a.UpdatedAt),
			"updatedBy", str(a.UpdatedBy),
		))
	}
	return n
}

func milestonesNode(ms []Milestone) *yaml.Node {
	if len(ms) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, m := range ms {
		n.Content = append(n.Content, mapping(
			"name", idNode(m.Name),
			"recordedAt", timeNode(m.RecordedAt),
			"notes", str(m.Notes),
			"lens", lensRefNode(m.Lens),
			"answers", answersNode(m.Answers),
			"actions", actionsNode(m.Actions),
		))
	}
	return n
}

func durationNode(d time.Duration) *yaml.Node {
	if d <= 0 {
		return nil
	}
	return scalar(d.Round(time.Second).String(), "!!str")
}

func votesNode(votes []Vote) *yaml.Node {
	if len(votes) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, v := range votes {
		sel := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, id := range v.Selected {
			sel.Content = append(sel.Content, idNode(id))
		}
		// A ballot always has its choices (perhaps none); "by" may be empty,
		// and mapping would then give nil.
		vn := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		if by := str(v.By); by != nil {
			vn.Content = append(vn.Content, scalar("by", "!!str"), by)
		}
		vn.Content = append(vn.Content, scalar("selected", "!!str"), sel)
		n.Content = append(n.Content, vn)
	}
	return n
}

func parkedNode(ps []Parked) *yaml.Node {
	if len(ps) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, p := range ps {
		n.Content = append(n.Content, mapping(
			"question", idNode(p.PillarID+"/"+p.QuestionID),
			"text", str(p.Text),
			"by", str(p.By),
			"at", timeNode(p.At),
		))
	}
	return n
}
