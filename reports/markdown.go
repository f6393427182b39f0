package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// PlanOptions change the Markdown plan.
type PlanOptions struct {
	// PillarOrder lists pillar ids to put first; the rest follow in lens order.
	PillarOrder []string
	// Terminal writes the plan for WriteMarkdownTerminal rather than for
	// a file: the same content, without the Mermaid chart (GitHub draws
	// it; a terminal would show its source), and with the header facts,
	// the questions not applicable and the time spent as lists, not as
	// tables, which a terminal cannot fit to its width.
	Terminal bool
}

// WritePlan writes the improvement plan as CommonMark (with GitHub's task
// lists and Mermaid blocks): a header block, then HIGH items, MEDIUM items,
// not-applicable questions, unanswered ones and those with no risk.
func WritePlan(w io.Writer, s *Scored, opts PlanOptions) error {
	c := i18n.For(s.Language)
	t := &c.Plan
	// A caller's buffer is written into as it is; any other writer gets
	// the whole plan at the end, in one write.
	b, direct := w.(*bytes.Buffer)
	if !direct {
		b = &bytes.Buffer{}
	}
	b.Grow(planSize(s))
	b.WriteString(heading("# "+t.Title, inline(s.Workload.Name)) + "\n\n")
	rowFormat := "| %s | %s |\n"
	if opts.Terminal {
		rowFormat = "- %s: %s\n"
	} else {
		b.WriteString("| | |\n|---|---|\n")
	}
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, rowFormat, k, v)
		}
	}
	lens := inline(s.Lens.Name)
	if s.Lens.Version != "" {
		lens += " " + inline(s.Lens.Version)
	}
	row(t.Lens, lens+" ("+cellCode(s.Lens.ID)+")")
	row(t.Environment, inline(c.Environment(s.Workload.Environment)))
	row(t.Owner, inline(s.Workload.Owner))
	if s.Milestone != "" {
		row(t.Milestone, inline(s.Milestone))
	}
	if len(s.UpdatedAt) >= 10 {
		row(t.Date, s.UpdatedAt[:10])
	}
	reviewers := make([]string, len(s.Reviewers))
	for i, r := range s.Reviewers {
		reviewers[i] = inline(r)
	}
	row(t.Reviewers, strings.Join(reviewers, ", "))
	row(t.Answered, fmt.Sprintf(t.AnsweredOf, s.Answered, s.Total))
	if a := s.Actions; a.Open+a.Done+a.AcceptedRisk > 0 {
		row(t.Actions, fmt.Sprintf(t.ActionsSummary, a.Open, a.Overdue, a.Done, a.AcceptedRisk))
	}

	fmt.Fprintf(b, "\n| %s | %s |\n|---|---:|\n", t.RiskCol, t.QuestionsCol)
	for _, r := range questions.Levels {
		fmt.Fprintf(b, "| %s | %d |\n", t.Levels[r], s.Counts.Of(r))
	}
	if !opts.Terminal {
		b.WriteString("\n```mermaid\npie showData\n    title " + t.PieTitle + "\n")
		for _, r := range questions.Levels {
			if n := s.Counts.Of(r); n > 0 {
				fmt.Fprintf(b, "    %q : %d\n", t.Levels[r], n)
			}
		}
		b.WriteString("```\n")
	}
	if s.Notes != "" {
		b.WriteString("\n" + quote(s.Notes) + "\n")
	}

	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		items := s.byRisk(r, opts.PillarOrder)
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n## %s\n", c.Risk.Heading[r])
		for _, q := range items {
			writeItem(b, q, c)
		}
	}
	var others []ActionItem
	var otherQs []Question
	for _, r := range []questions.Risk{questions.NoRisk, questions.NotApplicable, questions.Unanswered} {
		for _, q := range s.byRisk(r, opts.PillarOrder) {
			if len(q.Actions) > 0 {
				otherQs = append(otherQs, q)
				others = append(others, q.Actions...)
			}
		}
	}
	if len(others) > 0 {
		b.WriteString("\n## " + t.OtherActions + "\n")
		for _, q := range otherQs {
			fmt.Fprintf(b, "\n"+t.OtherItem+"\n\n", codeSpan(q.ID), inline(q.Title), t.Levels[q.Risk])
			writeTasks(b, q.Actions, c)
		}
	}
	if items := s.byRisk(questions.NotApplicable, opts.PillarOrder); len(items) > 0 && opts.Terminal {
		fmt.Fprintf(b, "\n## %s\n\n", t.NotApplicable)
		for _, q := range items {
			fmt.Fprintf(b, "- %s · %s: %s · %s: %s", withTitle(codeSpan(q.ID), q.Title), t.PillarCol, inline(q.pillar.Name), t.ReasonCol, inline(planReason(c, q.Reason)))
			if strings.TrimSpace(q.Notes) != "" {
				fmt.Fprintf(b, " · %s: %s", t.NotesCol, inline(q.Notes))
			}
			b.WriteString("\n")
		}
	} else if len(items) > 0 {
		fmt.Fprintf(b, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", t.NotApplicable, t.QuestionCol, t.PillarCol, t.ReasonCol, t.NotesCol)
		for _, q := range items {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", withTitle(cellCode(q.ID), q.Title), inline(q.pillar.Name), planReason(c, q.Reason), cell(q.Notes))
		}
	}
	for _, r := range []questions.Risk{questions.Unanswered, questions.NoRisk} {
		items := s.byRisk(r, opts.PillarOrder)
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n## %s\n\n", c.Risk.Heading[r])
		for _, q := range items {
			fmt.Fprintf(b, "- %s\n", withTitle(codeSpan(q.ID), q.Title))
		}
	}
	writeMeeting(b, s, t, opts.Terminal)
	if direct {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// planSize is about how long s's plan is: the text it may quote, with
// room for the words and marks around it. The plan is grown into a
// buffer this size at once, not doubled a dozen times on the way (a
// 100 KB plan copied 200 KB more, each copy into memory fresh to the
// process).
func planSize(s *Scored) int {
	n := 4 << 10
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			n += 64 + len(q.ID) + len(q.Title) + len(q.Notes)
			for _, a := range q.Actions {
				n += 64 + len(a.ID) + len(a.Title) + len(a.Owner) + len(a.Reason) + len(a.Link)
			}
			for _, c := range q.Selected {
				n += 16 + len(c.Title)
			}
			if q.Risk != questions.HighRisk && q.Risk != questions.MediumRisk {
				continue // no item of its own, nor practices to improve
			}
			for _, c := range q.Missing {
				n += 64 + len(c.Title) + len(c.ImprovementPlan) + len(c.URL)
				if r := c.HelpfulResource; r != nil {
					n += 16 + len(r.DisplayText) + len(r.URL)
				}
				for _, g := range c.AdditionalResources {
					for _, r := range g.Content {
						n += 16 + len(r.DisplayText) + len(r.URL)
					}
				}
			}
		}
	}
	return n + n/16 // escapes
}

