package review

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
)

// FuzzDecoderMatchesReference: for any file yaml.v3 reads, the decoder
// gives the same review and the same error as refDecoder.
func FuzzDecoderMatchesReference(f *testing.F) {
	reviewSeeds(f)
	for _, s := range []string{
		"wafr: 1\nwafr: 1\nlens: {id: ops}\n", "wafr: 1\nlens: {id: ops, bogus: x}\n", "wafr: 2\nlens: {id: ops}\n",
		"wafr: 1\nlens: {id: ops}\nanswers: {p: {q: {selected: [a, a], applicable: maybe, risk: LOW, timeSpent: -1s, reason: OTHER}}}\n",
		"wafr: 1\nlens: {id: ops}\nactions: [{id: A1, question: p, status: nope, due: tomorrow}, {id: A1, question: p/q}]\n",
		"wafr: 1\nlens: {id: ops}\nparked: [{question: x, at: yesterday}]\nworkload: {environment: LAB}\n",
		"wafr: 1\nlens: {id: ops}\nmilestones: [{name: a, recordedAt: 2026-01-01T00:00:00Z, lens: {id: ops}}, {name: a}]\n",
		"wafr: 1\nlens: {id: ops}\nanswers: {p: {q: {votes: [{by: x, selected: [a]}, {by: [y]}], notes: [n]}}}\n",
		"wafr: 1\nlens: {id: ops}\nanswers: {p: {q: {selected: [a, \"\"]}, r: {selected: [~]}, s: {votes: [{selected: [null]}]}}}\n",
		"wafr: 1\nlens: {id: ops}\nanswers: {'': {q: {}}, p: {'': {}, q: x}}\n", "wafr: 1\nanswers: []\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := yamlnode.Parse(data, false)
		if err != nil {
			return
		}
		ref := &refDecoder{file: "f.yaml"}
		want := ref.review(root)
		d := &decoder{file: "f.yaml"}
		got := d.review(root)
		if (ref.err == nil) != (d.err == nil) || ref.err != nil && (ref.err.Error() != d.err.Error() ||
			ref.err.Line != d.err.Line || ref.err.Column != d.err.Column || ref.err.Field != d.err.Field) {
			t.Fatalf("errors differ:\n got  %v\n want %v\n%s", d.err, ref.err, data)
		}
		if ref.err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("reviews differ:\n got  %+v\n want %+v\n%s", got, want, data)
		}
	})
}

// refDecoder is the review decoder as it was before it stopped building
// a map of closures per mapping: the decoder must match it on every tree.
// It reads a review node tree, keeping the first error. Unknown fields
// are errors, not warnings: saving a file with a field we dropped would lose
// data written by a newer wafr.
type refDecoder struct {
	file string
	err  *LoadError
}

func (d *refDecoder) fail(n *yaml.Node, field, format string, args ...any) {
	if d.err != nil {
		return
	}
	d.err = &LoadError{File: d.file, Field: field, Err: fmt.Errorf(format, args...)}
	if n != nil {
		d.err.Line, d.err.Column = n.Line, n.Column
	}
}

func (d *refDecoder) fields(n *yaml.Node, field string, known map[string]func(*yaml.Node)) {
	if yamlnode.IsNull(n) {
		return
	}
	if yamlnode.Resolve(n).Kind != yaml.MappingNode {
		d.fail(n, field, "expected a mapping, found %s", yamlnode.Describe(n))
		return
	}
	seen := map[string]bool{}
	for _, kv := range yamlnode.Pairs(n) {
		name := kv.Key.Value
		path := join(field, name)
		switch h, ok := known[name]; {
		case seen[name]:
			d.fail(kv.Key, path, "appears twice")
		case !ok:
			d.fail(kv.Key, path, "unknown field (was this file written by a newer wafr?)")
		default:
			h(kv.Value)
		}
		seen[name] = true
	}
}

func (d *refDecoder) str(n *yaml.Node, field string) string {
	if yamlnode.IsNull(n) {
		return ""
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.ScalarNode {
		d.fail(n, field, "expected a string, found %s", yamlnode.Describe(n))
		return ""
	}
	return r.Value
}

func (d *refDecoder) time(n *yaml.Node, field string) time.Time {
	s := d.str(n, field)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.fail(n, field, "%q is not a time like 2026-11-25T10:00:00Z", s)
	}
	return t.UTC()
}

