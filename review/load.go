package review

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/wafr-dev/wafr/internal/readlimit"
	"github.com/wafr-dev/wafr/internal/yamlfast"
	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
)

// MaxFileSize is the largest review file wafr reads; a real one is a few
// hundred KB. Larger files are refused before they are read.
const MaxFileSize = 10 << 20

// TooLargeError says that a review of size bytes is over MaxFileSize.
func TooLargeError(size int64) error {
	return fmt.Errorf("the file is %s; review files are at most %s", SizeString(size), SizeString(MaxFileSize))
}

// SizeString writes a byte count for people: "10.8 MB", "512 KB". Sizes
// are never rounded down to the limit they exceed.
func SizeString(n int64) string {
	switch {
	case n >= 1<<20:
		mb := float64(n) / (1 << 20)
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MB", n>>20)
		}
		return fmt.Sprintf("%.1f MB", math.Ceil(mb*10)/10)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ErrNotExist is returned by Load when the file does not exist.
var ErrNotExist = errors.New("no such review file")

// LoadError is a review file that cannot be read. Line and Column are 1-based
// (0 when the problem is the whole file); Field names the offending field.
type LoadError struct {
	File         string
	Line, Column int
	Field        string
	Err          error
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// Load reads a review file. A missing file gives an error wrapping
// ErrNotExist; anything malformed gives a *LoadError.
func Load(path string) (*Review, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &LoadError{File: path, Err: ErrNotExist}
		}
		return nil, &LoadError{File: path, Err: err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, &LoadError{File: path, Err: TooLargeError(st.Size())}
	}
	return Read(path, f)
}

// Read reads a review from r; name is used in messages ("-" for stdin).
func Read(name string, r io.Reader) (*Review, error) {
	data, err := readlimit.All(r, 0, MaxFileSize)
	if errors.Is(err, readlimit.ErrTooLarge) {
		// Reading stopped at the limit: the size is not known.
		return nil, &LoadError{File: name, Err: fmt.Errorf("the input is more than %[1]s; review files are at most %[1]s", SizeString(MaxFileSize))}
	}
	if err != nil {
		return nil, &LoadError{File: name, Err: err}
	}
	return Parse(name, data)
}

// Parse decodes review data. A file that is not a review at all (a lens,
// Markdown, other YAML) gives a *LoadError wrapping ErrNotReview that says
// what the file looks like. The review's strings may all share one copy
// of data (the fast parser's): a caller that keeps a few of them from many
// files, and not the reviews, copies those (strings.Clone), or every file
// stays in memory whole.
func Parse(name string, data []byte) (*Review, error) {
	// What wafr wrote is read by the fast parser; anything else, and every
	// file that does not parse, by yaml.v3 (the same tree either way).
	root, ok := yamlfast.Parse(data)
	var err error
	if !ok {
		root, err = yamlnode.Parse(data, false)
	}
	if err != nil {
		le := &LoadError{File: name, Err: err}
		var se *yamlnode.SyntaxError
		if errors.As(err, &se) {
			if nr := notReviewText(name, data, se); nr != nil {
				return nil, nr
			}
			le.Line, le.Column, le.Err = se.Line, se.Column, errors.New(se.Message())
		}
		return nil, le
	}
	if nr := notReview(name, data, root); nr != nil {
		return nil, nr
	}
	d := &decoder{file: name}
	r := d.review(root)
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}

// decoder reads a review node tree, keeping the first error. Unknown fields
// are errors, not warnings: saving a file with a field we dropped would lose
// data written by a newer wafr.
type decoder struct {
	file string
	err  *LoadError
}

func (d *decoder) fail(n *yaml.Node, field, format string, args ...any) {
	if d.err != nil {
		return
	}
	d.err = &LoadError{File: d.file, Field: field, Err: fmt.Errorf(format, args...)}
	if n != nil {
		d.err.Line, d.err.Column = n.Line, n.Column
	}
}

// fields walks the mapping n: set handles each key it knows and reports
// whether it knew it. A key that appears twice, or that set does not know,
// is an error (the first one found is kept, as always).
func (d *decoder) fields(n *yaml.Node, field string, set func(name string, v *yaml.Node) bool) {
	if yamlnode.IsNull(n) {
		return
	}
	m := yamlnode.Resolve(n)
	if m.Kind != yaml.MappingNode {
		d.fail(n, field, "expected a mapping, found %s", yamlnode.Describe(n))
		return
	}
	var seen map[string]bool // for a long mapping; a short one is searched
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := yamlnode.Resolve(m.Content[i])
		name := key.Value
		dup := false
		if len(m.Content) <= 32 {
			for j := 0; j < i && !dup; j += 2 {
				dup = yamlnode.Resolve(m.Content[j]).Value == name
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, len(m.Content)/2)
			}
			dup = seen[name]
			seen[name] = true
		}
		switch {
		case dup:
			d.fail(key, join(field, name), "appears twice")
		case !set(name, m.Content[i+1]):
			d.fail(key, join(field, name), "unknown field (was this file written by a newer wafr?)")
		}
	}
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// str reads the string at field.name (the path is only put together for a
// message).
func (d *decoder) str(n *yaml.Node, field, name string) string {
	if yamlnode.IsNull(n) {
		return ""
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.ScalarNode {
		d.fail(n, join(field, name), "expected a string, found %s", yamlnode.Describe(n))
		return ""
	}
	return r.Value
}

func (d *decoder) time(n *yaml.Node, field, name string) time.Time {
	s := d.str(n, field, name)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.fail(n, join(field, name), "%q is not a time like 2026-11-25T10:00:00Z", s)
	}
	return t.UTC()
}

