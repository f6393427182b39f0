package questions

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"unicode/utf8"
)

// The digest identifies what a lens says, not how its file is written: it
// hashes a canonical encoding of the lens model (the schema version, name
// and description, the wafr fields id, version and language as the file
// states them, and every pillar, question, choice, resource and rule, in
// order). Formatting, comments, key order, YAML or JSON, escapes, "_" fields
// and the file name do not count, so converting a lens between YAML and
// JSON keeps its digest, and so does renaming the file. An id that wafr
// derives from the file name is not part of the lens and not hashed.
//
// The canonical encoding is, byte for byte, what encoding/json's Marshal
// writes for the Lens type (compact, HTML characters escaped), which is how
// the digest was first defined; writing it directly into the hash keeps
// every digest a review has recorded and costs no buffer or reflection.
// TestCanonicalIsJSONMarshal holds the two together.
func digest(l *Lens) string {
	h := sha256.New()
	writeCanonical(h, l)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// writeCanonical writes the canonical encoding of l to w.
func writeCanonical(w io.Writer, l *Lens) {
	c := canonWriter{w: w, buf: make([]byte, 0, canonBufSize)}
	c.lens(l)
	c.flush()
}

const canonBufSize = 4096

// canonWriter appends to a small buffer and hands it to w when full; writes
// to a hash never fail.
type canonWriter struct {
	w   io.Writer
	buf []byte
}

func (c *canonWriter) flush() {
	if len(c.buf) > 0 {
		c.w.Write(c.buf)
		c.buf = c.buf[:0]
	}
}

func (c *canonWriter) raw(s string) {
	if len(c.buf)+len(s) <= canonBufSize {
		c.buf = append(c.buf, s...) // the common case, kept small to inline
		return
	}
	c.rawSpill(s)
}

// rawSpill is raw of text that does not fit in what is left of the buffer.
func (c *canonWriter) rawSpill(s string) {
	for len(c.buf)+len(s) > canonBufSize {
		n := canonBufSize - len(c.buf)
		c.buf = append(c.buf, s[:n]...)
		c.flush()
		s = s[n:]
	}
	c.buf = append(c.buf, s...)
}

func (c *canonWriter) rawByte(b byte) {
	if len(c.buf) == canonBufSize {
		c.flush()
	}
	c.buf = append(c.buf, b)
}

// field writes `,"name":"value"` (without the comma when first).
func (c *canonWriter) field(first bool, name, value string) {
	if !first {
		c.raw(",")
	}
	c.raw(`"`)
	c.raw(name)
	c.raw(`":`)
	c.str(value)
}

// optField writes the field only when value is not empty (omitempty).
func (c *canonWriter) optField(name, value string) {
	if value != "" {
		c.field(false, name, value)
	}
}

const hexDigits = "0123456789abcdef"

// plainASCII[b] is '1' for the ASCII bytes a JSON string holds as they are:
// printable, and neither '"', '\\' nor one of the HTML characters < > &.
const plainASCII = "0000000000000000000000000000000011011101111111111111111111110101" +
	"1111111111111111111111111111011111111111111111111111111111111111"

// plainValid and plainInvalid extend plainASCII to every byte: in valid
// UTF-8 every byte beyond ASCII is written as it is but 0xE2, which starts
// U+2028 and U+2029; in other text none is, without a closer look.
const (
	plainValid = plainASCII + "1111111111111111111111111111111111111111111111111111111111111111" +
		"1111111111111111111111111111111111011111111111111111111111111111"
	plainInvalid = plainASCII + "0000000000000000000000000000000000000000000000000000000000000000" +
		"0000000000000000000000000000000000000000000000000000000000000000"
)

// str writes s as a JSON string the way encoding/json does with HTML
// escaping on: the short escapes \" \\ \b \f \n \r \t, \u00XX for other
// control bytes and for < > &, \u2028 and \u2029 escaped, and each byte
// that is not valid UTF-8 replaced by \ufffd.
func (c *canonWriter) str(s string) {
	c.raw(`"`)
	plain := 0 // start of the run of bytes written as they are
	// In valid UTF-8 (all text a lens holds) the only characters beyond
	// ASCII to escape are U+2028 and U+2029, E2 80 A8 and E2 80 A9.
	asIs := plainInvalid
	if utf8.ValidString(s) {
		asIs = plainValid
	}
	for i := 0; i < len(s); {
		b := s[i]
		if asIs[b] == '1' {
			i++
			continue
		}
		var esc string
		size := 1
		switch {
		case b == '"':
			esc = `\"`
		case b == '\\':
			esc = `\\`
		case b == '\b':
			esc = `\b`
		case b == '\f':
			esc = `\f`
		case b == '\n':
			esc = `\n`
		case b == '\r':
			esc = `\r`
		case b == '\t':
			esc = `\t`
		case b < 0x20 || b == '<' || b == '>' || b == '&':
			c.raw(s[plain:i])
			c.raw(`\u00`)
			c.rawByte(hexDigits[b>>4])
			c.rawByte(hexDigits[b&0xf])
			plain = i + 1
		case b >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			switch {
			case r == utf8.RuneError && n == 1:
				esc = `\ufffd`
			case r == '\u2028':
				esc = `\u2028`
			case r == '\u2029':
				esc = `\u2029`
			}
		}
		if esc != "" {
			c.raw(s[plain:i])
			c.raw(esc)
			plain = i + size
		}
		i += size
	}
	c.raw(s[plain:])
	c.raw(`"`)
}

// list writes a JSON array of n items, or null for a nil slice (n < 0).
func (c *canonWriter) list(n int, item func(i int)) {
	if n < 0 {
		c.raw("null")
		return
	}
	c.raw("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			c.raw(",")
		}
		item(i)
	}
	c.raw("]")
}

