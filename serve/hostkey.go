package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyPath is where the host key lives unless --host-key says
// otherwise: under the user's config folder, never in the current folder
// (usually a repository, where a private key must not land).
func DefaultHostKeyPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config folder for the host key (%v); give --host-key PATH", err)
	}
	return filepath.Join(dir, "wafr", "ssh_host_ed25519_key"), nil
}

// HostKey is the server's key pair.
type HostKey struct {
	PEM         []byte
	Fingerprint string // SHA256, as ssh-keygen -l prints it
	Created     bool   // made now, the first time
}

// LoadHostKey reads the host key at path, creating an ed25519 key (mode
// 0600) the first time.
func LoadHostKey(path string) (HostKey, error) {
	data, err := os.ReadFile(path)
	created := false
	if errors.Is(err, fs.ErrNotExist) {
		data, err = createHostKey(path)
		created = true
	}
	if err != nil {
		return HostKey{}, fmt.Errorf("host key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return HostKey{}, fmt.Errorf("host key %s: %w", path, err)
	}
	return HostKey{PEM: data, Fingerprint: gossh.FingerprintSHA256(signer.PublicKey()), Created: created}, nil
}

func createHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "wafr serve host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	return data, nil
}