func (d *decoder) list(n *yaml.Node, field, name string) []*yaml.Node {
	if yamlnode.IsNull(n) {
		return nil
	}
	r := yamlnode.Resolve(n)
	if r.Kind != yaml.SequenceNode {
		d.fail(n, join(field, name), "expected a list, found %s", yamlnode.Describe(n))
		return nil
	}
	return r.Content
}

// index is the path of a list's item, "actions[3]".
func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

func (d *decoder) review(n *yaml.Node) *Review {
	r := &Review{Answers: Answers{}}
	if yamlnode.Resolve(n).Kind != yaml.MappingNode {
		d.fail(n, "", "a review file is a mapping with wafr, workload, lens and answers, not %s", yamlnode.Describe(n))
		return r
	}
	version := ""
	var versionNode *yaml.Node
	d.fields(n, "", func(name string, v *yaml.Node) bool {
		switch name {
		case "wafr":
			versionNode, version = v, d.str(v, "", "wafr")
		case "workload":
			r.Workload = d.workload(v)
		case "lens":
			r.Lens = d.lensRef(v, "lens")
		case "updatedAt":
			r.UpdatedAt = d.time(v, "", "updatedAt")
		case "notes":
			r.Notes = d.str(v, "", "notes")
		case "answers":
			r.Answers = d.answers(v, "answers")
		case "actions":
			r.Actions = d.actions(v, "actions")
		case "parked":
			r.Parked = d.parked(v, "parked")
		case "milestones":
			r.Milestones = d.milestones(d.list(v, "", "milestones"))
		default:
			return false
		}
		return true
	})
	switch {
	case d.err != nil:
	case versionNode == nil:
		d.fail(n, "wafr", "missing: this does not look like a wafr review file (it has no \"wafr: 1\" line)")
	case version != fmt.Sprint(FormatVersion):
		d.fail(versionNode, "wafr", "format version %q is not supported (this wafr reads version %d; is the file from a newer wafr?)", version, FormatVersion)
	case r.Lens.ID == "" && r.Lens.Source == "":
		d.fail(n, "lens", "missing: the file does not say which lens it answers")
	}
	return r
}

func (d *decoder) workload(n *yaml.Node) Workload {
	var w Workload
	d.fields(n, "workload", func(name string, v *yaml.Node) bool {
		switch name {
		case "name":
			w.Name = d.str(v, "workload", "name")
		case "owner":
			w.Owner = d.str(v, "workload", "owner")
		case "environment":
			w.Environment = d.str(v, "workload", "environment")
			if w.Environment != "" && w.Environment != Production && w.Environment != PreProduction {
				d.fail(v, "workload.environment", "%q is not %s or %s", w.Environment, Production, PreProduction)
			}
		default:
			return false
		}
		return true
	})
	return w
}