// writeVotes says how the team voted on a question, when it did.
func writeVotes(b *bytes.Buffer, q Question, t *i18n.Plan) {
	if len(q.Votes) == 0 {
		return
	}
	if q.Contested {
		b.WriteString("\n" + t.Contested + "\n\n")
	} else {
		b.WriteString("\n" + t.Agreed + "\n\n")
	}
	for _, v := range q.Votes {
		ids := make([]string, len(v.Selected))
		for i, id := range v.Selected {
			ids[i] = codeSpan(id)
		}
		ticked := strings.Join(ids, ", ")
		if ticked == "" {
			ticked = t.Nothing
		}
		fmt.Fprintf(b, "- %s: %s\n", inline(v.By), ticked)
	}
}

// writeMeeting ends the plan of a live review: the contested questions and
// the time spent on each question (as a list for a terminal).
func writeMeeting(b *bytes.Buffer, s *Scored, t *i18n.Plan, terminal bool) {
	contested, timed := s.meeting()
	if len(contested) > 0 {
		b.WriteString("\n## " + t.ContestedHead + "\n\n")
		for _, q := range contested {
			fmt.Fprintf(b, "- %s (%s)\n", withTitle(codeSpan(q.ID), q.Title), t.Levels[q.Risk])
		}
	}
	if len(timed) > 0 && terminal {
		fmt.Fprintf(b, "\n## %s\n\n", t.TimeHead)
		for _, q := range timed {
			fmt.Fprintf(b, "- %s · %s: %s\n", withTitle(codeSpan(q.ID), q.Title), t.TimeCol, q.TimeSpent)
		}
	} else if len(timed) > 0 {
		fmt.Fprintf(b, "\n## %s\n\n| %s | %s |\n|---|---:|\n", t.TimeHead, t.QuestionCol, t.TimeCol)
		for _, q := range timed {
			fmt.Fprintf(b, "| %s | %s |\n", withTitle(cellCode(q.ID), q.Title), q.TimeSpent)
		}
	}
}

