package chsql

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Migration is one embedded migrations/NNNN_name.sql file.
type Migration struct {
	ID       uint32
	Name     string
	SQL      string
	Checksum string
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	return migrationsFrom(files, "migrations")
}

func migrationsFrom(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("chsql: migrations: %w", err)
	}
	var ms []Migration
	for _, e := range entries {
		base := strings.TrimSuffix(e.Name(), ".sql")
		num, name, ok := strings.Cut(base, "_")
		id, err := strconv.ParseUint(num, 10, 32)
		if !ok || err != nil || id == 0 {
			return nil, fmt.Errorf("chsql: migration file %q: want NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("chsql: %w", err)
		}
		sum := sha256.Sum256(b)
		ms = append(ms, Migration{ID: uint32(id), Name: name, SQL: string(b), Checksum: hex.EncodeToString(sum[:])})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
	for i := 1; i < len(ms); i++ {
		if ms[i].ID == ms[i-1].ID {
			return nil, fmt.Errorf("chsql: two migrations numbered %d", ms[i].ID)
		}
	}
	return ms, nil
}

// Migrator applies migrations to one database and records them in the
// schema_migrations ledger.
type Migrator struct {
	Conn     driver.Conn
	Database string
	Cluster  string
	// PerNode applies cluster-mode DDL to this node only, with plain
	// (not Replicated) local tables and no ON CLUSTER: for a cluster without
	// Keeper, where the migrations must be run against every node.
	PerNode bool
	Log     *slog.Logger
}

// Status is the ledger's view of one migration.
type Status struct {
	ID       uint32
	Checksum string
	Status   string
}

// Up applies every migration not yet applied, in order. It refuses to run
// when an applied migration's file changed since (its checksum differs):
// the schema in the database would no longer match the code.
func (m Migrator) Up(ctx context.Context) (applied []Migration, err error) {
	return m.up(ctx, nil)
}

func (m Migrator) up(ctx context.Context, ms []Migration) ([]Migration, error) {
	if ms == nil {
		var err error
		if ms, err = Migrations(); err != nil {
			return nil, err
		}
	}
	if err := m.ensureLedger(ctx); err != nil {
		return nil, err
	}
	done, err := m.Ledger(ctx)
	if err != nil {
		return nil, err
	}
	var applied []Migration
	for _, mg := range ms {
		if st, ok := done[mg.ID]; ok && st.Status == "applied" {
			if st.Checksum != mg.Checksum {
				return applied, fmt.Errorf("chsql: migration %04d_%s was changed after it was applied (checksum %.12s…, applied %.12s…); add a new migration instead of editing an old one", mg.ID, mg.Name, mg.Checksum, st.Checksum)
			}
			continue
		}
		if err := m.apply(ctx, mg); err != nil {
			return applied, err
		}
		applied = append(applied, mg)
	}
	return applied, nil
}

func (m Migrator) apply(ctx context.Context, mg Migration) error {
	t0 := time.Now()
	stmts, err := m.Statements(mg)
	if err != nil {
		return err
	}
	for i, stmt := range stmts {
		if err := m.Conn.Exec(ctx, stmt); err != nil {
			_ = m.record(ctx, mg, "failed")
			return fmt.Errorf("chsql: migration %04d_%s statement %d: %w", mg.ID, mg.Name, i+1, Wrap(err))
		}
	}
	if err := m.record(ctx, mg, "applied"); err != nil {
		return err
	}
	if m.Log != nil {
		m.Log.Info("migration applied", "id", mg.ID, "name", mg.Name, "took", time.Since(t0).Round(time.Millisecond))
	}
	return nil
}

// Statements are mg's statements for this database and mode, ready to run.
func (m Migrator) Statements(mg Migration) ([]string, error) {
	var out []string
	for _, stmt := range Split(mg.SQL) {
		if m.Cluster == "" {
			out = append(out, m.expand(stmt))
			continue
		}
		cs, err := clusterStatements(stmt, m.Cluster, m.Database)
		if err != nil {
			return nil, fmt.Errorf("chsql: migration %04d_%s: %w", mg.ID, mg.Name, err)
		}
		for _, c := range cs {
			out = append(out, m.expand(c))
		}
	}
	return out, nil
}

// expand fills the placeholders for this database and cluster mode.
func (m Migrator) expand(s string) string {
	rep, on := "", m.ddlCluster()
	if on != "" {
		rep = "Replicated"
	}
	return strings.NewReplacer("{db}", QuoteIdent(m.Database), "{on_cluster}", onCluster(on), "{replicated}", rep).Replace(s)
}

// ddlCluster is the cluster DDL runs ON: none for one server or per node.
func (m Migrator) ddlCluster() string {
	if m.PerNode {
		return ""
	}
	return m.Cluster
}

func (m Migrator) ensureLedger(ctx context.Context) error {
	q, args := ledgerSQL(m.Database, m.ddlCluster())
	if err := m.Conn.Exec(ctx, q, args...); err != nil {
		return fmt.Errorf("chsql: migration ledger: %w", Wrap(err))
	}
	return nil
}

func (m Migrator) record(ctx context.Context, mg Migration, status string) error {
	q, err := Query("migrate.Record")
	if err != nil {
		return err
	}
	if err := m.Conn.Exec(ctx, q, clickhouse.Named("db", m.Database), clickhouse.Named("id", mg.ID), clickhouse.Named("name", mg.Name),
		clickhouse.Named("checksum", mg.Checksum), clickhouse.Named("applied_at", time.Now()), clickhouse.Named("status", status)); err != nil {
		return fmt.Errorf("chsql: record migration %d: %w", mg.ID, Wrap(err))
	}
	return nil
}

// Ledger returns the latest ledger entry per migration id.
func (m Migrator) Ledger(ctx context.Context) (map[uint32]Status, error) {
	q, err := Query("migrate.Ledger")
	if err != nil {
		return nil, err
	}
	rows, err := m.Conn.Query(ctx, q, clickhouse.Named("db", m.Database))
	if err != nil {
		return nil, fmt.Errorf("chsql: read ledger: %w", Wrap(err))
	}
	defer rows.Close()
	out := map[uint32]Status{}
	for rows.Next() {
		var s Status
		if err := rows.Scan(&s.ID, &s.Checksum, &s.Status); err != nil {
			return nil, fmt.Errorf("chsql: read ledger: %w", err)
		}
		out[s.ID] = s
	}
	return out, rows.Err()
}

// Version is the highest applied migration id (0 when none).
func (m Migrator) Version(ctx context.Context) (uint32, error) {
	l, err := m.Ledger(ctx)
	if err != nil {
		return 0, err
	}
	var v uint32
	for id, s := range l {
		if s.Status == "applied" && id > v {
			v = id
		}
	}
	return v, nil
}

// FileName is the migration's file name, NNNN_name.sql.
func (mg Migration) FileName() string { return fmt.Sprintf("%04d_%s.sql", mg.ID, mg.Name) }

// MigrationsFrom reads migrations from another file system (tests, tools).
func MigrationsFrom(fsys fs.FS, dir string) ([]Migration, error) { return migrationsFrom(fsys, dir) }

// UpWith applies the given migrations instead of the embedded ones.
func (m Migrator) UpWith(ctx context.Context, ms []Migration) ([]Migration, error) {
	return m.up(ctx, ms)
}
