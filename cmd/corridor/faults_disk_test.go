package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
)

// smallDisk mounts a tmpfs of size bytes for the test, or skips the test
// where this machine does not let it (mounting needs root or CAP_SYS_ADMIN).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a small tmpfs for the full-disk test here (%v): needs root or CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}

// TestFaultFullDisk puts the data folder on a small disk and fills it but
// for about 1 MiB: a load fails half-way with an error that says the disk
// is full, readers see none of it, the next start ends it (its rows
// removed), and once space is freed the same load succeeds with exact
// totals and no part of any table is damaged.
func TestFaultFullDisk(t *testing.T) {
	ctx := context.Background()
	disk := smallDisk(t, "256m")
	data := filepath.Join(disk, "data")
	s, _ := testStore(t, "--data", data)
	csv := filepath.Join(t.TempDir(), "p.csv")
	var b strings.Builder
	b.WriteString("平台名称,区县,共建时间\n")
	for i := range 2000 {
		b.WriteString("平台" + strings.Repeat("甲", i%7) + string(rune('A'+i%26)) + "-" + itoa(i) + ",张店区,2019-03-10\n")
	}
	if err := os.WriteFile(csv, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(disk, "filler")
	fill(t, filler)
	// room for the load's record but not for its rows: the load fails half-way
	if fi, err := os.Stat(filler); err != nil || os.Truncate(filler, fi.Size()-int64(slack)) != nil {
		t.Fatal(err)
	}

	_, err := ingest.Load(ctx, s.conn, ingest.Options{Path: csv})
	if err == nil {
		t.Fatal("a load on a full disk succeeded")
	}
	t.Logf("load on a full disk: %v", err)
	if msg := strings.ToLower(err.Error()); !strings.Contains(msg, "space") {
		t.Errorf("the error does not say the disk is full: %v", err)
	}
	if k := chsql.KindOf(err); k != chsql.KindDiskFull {
		t.Errorf("a load on a full disk failed with kind %q, want %q: %v", k, chsql.KindDiskFull, err)
	}

	// Readers never see a load that did not commit.
	var current uint64
	if err := s.conn.QueryRow(ctx, "SELECT count() FROM platforms_current").Scan(&current); err != nil || current != 0 {
		t.Errorf("after the failed load readers see %d rows (%v), want none", current, err)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	// The failed load's record and rows stay 'loading' (the disk had no room
	// to mark it failed); the next start of the engine's owner ends it.
	s.close()
	s, _ = testStore(t, "--data", data)
	var raw, loading uint64
	if err := s.conn.QueryRow(ctx, "SELECT (SELECT count() FROM platforms), (SELECT count() FROM sources FINAL WHERE status = 'loading')").Scan(&raw, &loading); err != nil {
		t.Fatal(err)
	}
	if raw != 0 || loading != 0 {
		t.Errorf("after a restart the failed load left %d raw rows and %d loads 'loading'", raw, loading)
	}
	rep, err := ingest.Load(ctx, s.conn, ingest.Options{Path: csv})
	if err != nil {
		t.Fatalf("the load after space was freed: %v", err)
	}
	var n uint64
	if err := s.conn.QueryRow(ctx, "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 2000 || rep.Accepted != 2000 {
		t.Fatalf("after the retry: %d current rows, %d accepted (%v), want 2000", n, rep.Accepted, err)
	}
	parts, err := chsql.DetachedParts(ctx, s.conn)
	if err != nil || len(parts) > 0 {
		t.Errorf("damaged parts after the full disk: %v (%v)", parts, err)
	}
}

// slack is the room left on the full disk, in bytes.
var slack = 1100 << 10

func itoa(i int) string { return strconv.Itoa(i) }
