package questions

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxConditionDepth bounds nesting of parentheses and '!' in a condition.
const MaxConditionDepth = 64

// Condition is a compiled risk-rule condition: a boolean expression over the
// choices of one question. Identifiers are resolved to choice positions when
// it is parsed, so evaluating it is a walk over a small array.
type Condition struct {
	always bool    // the condition "default"
	nodes  []cnode // postorder; the root is the last node
	idents []string
}

type cnode struct {
	op     byte  // 'c' choice, '!' not, '&' and, '|' or
	choice int   // for 'c'
	a, b   int32 // operand node indexes
}

// ConditionError is a condition that does not parse. Column is 1-based, in
// characters of the condition text.
type ConditionError struct {
	Column int
	Msg    string
}

func (e *ConditionError) Error() string { return fmt.Sprintf("column %d: %s", e.Column, e.Msg) }

// ChoiceSet is the set of ticked choices of one question, by position.
type ChoiceSet []uint64

// NewChoiceSet returns an empty set for n choices.
func NewChoiceSet(n int) ChoiceSet { return make(ChoiceSet, (n+63)/64) }

// Has reports whether choice i is ticked.
func (s ChoiceSet) Has(i int) bool { return i/64 < len(s) && s[i/64]&(1<<(uint(i)%64)) != 0 }

// Add ticks choice i.
func (s ChoiceSet) Add(i int) { s[i/64] |= 1 << (uint(i) % 64) }

// Clear unticks every choice.
func (s ChoiceSet) Clear() {
	for i := range s {
		s[i] = 0
	}
}

// Empty reports whether no choice is ticked.
func (s ChoiceSet) Empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// IsDefault reports whether the condition is "default" (always true).
func (c *Condition) IsDefault() bool { return c.always }

// Size is the number of operations in the condition, a measure of the cost
// of evaluating it.
func (c *Condition) Size() int { return len(c.nodes) + 1 }

// Identifiers lists the choice ids the condition names, in order of first use.
func (c *Condition) Identifiers() []string { return c.idents }

// Eval reports whether the condition holds for the ticked choices.
func (c *Condition) Eval(set ChoiceSet) bool {
	if c.always {
		return true
	}
	return c.eval(int32(len(c.nodes)-1), set)
}

func (c *Condition) eval(i int32, set ChoiceSet) bool {
	n := &c.nodes[i]
	switch n.op {
	case 'c':
		return set.Has(n.choice)
	case '!':
		return !c.eval(n.a, set)
	case '&':
		return c.eval(n.a, set) && c.eval(n.b, set)
	default:
		return c.eval(n.a, set) || c.eval(n.b, set)
	}
}

// ParseCondition compiles a condition. lookup resolves a choice id to its
// position in the question; an id it does not know is an error. The grammar:
//
//	condition = "default" | or
//	or        = and { "||" and }
//	and       = unary { "&&" unary }
//	unary     = "!" unary | "(" or ")" | choice-id
func ParseCondition(text string, lookup func(id string) (int, bool)) (*Condition, error) {
	if strings.TrimSpace(text) == "default" {
		return &Condition{always: true}, nil
	}
	// Room for every node and identifier, counted from the operators, so
	// that the slices of a rule as people write them are allocated once
	// (and no more than that ahead of the parse, whatever the text holds).
	ops := min(strings.Count(text, "&&")+strings.Count(text, "||")+strings.Count(text, "!"), 32)
	c := &Condition{nodes: make([]cnode, 0, 2*ops+1), idents: make([]string, 0, ops+1)}
	p := &condParser{text: text, lookup: lookup, c: c}
	p.next()
	if p.tok.kind == tokEnd {
		return nil, &ConditionError{Column: 1, Msg: "the condition is empty (write a choice id, or default)"}
	}
	if _, err := p.or(0); err != nil {
		return nil, err
	}
	if p.tok.kind != tokEnd {
		if err := p.singleOperator(); err != nil {
			return nil, err
		}
		return nil, p.errorf("expected '&&', '||' or the end of the condition, found %s", p.tok)
	}
	return p.c, nil
}

type tokKind int

const (
	tokEnd tokKind = iota
	tokIdent
	tokAnd
	tokOr
	tokNot
	tokOpen
	tokClose
	tokBad
)

type token struct {
	kind tokKind
	text string
	col  int // 1-based, in characters
}

func (t token) String() string {
	switch t.kind {
	case tokEnd:
		return "the end of the condition"
	case tokIdent:
		return fmt.Sprintf("%q", t.text)
	}
	return "'" + t.text + "'"
}

