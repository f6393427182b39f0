package questions

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/wafr-dev/wafr/internal/readlimit"
	"github.com/wafr-dev/wafr/internal/yamlnode"
)

// MaxFileSize is the largest lens file wafr reads; larger files are refused
// before decoding. (AWS itself stops at 500 KB.)
const MaxFileSize = 10 << 20

// BuiltinPrefix names an embedded lens: "builtin:ops".
const BuiltinPrefix = "builtin:"

//go:embed lenses/*.yaml
var builtinFS embed.FS

// Options change how strictly a lens is checked.
type Options struct {
	// AWS turns the AWS Well-Architected Tool's limits into errors.
	AWS bool
	// Lint also runs the rule analysis, which tries every answer to every
	// question and warns about rules that can never fire, questions that
	// score the same whatever the answer, and answers that match no rule
	// when there is no "default". Only commands that show warnings (lint,
	// show, review) need it; it never finds an error, so a lens loads the
	// same without it, only faster and with fewer warnings.
	Lint bool
	// Cache, when set, keeps the parsed lens of a file for the next run
	// (see Cache); nil parses every time.
	Cache Cache
	// Streams also reads a lens from a pipe or a device, and from Stdin
	// for the source "-". Only commands that record nothing of where the
	// lens came from (lint, show, export) can take one: a review records
	// its lens's source, to read it again each time it is opened.
	Streams bool
	Stdin   io.Reader
}

// Load reads a lens from a path (.yaml, .yml or .json) or from builtin:NAME,
// without the rule analysis (see Options.Lint). Warnings are kept in the
// lens; any error gives a *LoadError listing all problems found.
func Load(source string) (*Lens, error) { return LoadWith(source, Options{}) }

// LoadWith is Load with options: Options{Lint: true} for a command that
// shows the lens's warnings.
func LoadWith(source string, opts Options) (*Lens, error) {
	l, problems := Check(source, opts)
	if HasErrors(problems) {
		return nil, &LoadError{File: source, Problems: problems}
	}
	return l, nil
}

// Check loads a lens like LoadWith but returns every problem, errors and
// warnings, for lint (which asks for Options{Lint: true}). The lens is nil
// when it has errors.
func Check(source string, opts Options) (*Lens, []Problem) {
	name := source
	if source == "-" {
		return checkStdin(opts)
	}
	cache := opts.Cache
	if strings.HasPrefix(source, BuiltinPrefix) {
		cache = nil // in the binary, and small
	}
	stamp, stamped := "", false
	if cache != nil {
		if st, err := os.Stat(source); err == nil {
			stamp, stamped = cache.Stamp(source, st)
		}
		if stamped {
			if l := fromStamp(cache, stampKey(name, stamp, opts)); l != nil {
				return loaded(l, source), l.Warnings
			}
		}
	}
	data, opened, err := readLens(source, opts.Streams)
	if err != nil {
		return nil, []Problem{{File: name, Severity: Error, Msg: err.Error(), err: err}}
	}
	if cache == nil {
		l, problems := Parse(name, data, opts)
		return loaded(l, source), problems
	}
	key := cacheKey(name, data, opts)
	l, problems := parseCached(cache, key, name, data, opts)
	if l != nil && stamped {
		// The stamp names these bytes only if the file read is the one
		// stamped (not another that a link pointed to meanwhile) and it
		// did not change while it was read.
		if again, ok := cache.Stamp(source, opened); ok && again == stamp {
			cache.Put(stampKey(name, stamp, opts), []byte(key))
		}
	}
	return loaded(l, source), problems
}

// checkStdin is Check of the source "-": standard input, where streams
// are read (Options.Streams), else refused, since a review could not read
// it again. It never goes through the cache.
func checkStdin(opts Options) (*Lens, []Problem) {
	fail := func(msg string, err error) (*Lens, []Problem) {
		return nil, []Problem{{File: "-", Severity: Error, Msg: msg, err: err}}
	}
	if !opts.Streams || opts.Stdin == nil {
		return fail("standard input cannot be a review's lens: give a lens file, which every later command reads again", nil)
	}
	data, err := readAll(opts.Stdin, 0)
	if err != nil {
		return fail(err.Error(), err)
	}
	l, problems := Parse("-", data, opts)
	return loaded(l, "-"), problems
}

// loaded completes a lens as Parse made it with where it came from.
func loaded(l *Lens, source string) *Lens {
	if l != nil {
		l.Source = source
		if l.ID == "" {
			l.ID, l.idFromFile = idFromPath(source), true
		}
	}
	return l
}

// fromStamp returns the lens that the entry under a stamp key points to,
// or nil.
func fromStamp(cache Cache, skey string) *Lens {
	key, ok := cache.Get(skey)
	if !ok {
		return nil
	}
	entry, ok := cache.Get(string(key))
	if !ok {
		return nil
	}
	l, _ := decodeLens(entry)
	return l
}

