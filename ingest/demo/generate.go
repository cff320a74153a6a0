package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	chsql "github.com/zibo-kj/corridor/sql"
)

// GenerateObservations adds n accepted observation rows of one committed
// sample source, generated inside the engine with one INSERT … SELECT FROM
// numbers, for benchmarks at scale: the catalog's four observation metrics
// plus 36 fillers, the eight Zibo districts, days spread over 2017–2025,
// random values and a distinct row_key per row (so none collapses in
// observations_current). Rows are generated in the table's sort order,
// which makes the insert's sort nearly free (~8 s for 10M instead of ~35 s),
// and OPTIMIZE … FINAL then merges the parts as background merges would.
func GenerateObservations(ctx context.Context, conn driver.Conn, n int) error {
	q := map[string]string{}
	for _, name := range []string{"InsertBenchSource", "GenerateObservations", "OptimizeObservations", "CountGenerated"} {
		text, err := chsql.Query("demo." + name)
		if err != nil {
			return fmt.Errorf("demo: generate: %w", err)
		}
		q[name] = text
	}
	version := uint64(time.Now().UnixNano())
	if err := conn.Exec(ctx, q["InsertBenchSource"], clickhouse.Named("rows", uint32(n)), clickhouse.Named("version", version)); err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	metrics := []string{"技术合同成交额", "R&D经费投入", "高新技术企业数", "科技型中小企业数"}
	for i := 1; len(metrics) < 40; i++ {
		metrics = append(metrics, fmt.Sprintf("填充指标%02d", i))
	}
	places := []string{"370302", "370303", "370304", "370305", "370306", "370321", "370322", "370323"}
	perMetric := (n + len(metrics) - 1) / len(metrics)
	perPlace := (perMetric + 7) / 8
	if err := conn.Exec(ctx, q["GenerateObservations"], clickhouse.Named("metrics", metrics), clickhouse.Named("places", places),
		clickhouse.Named("per_metric", uint64(perMetric)), clickhouse.Named("per_place", uint64(perPlace)),
		clickhouse.Named("version", version), clickhouse.Named("rows", uint64(n))); err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	if err := conn.Exec(ctx, q["OptimizeObservations"]); err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	var got uint64
	if err := conn.QueryRow(ctx, q["CountGenerated"]).Scan(&got); err != nil {
		return fmt.Errorf("demo: generate: %w", err)
	}
	if got != uint64(n) {
		return fmt.Errorf("demo: generate: observations_current shows %d generated rows, want %d", got, n)
	}
	return nil
}