type condParser struct {
	text   string
	off    int
	col    int // characters consumed before off
	tok    token
	lookup func(string) (int, bool)
	c      *Condition
}

func (p *condParser) errorf(format string, args ...any) error {
	return &ConditionError{Column: p.tok.col, Msg: fmt.Sprintf(format, args...)}
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (p *condParser) advance(n int) {
	p.col += utf8.RuneCountInString(p.text[p.off : p.off+n])
	p.off += n
}

// next reads the following token into p.tok.
func (p *condParser) next() {
	for p.off < len(p.text) {
		r, size := utf8.DecodeRuneInString(p.text[p.off:])
		if !unicode.IsSpace(r) {
			break
		}
		p.advance(size)
	}
	t := token{col: p.col + 1}
	if p.off >= len(p.text) {
		p.tok = t
		return
	}
	rest := p.text[p.off:]
	switch {
	case strings.HasPrefix(rest, "&&"):
		t.kind, t.text = tokAnd, "&&"
	case strings.HasPrefix(rest, "||"):
		t.kind, t.text = tokOr, "||"
	case rest[0] == '!':
		t.kind, t.text = tokNot, "!"
	case rest[0] == '(':
		t.kind, t.text = tokOpen, "("
	case rest[0] == ')':
		t.kind, t.text = tokClose, ")"
	default:
		end := 0
		for end < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[end:])
			if !isIdentRune(r) {
				break
			}
			end += size
		}
		if end == 0 {
			_, size := utf8.DecodeRuneInString(rest)
			end = size
			t.kind = tokBad
		} else {
			t.kind = tokIdent
		}
		t.text = rest[:end]
	}
	p.advance(len(t.text))
	p.tok = t
}

func (p *condParser) add(n cnode) int32 {
	p.c.nodes = append(p.c.nodes, n)
	return int32(len(p.c.nodes) - 1)
}

func (p *condParser) or(depth int) (int32, error) {
	left, err := p.and(depth)
	if err != nil {
		return 0, err
	}
	for p.tok.kind == tokOr {
		p.next()
		right, err := p.and(depth)
		if err != nil {
			return 0, err
		}
		left = p.add(cnode{op: '|', a: left, b: right})
	}
	return left, nil
}

func (p *condParser) and(depth int) (int32, error) {
	left, err := p.unary(depth)
	if err != nil {
		return 0, err
	}
	for p.tok.kind == tokAnd {
		p.next()
		right, err := p.unary(depth)
		if err != nil {
			return 0, err
		}
		left = p.add(cnode{op: '&', a: left, b: right})
	}
	return left, nil
}

func (p *condParser) unary(depth int) (int32, error) {
	if depth > MaxConditionDepth {
		return 0, p.errorf("the condition nests deeper than %d levels", MaxConditionDepth)
	}
	switch p.tok.kind {
	case tokNot:
		p.next()
		x, err := p.unary(depth + 1)
		if err != nil {
			return 0, err
		}
		return p.add(cnode{op: '!', a: x}), nil
	case tokOpen:
		open := p.tok
		p.next()
		x, err := p.or(depth + 1)
		if err != nil {
			return 0, err
		}
		if p.tok.kind != tokClose {
			return 0, p.errorf("expected ')' to close the '(' at column %d, found %s", open.col, p.tok)
		}
		p.next()
		return x, nil
	case tokIdent:
		id := p.tok.text
		if id == "default" {
			return 0, p.errorf("default must stand alone as the whole condition")
		}
		i, ok := p.lookup(id)
		if !ok {
			return 0, p.errorf("no choice %q in this question", id)
		}
		p.noteIdent(id)
		p.next()
		return p.add(cnode{op: 'c', choice: i}), nil
	case tokBad:
		if err := p.singleOperator(); err != nil {
			return 0, err
		}
	}
	return 0, p.errorf("expected a choice id, '!' or '(', found %s", p.tok)
}

// singleOperator explains a lone '&' or '|', a common slip.
func (p *condParser) singleOperator() error {
	if p.tok.kind == tokBad && (p.tok.text == "&" || p.tok.text == "|") {
		return p.errorf("unexpected '%s': write '%s%s'", p.tok.text, p.tok.text, p.tok.text)
	}
	return nil
}

func (p *condParser) noteIdent(id string) {
	for _, s := range p.c.idents {
		if s == id {
			return
		}
	}
	p.c.idents = append(p.c.idents, id)
}
