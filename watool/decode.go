package watool

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// The AWS outputs are read with wafr's positioned JSON parser, not
// encoding/json, so that every mistake is named at its file:line:col and
// said in words ("SelectedChoices must be a list of choice ids, found a
// string"), whichever of the forms (one page, pages one after another, a
// list of pages) the file takes.

// pos is where a value starts in a file, and which list-answers page it
// is on (pages counts them all).
type pos struct {
	file         string
	line, column int
	page, pages  int
}

func (p pos) String() string {
	return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.column)
}

// withPage is the position with its page, when the file has several.
func (p pos) withPage() string {
	if p.pages > 1 {
		return fmt.Sprintf("%s (page %d of %d)", p, p.page, p.pages)
	}
	return p.String()
}

type decoder struct {
	file        string
	page, pages int
}

func (d *decoder) at(n *yaml.Node) pos {
	return pos{file: d.file, line: n.Line, column: n.Column, page: d.page, pages: d.pages}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s: %s", d.at(n), fmt.Sprintf(format, args...))
}

// parse reads the JSON documents of a file, with a syntax error at its
// place. The values are bounded like a lens's or review's, so a runaway
// file cannot take all the memory there is.
func (d *decoder) parse(data []byte) ([]*yaml.Node, error) {
	docs, err := yamlnode.ParseJSONStream(data, yamlnode.MaxNodes)
	if se, ok := err.(*yamlnode.SyntaxError); ok {
		return nil, fmt.Errorf("%s:%d:%d: %s", d.file, se.Line, se.Column, se.Msg)
	}
	return docs, err
}

// found says in words what a JSON value is.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "an object"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!str":
		return "a string"
	case "!!bool":
		return n.Value
	case "!!null":
		return "null"
	}
	return "a number"
}

// field is a member of a JSON object wafr reads; set is not called for a
// null value, which is as if the member were left out (as in AWS's
// outputs, and as encoding/json reads it).
type field struct {
	name string
	set  func(*yaml.Node) error
}

// object reads the members of n that fields name (in any letter case, as
// encoding/json matches them); others are not wafr's and are passed over.
// A member given twice is refused: which one is meant cannot be known.
func (d *decoder) object(n *yaml.Node, what string, fields ...field) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, "%s must be an object {...}, found %s", what, found(n))
	}
	seen := make([]*yaml.Node, len(fields))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for j, f := range fields {
			if !strings.EqualFold(k.Value, f.name) {
				continue
			}
			if prev := seen[j]; prev != nil {
				return d.errorf(k, "%s is given twice in %s (first at line %d, column %d); keep one", f.name, what, prev.Line, prev.Column)
			}
			seen[j] = k
			if v.Tag != "!!null" {
				if err := f.set(v); err != nil {
					return err
				}
			}
			break
		}
	}
	return nil
}

func (d *decoder) str(name, what string, dst *string) field {
	return field{name, func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
			return d.errorf(n, "%s must be %s in double quotes, found %s", name, what, found(n))
		}
		*dst = n.Value
		return nil
	}}
}

func (d *decoder) strAt(name, what string, dst *string, at *pos) field {
	f := d.str(name, what, dst)
	return field{name, func(n *yaml.Node) error {
		*at = d.at(n)
		return f.set(n)
	}}
}

func (d *decoder) boolean(name string, dst **bool) field {
	return field{name, func(n *yaml.Node) error {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return d.errorf(n, "%s must be true or false, found %s", name, found(n))
		}
		b := n.Value == "true"
		*dst = &b
		return nil
	}}
}

// choiceIDs reads a list of choice ids, with where each is.
func (d *decoder) choiceIDs(name string, dst *[]string, at *[]pos) field {
	return field{name, func(n *yaml.Node) error {
		if n.Kind != yaml.SequenceNode {
			return d.errorf(n, "%s must be a list of choice ids, such as [\"OPS1_a\", \"OPS1_b\"], found %s", name, found(n))
		}
		*dst = make([]string, 0, len(n.Content))
		*at = make([]pos, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.Tag != "!!str" {
				return d.errorf(c, "%s must be a list of choice ids, each in double quotes; found %s in it", name, found(c))
			}
			*dst = append(*dst, c.Value)
			*at = append(*at, d.at(c))
		}
		return nil
	}}
}