func (d *refDecoder) list(n *yaml.Node, field string) []*yaml.Node {
	if yamlnode.IsNull(n) {
		return nil
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.SequenceNode {
		d.fail(n, field, "expected a list, found %s", yamlnode.Describe(n))
		return nil
	}
	return r.Content
}

func (d *refDecoder) review(n *yaml.Node) *Review {
	r := &Review{Answers: Answers{}}
	if yamlnode.Resolve(n).Kind != yaml.MappingNode {
		d.fail(n, "", "a review file is a mapping with wafr, workload, lens and answers, not %s", yamlnode.Describe(n))
		return r
	}
	version := ""
	var versionNode *yaml.Node
	d.fields(n, "", map[string]func(*yaml.Node){
		"wafr":      func(v *yaml.Node) { versionNode = v; version = d.str(v, "wafr") },
		"workload":  func(v *yaml.Node) { r.Workload = d.workload(v) },
		"lens":      func(v *yaml.Node) { r.Lens = d.lensRef(v, "lens") },
		"updatedAt": func(v *yaml.Node) { r.UpdatedAt = d.time(v, "updatedAt") },
		"notes":     func(v *yaml.Node) { r.Notes = d.str(v, "notes") },
		"answers":   func(v *yaml.Node) { r.Answers = d.answers(v, "answers") },
		"actions":   func(v *yaml.Node) { r.Actions = d.actions(v, "actions") },
		"parked":    func(v *yaml.Node) { r.Parked = d.parked(v, "parked") },
		"milestones": func(v *yaml.Node) {
			for i, mn := range d.list(v, "milestones") {
				r.Milestones = append(r.Milestones, d.milestone(mn, i, r.Milestones))
			}
		},
	})
	switch {
	case d.err != nil:
	case versionNode == nil:
		d.fail(n, "wafr", "missing: this does not look like a wafr review file (it has no \"wafr: 1\" line)")
	case version != fmt.Sprint(FormatVersion):
		d.fail(versionNode, "wafr", "format version %q is not supported (this wafr reads version %d; is the file from a newer wafr?)", version, FormatVersion)
	case r.Lens.ID == "" && r.Lens.Source == "":
		d.fail(n, "lens", "missing: the file does not say which lens it answers")
	}
	return r
}

func (d *refDecoder) workload(n *yaml.Node) Workload {
	var w Workload
	d.fields(n, "workload", map[string]func(*yaml.Node){
		"name":  func(v *yaml.Node) { w.Name = d.str(v, "workload.name") },
		"owner": func(v *yaml.Node) { w.Owner = d.str(v, "workload.owner") },
		"environment": func(v *yaml.Node) {
			w.Environment = d.str(v, "workload.environment")
			if w.Environment != "" && w.Environment != Production && w.Environment != PreProduction {
				d.fail(v, "workload.environment", "%q is not %s or %s", w.Environment, Production, PreProduction)
			}
		},
	})
	return w
}

func (d *refDecoder) lensRef(n *yaml.Node, field string) LensRef {
	var l LensRef
	d.fields(n, field, map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { l.ID = d.str(v, field+".id") },
		"version": func(v *yaml.Node) { l.Version = d.str(v, field+".version") },
		"source":  func(v *yaml.Node) { l.Source = d.str(v, field+".source") },
		"digest":  func(v *yaml.Node) { l.Digest = d.str(v, field+".digest") },
	})
	return l
}

func (d *refDecoder) answers(n *yaml.Node, field string) Answers {
	out := Answers{}
	if yamlnode.IsNull(n) {
		return out
	}
	if yamlnode.Resolve(n).Kind != yaml.MappingNode {
		d.fail(n, field, "expected pillar ids mapping to question ids, found %s", yamlnode.Describe(n))
		return out
	}
	for _, pkv := range yamlnode.Pairs(n) {
		pid := pkv.Key.Value
		pfield := join(field, pid)
		if pid == "" {
			d.fail(pkv.Key, field, "a pillar id is empty")
		}
		if _, dup := out[pid]; dup {
			d.fail(pkv.Key, pfield, "pillar appears twice")
		}
		if yamlnode.Resolve(pkv.Value).Kind != yaml.MappingNode {
			d.fail(pkv.Value, pfield, "expected question ids mapping to answers, found %s", yamlnode.Describe(pkv.Value))
			continue
		}
		byQuestion := map[string]*Answer{}
		for _, qkv := range yamlnode.Pairs(pkv.Value) {
			qid := qkv.Key.Value
			if qid == "" {
				d.fail(qkv.Key, pfield, "a question id is empty")
			}
			if _, dup := byQuestion[qid]; dup {
				d.fail(qkv.Key, join(pfield, qid), "question appears twice")
			}
			byQuestion[qid] = d.answer(qkv.Value, join(pfield, qid))
		}
		out[pid] = byQuestion
	}
	return out
}