// writeItem is one HIGH or MEDIUM question of the plan.
func writeItem(b *bytes.Buffer, q Question, c *i18n.Catalog) {
	t := &c.Plan
	fmt.Fprintf(b, "\n### %s\n\n", withTitle(inline(q.ID), q.Title))
	fmt.Fprintf(b, t.ItemFacts, t.Levels[q.Risk], inline(q.pillar.Name))
	if q.AnsweredBy != "" {
		fmt.Fprintf(b, t.AnsweredBy, inline(q.AnsweredBy))
	}
	if q.TimeSpent != "" {
		fmt.Fprintf(b, t.TimeSpent, q.TimeSpent)
	}
	b.WriteString("\n")
	var inPlace []string
	for _, c := range q.Selected {
		if !strings.HasSuffix(c.ID, questions.NoneSuffix) {
			inPlace = append(inPlace, "- "+choiceName(c)+"\n")
		}
	}
	switch {
	case len(inPlace) > 0:
		b.WriteString("\n" + t.InPlace + "\n\n" + strings.Join(inPlace, ""))
	case len(q.Selected) > 0:
		b.WriteString("\n" + t.FollowsNone + "\n")
	}
	if len(q.Missing) > 0 {
		b.WriteString("\n" + t.WhatNext + "\n\n")
		for _, c := range q.Missing {
			b.WriteString("- **")
			b.WriteString(choiceName(c))
			b.WriteString("**")
			if c.ImprovementPlan != "" {
				b.WriteString(": ")
				b.WriteString(inline(c.ImprovementPlan))
			}
			if c.URL != "" {
				b.WriteString(" (")
				b.WriteString(link(t.Reference, c.URL))
				b.WriteByte(')')
			}
			b.WriteByte('\n')
			writeResources(b, c, t)
		}
	}
	if q.Notes != "" {
		b.WriteString("\n" + t.Notes + "\n\n" + quote(q.Notes) + "\n")
	}
	writeVotes(b, q, t)
	if len(q.Actions) > 0 {
		b.WriteString("\n" + t.ActionsHead + "\n\n")
		writeTasks(b, q.Actions, c)
	}
}

// writeTasks writes actions as a GitHub task list, ticked when closed.
func writeTasks(b *bytes.Buffer, as []ActionItem, c *i18n.Catalog) {
	t := &c.Plan
	for _, a := range as {
		box := "[ ]"
		if a.Status == review.StatusDone || a.Status == review.StatusAcceptedRisk {
			box = "[x]"
		}
		fmt.Fprintf(b, "- %s %s", box, withTitle("**"+inline(a.ID)+"**", a.Title))
		var facts []string
		if a.Owner != "" {
			facts = append(facts, fmt.Sprintf(t.TaskOwner, inline(a.Owner)))
		}
		if a.Due != "" {
			due := fmt.Sprintf(t.TaskDue, a.Due)
			if a.Overdue {
				due += " " + t.TaskOverdue
			}
			facts = append(facts, due)
		}
		facts = append(facts, inline(c.Status(a.Status)))
		if a.Status == review.StatusAcceptedRisk && a.Reason != "" {
			facts = append(facts, fmt.Sprintf(t.TaskReason, inline(a.Reason)))
		}
		if a.Link != "" {
			facts = append(facts, link(t.Ticket, a.Link))
		}
		fmt.Fprintf(b, " (%s)\n", strings.Join(facts, t.FactSep))
	}
}

// withTitle is an id as written for Markdown (a code span, bold) and the
// title after it, escaped (inline); the id alone when the title is empty,
// so no line or cell ends in a space ("### Q2 ") or holds two.
func withTitle(id, title string) string {
	if t := inline(title); t != "" {
		return id + " " + t
	}
	return id
}

// choiceName is a practice as the plan lists it: its title, or its id
// when it has none (an empty item, or "- ****", a rule, says nothing).
func choiceName(c Choice) string {
	if t := inline(c.Title); t != "" {
		return t
	}
	return codeSpan(c.ID)
}

// heading is an ATX heading line, format (its "#" marks and words) with
// args, without the trailing space an empty name would leave ("# Improvement
// plan: ").
func heading(format string, args ...any) string {
	return strings.TrimRight(fmt.Sprintf(format, args...), " ")
}