func (d *decoder) lensRef(n *yaml.Node, field string) LensRef {
	var l LensRef
	d.fields(n, field, func(name string, v *yaml.Node) bool {
		switch name {
		case "id":
			l.ID = d.str(v, field, "id")
		case "version":
			l.Version = d.str(v, field, "version")
		case "source":
			l.Source = d.str(v, field, "source")
		case "digest":
			l.Digest = d.str(v, field, "digest")
		default:
			return false
		}
		return true
	})
	return l
}

func (d *decoder) answers(n *yaml.Node, field string) Answers {
	out := Answers{}
	if yamlnode.IsNull(n) {
		return out
	}
	if yamlnode.Resolve(n).Kind != yaml.MappingNode {
		d.fail(n, field, "expected pillar ids mapping to question ids, found %s", yamlnode.Describe(n))
		return out
	}
	for _, pkv := range yamlnode.Pairs(n) {
		pid := pkv.Key.Value
		pfield := join(field, pid)
		if pid == "" {
			d.fail(pkv.Key, field, "a pillar id is empty")
		}
		if _, dup := out[pid]; dup {
			d.fail(pkv.Key, pfield, "pillar appears twice")
		}
		qs := yamlnode.Resolve(pkv.Value)
		if qs.Kind != yaml.MappingNode {
			d.fail(pkv.Value, pfield, "expected question ids mapping to answers, found %s", yamlnode.Describe(pkv.Value))
			continue
		}
		byQuestion := make(map[string]*Answer, len(qs.Content)/2)
		for _, qkv := range yamlnode.Pairs(qs) {
			qid := qkv.Key.Value
			if qid == "" {
				d.fail(qkv.Key, pfield, "a question id is empty")
			}
			if _, dup := byQuestion[qid]; dup {
				d.fail(qkv.Key, join(pfield, qid), "question appears twice")
			}
			byQuestion[qid] = d.answer(qkv.Value, pfield, qid)
		}
		out[pid] = byQuestion
	}
	return out
}

// choiceID reads one id of the selected list at field. An empty or null
// id names no choice: kept, it would read as a question the lens lacks,
// and be saved again as "".
func (d *decoder) choiceID(n *yaml.Node, field string) string {
	id := d.str(n, field, "selected")
	if id == "" {
		d.fail(n, field+".selected", "choice id is empty: take the empty entry out of the list (an older wafr import could write one)")
	}
	return id
}

// answer reads the answer to question qid of the pillar at pfield.
func (d *decoder) answer(n *yaml.Node, pfield, qid string) *Answer {
	a := &Answer{}
	field := join(pfield, qid)
	var reasonNode *yaml.Node
	d.fields(n, field, func(name string, v *yaml.Node) bool {
		switch name {
		case "selected":
			list := d.list(v, field, "selected")
			if len(list) > 0 {
				a.Selected = make([]string, 0, len(list))
			}
			var seen map[string]bool // for a long list; a short one is searched
			for _, sn := range list {
				id := d.choiceID(sn, field)
				dup := false
				if len(list) <= 16 {
					dup = slices.Contains(a.Selected, id)
				} else {
					if seen == nil {
						seen = make(map[string]bool, len(list))
					}
					dup = seen[id]
					seen[id] = true
				}
				if dup {
					d.fail(sn, field+".selected", "choice %q is listed twice", id)
				}
				a.Selected = append(a.Selected, id)
			}
		case "applicable":
			switch s := d.str(v, field, "applicable"); s {
			case "true":
			case "false":
				a.NotApplicable = true
			default:
				d.fail(v, field+".applicable", "expected true or false, found %q", s)
			}
		case "reason":
			reasonNode, a.Reason = v, d.str(v, field, "reason")
		case "risk":
			s := d.str(v, field, "risk")
			r, ok := questions.ParseRisk(s)
			if !ok || r == questions.Unanswered {
				d.fail(v, field+".risk", "%q is not HIGH, MEDIUM, NONE or NOT_APPLICABLE", s)
			}
			a.Risk = r
		case "notes":
			a.Notes = d.str(v, field, "notes")
		case "answeredBy":
			a.AnsweredBy = d.str(v, field, "answeredBy")
		case "updatedAt":
			a.UpdatedAt = d.time(v, field, "updatedAt")
		case "timeSpent":
			s := d.str(v, field, "timeSpent")
			t, err := time.ParseDuration(s)
			if err != nil || t < 0 {
				d.fail(v, field+".timeSpent", "%q is not a duration like 6m30s", s)
			}
			a.TimeSpent = t
		case "votes":
			a.Votes = d.votes(v, field+".votes")
		default:
			return false
		}
		return true
	})
	if reasonNode != nil && a.Reason != "" && !ValidReason(a.Reason) {
		d.fail(reasonNode, field+".reason", "%q is not one of %s", a.Reason, strings.Join(Reasons, ", "))
	}
	if reasonNode != nil && a.Reason != "" && !a.NotApplicable {
		d.fail(reasonNode, field+".reason", "a reason is only given with \"applicable: false\"")
	}
	return a
}

