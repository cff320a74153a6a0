package chsql_test

import (
	"context"
	"testing"
	"time"

	chsql "github.com/zibo-kj/corridor/sql"
)

// TestClusterShardDownIsUnavailable: with one shard's engine stopped, a
// read through the Distributed tables fails as "database unavailable"
// (what the dashboard answers 503 for) instead of counting only the rows
// of the shard that is up.
func TestClusterShardDownIsUnavailable(t *testing.T) {
	ctx := context.Background()
	cl := h.StartCluster(t, "corridor_down", 2)
	d := cl.DB(t)
	if err := d.Conn.Exec(ctx, "INSERT INTO places (code, name, version) SELECT toString(number), 'p', 1 FROM numbers(100)"); err != nil {
		t.Fatal(err)
	}
	var n uint64
	if err := d.Conn.QueryRow(ctx, "SELECT count() FROM places").Scan(&n); err != nil || n != 100 {
		t.Fatalf("both shards up: %d rows (%v), want 100", n, err)
	}
	if err := cl.Engines[1].Stop(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	err := d.Conn.QueryRow(ctx, "SELECT count() FROM places").Scan(&n)
	if err == nil {
		t.Fatalf("with shard 2 down a read answered %d rows", n)
	}
	if k := chsql.KindOf(err); k != chsql.KindUnavailable {
		t.Errorf("with shard 2 down: kind %q, want %q: %v", k, chsql.KindUnavailable, err)
	}
	t.Logf("shard down: %v", chsql.Wrap(err))
}