// length is len for a slice, -1 for a nil one (which JSON writes as null).
func length[T any](s []T) int {
	if s == nil {
		return -1
	}
	return len(s)
}

func (c *canonWriter) lens(l *Lens) {
	c.raw("{")
	c.field(true, "schemaVersion", l.SchemaVersion)
	c.field(false, "name", l.Name)
	c.optField("description", l.Description)
	c.optField("id", l.ID)
	c.optField("version", l.Version)
	c.optField("language", l.Language)
	c.raw(`,"pillars":`)
	c.list(length(l.Pillars), func(i int) { c.pillar(l.Pillars[i]) })
	c.raw("}")
}

func (c *canonWriter) pillar(p *Pillar) {
	if p == nil {
		c.raw("null")
		return
	}
	c.raw("{")
	c.field(true, "id", p.ID)
	c.field(false, "name", p.Name)
	c.raw(`,"questions":`)
	c.list(length(p.Questions), func(i int) { c.question(p.Questions[i]) })
	c.raw("}")
}

func (c *canonWriter) question(q *Question) {
	if q == nil {
		c.raw("null")
		return
	}
	c.raw("{")
	c.field(true, "id", q.ID)
	c.field(false, "title", q.Title)
	c.optField("description", q.Description)
	c.optResource("helpfulResource", q.HelpfulResource)
	c.raw(`,"choices":`)
	c.list(length(q.Choices), func(i int) { c.choice(q.Choices[i]) })
	c.raw(`,"riskRules":`)
	c.list(length(q.RiskRules), func(i int) { c.rule(q.RiskRules[i]) })
	c.raw("}")
}

func (c *canonWriter) choice(ch *Choice) {
	if ch == nil {
		c.raw("null")
		return
	}
	c.raw("{")
	c.field(true, "id", ch.ID)
	c.field(false, "title", ch.Title)
	c.optResource("helpfulResource", ch.HelpfulResource)
	c.optResource("improvementPlan", ch.ImprovementPlan)
	if len(ch.AdditionalResources) > 0 {
		c.raw(`,"additionalResources":`)
		c.list(len(ch.AdditionalResources), func(i int) { c.additional(&ch.AdditionalResources[i]) })
	}
	c.raw("}")
}

func (c *canonWriter) optResource(name string, r *Resource) {
	if r != nil {
		c.raw(`,"` + name + `":`)
		c.resource(r)
	}
}

func (c *canonWriter) resource(r *Resource) {
	c.raw("{")
	first := true
	for _, f := range [...]struct{ name, value string }{{"displayText", r.DisplayText}, {"url", r.URL}} {
		if f.value != "" {
			c.field(first, f.name, f.value)
			first = false
		}
	}
	c.raw("}")
}

func (c *canonWriter) additional(a *AdditionalResource) {
	c.raw("{")
	c.field(true, "type", a.Type)
	c.raw(`,"content":`)
	c.list(length(a.Content), func(i int) { c.resource(&a.Content[i]) })
	c.raw("}")
}

func (c *canonWriter) rule(r *Rule) {
	if r == nil {
		c.raw("null")
		return
	}
	c.raw("{")
	c.field(true, "condition", r.Condition)
	c.field(false, "risk", r.Risk.RuleName())
	c.raw("}")
}
