package engine

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Account is one of the engine's named accounts.
type Account int

const (
	// Writer owns the application database: migrations, loads, users and
	// sessions. It has rights on that database only.
	Writer Account = iota
	// Web is the dashboard's read-only account for its own analytics reads.
	Web
	// Analyst is the read-only account for people's ad hoc SQL (corridor
	// query, the console, their own ClickHouse clients), under a quota.
	Analyst
)

// String names the account for messages.
func (a Account) String() string {
	switch a {
	case Writer:
		return "writer"
	case Web:
		return "web reader"
	case Analyst:
		return "analyst reader"
	}
	return fmt.Sprintf("account(%d)", int(a))
}

// Credentials are the engine's named users; generated once per data
// folder and kept in engine/secrets.json, readable by its owner only.
type Credentials struct {
	WriterUser     string `json:"writer_user"`
	WriterPassword string `json:"writer_password"`
	ReaderUser     string `json:"reader_user"` // the Analyst account
	ReaderPassword string `json:"reader_password"`
	WebUser        string `json:"web_user"`
	WebPassword    string `json:"web_password"`
}

// UserPass returns the user name and password of account a.
func (c Credentials) UserPass(a Account) (user, password string) {
	switch a {
	case Web:
		return c.WebUser, c.WebPassword
	case Analyst:
		return c.ReaderUser, c.ReaderPassword
	}
	return c.WriterUser, c.WriterPassword
}

// readCredentials reads secrets.json as it is.
func readCredentials(path string) (Credentials, error) {
	var c Credentials
	b, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("engine: read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &c); err != nil || c.WriterPassword == "" || c.ReaderPassword == "" {
		return c, fmt.Errorf("engine: %s is damaged (%v); remove it to generate new passwords", path, err)
	}
	return c, nil
}

// loadOrCreateCredentials reads secrets.json, adding any account it lacks
// (a folder made by an older version has no web account), or writes a new one.
func loadOrCreateCredentials(path string) (Credentials, error) {
	c, err := readCredentials(path)
	switch {
	case err == nil:
		if c.WebPassword != "" {
			return c, nil
		}
	case errors.Is(err, os.ErrNotExist):
		c = Credentials{}
	default:
		return c, err
	}
	fill(&c.WriterUser, &c.WriterPassword, "corridor")
	fill(&c.ReaderUser, &c.ReaderPassword, "corridor_ro")
	fill(&c.WebUser, &c.WebPassword, "corridor_web")
	return c, writePrivate(path, mustJSON(c))
}

func fill(user, password *string, name string) {
	if *user == "" {
		*user = name
	}
	if *password == "" {
		*password = randomSecret()
	}
}

func mustJSON(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // plain structs of strings always marshal
	}
	return b
}

// writePrivate replaces path atomically with a file only its owner can read.
func writePrivate(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("engine: write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("engine: %w", err)
	}
	return nil
}

func randomSecret() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b)
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