func (d *refDecoder) answer(n *yaml.Node, field string) *Answer {
	a := &Answer{}
	var reasonNode *yaml.Node
	d.fields(n, field, map[string]func(*yaml.Node){
		"selected": func(v *yaml.Node) {
			seen := map[string]bool{}
			for _, s := range d.list(v, field+".selected") {
				id := d.str(s, field+".selected")
				if id == "" {
					d.fail(s, field+".selected", "choice id is empty: take the empty entry out of the list (an older wafr import could write one)")
				}
				if seen[id] {
					d.fail(s, field+".selected", "choice %q is listed twice", id)
				}
				seen[id] = true
				a.Selected = append(a.Selected, id)
			}
		},
		"applicable": func(v *yaml.Node) {
			switch s := d.str(v, field+".applicable"); s {
			case "true":
			case "false":
				a.NotApplicable = true
			default:
				d.fail(v, field+".applicable", "expected true or false, found %q", s)
			}
		},
		"reason": func(v *yaml.Node) { reasonNode = v; a.Reason = d.str(v, field+".reason") },
		"risk": func(v *yaml.Node) {
			s := d.str(v, field+".risk")
			r, ok := questions.ParseRisk(s)
			if !ok || r == questions.Unanswered {
				d.fail(v, field+".risk", "%q is not HIGH, MEDIUM, NONE or NOT_APPLICABLE", s)
			}
			a.Risk = r
		},
		"notes":      func(v *yaml.Node) { a.Notes = d.str(v, field+".notes") },
		"answeredBy": func(v *yaml.Node) { a.AnsweredBy = d.str(v, field+".answeredBy") },
		"updatedAt":  func(v *yaml.Node) { a.UpdatedAt = d.time(v, field+".updatedAt") },
		"timeSpent": func(v *yaml.Node) {
			s := d.str(v, field+".timeSpent")
			t, err := time.ParseDuration(s)
			if err != nil || t < 0 {
				d.fail(v, field+".timeSpent", "%q is not a duration like 6m30s", s)
			}
			a.TimeSpent = t
		},
		"votes": func(v *yaml.Node) { a.Votes = d.votes(v, field+".votes") },
	})
	if reasonNode != nil && a.Reason != "" && !ValidReason(a.Reason) {
		d.fail(reasonNode, field+".reason", "%q is not one of %s", a.Reason, strings.Join(Reasons, ", "))
	}
	if reasonNode != nil && a.Reason != "" && !a.NotApplicable {
		d.fail(reasonNode, field+".reason", "a reason is only given with \"applicable: false\"")
	}
	return a
}

func (d *refDecoder) votes(n *yaml.Node, field string) []Vote {
	var out []Vote
	for i, vn := range d.list(n, field) {
		f := fmt.Sprintf("%s[%d]", field, i)
		var v Vote
		d.fields(vn, f, map[string]func(*yaml.Node){
			"by": func(x *yaml.Node) { v.By = d.str(x, f+".by") },
			"selected": func(x *yaml.Node) {
				for _, s := range d.list(x, f+".selected") {
					id := d.str(s, f+".selected")
					if id == "" {
						d.fail(s, f+".selected", "choice id is empty: take the empty entry out of the list (an older wafr import could write one)")
					}
					v.Selected = append(v.Selected, id)
				}
			},
		})
		out = append(out, v)
	}
	return out
}

func (d *refDecoder) parked(n *yaml.Node, field string) []Parked {
	var out []Parked
	for i, pn := range d.list(n, field) {
		f := fmt.Sprintf("%s[%d]", field, i)
		var p Parked
		var questionNode *yaml.Node
		d.fields(pn, f, map[string]func(*yaml.Node){
			"question": func(v *yaml.Node) { questionNode = v },
			"text":     func(v *yaml.Node) { p.Text = d.str(v, f+".text") },
			"by":       func(v *yaml.Node) { p.By = d.str(v, f+".by") },
			"at":       func(v *yaml.Node) { p.At = d.time(v, f+".at") },
		})
		pid, qid, ok := strings.Cut(d.str(questionNode, f+".question"), "/")
		if !ok || pid == "" || qid == "" {
			d.fail(pn, f+".question", "a parked item names its question as PILLAR/QUESTION")
		}
		p.PillarID, p.QuestionID = pid, qid
		out = append(out, p)
	}
	return out
}

