// Package plaintext reads the structure of plain lens text (the displayText
// of helpful resources and improvement plans, which the AWS format does not
// define as Markdown): paragraphs, and bullet items with their nesting.
// Line breaks inside a paragraph or an item are the file's, not the
// author's: they are joined, with a space between words and with nothing
// between two Japanese (or other wide) characters, so that every renderer
// can wrap the text to its own width.
package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Block is a paragraph or a bullet item.
type Block struct {
	// Text is the block's text on one line (line breaks joined).
	Text string
	// Bullet marks a bullet item; Marker is its marker as written ("-",
	// "*", "•", "・", "1.", "2)") and Level its nesting, 0 outermost.
	Bullet bool
	Marker string
	Level  int
}

// Numbered reports whether the item's marker is a number ("1.", "2)").
func (b Block) Numbered() bool {
	return b.Bullet && b.Marker != "" && b.Marker[0] >= '0' && b.Marker[0] <= '9'
}

// Parse splits text into blocks. A blank line ends a block; a line that
// starts with a bullet marker starts an item, nested by its indentation;
// other lines continue the block above, except that an unindented line
// after an item whose text ends a sentence starts a paragraph.
func Parse(s string) []Block {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var blocks []Block
	var indents []int // the indentation of each open level of bullets
	open := false
	for _, line := range strings.Split(s, "\n") {
		text := strings.TrimSpace(line)
		if text == "" {
			open = false
			continue
		}
		indent := indentOf(line)
		if marker, rest, ok := bullet(text); ok {
			for len(indents) > 0 && indents[len(indents)-1] > indent {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < indent {
				indents = append(indents, indent)
			}
			blocks = append(blocks, Block{Text: rest, Bullet: true, Marker: marker, Level: len(indents) - 1})
			open = true
			continue
		}
		if open {
			last := &blocks[len(blocks)-1]
			if !(last.Bullet && indent == 0 && endsSentence(last.Text)) {
				last.Text = JoinLines(last.Text, text)
				continue
			}
		}
		if indent == 0 {
			indents = nil
		}
		blocks = append(blocks, Block{Text: text})
		open = true
	}
	return blocks
}

// indentOf is the width of a line's leading white space (a tab is four).
func indentOf(line string) int {
	n := 0
	for _, r := range line {
		switch r {
		case ' ', '\u3000':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// bullet splits a bullet marker off a line.
func bullet(text string) (marker, rest string, ok bool) {
	r, size := utf8.DecodeRuneInString(text)
	switch r {
	case '-', '*', '+', '•', '◦', '‣', '▪', '–':
		if rest, ok := afterSpace(text[size:]); ok {
			return string(r), rest, true
		}
		return "", "", false
	case '・': // Japanese writers put no space after it
		rest := strings.TrimSpace(text[size:])
		return "・", rest, rest != ""
	}
	i := 0
	for i < len(text) && i < 3 && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	if i > 0 && i < len(text) && (text[i] == '.' || text[i] == ')') {
		if rest, ok := afterSpace(text[i+1:]); ok {
			return text[:i+1], rest, true
		}
	}
	return "", "", false
}

// afterSpace is s without the white space that must start it.
func afterSpace(s string) (string, bool) {
	rest := strings.TrimLeft(s, " \t")
	return rest, rest != "" && len(rest) < len(s)
}

// endsSentence reports whether text ends with a full stop, a colon or
// the like, in either script.
func endsSentence(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, ")）」』\"'"))
	return strings.ContainsRune(".!?:;。！？：；", r)
}

// JoinLines joins two lines of one paragraph: with a space, or with
// nothing between two wide characters (Japanese has no spaces between
// words, and a line break there is not one).
func JoinLines(a, b string) string {
	a, b = strings.TrimRight(a, " \t"), strings.TrimLeft(b, " \t")
	if a == "" || b == "" {
		return a + b
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if Wide(last) && Wide(first) {
		return a + b
	}
	return a + " " + b
}

// Wide reports whether r takes two columns (CJK ideographs, kana,
// full-width forms): text in those scripts breaks between characters.
func Wide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
		return true
	}
	return ansi.StringWidth(string(r)) == 2
}

// Japanese line breaking (kinsoku), shared by every renderer that wraps
// lens text: NoLineStart are the characters that may not start a line
// (closing brackets, punctuation, small kana, prolonged sound marks),
// NoLineEnd those that may not end one (opening brackets).
const (
	NoLineStart = ")]}>,.:;!?%、。，．・：；？！‼⁇⁈⁉）〕］｝〉》」』】〙〗〟’”｠»｡｣､･" +
		"ーｰ‐゠–〜～…‥ゝゞヽヾ々〻" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
	NoLineEnd = "([{<（〔［｛〈《「『【〘〖〝‘“｟«｢"
)
