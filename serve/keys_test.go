package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

type testKey struct {
	signer     gossh.Signer
	public     gossh.PublicKey
	authorized string // "ssh-ed25519 AAAA…", without a comment
}

func testKeys(t testing.TB, n int) []testKey {
	t.Helper()
	var out []testKey
	for i := 0; i < n; i++ {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		signer, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			t.Fatal(err)
		}
		line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
		out = append(out, testKey{signer: signer, public: signer.PublicKey(), authorized: line})
	}
	return out
}
