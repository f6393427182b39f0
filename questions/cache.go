package questions

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"unicode/utf8"
	"unsafe"
)

// Cache keeps parsed lenses between runs (Options.Cache), so that a
// command run again on the same lens file decodes it in a fraction of the
// time a parse takes. Get returns what Put stored under a key, if it has
// it. The key covers everything Parse depends on (the file name, its
// bytes, the options and this encoding's version); the code that parsed
// is the cache's to tell apart (a build of wafr must not read what
// another build stored). What Get returns is never trusted: an entry that
// does not decode into a lens, however it was damaged, is parsed afresh
// and stored again.
//
// Stamp lets a run that finds its lens in the cache skip reading it: it
// names the file at path, of which st is the information (from a stat of
// the path, or of the file opened there), as it is now (on Unix: its device, inode, size,
// modification and change times) when nothing can have changed the file
// since without changing the stamp, and reports false otherwise (a file
// changed in the last seconds, whose times may not have ticked yet). A
// stamp maps to the content key of the bytes read under it.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte)
	Stamp(path string, st fs.FileInfo) (string, bool)
}

// cacheFormat is the version of the encoding below; a change to it must
// change this, so that entries of the old shape are not even tried.
const cacheFormat = 1

// cacheKey names the parse of data (read from the file called name) with
// opts.
func cacheKey(name string, data []byte, opts Options) string {
	h := sha256.New()
	var head []byte
	head = binary.AppendUvarint(head, cacheFormat)
	head = append(head, boolByte(opts.AWS), boolByte(opts.Lint))
	head = binary.AppendUvarint(head, uint64(len(name)))
	h.Write(head)
	h.Write([]byte(name))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// stampKey names the parse of the file called name as Stamp found it.
func stampKey(name, stamp string, opts Options) string {
	return cacheKey(name, []byte("stamp\x00"+stamp), opts)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// encodeLens writes a lens as Parse returned it, every field that Parse
// sets, for decodeLens. Lengths are written one more than they are, so
// that 0 can stand for a nil slice and the decoded lens is the same down
// to that (TestCacheRoundTrip compares them with reflect.DeepEqual).
func encodeLens(l *Lens) []byte {
	e := &lensEncoder{}
	e.strs(l.SchemaVersion, l.Name, l.Description, l.ID, l.Version, l.Language, l.Digest, l.file)
	e.bools(l.linted, l.idFromFile)
	e.str(l.Source)
	e.count(len(l.Warnings), l.Warnings == nil)
	for _, p := range l.Warnings {
		e.strs(p.File, p.Where, p.Msg)
		e.ints(p.Line, p.Column, int(p.Severity))
	}
	e.count(len(l.Pillars), l.Pillars == nil)
	for _, p := range l.Pillars {
		e.strs(p.ID, p.Name)
		e.pos(p.pos)
		e.count(len(p.Questions), p.Questions == nil)
		for _, q := range p.Questions {
			e.question(q)
		}
	}
	return e.b
}

type lensEncoder struct{ b []byte }

func (e *lensEncoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }

func (e *lensEncoder) ints(vs ...int) {
	for _, v := range vs {
		e.b = binary.AppendVarint(e.b, int64(v))
	}
}

func (e *lensEncoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *lensEncoder) strs(ss ...string) {
	for _, s := range ss {
		e.str(s)
	}
}

func (e *lensEncoder) bools(bs ...bool) {
	for _, b := range bs {
		e.b = append(e.b, boolByte(b))
	}
}

func (e *lensEncoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *lensEncoder) pos(p Pos) { e.ints(p.Line, p.Column) }

func (e *lensEncoder) resource(r *Resource) {
	e.bools(r != nil)
	if r != nil {
		e.strs(r.DisplayText, r.URL)
	}
}

func (e *lensEncoder) question(q *Question) {
	e.strs(q.ID, q.Title, q.Description)
	e.resource(q.HelpfulResource)
	e.pos(q.pos)
	e.bools(q.rulesBroken)
	e.count(len(q.Choices), q.Choices == nil)
	for _, c := range q.Choices {
		e.strs(c.ID, c.Title)
		e.resource(c.HelpfulResource)
		e.resource(c.ImprovementPlan)
		e.pos(c.pos)
		e.count(len(c.AdditionalResources), c.AdditionalResources == nil)
		for _, a := range c.AdditionalResources {
			e.str(a.Type)
			e.count(len(a.Content), a.Content == nil)
			for _, r := range a.Content {
				e.strs(r.DisplayText, r.URL)
			}
		}
	}
	// A rule's compiled condition is not written: decoding compiles the
	// text again, so that a condition always comes from ParseCondition.
	e.count(len(q.RiskRules), q.RiskRules == nil)
	for _, r := range q.RiskRules {
		e.str(r.Condition)
		e.ints(int(r.Risk))
		e.pos(r.pos)
	}
}

// decodeLens reads what encodeLens wrote, or reports false for anything
// else. An entry is read as if anyone could have written it: every length
// is checked against what is left, a slice grows only as its elements are
// read (so no length claimed makes it allocate ahead of the bytes), every
// condition is compiled again, and the lens must pass the checks Parse
// makes (loadable) before it is used.
//
// The lens's strings share data's memory (it is a cache entry read for
// this decoding alone), so data must not change afterwards.
func decodeLens(data []byte) (*Lens, bool) {
	d := &lensDecoder{b: data, s: unsafe.String(unsafe.SliceData(data), len(data))}
	l := &Lens{}
	l.SchemaVersion, l.Name, l.Description, l.ID = d.str(), d.str(), d.str(), d.str()
	l.Version, l.Language, l.Digest, l.file = d.str(), d.str(), d.str(), d.str()
	l.linted, l.idFromFile = d.bool(), d.bool()
	l.Source = d.str()
	l.Warnings = list(d, func() Problem {
		p := Problem{File: d.str(), Where: d.str(), Msg: d.str()}
		p.Line, p.Column = d.int(), d.int()
		p.Severity = Severity(d.intIn(int(Warning), int(Warning))) // a lens with errors is never stored
		return p
	})
	l.Pillars = list(d, func() *Pillar {
		p := &Pillar{ID: d.str(), Name: d.str(), pos: d.pos()}
		p.Questions = list(d, d.question)
		return p
	})
	if d.bad || d.i != len(d.b) || !loadable(l) {
		return nil, false
	}
	return l, true
}

// list reads a slice written by count and its elements, stopping at the
// first damage. Its capacity is what was claimed only up to a few dozen:
// larger slices grow as they are read.
func list[T any](d *lensDecoder, item func() T) []T {
	n, isNil := d.count()
	if isNil {
		return nil
	}
	out := make([]T, 0, min(n, 64))
	for range n {
		v := item()
		if d.bad {
			break
		}
		out = append(out, v)
	}
	return out
}

// loadable checks what Parse guarantees of a lens that loads and decoding
// alone does not, the checks Parse makes errors of: pillars, ids present
// and unique where validate requires it, choices in every question, http(s)
// links and known resource types. (Rules are checked as they are decoded:
// a risk out of range or a condition that does not compile is damage.)
func loadable(l *Lens) bool {
	if len(l.Pillars) == 0 {
		return false
	}
	pillars := map[string]bool{}
	for _, p := range l.Pillars {
		if p.ID == "" || pillars[p.ID] {
			return false
		}
		pillars[p.ID] = true
		questions := map[string]bool{}
		for _, q := range p.Questions {
			if q.ID == "" || questions[q.ID] || len(q.Choices) == 0 || !webURL(q.HelpfulResource) {
				return false
			}
			questions[q.ID] = true
			if !loadableChoices(q) {
				return false
			}
		}
	}
	return true
}

func loadableChoices(q *Question) bool {
	for i, c := range q.Choices {
		if c.ID == "" || q.choices[c.ID] != i || !webURL(c.HelpfulResource) || !webURL(c.ImprovementPlan) {
			return false // no id, or an id seen before (the index holds the first)
		}
		for _, a := range c.AdditionalResources {
			if a.Type != "HELPFUL_RESOURCE" && a.Type != "IMPROVEMENT_PLAN" {
				return false
			}
			for k := range a.Content {
				if !webURL(&a.Content[k]) {
					return false
				}
			}
		}
	}
	return true
}

// webURL reports whether a resource's link is empty or http(s), as the
// decoder requires.
func webURL(r *Resource) bool { return r == nil || r.URL == "" || isHTTPLink(r.URL) }

type lensDecoder struct {
	b   []byte
	s   string // b as a string, for substrings
	i   int
	bad bool
	// Resources, choices and questions are allocated a block at a time:
	// a lens has hundreds of each.
	resources []Resource
	choices   []Choice
	questions []Question
}

// slab hands out the next element of *block, allocating a new block of
// blockSize when it is used up.
func slab[T any](block *[]T) *T {
	const blockSize = 64
	if len(*block) == 0 {
		*block = make([]T, blockSize)
	}
	v := &(*block)[0]
	*block = (*block)[1:]
	return v
}

func (d *lensDecoder) uint() uint64 {
	if d.bad {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.i:])
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.i += n
	return v
}

func (d *lensDecoder) int() int {
	if d.bad {
		return 0
	}
	v, n := binary.Varint(d.b[d.i:])
	if n <= 0 || int64(int(v)) != v {
		d.bad = true
		return 0
	}
	d.i += n
	return int(v)
}

// intIn reads an int that must lie in [lo, hi].
func (d *lensDecoder) intIn(lo, hi int) int {
	v := d.int()
	if v < lo || v > hi {
		d.bad = true
		return lo
	}
	return v
}

// str reads a string, which must be UTF-8 as every string of a lens is.
func (d *lensDecoder) str() string {
	n := d.uint()
	if d.bad || n > uint64(len(d.b)-d.i) {
		d.bad = true
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	if !utf8.ValidString(s) {
		d.bad = true
		return ""
	}
	d.i += int(n)
	return s
}

func (d *lensDecoder) bool() bool {
	if d.bad || d.i >= len(d.b) || d.b[d.i] > 1 {
		d.bad = true
		return false
	}
	d.i++
	return d.b[d.i-1] == 1
}

// count reads a slice length. Every element takes at least one byte, so a
// length beyond the bytes left is damage.
func (d *lensDecoder) count() (n int, isNil bool) {
	v := d.uint()
	if d.bad || v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(d.b)-d.i) {
		d.bad = true
		return 0, true
	}
	return int(v - 1), false
}

func (d *lensDecoder) pos() Pos { return Pos{d.int(), d.int()} }

func (d *lensDecoder) resource() *Resource {
	if !d.bool() {
		return nil
	}
	r := slab(&d.resources)
	r.DisplayText, r.URL = d.str(), d.str()
	return r
}

func (d *lensDecoder) question() *Question {
	q := slab(&d.questions)
	q.ID, q.Title, q.Description = d.str(), d.str(), d.str()
	q.HelpfulResource = d.resource()
	q.pos = d.pos()
	q.rulesBroken = d.bool()
	q.Choices = list(d, func() *Choice {
		c := slab(&d.choices)
		c.ID, c.Title = d.str(), d.str()
		c.HelpfulResource, c.ImprovementPlan = d.resource(), d.resource()
		c.pos = d.pos()
		c.AdditionalResources = list(d, func() AdditionalResource {
			a := AdditionalResource{Type: d.str()}
			a.Content = list(d, func() Resource { return Resource{DisplayText: d.str(), URL: d.str()} })
			return a
		})
		return c
	})
	q.indexChoices()
	q.RiskRules = list(d, func() *Rule {
		r := &Rule{Condition: d.str(), Risk: Risk(d.intIn(int(NoRisk), int(HighRisk))), pos: d.pos()}
		if !d.bad {
			c, err := ParseCondition(r.Condition, q.ChoiceIndex)
			if err != nil {
				d.bad = true
			}
			r.Compiled = c
		}
		return r
	})
	return q
}