// decodePages reads one list-answers page, several one after another (as
// appending each page's output makes), or a list of pages, or a mix.
func decodePages(file string, data []byte) ([]listAnswersOutput, error) {
	d := &decoder{file: file}
	docs, err := d.parse(data)
	if err != nil {
		return nil, err
	}
	var pageNodes []*yaml.Node
	for _, doc := range docs {
		switch doc.Kind {
		case yaml.MappingNode:
			pageNodes = append(pageNodes, doc)
		case yaml.SequenceNode:
			for _, p := range doc.Content {
				if p.Kind != yaml.MappingNode {
					return nil, d.errorf(p, "a list of pages must hold list-answers outputs, each an object {...}; found %s in it", found(p))
				}
				pageNodes = append(pageNodes, p)
			}
		default:
			return nil, d.errorf(doc, "expected the output of aws wellarchitected list-answers, an object {...}; found %s", found(doc))
		}
	}
	d.pages = len(pageNodes)
	pages := make([]listAnswersOutput, len(pageNodes))
	for i, n := range pageNodes {
		d.page = i + 1
		if err := d.page1(n, &pages[i]); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// page1 reads one list-answers page.
func (d *decoder) page1(n *yaml.Node, p *listAnswersOutput) error {
	return d.object(n, "a list-answers output",
		d.str("WorkloadId", "the workload's id", &p.WorkloadID),
		d.str("LensAlias", "the lens's alias or ARN", &p.LensAlias),
		field{"AnswerSummaries", func(v *yaml.Node) error {
			if v.Kind != yaml.SequenceNode {
				return d.errorf(v, "AnswerSummaries must be a list of answers [{...}, ...], found %s", found(v))
			}
			p.AnswerSummaries = make([]answerSummary, len(v.Content))
			for i, a := range v.Content {
				if err := d.summary(a, &p.AnswerSummaries[i]); err != nil {
					return err
				}
			}
			return nil
		}})
}

func (d *decoder) summary(n *yaml.Node, s *answerSummary) error {
	s.at = d.at(n)
	return d.object(n, "an answer in AnswerSummaries",
		d.str("QuestionId", "the question's id", &s.QuestionID),
		d.str("PillarId", "the pillar's id", &s.PillarID),
		d.str("QuestionTitle", "the question's title", &s.QuestionTitle),
		d.choiceIDs("SelectedChoices", &s.SelectedChoices, &s.choicesAt),
		d.boolean("IsApplicable", &s.IsApplicable),
		d.str("Risk", "a risk (HIGH, MEDIUM, NONE, UNANSWERED or NOT_APPLICABLE)", &s.Risk),
		d.strAt("Reason", "a reason (such as OUT_OF_SCOPE)", &s.Reason, &s.reasonAt))
}

// decodeWorkload reads a get-workload output: one JSON object.
func decodeWorkload(file string, data []byte) (getWorkloadOutput, error) {
	var gw getWorkloadOutput
	d := &decoder{file: file}
	docs, err := d.parse(data)
	switch {
	case err != nil:
		return gw, err
	case len(docs) == 0:
		return gw, fmt.Errorf("%s: the file is empty; expected the output of aws wellarchitected get-workload", file)
	case len(docs) > 1:
		return gw, d.errorf(docs[1], "a second JSON document; expected the output of one aws wellarchitected get-workload")
	}
	w := &gw.Workload
	return gw, d.object(docs[0], "the output of aws wellarchitected get-workload",
		field{"Workload", func(v *yaml.Node) error {
			return d.object(v, "Workload",
				d.str("WorkloadId", "the workload's id", &w.WorkloadID),
				d.str("WorkloadName", "the workload's name", &w.WorkloadName),
				d.strAt("Environment", "PRODUCTION or PREPRODUCTION", &w.Environment, &w.environmentAt),
				d.str("Owner", "the owner", &w.Owner),
				d.str("ReviewOwner", "the review's owner", &w.ReviewOwner))
		}})
}
