package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// A backup folder (corridor backup --out DIR) holds the engine's own backup
// in DIR/clickhouse (what BACKUP DATABASE … TO File(…) wrote) and
// DIR/corridor-backup.json, the manifest: which database, which backup it
// builds on, and what the data looked like, so that a restore can check
// itself.
const (
	manifestFile  = "corridor-backup.json"
	engineSubdir  = "clickhouse"
	backupFormat1 = 1
)

// backupManifest describes one backup.
type backupManifest struct {
	Format   int       `json:"format"`
	ID       string    `json:"id"` // the engine's name for it; unique
	Database string    `json:"database"`
	Created  time.Time `json:"created"`
	Schema   uint32    `json:"schema_version"`
	// Base is the ID of the backup this one builds on (incremental); BaseDir
	// is where that backup was when this one was made (restore --base
	// names it when it has moved).
	Base    string `json:"base,omitempty"`
	BaseDir string `json:"base_dir,omitempty"`
	// Tables are every table's and view's rows and content sum at backup
	// time; empty when the data changed while the backup ran.
	Tables map[string]tableSum `json:"tables,omitempty"`
}

// newBackupID names a backup by its time and a random suffix.
func newBackupID(now time.Time) string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return "corridor-" + now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b)
}

func readManifest(dir string) (backupManifest, error) {
	var m backupManifest
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return m, fmt.Errorf("backup %s: %w (not a corridor backup folder?)", dir, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("backup %s: manifest: %w", dir, err)
	}
	if m.Format != backupFormat1 || m.ID == "" || m.Database == "" {
		return m, fmt.Errorf("backup %s: manifest of an unknown format (%d)", dir, m.Format)
	}
	if _, err := os.Stat(filepath.Join(dir, engineSubdir, ".backup")); err != nil {
		return m, fmt.Errorf("backup %s: the engine's backup is missing: %w", dir, err)
	}
	return m, nil
}

func writeManifest(dir string, m backupManifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("backup: manifest: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, manifestFile), append(b, '\n'), 0o600)
}

// backupLink is one backup of a chain: where it is and what it says.
type backupLink struct {
	dir string
	m   backupManifest
}

// backupChain is the backup in dir and every backup it builds on, newest
// first. baseDir, when set, is where dir's direct base is now; the bases
// further down are found where their children recorded them.
func backupChain(dir, baseDir string) ([]backupLink, error) {
	var chain []backupLink
	for dir != "" {
		m, err := readManifest(dir)
		if err != nil {
			return nil, err
		}
		if n := len(chain); n > 0 && chain[n-1].m.Base != m.ID {
			return nil, fmt.Errorf("backup %s is %s, but %s builds on %s; name the right one with --base", dir, m.ID, chain[n-1].dir, chain[n-1].m.Base)
		}
		if len(chain) > 64 {
			return nil, errors.New("backup: a chain of more than 64 incremental backups; make a full backup")
		}
		chain = append(chain, backupLink{dir, m})
		dir = m.BaseDir
		if len(chain) == 1 && baseDir != "" {
			dir = baseDir
		}
		if m.Base == "" {
			dir = ""
		}
	}
	return chain, nil
}

// emptyDir makes dir, or accepts it when it exists and is empty: a backup
// never mixes with other files.
func emptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o750)
	case err != nil:
		return err
	case len(ents) > 0:
		return usageError{fmt.Sprintf("--out %s is not empty: give a new folder for each backup", dir)}
	}
	return nil
}

// copyTree copies src to dst (which must not exist), hard-linking files
// where it can: a backup's files never change once written.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o750)
		}
		if os.Link(p, to) == nil {
			return nil
		}
		return copyFile(p, to)
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// moveTree renames src to dst, or copies and removes it across file systems.
func moveTree(src, dst string) error {
	if os.Rename(src, dst) == nil {
		return nil
	}
	if err := copyTree(src, dst); err != nil {
		return err
	}
	return os.RemoveAll(src)
}
