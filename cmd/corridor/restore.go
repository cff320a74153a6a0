package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// restoreCmd restores a backup into a data folder that holds no database
// (a new machine, or after moving the damaged folder aside), checks the
// result against the backup's manifest and applies newer migrations.
func restoreCmd(fs *flagSet) func(ctx context.Context) error {
	c := storeConfig{ownEngine: true, create: true}
	c.register(fs)
	from := fs.String("from", "", "backup folder written by 'corridor backup' (required)")
	base := fs.String("base", "", "where the backup's base is now, when an incremental backup's base has moved (default: where it was at backup time)")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if *from == "" {
			return usageError{"--from is required: the backup folder to restore"}
		}
		if c.clickhouse != "" {
			return usageError{"restore works on the embedded engine; on an external ClickHouse run RESTORE DATABASE … on the server (see docs/deploy.md)"}
		}
		chain, err := backupChain(*from, *base)
		if err != nil {
			return err
		}
		if err := refuseExistingDatabase(c.data, c.database); err != nil {
			return err
		}
		s, err := openStore(ctx, &c, false)
		if err != nil {
			return err
		}
		defer s.close()
		if err := runRestore(ctx, s, c.data, chain); err != nil {
			return err
		}
		fmt.Printf("restored backup %s (%d backups in its chain) into database %s in %s; contents checked\n", chain[0].m.ID, len(chain), s.database, mustAbs(c.data))
		return nil
	}
}

// runRestore stages the chain, restores the newest backup as the store's
// database, checks every table and view against the manifest, then
// migrates (the backup may come from an older version).
func runRestore(ctx context.Context, s *store, data string, chain []backupLink) error {
	stage := engine.BackupsDir(mustAbs(data))
	cleanup, err := stageChain(chain, stage)
	defer cleanup()
	if err != nil {
		return err
	}
	m := chain[0].m
	stmt := fmt.Sprintf("RESTORE DATABASE %s AS %s FROM File(%s)", quoteIdent(m.Database), quoteIdent(s.database), quoteString(m.ID))
	if err := s.conn.Exec(ctx, stmt); err != nil {
		return fmt.Errorf("restore: %w", chsql.Wrap(err))
	}
	if len(m.Tables) == 0 {
		s.log.Warn("restore: the backup recorded no contents (the data changed while it ran); not checked")
	} else {
		got, err := contentSums(ctx, s.conn, s.database)
		if err != nil {
			return err
		}
		if d := sumsDiffer(m.Tables, got); len(d) > 0 {
			return fmt.Errorf("restore: the restored data differs from the backup's record: %s", strings.Join(d, "; "))
		}
	}
	if _, err := s.migrator().Up(ctx); err != nil {
		return fmt.Errorf("restore: migrate: %w", err)
	}
	return nil
}

// refuseExistingDatabase: a restore never overwrites a database.
func refuseExistingDatabase(data, db string) error {
	meta := filepath.Join(mustAbs(data), "clickhouse", "metadata", db+".sql")
	_, err := os.Stat(meta)
	switch {
	case err == nil:
		return usageError{fmt.Sprintf("data folder %s already holds database %s: restore into a new folder (--data), or stop the server and move this one aside first", mustAbs(data), db)}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}