func (d *refDecoder) milestone(n *yaml.Node, index int, earlier []Milestone) Milestone {
	var m Milestone
	field := fmt.Sprintf("milestones[%d]", index)
	var nameNode *yaml.Node
	d.fields(n, field, map[string]func(*yaml.Node){
		"name":       func(v *yaml.Node) { nameNode = v; m.Name = d.str(v, field+".name") },
		"recordedAt": func(v *yaml.Node) { m.RecordedAt = d.time(v, field+".recordedAt") },
		"notes":      func(v *yaml.Node) { m.Notes = d.str(v, field+".notes") },
		"lens":       func(v *yaml.Node) { m.Lens = d.lensRef(v, field+".lens") },
		"answers":    func(v *yaml.Node) { m.Answers = d.answers(v, field+".answers") },
		"actions":    func(v *yaml.Node) { m.Actions = d.actions(v, field+".actions") },
	})
	if m.Answers == nil {
		m.Answers = Answers{}
	}
	at := nameNode
	if at == nil {
		at = n
	}
	if strings.TrimSpace(m.Name) == "" {
		d.fail(at, field+".name", "milestone %d has no name (milestones are read-only: restore it from git)", index+1)
	}
	for _, e := range earlier {
		if e.Name == m.Name && m.Name != "" {
			d.fail(at, field+".name", "milestone name %q is used twice (milestones are read-only: restore it from git)", m.Name)
		}
	}
	if m.RecordedAt.IsZero() {
		d.fail(at, field+".recordedAt", "milestone %q has no recordedAt (milestones are read-only: restore it from git)", m.Name)
	}
	if m.Lens.ID == "" && m.Lens.Source == "" {
		d.fail(at, field+".lens", "milestone %q does not say which lens it answers (milestones are read-only: restore it from git)", m.Name)
	}

	return m
}

func (d *refDecoder) actions(n *yaml.Node, field string) []Action {
	var out []Action
	seen := map[string]bool{}
	for i, an := range d.list(n, field) {
		f := fmt.Sprintf("%s[%d]", field, i)
		var a Action
		var questionNode *yaml.Node
		d.fields(an, f, map[string]func(*yaml.Node){
			"id":       func(v *yaml.Node) { a.ID = d.str(v, f+".id") },
			"question": func(v *yaml.Node) { questionNode = v },
			"choice":   func(v *yaml.Node) { a.ChoiceID = d.str(v, f+".choice") },
			"title":    func(v *yaml.Node) { a.Title = d.str(v, f+".title") },
			"owner":    func(v *yaml.Node) { a.Owner = d.str(v, f+".owner") },
			"due": func(v *yaml.Node) {
				due, err := readDue(d.str(v, f+".due"))
				if err != nil {
					d.fail(v, f+".due", "%v", err)
				}
				a.Due = due
			},
			"status": func(v *yaml.Node) {
				a.Status = d.str(v, f+".status")
				if !ValidStatus(a.Status) {
					d.fail(v, f+".status", "%q is not one of %s", a.Status, strings.Join(Statuses, ", "))
				}
			},
			"reason":    func(v *yaml.Node) { a.Reason = d.str(v, f+".reason") },
			"link":      func(v *yaml.Node) { a.Link = d.str(v, f+".link") },
			"notes":     func(v *yaml.Node) { a.Notes = d.str(v, f+".notes") },
			"createdAt": func(v *yaml.Node) { a.CreatedAt = d.time(v, f+".createdAt") },
			"createdBy": func(v *yaml.Node) { a.CreatedBy = d.str(v, f+".createdBy") },
			"updatedAt": func(v *yaml.Node) { a.UpdatedAt = d.time(v, f+".updatedAt") },
			"updatedBy": func(v *yaml.Node) { a.UpdatedBy = d.str(v, f+".updatedBy") },
		})
		at := an
		switch pid, qid, ok := strings.Cut(d.str(questionNode, f+".question"), "/"); {
		case !ok || pid == "" || qid == "":
			d.fail(at, f+".question", "an action names its question as PILLAR/QUESTION")
		default:
			a.PillarID, a.QuestionID = pid, qid
		}
		switch {
		case a.ID == "":
			d.fail(at, f+".id", "the action has no id")
		case firstFold(out, a.ID) != "" && firstFold(out, a.ID) != a.ID:
			d.fail(at, f+".id", "action id %q is used twice (as %q too: ids are the same whatever their case)", a.ID, firstFold(out, a.ID))
		case seen[a.ID]:
			d.fail(at, f+".id", "action id %q is used twice", a.ID)
		case a.Status == "":
			d.fail(at, f+".status", "the action has no status")
		case a.Status == StatusAcceptedRisk && strings.TrimSpace(a.Reason) == "":
			d.fail(at, f+".reason", "action %s accepts a risk without a reason", a.ID)
		}
		seen[a.ID] = true
		out = append(out, a)
	}
	return out
}

// firstFold is the id of the first action that has id whatever the case.
func firstFold(actions []Action, id string) string {
	for _, a := range actions {
		if strings.EqualFold(a.ID, id) {
			return a.ID
		}
	}
	return ""
}
