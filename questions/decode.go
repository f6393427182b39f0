package questions

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// decoder turns a node tree into a Lens, recording every problem with its
// position instead of stopping at the first.
type decoder struct {
	file           string
	json           bool // JSON is typed: a number is not a string
	problems       []Problem
	analysisBudget int  // see analysisBudget
	lint           bool // run the rule analysis (Options.Lint)
	errors         int  // problems of severity Error so far
}

func (d *decoder) report(sev Severity, n *yaml.Node, where, format string, args ...any) {
	p := Problem{File: d.file, Severity: sev, Where: whereOrLens(where), Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	if sev == Error {
		d.errors++
	}
	d.problems = append(d.problems, p)
}

func (d *decoder) errorf(n *yaml.Node, where, format string, args ...any) {
	d.report(Error, n, where, format, args...)
}

func (d *decoder) warnf(n *yaml.Node, where, format string, args ...any) {
	d.report(Warning, n, where, format, args...)
}

// fields walks a mapping, calling the handler of each known field. Fields
// starting with "_" are comments by convention and skipped silently; a field
// that differs from a known one only in case ("Url") is read with a warning,
// because the AWS tool accepted such lenses; other unknown fields warn.
func (d *decoder) fields(n *yaml.Node, where, what string, known map[string]func(*yaml.Node)) bool {
	if yamlnode.IsNull(n) {
		return false
	}
	if yamlnode.IsNaN(n) {
		d.warnf(n, where, "%s is NaN (an empty spreadsheet cell?); read as empty", what)
		return false
	}
	if r := yamlnode.Resolve(n); r.Kind != yaml.MappingNode {
		d.errorf(n, where, "expected a mapping for %s, found %s", what, yamlnode.Describe(n))
		return false
	}
	seen := map[string]bool{}
	for _, kv := range yamlnode.Pairs(n) {
		name := kv.Key.Value
		if seen[name] {
			d.errorf(kv.Key, where, "field %q appears twice in %s", name, what)
			continue
		}
		seen[name] = true
		if h, ok := known[name]; ok {
			h(kv.Value)
			continue
		}
		if strings.HasPrefix(name, "_") {
			continue
		}
		if canon := caseFold(name, known); canon != "" {
			d.warnf(kv.Key, where, "field %q read as %q (field names are case-sensitive)", name, canon)
			if !seen[canon] {
				seen[canon] = true
				known[canon](kv.Value)
			}
			continue
		}
		d.warnf(kv.Key, where, "unknown field %q in %s (ignored)", name, what)
	}
	return true
}

func caseFold(name string, known map[string]func(*yaml.Node)) string {
	for k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
	}
	return ""
}

