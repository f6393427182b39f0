package yamlnode

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzParseJSON checks the JSON parser against encoding/json: it accepts
// exactly the documents encoding/json accepts, except that it also reads a
// bare NaN and a byte order mark, and refuses invalid UTF-8 (which
// encoding/json quietly replaces) and nesting beyond MaxDepth.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"\u00e9\/",true,null]}`, `"\ud83d\ude00"`, `[NaN]`, `{"a":1,}`, `01`, `"\x"`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseJSON(data)
		if err == nil && n == nil {
			t.Fatal("nil node without error")
		}
		opens := bytes.Count(data, []byte("[")) + bytes.Count(data, []byte("{"))
		if !utf8.Valid(data) || opens > MaxDepth {
			return
		}
		valid := json.Valid(data)
		if valid && err != nil {
			t.Fatalf("valid JSON %q rejected: %v", data, err)
		}
		if err == nil && !valid && !bytes.Contains(data, []byte("NaN")) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			t.Fatalf("invalid JSON accepted: %q", data)
		}
	})
}
