package chsql_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
)

// TestDiskFullIsItsOwnKind: the engine's NOT_ENOUGH_SPACE (243) and any
// write that failed with ENOSPC map to KindDiskFull, whose message says
// what happened and what to do, in both languages, and keeps the engine's.
func TestDiskFullIsItsOwnKind(t *testing.T) {
	for _, ex := range []*clickhouse.Exception{
		{Code: 243, Message: "Cannot reserve 1.00 MiB, not enough space"},
		{Code: 75, Message: "Cannot write to file /data/store/x.bin, errno: 28, strerror: No space left on device"},
	} {
		err := chsql.Wrap(fmt.Errorf("ingest: sources: %w", ex))
		if k := chsql.KindOf(err); k != chsql.KindDiskFull {
			t.Errorf("code %d: kind %q, want %q", ex.Code, k, chsql.KindDiskFull)
		}
		msg := err.Error()
		for _, want := range []string{"磁盘已满", "disk is full", "free space", ex.Message, fmt.Sprint(ex.Code)} {
			if !strings.Contains(msg, want) {
				t.Errorf("code %d: message %q lacks %q", ex.Code, msg, want)
			}
		}
	}
	if k := chsql.KindOf(&clickhouse.Exception{Code: 241, Message: "Memory limit exceeded"}); k == chsql.KindDiskFull {
		t.Error("a memory error was taken for a full disk")
	}
}