// planReason names a not-applicable reason in the plan's table.
func planReason(c *i18n.Catalog, r string) string {
	if n, ok := c.Reasons[r]; ok {
		return n
	}
	return reasonText(r)
}

func reasonText(r string) string {
	if r == "" {
		return "-"
	}
	return strings.ReplaceAll(strings.ToLower(r), "_", " ")
}

// mdSpecial are the characters escaped in text: enough that lens text and
// notes can never open a heading, table cell, link, emphasis, code span or
// HTML tag. An "&" is escaped only where it would start a character
// reference (escapeAmps).
const mdSpecial = "\\`*_[]<>|#~!"

// isMDSpecial reports whether c is one of mdSpecial.
func isMDSpecial(c byte) bool {
	if c < 64 {
		return mdSpecialLow>>(c&63)&1 != 0
	}
	return c < 128 && mdSpecialHigh>>(c&63)&1 != 0
}

// mdSpecialLow and mdSpecialHigh have bit c (c-64) set for the bytes of
// mdSpecial below 64 (64 to 127): one shift tells, where a chain of
// comparisons would take a dozen (TestPlainByte checks them against
// mdSpecial).
const (
	mdSpecialLow  uint64 = 1<<'!' | 1<<'#' | 1<<'*' | 1<<'<' | 1<<'>'
	mdSpecialHigh uint64 = 1<<('\\'-64) | 1<<('`'-64) | 1<<('_'-64) | 1<<('['-64) | 1<<(']'-64) | 1<<('|'-64) | 1<<('~'-64)
)

// inline escapes text for one line of Markdown: control characters are
// removed, newlines become spaces, and Markdown syntax is escaped. It is
// one pass over s, the same as textsafe.Clean, then joining
// strings.Fields with single spaces, then escaping each rune of mdSpecial
// and a list marker or setext underline ("-+=") at the start, an ordered
// list marker at the start (escapeOrderedStart), and an "&" that would
// read as a character reference (escapeAmps); text that needs none of it
// comes back as it is. Every caller may put the text at the start of a
// line or of a list item, so the start is always escaped.
func inline(s string) string {
	if inlinePlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := false // a run of white space is pending
	amp := false   // an "&" was written
	for i := 0; i < len(s); {
		if c := s[i]; plainByte(c) && (b.Len() > 0 || c != '-' && c != '+' && c != '=') {
			// Copy a run of words that need nothing at once.
			j := i + 1
			for j < len(s) && (plainByte(s[j]) || s[j] == ' ' && j+1 < len(s) && plainByte(s[j+1])) {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:]) // as ranging over s does
		}
		i += size
		r = textsafe.Rune(r)
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r < utf8.RuneSelf && (isMDSpecial(byte(r)) || b.Len() == 0 && (r == '-' || r == '+' || r == '=')) {
			b.WriteByte('\\')
		}
		amp = amp || r == '&'
		b.WriteRune(r)
	}
	out := escapeOrderedStart(b.String())
	if amp {
		return escapeAmps(out)
	}
	return out
}

// orderedMarkerEnd returns where the "." or ")" of an ordered list marker
// at the start of s stands (CommonMark's: 1 to 9 digits, then "." or ")",
// then a space, a tab or the end), or -1 when s does not start with one.
func orderedMarkerEnd(s string) int {
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 9 || i >= len(s) || s[i] != '.' && s[i] != ')' {
		return -1
	}
	if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
		return -1
	}
	return i
}

