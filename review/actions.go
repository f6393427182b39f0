package review

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
)

// Action statuses.
const (
	StatusOpen         = "open"
	StatusInProgress   = "in-progress"
	StatusDone         = "done"
	StatusAcceptedRisk = "accepted-risk"
)

// Statuses lists the action statuses in workflow order.
var Statuses = []string{StatusOpen, StatusInProgress, StatusDone, StatusAcceptedRisk}

// DateLayout is how due dates are written.
const DateLayout = "2006-01-02"

// Action is one improvement the team committed to: adopting a best practice
// (a choice not yet ticked) or otherwise reducing a question's risk. It
// stays in the review file until it is done or its risk is accepted.
type Action struct {
	ID         string // short and stable: A1, A2, ...
	PillarID   string
	QuestionID string
	ChoiceID   string // the best practice to adopt; empty for the question as a whole
	Title      string
	Owner      string
	Due        string // YYYY-MM-DD, or empty
	Status     string
	Reason     string // why the risk is accepted
	Link       string // a ticket
	Notes      string
	CreatedAt  time.Time
	CreatedBy  string
	UpdatedAt  time.Time
	UpdatedBy  string
}

// Errors about actions.
var (
	ErrNoAction     = errors.New("no such action")
	ErrReasonNeeded = errors.New("accepting a risk needs a reason (--reason)")
	ErrLink         = errors.New("a link must be an http or https URL")
)

// IsWebLink reports whether s is an absolute http or https URL with a
// host, free of spaces and control characters: the only links wafr
// writes as links. A javascript:, data: or file: link never becomes one.
func IsWebLink(s string) bool {
	if plainWebLink(s) {
		return true
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return false
		}
		if r >= 0x80 && (r < 0xa0 || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) { // ASCII has none of these
			return false
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "https" || scheme == "http"
}

// plainWebLink is the quick yes of IsWebLink for the links most lenses
// hold: http:// or https://, a host of letters, digits, dots and hyphens,
// then only characters that url.Parse takes as they are (no percent
// escape, no space or control character). Anything else is decided by
// url.Parse; TestPlainWebLinkAgreesWithURLParse holds the two together.
func plainWebLink(s string) bool {
	rest, ok := cutPrefixFold(s, "https://")
	if !ok {
		if rest, ok = cutPrefixFold(s, "http://"); !ok {
			return false
		}
	}
	host := 0
	for host < len(rest) && (isAlnum(rest[host]) || rest[host] == '.' || rest[host] == '-') {
		host++
	}
	if host == 0 || host < len(rest) && rest[host] != '/' && rest[host] != '?' && rest[host] != '#' {
		return false
	}
	for i := host; i < len(rest); i++ {
		if c := rest[i]; !isAlnum(c) && !strings.ContainsRune("-._~/?#:@!$&'()*+,;=", rune(c)) {
			return false
		}
	}
	return true
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ValidLink checks an action's link: empty, or an http(s) URL.
func ValidLink(s string) error {
	if s == "" || IsWebLink(s) {
		return nil
	}
	return fmt.Errorf("%w (like https://tickets.example.com/OPS-12), not %q", ErrLink, s)
}

// ValidStatus reports whether s is one of Statuses.
func ValidStatus(s string) bool {
	for _, x := range Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// MinDueYear is the earliest year a new due date may have: an earlier one
// (0000-01-01) is a typo or a placeholder, overdue forever.
const MinDueYear = 1970

// ParseDue checks a due date being given (a flag, a dialog, a new or
// changed action).
func ParseDue(s string) (string, error) {
	due, err := readDue(s)
	if err != nil || due == "" {
		return due, err
	}
	if t, _ := time.Parse(DateLayout, due); t.Year() < MinDueYear {
		return "", fmt.Errorf("due date %q is before %d: give a date like 2026-12-31", s, MinDueYear)
	}
	return due, nil
}

// readDue checks the form of a due date read from a file, which keeps
// any year it was written with.
func readDue(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return "", fmt.Errorf("due date %q is not a date like 2026-12-31", s)
	}
	return s, nil
}

// Closed reports whether the action needs no more work.
func (a *Action) Closed() bool { return a.Status == StatusDone || a.Status == StatusAcceptedRisk }

// Overdue reports whether the action is open past its due date.
func (a *Action) Overdue(today time.Time) bool {
	if a.Closed() || a.Due == "" {
		return false
	}
	return a.Due < today.Format(DateLayout)
}

// foldID is an action id as every command matches it, whatever its case
// (the Kelvin sign's K included): the loader refuses two ids that fold
// alike.
func foldID(id string) string { return strings.ToLower(strings.ToUpper(id)) }

// Action returns the action with this id, or nil.
func (r *Review) Action(id string) *Action {
	want := foldID(id)
	for i := range r.Actions {
		if a := &r.Actions[i]; a.ID == id || foldID(a.ID) == want {
			return a
		}
	}
	return nil
}

// nextActionID is one more than the highest A<n> in use. Numbers are
// decimal strings of any length, so a hand-edited A9223372036854775807
// gives A9223372036854775808 rather than wrapping round to a negative or a
// used id; the result is never an id in use (ids match case-insensitively).
func (r *Review) nextActionID() string {
	highest := "0"
	for _, a := range r.Actions {
		if n, ok := actionNumber(a.ID); ok && decimalLess(highest, n) {
			highest = n
		}
	}
	id := "A" + decimalIncrement(highest)
	for r.Action(id) != nil {
		id = "A" + decimalIncrement(id[1:])
	}
	return id
}

// actionNumber is the number of an id like A12 (or a12), without leading
// zeros.
func actionNumber(id string) (string, bool) {
	if len(id) < 2 || id[0] != 'A' && id[0] != 'a' {
		return "", false
	}
	digits := id[1:]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return "", false
		}
	}
	return trimZeros(digits), true
}

