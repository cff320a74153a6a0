package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// backupCmd writes a backup of the database into a new folder, while the
// server runs (it attaches to serve's engine) or not. With --base it is
// incremental: only the data parts the base lacks are stored, and a restore
// needs the base too.
func backupCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	out := fs.String("out", "", "new (or empty) folder to write the backup into (required)")
	base := fs.String("base", "", "an earlier backup folder: store only what changed since it (incremental); restoring then needs that folder too")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if *out == "" {
			return usageError{"--out is required: the folder to write the backup into"}
		}
		if c.clickhouse != "" {
			return usageError{"backup works on the embedded engine; on an external ClickHouse run BACKUP DATABASE … TO Disk/S3 on the server (see docs/deploy.md)"}
		}
		s, err := openStore(ctx, &c, false)
		if err != nil {
			return err
		}
		defer s.close()
		m, err := runBackup(ctx, s, c.data, *out, *base)
		if err != nil {
			return err
		}
		fmt.Printf("backup %s of database %s written to %s (%d tables", m.ID, m.Database, *out, len(m.Tables))
		if m.Base != "" {
			fmt.Printf(", incremental on %s", m.Base)
		}
		fmt.Println(")")
		return nil
	}
}

// runBackup makes the engine write the backup into its backups folder
// (the only place it may write to), then moves it to out with its manifest.
func runBackup(ctx context.Context, s *store, data, out, base string) (backupManifest, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return backupManifest{}, err
	}
	if err := emptyDir(out); err != nil {
		return backupManifest{}, err
	}
	abs, err := filepath.Abs(data)
	if err != nil {
		return backupManifest{}, err
	}
	stage := engine.BackupsDir(abs)
	m := backupManifest{Format: backupFormat1, ID: newBackupID(time.Now()), Database: s.database, Created: time.Now().UTC()}
	stmt := fmt.Sprintf("BACKUP DATABASE %s TO File(%s)", quoteIdent(s.database), quoteString(m.ID))
	if base != "" {
		chain, err := backupChain(base, "")
		if err != nil {
			return m, err
		}
		if chain[0].m.Database != s.database {
			return m, usageError{fmt.Sprintf("--base %s is a backup of database %s, not %s", base, chain[0].m.Database, s.database)}
		}
		cleanup, err := stageChain(chain, stage)
		defer cleanup()
		if err != nil {
			return m, err
		}
		m.Base, m.BaseDir = chain[0].m.ID, mustAbs(base)
		stmt += " SETTINGS base_backup = File(" + quoteString(m.Base) + ")"
	}
	if m.Schema, err = s.migrator().Version(ctx); err != nil {
		return m, err
	}
	before, err := contentSums(ctx, s.conn, s.database)
	if err != nil {
		return m, err
	}
	if err := s.conn.Exec(ctx, stmt); err != nil {
		_ = os.RemoveAll(filepath.Join(stage, m.ID))
		return m, fmt.Errorf("backup: %w", chsql.Wrap(err))
	}
	after, err := contentSums(ctx, s.conn, s.database)
	if err != nil {
		return m, err
	}
	if sameSums(before, after) {
		m.Tables = after
	} else {
		s.log.Warn("backup: the data changed while the backup ran (a load?); the backup is usable but its contents are not recorded, so a restore cannot check itself", "changed", sumsDiffer(before, after))
	}
	if err := moveTree(filepath.Join(stage, m.ID), filepath.Join(out, engineSubdir)); err != nil {
		return m, fmt.Errorf("backup: move into %s: %w", out, err)
	}
	return m, writeManifest(out, m)
}

// stageChain puts the backups of chain into the engine's backups folder
// under their IDs, where BACKUP and RESTORE find them by name; cleanup
// removes what it put there.
func stageChain(chain []backupLink, stage string) (cleanup func(), err error) {
	var made []string
	cleanup = func() {
		for _, p := range made {
			_ = os.RemoveAll(p)
		}
	}
	for _, l := range chain {
		to := filepath.Join(stage, l.m.ID)
		if _, err := os.Stat(to); err == nil {
			continue // already there (an earlier run's leftover is the same backup)
		}
		made = append(made, to)
		if err := copyTree(filepath.Join(l.dir, engineSubdir), to); err != nil {
			return cleanup, fmt.Errorf("backup: stage %s: %w", l.dir, err)
		}
	}
	return cleanup, nil
}

func mustAbs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
