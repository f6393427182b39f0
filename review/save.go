package review

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
)

// Marshal writes the review as YAML in a fixed key order, so that saving the
// same review twice gives the same bytes and git diffs stay small.
func (r *Review) Marshal() []byte {
	root := mapping(
		"wafr", scalar(strconv.Itoa(FormatVersion), "!!int"),
		"workload", mapping(
			"name", str(r.Workload.Name),
			"environment", str(r.Workload.Environment),
			"owner", str(r.Workload.Owner)),
		"lens", lensRefNode(r.Lens),
		"updatedAt", timeNode(r.UpdatedAt),
		"notes", str(r.Notes),
		"answers", answersNode(r.Answers),
		"actions", actionsNode(r.Actions),
		"milestones", milestonesNode(r.Milestones),
	)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		panic("review: encode: " + err.Error()) // a tree of plain strings always encodes
	}
	enc.Close()
	return buf.Bytes()
}

// Short names for the node builders, used throughout the encoder.
var (
	mapping = yamlnode.Mapping
	scalar  = yamlnode.Scalar
	str     = yamlnode.String
)

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
			byQuestion.Content = append(byQuestion.Content, scalar(qid, "!!str"), answerNode(ans))
		}
		if len(byQuestion.Content) > 0 {
			n.Content = append(n.Content, scalar(pid, "!!str"), byQuestion)
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
			selected.Content = append(selected.Content, scalar(id, "!!str"))
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
			"id", scalar(a.ID, "!!str"),
			"question", scalar(a.PillarID+"/"+a.QuestionID, "!!str"),
			"choice", str(a.ChoiceID),
			"title", str(a.Title),
			"owner", str(a.Owner),
			"due", str(a.Due),
			"status", scalar(a.Status, "!!str"),
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
			"name", scalar(m.Name, "!!str"),
			"recordedAt", timeNode(m.RecordedAt),
			"notes", str(m.Notes),
			"lens", lensRefNode(m.Lens),
			"answers", answersNode(m.Answers),
			"actions", actionsNode(m.Actions),
		))
	}
	return n
}

// Save writes the review to path atomically: a temporary file in the same
// folder, synced, then renamed over the old one, so a crash leaves either the
// old file or the new one, never a mix. Saving through a symlink updates the
// file it points to and keeps the link. An existing file keeps its mode.
func (r *Review) Save(path string) error {
	return WriteFileAtomic(path, r.Marshal())
}

// WriteFileAtomic replaces the file at path with data, atomically.
func WriteFileAtomic(path string, data []byte) error {
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("save %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	tmpName := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return fmt.Errorf("save %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmpName, target); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("save %s: %w", path, err)
	}
	// Sync the folder so the rename itself survives a power cut.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
