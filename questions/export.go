package questions

import (
	"bytes"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// AWS custom-lens JSON, field for field in the order of the AWS template,
// without wafr's extensions.
type (
	awsLens struct {
		SchemaVersion string      `json:"schemaVersion"`
		Name          string      `json:"name"`
		Description   string      `json:"description"`
		Pillars       []awsPillar `json:"pillars"`
	}
	awsPillar struct {
		ID        string        `json:"id"`
		Name      string        `json:"name"`
		Questions []awsQuestion `json:"questions"`
	}
	awsQuestion struct {
		ID              string      `json:"id"`
		Title           string      `json:"title"`
		Description     string      `json:"description,omitempty"`
		HelpfulResource *Resource   `json:"helpfulResource,omitempty"`
		Choices         []awsChoice `json:"choices"`
		RiskRules       []*Rule     `json:"riskRules"`
	}
	awsChoice struct {
		ID                  string               `json:"id"`
		Title               string               `json:"title"`
		HelpfulResource     *Resource            `json:"helpfulResource,omitempty"`
		ImprovementPlan     *Resource            `json:"improvementPlan,omitempty"`
		AdditionalResources []AdditionalResource `json:"additionalResources,omitempty"`
	}
)

// MarshalAWS writes the lens as AWS custom-lens JSON (schemaVersion
// 2021-11-01): wafr's extensions are dropped. The caller checks the AWS
// limits first (Check with Options{AWS: true}).
func MarshalAWS(l *Lens) ([]byte, error) {
	out := awsLens{SchemaVersion: SchemaVersion, Name: l.Name, Description: l.Description}
	for _, p := range l.Pillars {
		ap := awsPillar{ID: p.ID, Name: p.Name}
		for _, q := range p.Questions {
			aq := awsQuestion{ID: q.ID, Title: q.Title, Description: q.Description, HelpfulResource: q.HelpfulResource, RiskRules: q.RiskRules}
			for _, c := range q.Choices {
				aq.Choices = append(aq.Choices, awsChoice{ID: c.ID, Title: c.Title, HelpfulResource: c.HelpfulResource,
					ImprovementPlan: c.ImprovementPlan, AdditionalResources: c.AdditionalResources})
			}
			ap.Questions = append(ap.Questions, aq)
		}
		out.Pillars = append(out.Pillars, ap)
	}
	return marshalIndent(out)
}

// MarshalJSON writes the lens as JSON with every field, extensions
// included, so JSON and YAML convert into each other without loss. An id
// derived from the file name is left out: it is not part of the lens, and
// writing it would change the lens's digest.
func MarshalJSON(l *Lens) ([]byte, error) {
	if l.idFromFile {
		own := *l
		own.ID = ""
		l = &own
	}
	return marshalIndent(l)
}

// marshalIndent writes v through safeout, the one JSON writer: "&&" in a
// condition stays "&&", and bidi and C1 controls become \u escapes.
func marshalIndent(v any) ([]byte, error) {
	return safeout.MarshalJSON(v, "    ")
}

// MarshalYAML writes the lens as readable YAML for editing: every field,
// long text as block scalars, and rules one per line. As with MarshalJSON,
// an id derived from the file name is left out, and controls are escaped.
func MarshalYAML(l *Lens) ([]byte, error) {
	id := l.ID
	if l.idFromFile {
		id = ""
	}
	root := ymapAlways(
		"schemaVersion", ystr(l.SchemaVersion),
		"id", ystr(id),
		"version", ystr(l.Version),
		"language", ystr(l.Language),
		"name", ystr(l.Name),
		"description", ystr(l.Description),
	)
	pillars := yseq()
	for _, p := range l.Pillars {
		qs := yseq()
		for _, q := range p.Questions {
			choices := yseq()
			for _, c := range q.Choices {
				choices.Content = append(choices.Content, ymapAlways(
					"id", ystr(c.ID),
					"title", ystr(c.Title),
					"helpfulResource", yresource(c.HelpfulResource),
					"improvementPlan", yresource(c.ImprovementPlan),
					"additionalResources", yadditional(c.AdditionalResources),
				))
			}
			rules := yseq()
			for _, r := range q.RiskRules {
				rule := ymap("condition", ystr(r.Condition), "risk", ystr(r.Risk.RuleName()))
				rule.Style = yaml.FlowStyle
				rules.Content = append(rules.Content, rule)
			}
			qs.Content = append(qs.Content, ymapAlways(
				"id", ystr(q.ID),
				"title", ystr(q.Title),
				"description", ystr(q.Description),
				"helpfulResource", yresource(q.HelpfulResource),
				"choices", choices,
				"riskRules", rules,
			))
		}
		pillars.Content = append(pillars.Content, ymapAlways("id", ystr(p.ID), "name", ystr(p.Name), "questions", qs))
	}
	root.Content = append(root.Content, ystr("pillars"), pillars)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	enc.Close()
	// Bidi and C1 controls as \u escapes, as MarshalJSON writes them: the
	// encoder double-quotes every scalar that holds one.
	return safeout.Escape(b.Bytes()), nil
}

// Short names for the node builders.
var (
	yseq = yamlnode.Sequence
	ymap = yamlnode.Mapping
	ystr = yamlnode.String
)

// ymapAlways is ymap, but an empty mapping rather than nil when every value
// is empty: a list item or the document itself must be a node.
func ymapAlways(kv ...any) *yaml.Node {
	if n := ymap(kv...); n != nil {
		return n
	}
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
}

func yresource(r *Resource) *yaml.Node {
	if r == nil {
		return nil
	}
	return ymap("displayText", ystr(r.DisplayText), "url", ystr(r.URL))
}

func yadditional(as []AdditionalResource) *yaml.Node {
	if len(as) == 0 {
		return nil
	}
	n := yseq()
	for _, a := range as {
		content := yseq()
		for _, r := range a.Content {
			content.Content = append(content.Content, yresource(&r))
		}
		n.Content = append(n.Content, ymapAlways("type", ystr(a.Type), "content", content))
	}
	return n
}