func (d *decoder) votes(n *yaml.Node, field string) []Vote {
	var out []Vote
	for i, vn := range d.list(n, "", field) {
		f := index(field, i)
		var v Vote
		d.fields(vn, f, func(name string, x *yaml.Node) bool {
			switch name {
			case "by":
				v.By = d.str(x, f, "by")
			case "selected":
				for _, s := range d.list(x, f, "selected") {
					v.Selected = append(v.Selected, d.choiceID(s, f))
				}
			default:
				return false
			}
			return true
		})
		out = append(out, v)
	}
	return out
}

func (d *decoder) parked(n *yaml.Node, field string) []Parked {
	var out []Parked
	for i, pn := range d.list(n, "", field) {
		f := index(field, i)
		var p Parked
		var questionNode *yaml.Node
		d.fields(pn, f, func(name string, v *yaml.Node) bool {
			switch name {
			case "question":
				questionNode = v
			case "text":
				p.Text = d.str(v, f, "text")
			case "by":
				p.By = d.str(v, f, "by")
			case "at":
				p.At = d.time(v, f, "at")
			default:
				return false
			}
			return true
		})
		pid, qid, ok := strings.Cut(d.str(questionNode, f, "question"), "/")
		if !ok || pid == "" || qid == "" {
			d.fail(pn, f+".question", "a parked item names its question as PILLAR/QUESTION")
		}
		p.PillarID, p.QuestionID = pid, qid
		out = append(out, p)
	}
	return out
}

// milestones reads a file's milestones. Each one's fields are read by a
// decoder of its own, at once on several processors for a long list (a
// file's hundred milestones are most of it); then, in the file's order,
// each one's error is taken and it is checked, so that the error kept is
// the one a single decoder finds first.
func (d *decoder) milestones(list []*yaml.Node) []Milestone {
	if len(list) == 0 {
		return nil
	}
	read := make([]milestoneRead, len(list))
	inParallel(len(list), func(i int) {
		md := &decoder{file: d.file}
		read[i] = md.milestoneFields(list[i], i)
		read[i].err = md.err
	})
	out := make([]Milestone, len(list))
	names := make(map[string]bool, len(list))
	for i, n := range list {
		if d.err == nil {
			d.err = read[i].err
		}
		out[i] = d.checkMilestone(n, i, read[i], names)
	}
	return out
}

// inParallel calls f for each index below n, in contiguous runs on every
// processor when n is large enough to be worth it.
func inParallel(n int, f func(i int)) {
	parts := min(runtime.GOMAXPROCS(0), n/parallelMin)
	if parts < 2 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() {
			for i := n * k / parts; i < n*(k+1)/parts; i++ {
				f(i)
			}
		})
	}
	wg.Wait()
}

// parallelMin is the fewest milestones a processor is given.
const parallelMin = 8

// milestoneRead is one milestone's fields as read, with the node of its
// name and the first error in them.
type milestoneRead struct {
	m        Milestone
	nameNode *yaml.Node
	err      *LoadError
}

// milestoneFields reads the fields of milestone i.
func (d *decoder) milestoneFields(n *yaml.Node, i int) milestoneRead {
	var m Milestone
	field := index("milestones", i)
	var nameNode *yaml.Node
	d.fields(n, field, func(name string, v *yaml.Node) bool {
		switch name {
		case "name":
			nameNode, m.Name = v, d.str(v, field, "name")
		case "recordedAt":
			m.RecordedAt = d.time(v, field, "recordedAt")
		case "notes":
			m.Notes = d.str(v, field, "notes")
		case "lens":
			m.Lens = d.lensRef(v, field+".lens")
		case "answers":
			m.Answers = d.answers(v, field+".answers")
		case "actions":
			m.Actions = d.actions(v, field+".actions")
		default:
			return false
		}
		return true
	})
	if m.Answers == nil {
		m.Answers = Answers{}
	}
	return milestoneRead{m: m, nameNode: nameNode}
}

