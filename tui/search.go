package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/wafr-dev/wafr/questions"
)

// The navigator's search: every word of the query must appear somewhere
// in what a question says or what the team wrote about it (its id and
// title, its choices and their help and resources, its description, the
// notes, its actions), case and width folded (ＳＬＯ finds SLO). A matching
// question shows why: the first place that holds the query, with the
// words in context.

// fieldKind orders the places a question is searched, most telling first.
type fieldKind int

const (
	fieldTitle fieldKind = iota // the id and the title: shown in the row itself
	fieldChoice
	fieldResource
	fieldDescription
	fieldNote
	fieldAction
)

// searchField is one searchable text of a question.
type searchField struct {
	kind  fieldKind
	label string // the choice's or action's id
	text  string // as shown: one line
	fold  string // folded, for matching
	index []int  // byte offset in text of each byte of fold
}

// searchIndex holds the searchable text of every question of a snapshot,
// prepared once when a search starts (never in View).
type searchIndex struct {
	snap   *Snapshot
	fields [][]searchField
}

func newSearchIndex(snap *Snapshot, c *common) *searchIndex {
	ix := &searchIndex{snap: snap, fields: make([][]searchField, len(snap.Items))}
	for i, it := range snap.Items {
		q := it.Question
		add := func(kind fieldKind, label, text string) {
			text = cleanLine(text)
			if text == "" {
				return
			}
			f, idx := fold(text)
			ix.fields[i] = append(ix.fields[i], searchField{kind: kind, label: label, text: text, fold: f, index: idx})
		}
		add(fieldTitle, "", q.ID+"  "+q.Title)
		for _, ch := range q.Choices {
			add(fieldChoice, ch.ID, ch.Title)
			for _, r := range choiceResources(ch) {
				add(fieldResource, ch.ID, r.DisplayText+" "+r.URL)
			}
		}
		add(fieldDescription, "", markdownText(q.Description))
		if a := snap.Answer(i); a != nil {
			add(fieldNote, "", a.Notes)
		}
		for _, a := range snap.Review.ActionsOf(it.Pillar.ID, q.ID) {
			add(fieldAction, a.ID, a.Title+" "+a.Owner)
		}
	}
	return ix
}

// choiceResources is every text a choice carries besides its title.
func choiceResources(c *questions.Choice) []questions.Resource {
	var out []questions.Resource
	for _, r := range []*questions.Resource{c.HelpfulResource, c.ImprovementPlan} {
		if r != nil {
			out = append(out, *r)
		}
	}
	for _, a := range c.AdditionalResources {
		out = append(out, a.Content...)
	}
	return out
}

// fold lowers the case and folds full-width forms, and maps each byte of
// the result back to the text.
func fold(s string) (string, []int) {
	var b strings.Builder
	idx := make([]int, 0, len(s))
	for i, r := range s {
		f := strings.ToLower(width.Fold.String(string(r)))
		b.WriteString(f)
		for range len(f) {
			idx = append(idx, i)
		}
	}
	return b.String(), idx
}

// searchMatch is why a question matched: the field, and where in it.
type searchMatch struct {
	field      *searchField
	start, end int // in field.text
}

// match reports whether question i holds every word of the query, and the
// place to show: the first field, in order of kind, that holds the first
// word (none when the title does).
func (ix *searchIndex) match(i int, query string) (searchMatch, bool) {
	words := strings.Fields(query)
	fields := ix.fields[i]
	for _, w := range words {
		fw, _ := fold(w)
		found := false
		for _, f := range fields {
			if strings.Contains(f.fold, fw) {
				found = true
				break
			}
		}
		if !found {
			return searchMatch{}, false
		}
	}
	first, _ := fold(words[0])
	for kind := fieldTitle; kind <= fieldAction; kind++ {
		for k := range fields {
			f := &fields[k]
			if f.kind != kind {
				continue
			}
			if j := strings.Index(f.fold, first); j >= 0 {
				end := f.index[j+len(first)-1]
				_, size := utf8.DecodeRuneInString(f.text[end:])
				return searchMatch{field: f, start: f.index[j], end: end + size}, true
			}
		}
	}
	return searchMatch{}, true
}

// lines is the line under a matching row that says where the query was
// found, with it in context; none when the title holds it.
func (m searchMatch) lines(c *common, idW, w int) []string {
	if m.field == nil || m.field.kind == fieldTitle {
		return nil
	}
	t := &c.t.Search
	var where string
	switch m.field.kind {
	case fieldChoice:
		where = fmt.Sprintf(t.InChoice, m.field.label)
	case fieldResource:
		where = fmt.Sprintf(t.Resource, m.field.label)
	case fieldDescription:
		where = t.Description
	case fieldNote:
		where = t.Note
	case fieldAction:
		where = fmt.Sprintf(t.InAction, m.field.label)
	}
	lead := strings.Repeat(" ", idW+2) + cleanLine(where) + ": "
	room := max(10, w-2-displayWidth(lead))
	return []string{c.styles.Dim.Render(lead) + snippet(c, m.field.text, m.start, m.end, room)}
}

// snippet is text around [start, end) that fits w columns, the match
// marked, and "…" where text was left out.
func snippet(c *common, text string, start, end, w int) string {
	before, match, after := text[:start], text[start:end], text[end:]
	room := w - displayWidth(match)
	if room < 2 {
		return c.styles.Match.Render(truncate(match, w))
	}
	// Up to a third of the room before the match, the rest after it.
	lead := ""
	if displayWidth(before) > room/3 {
		for displayWidth(before) > room/3-1 && before != "" {
			_, size := utf8.DecodeRuneInString(before)
			before = before[size:]
		}
		// Start at a word when there is one to start at.
		if i := strings.IndexByte(before, ' '); i >= 0 && i < len(before)-1 {
			before = before[i+1:]
		}
		lead = "…"
	}
	tail := truncate(after, max(1, room-displayWidth(lead+before)))
	return lead + before + c.styles.Match.Render(match) + tail
}