// parseCached is Parse of data through the cache, under its content key.
// A lens that loads is stored; a lens with errors is parsed every time,
// for its messages.
func parseCached(cache Cache, key, name string, data []byte, opts Options) (*Lens, []Problem) {
	if entry, ok := cache.Get(key); ok {
		if l, ok := decodeLens(entry); ok {
			return l, l.Warnings
		}
	}
	l, problems := Parse(name, data, opts)
	if l != nil {
		cache.Put(key, encodeLens(l))
	}
	return l, problems
}

// errNoSuchFile is a lens file that is not there: said briefly (the
// problem names the file already), and fs.ErrNotExist for callers that ask.
type errNoSuchFile struct{}

func (errNoSuchFile) Error() string        { return "no such file" }
func (errNoSuchFile) Is(target error) bool { return target == fs.ErrNotExist }

// readLens reads a lens file, or a built-in lens, and returns with the
// bytes the file's information as it was when opened (nil for a built-in
// lens, or when the system gave none).
func readLens(source string, streams bool) ([]byte, fs.FileInfo, error) {
	if name, ok := strings.CutPrefix(source, BuiltinPrefix); ok {
		data, err := builtinFS.ReadFile("lenses/" + name + ".yaml")
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %q (built-in lenses: %s)", ErrUnknownBuiltin, name, strings.Join(Builtins(), ", "))
		}
		return data, nil, nil
	}
	// Without blocking: a FIFO named as a lens must be refused, not waited
	// on; one given where streams are read waits for its writer, as cat does.
	flags := os.O_RDONLY | syscall.O_NONBLOCK
	if streams {
		flags = os.O_RDONLY
	}
	f, err := os.OpenFile(source, flags, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, errNoSuchFile{}
		}
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			return nil, nil, pe.Err // the problem names the file already
		}
		return nil, nil, err
	}
	defer f.Close()
	size := int64(0)
	st, err := f.Stat()
	if err == nil {
		if st.IsDir() {
			return nil, nil, errors.New("is a directory, not a lens file")
		}
		if !st.Mode().IsRegular() && !streams {
			// A pipe (--lens <(...)) or a device cannot be read again the
			// next time the review is opened, and the review records it.
			return nil, nil, errors.New("is not a regular file (a pipe or a device): give a lens file, which every later command reads again")
		}
		if !st.Mode().IsRegular() {
			data, err := readAll(f, 0)
			return data, nil, err
		}
		if st.Size() > MaxFileSize {
			return nil, nil, fmt.Errorf("the file is %s; lens files are at most %d MB", megabytes(st.Size()), MaxFileSize>>20)
		}
		size = st.Size()
	}
	data, err := readAll(f, size)
	return data, st, err
}

// readAll reads at most MaxFileSize bytes from r (readlimit.All), in one
// buffer when size is the file's.
func readAll(r io.Reader, size int64) ([]byte, error) {
	data, err := readlimit.All(r, size, MaxFileSize)
	if errors.Is(err, readlimit.ErrTooLarge) {
		return nil, fmt.Errorf("the file is larger than %d MB", MaxFileSize>>20)
	}
	return data, err
}

// megabytes rounds a size up to a tenth of a MB, so that a file just over
// the limit does not read as being at the limit ("10 MB; at most 10 MB").
func megabytes(n int64) string {
	tenths := (n*10 + 1<<20 - 1) >> 20
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}

// isJSON decides the decoder: by extension, else by the first character.
func isJSON(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// Parse decodes and validates lens data. name is used in messages and to
// choose JSON or YAML.
func Parse(name string, data []byte, opts Options) (*Lens, []Problem) {
	root, err := yamlnode.Parse(data, isJSON(name, data))
	if err != nil {
		p := Problem{File: name, Severity: Error, Where: WhereLens, Msg: err.Error()}
		var se *yamlnode.SyntaxError
		if errors.As(err, &se) {
			p.Line, p.Column, p.Msg = se.Line, se.Column, se.Message()
		}
		return nil, []Problem{p}
	}
	d := &decoder{file: name, json: isJSON(name, data), analysisBudget: analysisBudget, lint: opts.Lint}
	l := d.lens(root)
	d.validate(l, len(data), opts.AWS)
	sortProblems(d.problems)
	if HasErrors(d.problems) {
		return nil, d.problems
	}
	l.Digest = digest(l)
	l.Warnings = d.problems
	l.file, l.linted = name, opts.Lint
	return l, d.problems
}

// LintWarnings returns every warning lint shows for the lens: Warnings,
// with those of the rule analysis when the lens was loaded without
// Options.Lint (it runs the analysis then, and changes nothing in the
// lens). A command that loads a lens cheaply can so still count them.
func (l *Lens) LintWarnings() []Problem {
	if l.linted {
		return l.Warnings
	}
	d := &decoder{file: l.file, analysisBudget: analysisBudget, lint: true}
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			d.analyzeRules(q, join(p.ID, q.ID))
		}
	}
	out := append(append([]Problem(nil), l.Warnings...), d.problems...)
	sortProblems(out)
	return out
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// idFromPath derives a lens id from a file name when the lens has none.
func idFromPath(source string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// Builtins lists the names of the embedded lenses, sorted.
func Builtins() []string {
	entries, _ := builtinFS.ReadDir("lenses")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}