// str reads a string field. Null is empty; NaN is empty with a warning.
func (d *decoder) str(n *yaml.Node, where, field string) string {
	if yamlnode.IsNull(n) {
		return ""
	}
	if yamlnode.IsNaN(n) {
		d.warnf(n, where, "%s is NaN (an empty spreadsheet cell?); read as empty", field)
		return ""
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.ScalarNode || (d.json && r.Tag != "!!str") {
		d.errorf(n, where, "expected a string for %s, found %s", field, yamlnode.Describe(n))
		return ""
	}
	return r.Value
}

// list returns the items of a list field.
func (d *decoder) list(n *yaml.Node, where, field string) []*yaml.Node {
	if yamlnode.IsNull(n) {
		return nil
	}
	if yamlnode.IsNaN(n) {
		d.warnf(n, where, "%s is NaN (an empty spreadsheet cell?); read as empty", field)
		return nil
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.SequenceNode {
		d.errorf(n, where, "expected a list for %s, found %s", field, yamlnode.Describe(n))
		return nil
	}
	return r.Content
}

// idOf finds the "id" of a mapping before its other fields are read, so that
// every message about it can name it.
func idOf(n *yaml.Node) string {
	for _, kv := range yamlnode.Pairs(n) {
		if kv.Key.Value == "id" {
			if v := yamlnode.Resolve(kv.Value); v.Kind == yaml.ScalarNode {
				return v.Value
			}
		}
	}
	return ""
}

func join(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "/")
}

func (d *decoder) lens(n *yaml.Node) *Lens {
	l := &Lens{}
	ok := d.fields(n, WhereLens, "the lens", map[string]func(*yaml.Node){
		"schemaVersion": func(v *yaml.Node) { l.SchemaVersion = d.str(v, WhereLens, "schemaVersion") },
		"name":          func(v *yaml.Node) { l.Name = d.str(v, WhereLens, "name") },
		"description":   func(v *yaml.Node) { l.Description = d.str(v, WhereLens, "description") },
		"id":            func(v *yaml.Node) { l.ID = d.str(v, WhereLens, "id") },
		"version":       func(v *yaml.Node) { l.Version = d.str(v, WhereLens, "version") },
		"language":      func(v *yaml.Node) { l.Language = d.str(v, WhereLens, "language") },
		"pillars": func(v *yaml.Node) {
			for _, pn := range d.list(v, WhereLens, "pillars") {
				if p := d.pillar(pn); p != nil {
					l.Pillars = append(l.Pillars, p)
				}
			}
		},
	})
	if !ok && yamlnode.IsNull(n) {
		// An empty document's node sits past its end ("---" alone): the
		// problem is the whole file, from its start.
		d.errorf(&yaml.Node{Line: 1, Column: 1}, WhereLens, "the lens is empty")
	}
	return l
}

func (d *decoder) pillar(n *yaml.Node) *Pillar {
	p := &Pillar{ID: idOf(n), pos: Pos{n.Line, n.Column}}
	where := join(p.ID)
	ok := d.fields(n, where, "a pillar", map[string]func(*yaml.Node){
		"id":   func(v *yaml.Node) { p.ID = d.str(v, where, "id") },
		"name": func(v *yaml.Node) { p.Name = d.str(v, where, "name") },
		"questions": func(v *yaml.Node) {
			for _, qn := range d.list(v, where, "questions") {
				if q := d.question(qn, p.ID); q != nil {
					p.Questions = append(p.Questions, q)
				}
			}
		},
	})
	if !ok {
		return nil
	}
	return p
}

func (d *decoder) question(n *yaml.Node, pillarID string) *Question {
	q := &Question{ID: idOf(n), pos: Pos{n.Line, n.Column}}
	where := join(pillarID, q.ID)
	var rules []*yaml.Node
	ok := d.fields(n, where, "a question", map[string]func(*yaml.Node){
		"id":              func(v *yaml.Node) { q.ID = d.str(v, where, "id") },
		"title":           func(v *yaml.Node) { q.Title = d.str(v, where, "title") },
		"description":     func(v *yaml.Node) { q.Description = d.str(v, where, "description") },
		"helpfulResource": func(v *yaml.Node) { q.HelpfulResource = d.resource(v, where, "helpfulResource") },
		"choices": func(v *yaml.Node) {
			for _, cn := range d.list(v, where, "choices") {
				if c := d.choice(cn, where); c != nil {
					q.Choices = append(q.Choices, c)
				}
			}
		},
		"riskRules": func(v *yaml.Node) { rules = d.list(v, where, "riskRules") },
	})
	if !ok {
		return nil
	}
	q.indexChoices()
	// Rules are read after the choices, wherever they appear, because a
	// condition names choices.
	errs := d.errors
	for _, rn := range rules {
		if r := d.rule(rn, q, where); r != nil {
			q.RiskRules = append(q.RiskRules, r)
		}
	}
	q.rulesBroken = d.errors > errs
	return q
}

func (d *decoder) choice(n *yaml.Node, qWhere string) *Choice {
	c := &Choice{ID: idOf(n), pos: Pos{n.Line, n.Column}}
	where := join(qWhere, c.ID)
	ok := d.fields(n, where, "a choice", map[string]func(*yaml.Node){
		"id":              func(v *yaml.Node) { c.ID = d.str(v, where, "id") },
		"title":           func(v *yaml.Node) { c.Title = d.str(v, where, "title") },
		"helpfulResource": func(v *yaml.Node) { c.HelpfulResource = d.resource(v, where, "helpfulResource") },
		"improvementPlan": func(v *yaml.Node) { c.ImprovementPlan = d.resource(v, where, "improvementPlan") },
		"additionalResources": func(v *yaml.Node) {
			for _, an := range d.list(v, where, "additionalResources") {
				c.AdditionalResources = append(c.AdditionalResources, d.additional(an, where))
			}
		},
	})
	if !ok {
		return nil
	}
	return c
}

func (d *decoder) resource(n *yaml.Node, where, field string) *Resource {
	r := &Resource{}
	if !d.fields(n, where, field, map[string]func(*yaml.Node){
		"displayText": func(v *yaml.Node) { r.DisplayText = d.str(v, where, field+".displayText") },
		"url": func(v *yaml.Node) {
			r.URL = d.str(v, where, field+".url")
			d.checkURL(v, where, r.URL)
		},
	}) {
		return nil
	}
	if *r == (Resource{}) {
		return nil
	}
	return r
}

func (d *decoder) additional(n *yaml.Node, where string) AdditionalResource {
	var a AdditionalResource
	d.fields(n, where, "an additionalResources entry", map[string]func(*yaml.Node){
		"type": func(v *yaml.Node) {
			a.Type = d.str(v, where, "additionalResources.type")
			if a.Type != "HELPFUL_RESOURCE" && a.Type != "IMPROVEMENT_PLAN" {
				d.errorf(v, where, "additionalResources type %q is not HELPFUL_RESOURCE or IMPROVEMENT_PLAN", a.Type)
			}
		},
		"content": func(v *yaml.Node) {
			for _, cn := range d.list(v, where, "additionalResources.content") {
				if r := d.resource(cn, where, "additionalResources.content"); r != nil {
					a.Content = append(a.Content, *r)
				}
			}
		},
	})
	return a
}

func (d *decoder) checkURL(n *yaml.Node, where, url string) {
	if url == "" {
		return
	}
	if !isHTTPLink(url) {
		d.errorf(n, where, "url %q is not an http(s) link", url)
	}
}

// isHTTPLink reports whether a link starts http:// or https://, in any case.
func isHTTPLink(url string) bool {
	return hasPrefixFold(url, "https://") || hasPrefixFold(url, "http://")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (d *decoder) rule(n *yaml.Node, q *Question, qWhere string) *Rule {
	r := &Rule{pos: Pos{n.Line, n.Column}}
	var condNode, riskNode *yaml.Node
	if !d.fields(n, qWhere, "a risk rule", map[string]func(*yaml.Node){
		"condition": func(v *yaml.Node) { condNode = v; r.Condition = d.str(v, qWhere, "condition") },
		"risk":      func(v *yaml.Node) { riskNode = v; r.Risk = d.ruleRisk(v, qWhere) },
	}) {
		return nil
	}
	if riskNode == nil {
		d.errorf(n, qWhere, "risk rule has no risk (NO_RISK, MEDIUM_RISK or HIGH_RISK)")
	}
	if condNode == nil {
		d.errorf(n, qWhere, "risk rule has no condition")
		return nil
	}
	r.pos = Pos{condNode.Line, condNode.Column}
	c, err := ParseCondition(r.Condition, q.ChoiceIndex)
	if err != nil {
		ce := err.(*ConditionError)
		at := *condNode
		if at.Style == 0 || at.Style == yaml.DoubleQuotedStyle || at.Style == yaml.SingleQuotedStyle || at.Style == yaml.FlowStyle {
			// The column inside the condition maps onto the file when the
			// text sits on one line (escapes aside), which it nearly always does.
			at.Column += ce.Column - 1
			if at.Style == yaml.DoubleQuotedStyle || at.Style == yaml.SingleQuotedStyle {
				at.Column++
			}
		}
		msg := ce.Msg
		if strings.HasPrefix(msg, "no choice ") {
			msg += " (its choices: " + strings.Join(choiceIDs(q), ", ") + ")"
		}
		d.errorf(&at, qWhere, "condition %q: column %d: %s", r.Condition, ce.Column, msg)
		return nil
	}
	r.Compiled = c
	return r
}

func choiceIDs(q *Question) []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}

func (d *decoder) ruleRisk(n *yaml.Node, where string) Risk {
	s := d.str(n, where, "risk")
	risk, ok := ParseRuleRisk(s)
	if !ok {
		d.errorf(n, where, "unknown risk %q (expected NO_RISK, MEDIUM_RISK or HIGH_RISK)", s)
	}
	return risk
}