// checkMilestone checks milestone i as read, against the names of the
// milestones before it.
func (d *decoder) checkMilestone(n *yaml.Node, i int, read milestoneRead, earlier map[string]bool) Milestone {
	m, field := read.m, index("milestones", i)
	at := read.nameNode
	if at == nil {
		at = n
	}
	if strings.TrimSpace(m.Name) == "" {
		d.fail(at, field+".name", "milestone %d has no name (milestones are read-only: restore it from git)", i+1)
	}
	if earlier[m.Name] && m.Name != "" {
		d.fail(at, field+".name", "milestone name %q is used twice (milestones are read-only: restore it from git)", m.Name)
	}
	earlier[m.Name] = true
	if m.RecordedAt.IsZero() {
		d.fail(at, field+".recordedAt", "milestone %q has no recordedAt (milestones are read-only: restore it from git)", m.Name)
	}
	if m.Lens.ID == "" && m.Lens.Source == "" {
		d.fail(at, field+".lens", "milestone %q does not say which lens it answers (milestones are read-only: restore it from git)", m.Name)
	}

	return m
}

func (d *decoder) actions(n *yaml.Node, field string) []Action {
	list := d.list(n, "", field)
	if len(list) == 0 {
		return nil
	}
	out := make([]Action, 0, len(list))
	seen := make(map[string]string, len(list)) // upper-cased id: the id as written first
	for i, an := range list {
		f := index(field, i)
		var a Action
		var questionNode *yaml.Node
		d.fields(an, f, func(name string, v *yaml.Node) bool {
			switch name {
			case "id":
				a.ID = d.str(v, f, "id")
			case "question":
				questionNode = v
			case "choice":
				a.ChoiceID = d.str(v, f, "choice")
			case "title":
				a.Title = d.str(v, f, "title")
			case "owner":
				a.Owner = d.str(v, f, "owner")
			case "due":
				due, err := readDue(d.str(v, f, "due"))
				if err != nil {
					d.fail(v, f+".due", "%v", err)
				}
				a.Due = due
			case "status":
				a.Status = d.str(v, f, "status")
				if !ValidStatus(a.Status) {
					d.fail(v, f+".status", "%q is not one of %s", a.Status, strings.Join(Statuses, ", "))
				}
			case "reason":
				a.Reason = d.str(v, f, "reason")
			case "link":
				a.Link = d.str(v, f, "link")
			case "notes":
				a.Notes = d.str(v, f, "notes")
			case "createdAt":
				a.CreatedAt = d.time(v, f, "createdAt")
			case "createdBy":
				a.CreatedBy = d.str(v, f, "createdBy")
			case "updatedAt":
				a.UpdatedAt = d.time(v, f, "updatedAt")
			case "updatedBy":
				a.UpdatedBy = d.str(v, f, "updatedBy")
			default:
				return false
			}
			return true
		})
		at := an
		switch pid, qid, ok := strings.Cut(d.str(questionNode, f, "question"), "/"); {
		case !ok || pid == "" || qid == "":
			d.fail(at, f+".question", "an action names its question as PILLAR/QUESTION")
		default:
			a.PillarID, a.QuestionID = pid, qid
		}
		switch {
		case a.ID == "":
			d.fail(at, f+".id", "the action has no id")
		case seen[foldID(a.ID)] != "":
			// Ids are matched whatever their case (a1 is A1), so A1 and
			// a1 would be one action to every command.
			if first := seen[foldID(a.ID)]; first != a.ID {
				d.fail(at, f+".id", "action id %q is used twice (as %q too: ids are the same whatever their case)", a.ID, first)
			} else {
				d.fail(at, f+".id", "action id %q is used twice", a.ID)
			}
		case a.Status == "":
			d.fail(at, f+".status", "the action has no status")
		case a.Status == StatusAcceptedRisk && strings.TrimSpace(a.Reason) == "":
			d.fail(at, f+".reason", "action %s accepts a risk without a reason", a.ID)
		}
		if seen[foldID(a.ID)] == "" {
			seen[foldID(a.ID)] = a.ID
		}
		out = append(out, a)
	}
	return out
}
