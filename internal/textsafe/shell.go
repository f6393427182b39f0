package textsafe

import "strings"

// ShellQuote quotes a word for a POSIX shell when it needs it, so that a
// command shown in a message (a file name in a hint) can be pasted as is.
func ShellQuote(s string) string {
	if s == "" {
		return "''"
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./@%+=:,", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
