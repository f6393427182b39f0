package review

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// ErrNotReview is wrapped by the LoadError of a file that is not a review
// file at all: a lens, a Markdown page, some other YAML or JSON.
var ErrNotReview = errors.New("not a wafr review file")

// isReviewKey reports whether k is a top-level field of a review file: a
// mapping with one of them (or "wafr") is a review, perhaps one that lost
// its "wafr: 1" line, and the decoder says so; a mapping with none of them
// is something else.
func isReviewKey(k string) bool {
	switch k {
	case "wafr", "workload", "lens", "answers", "milestones", "actions", "updatedAt":
		return true
	}
	return false
}

// isLensKey reports whether k is a top-level field that only a lens has
// (AWS custom-lens JSON or a wafr YAML lens).
func isLensKey(k string) bool { return k == "schemaVersion" || k == "pillars" }

// The patterns below run only on files that fail to load, so they are
// compiled there and then, not at start-up.

// wafrKeyText finds a top-level "wafr:" key in text that does not parse.
func wafrKeyText() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(wafr|"wafr"|'wafr')[ \t]*:|"wafr"[ \t]*:`)
}

// lensKeyText finds a lens's top-level keys in text that does not parse
// (yaml.v3 refuses valid JSON with "\/" escapes, and AWS lenses have them).
func lensKeyText() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(schemaVersion|pillars)[ \t]*:|"(schemaVersion|pillars)"[ \t]*:`)
}

// markdownHeading is an ATX heading ("# Title"), which YAML reads as a comment.
func markdownHeading() *regexp.Regexp { return regexp.MustCompile(`(?m)^#{1,6} \S`) }

// notReview returns the error for a parsed file that is not a review file
// (a lens, or something else), or nil when it may be one: a mapping with
// "wafr" or any review field is left to the decoder, whose messages are
// more precise.
func notReview(name string, data []byte, root *yaml.Node) *LoadError {
	r := yamlnode.Resolve(root)
	if r.Kind == yaml.MappingNode {
		var keys []string
		var lensKey *yaml.Node
		for _, kv := range yamlnode.Pairs(r) {
			k := kv.Key.Value
			if isReviewKey(k) {
				return nil
			}
			if isLensKey(k) && lensKey == nil {
				lensKey = kv.Key
			}
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		if lensKey != nil {
			return &LoadError{File: name, Line: lensKey.Line, Column: lensKey.Column, Err: lensError(name, lensKey.Value)}
		}
		return looksLikeError(name, r, looksLike(name, data, r, keys))
	}
	return looksLikeError(name, r, looksLike(name, data, r, nil))
}

func looksLikeError(name string, root *yaml.Node, what string) *LoadError {
	if what == "Markdown" {
		return &LoadError{File: name, Err: notReviewf("it looks like Markdown")} // YAML's idea of a position means nothing here
	}
	return &LoadError{File: name, Line: root.Line, Column: root.Column, Err: notReviewf("it looks like %s", what)}
}

// notReviewText returns the error for a file that does not parse and is
// not a review file either (it has no top-level "wafr" key), or nil. se is
// the syntax error, kept in the message when the file is not a lens.
func notReviewText(name string, data []byte, se *yamlnode.SyntaxError) *LoadError {
	if len(bytes.TrimSpace(data)) == 0 || bytes.IndexByte(data, 0) >= 0 || wafrKeyText().Match(data) {
		return nil // empty, binary, or a review file with a mistake in it
	}
	if loc := lensKeyText().FindSubmatchIndex(data); loc != nil {
		key := "schemaVersion"
		if bytes.Contains(data[loc[0]:loc[1]], []byte("pillars")) {
			key = "pillars"
		}
		line, col := position(data, loc[0])
		if data[loc[0]] == '"' {
			col++ // point at the name, as the parser does for a quoted key
		}
		return &LoadError{File: name, Line: line, Column: col, Err: lensError(name, key)}
	}
	what := looksLike(name, data, nil, nil)
	if what == "Markdown" {
		return &LoadError{File: name, Err: notReviewf("it looks like Markdown")}
	}
	return &LoadError{File: name, Line: se.Line, Column: se.Column, Err: notReviewf("it looks like %s that does not parse as YAML (%s)", what, se.Msg)}
}

func notReviewf(format string, args ...any) error {
	return fmt.Errorf("%w: %s; a review file is YAML that starts with \"wafr: 1\" (wafr review review.yaml starts one)", ErrNotReview, fmt.Sprintf(format, args...))
}

// lensError says that the file is a lens and how to review with it.
func lensError(name, key string) error {
	reviewFile := "review.yaml"
	if filepath.Base(name) == reviewFile {
		reviewFile = "my-review.yaml"
	}
	lens := textsafe.ShellQuote(name)
	if name == "-" {
		lens = "LENS_FILE"
	}
	return fmt.Errorf("%w: this file is a lens (it has %s at the top level); to review with it, run: wafr review %s --lens %s",
		ErrNotReview, key, reviewFile, lens)
}

// looksLike describes a file that is not a review: Markdown, JSON, HTML,
// or the shape of its YAML. root is nil when the file does not parse; keys
// are the top-level keys of a mapping.
func looksLike(name string, data []byte, root *yaml.Node, keys []string) string {
	ext := strings.ToLower(filepath.Ext(name))
	first := bytes.TrimLeft(data, " \t\r\n\ufeff")
	isMapping := root != nil && root.Kind == yaml.MappingNode
	switch {
	case ext == ".md" || ext == ".markdown" || !isMapping && markdownHeading().Match(data):
		return "Markdown"
	case len(first) > 0 && first[0] == '<':
		return "HTML or XML"
	case len(first) > 0 && (first[0] == '{' || first[0] == '['):
		if isMapping {
			return "a JSON object with " + keyList(keys)
		}
		if root != nil && root.Kind == yaml.SequenceNode {
			return "a JSON list"
		}
		return "JSON"
	case isMapping:
		return "a YAML mapping with " + keyList(keys)
	case root == nil:
		return "text"
	case root.Kind == yaml.SequenceNode:
		return "a YAML list"
	}
	if d := yamlnode.Describe(root); d != "a string" {
		return "a single value (" + d + ")"
	}
	return "plain text"
}

// keyList names up to four keys: `the keys "a", "b" and 2 more`.
func keyList(keys []string) string {
	const most = 4
	quoted := make([]string, 0, most)
	for i, k := range keys {
		if i == most {
			break
		}
		quoted = append(quoted, fmt.Sprintf("%q", k))
	}
	switch {
	case len(keys) == 0:
		return "no keys"
	case len(keys) == 1:
		return "the key " + quoted[0]
	case len(keys) > most:
		return fmt.Sprintf("the keys %s and %d more", strings.Join(quoted, ", "), len(keys)-most)
	}
	return "the keys " + strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// position turns a byte offset into a 1-based line and column (in
// characters).
func position(data []byte, off int) (line, col int) {
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