// decimalLess compares two decimal numbers without leading zeros.
func decimalLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// decimalIncrement adds one to a decimal number of any length.
func decimalIncrement(n string) string {
	b := []byte(n)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

// AddAction records a new open action and returns it. Its link, if any,
// must be an http(s) URL.
func (r *Review) AddAction(a Action, by string, now time.Time) (*Action, error) {
	due, err := ParseDue(a.Due)
	if err != nil {
		return nil, err
	}
	if err := ValidLink(a.Link); err != nil {
		return nil, err
	}
	now = now.UTC().Truncate(time.Second)
	a.ID, a.Due, a.Status = r.nextActionID(), due, StatusOpen
	a.CreatedAt, a.CreatedBy, a.UpdatedAt, a.UpdatedBy = now, by, now, by
	r.Actions = append(r.Actions, a)
	r.UpdatedAt = now
	return &r.Actions[len(r.Actions)-1], nil
}

// ActionChange is an edit of an action; nil fields are left alone.
type ActionChange struct {
	Status, Owner, Due, Reason, Link, Notes, Title *string
}

// UpdateAction edits an action. Accepting a risk needs a reason; a new
// link must be an http(s) URL (or empty, to remove it).
func (r *Review) UpdateAction(id string, c ActionChange, by string, now time.Time) (*Action, error) {
	a := r.Action(id)
	if a == nil {
		ids := make([]string, len(r.Actions))
		for i, x := range r.Actions {
			ids[i] = x.ID
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("%w %q: the review has no actions", ErrNoAction, id)
		}
		return nil, fmt.Errorf("%w %q; the review has: %s", ErrNoAction, id, strings.Join(ids, ", "))
	}
	next := *a
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&next.Status, c.Status)
	set(&next.Owner, c.Owner)
	if a.Status == StatusAcceptedRisk && next.Status != StatusAcceptedRisk {
		// The reason said why the risk was accepted: an action reopened
		// or done no longer has one (a milestone keeps the old state).
		next.Reason = ""
	}
	set(&next.Reason, c.Reason)
	set(&next.Link, c.Link)
	set(&next.Notes, c.Notes)
	set(&next.Title, c.Title)
	if c.Link != nil {
		if err := ValidLink(*c.Link); err != nil {
			return nil, err
		}
	}
	if c.Due != nil {
		due, err := ParseDue(*c.Due)
		if err != nil {
			return nil, err
		}
		next.Due = due
	}
	if !ValidStatus(next.Status) {
		return nil, fmt.Errorf("status %q is not one of %s", next.Status, strings.Join(Statuses, ", "))
	}
	if next.Status == StatusAcceptedRisk && strings.TrimSpace(next.Reason) == "" {
		return nil, ErrReasonNeeded
	}
	now = now.UTC().Truncate(time.Second)
	next.UpdatedAt, next.UpdatedBy = now, by
	*a = next
	r.UpdatedAt = now
	return a, nil
}

// ActionsOf lists the actions of one question.
func (r *Review) ActionsOf(pillarID, questionID string) []*Action {
	var out []*Action
	for i := range r.Actions {
		if a := &r.Actions[i]; a.PillarID == pillarID && a.QuestionID == questionID {
			out = append(out, a)
		}
	}
	return out
}

// ActionCounts tallies actions by state.
type ActionCounts struct {
	Open         int `json:"open"` // open or in progress
	Overdue      int `json:"overdue"`
	Done         int `json:"done"`
	AcceptedRisk int `json:"acceptedRisk"`
}

// CountActions tallies actions; today decides which are overdue.
func CountActions(as []Action, today time.Time) ActionCounts {
	var c ActionCounts
	for i := range as {
		a := &as[i]
		switch a.Status {
		case StatusDone:
			c.Done++
		case StatusAcceptedRisk:
			c.AcceptedRisk++
		default:
			c.Open++
		}
		if a.Overdue(today) {
			c.Overdue++
		}
	}
	return c
}
