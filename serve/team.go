package serve

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/tui"
)

// Member is one person of the team file: a public key, the role it gets,
// and the name recorded as who answered.
type Member struct {
	Name        string
	Role        tui.Role
	Fingerprint string // SHA256 of the key, as ssh-keygen -l prints it
}

// Team is who may join a live review, by key fingerprint.
type Team struct {
	members map[string]Member
}

// Lookup finds the member with this key.
func (t *Team) Lookup(key gossh.PublicKey) (Member, bool) {
	if t == nil {
		return Member{}, false
	}
	m, ok := t.members[gossh.FingerprintSHA256(key)]
	return m, ok
}

// Len is how many keys may join.
func (t *Team) Len() int { return len(t.members) }

// ParseTeam reads an authorized_keys-format team file: one person a line,
// "role=facilitator ssh-ed25519 AAAA… alice". The options field gives the
// role (facilitator, contributor or observer; contributor when absent); the
// comment is the person's name. A line that does not parse is reported, by
// its line number, and skipped: it never locks everyone out.
func ParseTeam(name string, data []byte) (*Team, []tui.TeamProblem) {
	t := &Team{members: map[string]Member{}}
	var problems []tui.TeamProblem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		m, problem := parseMember(text)
		if problem != nil {
			problem.File, problem.Line = name, line
			problems = append(problems, *problem)
			continue
		}
		if old, dup := t.members[m.Fingerprint]; dup {
			problems = append(problems, tui.TeamProblem{Kind: tui.TeamDuplicate, File: name, Line: line, Value: old.Name, Name: m.Name})
			continue
		}
		t.members[m.Fingerprint] = m
	}
	if err := sc.Err(); err != nil {
		problems = append(problems, tui.TeamProblem{Kind: tui.TeamUnreadable, File: name, Err: err.Error()})
	}
	return t, problems
}

// parseMember reads one line of a team file; a problem says what is wrong
// with it (the caller adds where).
func parseMember(line string) (Member, *tui.TeamProblem) {
	key, comment, options, _, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return Member{}, &tui.TeamProblem{Kind: tui.TeamNotAKey, Err: err.Error()}
	}
	m := Member{Role: tui.Contributor, Fingerprint: gossh.FingerprintSHA256(key), Name: cleanName(comment)}
	for _, opt := range options {
		name, value, _ := strings.Cut(opt, "=")
		switch strings.ToLower(name) {
		case "role":
			role, ok := tui.ParseRole(strings.Trim(value, `"`))
			if !ok {
				return Member{}, &tui.TeamProblem{Kind: tui.TeamBadRole, Value: value}
			}
			m.Role = role
		case "no-agent-forwarding", "no-port-forwarding", "no-x11-forwarding", "no-user-rc":
			// wafr forwards nothing: these restrict nothing it does
		default:
			// command=, from=, restrict, no-pty, expiry-time=…: the key is
			// meant for something narrower than a whole review session,
			// and wafr cannot honour that.
			return Member{}, &tui.TeamProblem{Kind: tui.TeamBadOption, Value: name}
		}
	}
	if strings.Contains(comment, "role=") {
		return Member{}, &tui.TeamProblem{Kind: tui.TeamRoleInName}
	}
	if m.Name == "" {
		m.Name = m.Fingerprint[:min(len(m.Fingerprint), 15)]
	}
	return m, nil
}

// cleanName is a key comment fit to show and to record.
func cleanName(s string) string {
	return strings.Join(strings.Fields(textsafe.Clean(strings.ToValidUTF8(s, "\uFFFD"))), " ")
}

// teamFile is the team file, read again whenever it changes.
type teamFile struct {
	path     string
	mu       sync.Mutex
	modTime  time.Time
	size     int64
	team     *Team
	problems []tui.TeamProblem // of the last read: what has been told
}

// current returns the team, reading the file again when it changed since
// the last read, and the problems that read found that the one before it
// did not: each is told once (the first read's at start-up), whoever reads
// first, a login or the watcher. reread is true when the team may be
// another one, or there is a new problem to tell. A file that cannot be
// read keeps the last good team.
func (f *teamFile) current() (*Team, []tui.TeamProblem, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	team, problems, reread := f.read()
	if problems == nil { // not read: the file is as it was
		return team, nil, reread
	}
	var fresh []tui.TeamProblem
	for _, p := range problems {
		if !slices.Contains(f.problems, p) { // the same line, said alike: a line moved is told again
			fresh = append(fresh, p)
		}
	}
	f.problems = problems
	return team, fresh, reread || len(fresh) > 0
}

// read is current without the telling: problems is nil when the file was
// not read (unchanged), else what this read found (empty, none).
func (f *teamFile) read() (*Team, []tui.TeamProblem, bool) {
	st, err := os.Stat(f.path)
	if err != nil {
		// Gone or unreadable: no one new gets in on the strength of an
		// old copy.
		reread := f.team == nil || f.team.Len() > 0
		if reread {
			f.team = &Team{members: map[string]Member{}}
		}
		f.modTime, f.size = time.Time{}, 0
		return f.team, []tui.TeamProblem{{Kind: tui.TeamGone, File: f.path, Err: err.Error()}}, reread
	}
	if f.team != nil && st.ModTime().Equal(f.modTime) && st.Size() == f.size {
		return f.team, nil, false
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		return f.team, []tui.TeamProblem{{Kind: tui.TeamUnreadable, File: f.path, Err: err.Error()}}, false
	}
	team, problems := ParseTeam(f.path, data)
	f.team, f.modTime, f.size = team, st.ModTime(), st.Size()
	return team, append([]tui.TeamProblem{}, problems...), true // never nil: it was read
}

// HostTeam is the team when no team file is given: the keys of the user
// running wafr (~/.ssh/authorized_keys, else ~/.ssh/*.pub), as
// facilitators. It also says where they came from.
func HostTeam(home, name string) (*Team, string, []tui.TeamProblem) {
	sshDir := filepath.Join(home, ".ssh")
	if data, err := os.ReadFile(filepath.Join(sshDir, "authorized_keys")); err == nil {
		t, problems := ParseTeam(filepath.Join(sshDir, "authorized_keys"), data)
		if t.Len() > 0 {
			return asFacilitators(t, name), filepath.Join(sshDir, "authorized_keys"), problems
		}
	}
	pubs, _ := filepath.Glob(filepath.Join(sshDir, "*.pub"))
	var all bytes.Buffer
	for _, p := range pubs {
		if data, err := os.ReadFile(p); err == nil {
			all.Write(data)
			all.WriteByte('\n')
		}
	}
	t, problems := ParseTeam(filepath.Join(sshDir, "*.pub"), all.Bytes())
	return asFacilitators(t, name), filepath.Join(sshDir, "*.pub"), problems
}

func asFacilitators(t *Team, name string) *Team {
	for fp, m := range t.members {
		m.Role = tui.Facilitator
		if name != "" {
			m.Name = name
		}
		t.members[fp] = m
	}
	return t
}

// teamProblemsNotice tells the host the new problems of the team file in
// one notice: the first, and how many more (a notice for each would
// replace the one before).
func teamProblemsNotice(problems []tui.TeamProblem) tui.Notice {
	return tui.Notice{Kind: tui.NoticeTeamProblem, Team: &problems[0], N: len(problems) - 1}
}