// escapeOrderedStart escapes the "." or ")" of an ordered list marker at
// the start of escaped text ("1\. First"), which would otherwise open a
// list (or a list nested in the item the text is written in) and lose
// its number.
func escapeOrderedStart(s string) string {
	if i := orderedMarkerEnd(s); i >= 0 {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// escapeAmps escapes each "&" of escaped Markdown text that CommonMark
// would read as the start of a character reference ("&amp;", "&#38;",
// "&#x26;"), so the text shows as written; any other "&" ("R&D",
// "?a=1&b=2") means itself and stays as it is, so a URL in a note stays
// one link on GitHub.
func escapeAmps(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '&' && referenceAhead(s[i+1:]) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// referenceAhead reports whether s, after an "&", reads as the rest of a
// character reference: a name or a number ("#", "#x") and a ";". It
// takes any run of letters and digits for a name, the entity names
// CommonMark knows and more.
func referenceAhead(s string) bool {
	j := 0
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	k := j
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	return j > k && j < len(s) && s[j] == ';'
}

// plainByte reports whether inline copies c as it is wherever it stands
// (but at the start of the text, where "-+=" are escaped): printable
// ASCII other than a space, "&" and mdSpecial.
func plainByte(c byte) bool {
	if c < 64 {
		return plainLow>>(c&63)&1 != 0
	}
	return c < 128 && plainHigh>>(c&63)&1 != 0
}

// plainLow and plainHigh have bit c (c-64) set for the bytes below 64
// (64 to 127) that plainByte accepts: printable ASCII but the space, "&"
// and mdSpecial.
const (
	plainLow  uint64 = (1<<64 - 1<<'!') &^ (1<<'&' | mdSpecialLow)
	plainHigh uint64 = (1<<('~'-64+1) - 1) &^ mdSpecialHigh
)

// inlinePlain reports whether inline would return s unchanged: a plain
// line (isPlainLine) without Markdown syntax, an "&" or a list marker
// (bullet or ordered) at the start.
func inlinePlain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || s[0] == '-' || s[0] == '+' || s[0] == '=' {
		return false
	}
	if s[0] <= '9' && s[0] >= '0' && orderedMarkerEnd(s) >= 0 {
		return false
	}
	if strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && !plainByte(c) {
			return false
		}
	}
	return true
}

// cell is inline text for a table cell, where an empty value reads "-".
func cell(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return inline(s)
}

// quote renders multi-line text as a block quote, each line escaped, so
// line breaks are kept.
func quote(s string) string {
	lines := strings.Split(strings.TrimRight(textsafe.Clean(s), "\n"), "\n")
	for i, l := range lines {
		l = inline(l) // an ordered list marker is escaped too
		if l == "" {
			lines[i] = ">"
			continue
		}
		lines[i] = "> " + l + "  " // two spaces: a hard line break
	}
	lines[len(lines)-1] = strings.TrimRight(lines[len(lines)-1], " ")
	return strings.Join(lines, "\n")
}

// escapeOrdered escapes the first "." or ")" of a numbered bullet's
// marker ("1." becomes "1\.").
func escapeOrdered(l string) string {
	i := strings.IndexAny(l, ".)")
	return l[:i] + "\\" + l[i:]
}

// codeSpan writes an id (of a lens, a question, a choice, an action) as
// one Markdown code span on one line that shows it literally, whatever it
// holds: control characters are replaced (textsafe.Clean), line breaks and
// tabs become spaces, so nothing can end the line and start a heading, a
// block of raw HTML or an image; the fence is one backtick longer than the
// longest run of backticks inside, padded with a space where the id starts
// or ends with a backtick or a space, so no backtick can close it early.
// Inside a table row, escape "|" as well (cellCode).
func codeSpan(s string) string {
	// Clean first: it turns every line break (CR, NEL, U+2028…) into a
	// newline, which only then becomes a space.
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, textsafe.Clean(s))
	if s == "" {
		return "` `"
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		s = " " + s + " " // CommonMark strips one space from each end
	}
	return fence + s + fence
}

// cellCode is codeSpan inside a GitHub table row, where even a "|" in a
// code span would end the cell.
func cellCode(s string) string { return strings.ReplaceAll(codeSpan(s), "|", "\\|") }

// link writes a link to an http(s) URL; anything else (javascript:, data:,
// file:, a relative path), from a lens or an old review file, is shown as
// code and never becomes a live link.
func link(text, u string) string {
	addr, ok := webAddress(u)
	if !ok {
		return text + " " + codeSpan(u)
	}
	return "[" + text + "](" + escapeURL(addr) + ")"
}

// webAddress is the one rule for which addresses become live links, in
// the Markdown plan and the HTML pages alike: u without the white space
// around it (a lens's "https://... " is still its address), when that is
// a web link as written (review.IsWebLink). It is decided before any
// cleaning, so an address holding a control character (a bidi override
// that hides a ".exe") is refused, not linked with the character
// replaced.
func webAddress(u string) (string, bool) {
	u = strings.TrimSpace(u)
	return u, review.IsWebLink(u)
}

// escapeURL percent-encodes what would end a Markdown link destination
// early (space, parentheses, angle brackets) and drops line breaks.
func escapeURL(u string) string {
	if !strings.ContainsAny(u, " ()<>\n") {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		switch c := u[i]; c {
		case ' ':
			b.WriteString("%20")
		case '(':
			b.WriteString("%28")
		case ')':
			b.WriteString("%29")
		case '<':
			b.WriteString("%3C")
		case '>':
			b.WriteString("%3E")
		case '\n':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
