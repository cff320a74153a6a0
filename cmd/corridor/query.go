package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ClickHouse/clickhouse-go/v2"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/engine"
)

// queryCmd runs one ad hoc SQL statement as the read-only user and prints
// the result as an aligned table or CSV.
func queryCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	fs.args = "SQL"
	format := fs.String("format", "table", "output format: table or csv")
	maxRows := fs.Int("max-rows", 10000, "refuse results larger than this")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
			return usageError{"give one SQL statement as the argument, e.g. corridor query 'SELECT count() FROM platforms_current'"}
		}
		if lim := maxResultRows(); *maxRows < 1 || *maxRows > lim {
			return usageError{fmt.Sprintf("--max-rows %d: want 1..%d (the read-only accounts' bound)", *maxRows, lim)}
		}
		if *format != "table" && *format != "csv" {
			return usageError{fmt.Sprintf("--format %q: want table or csv", *format)}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		conn, err := chsql.Open(ctx, s.reader, false)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := chsql.CheckReadOnly(ctx, conn); err != nil {
			return fmt.Errorf("corridor query runs as a read-only account only: %w", err)
		}
		qctx := clickhouse.Context(ctx, clickhouse.WithQuotaKey(osUser()), clickhouse.WithSettings(clickhouse.Settings{
			"max_result_rows": *maxRows, "max_execution_time": 60}))
		rows, err := conn.Query(qctx, fs.Arg(0))
		if err != nil {
			return chsql.Wrap(err)
		}
		defer rows.Close()
		cols := rows.Columns()
		vals := make([]any, len(cols))
		for i, ct := range rows.ColumnTypes() {
			vals[i] = newScanDest(ct.ScanType())
		}
		var out [][]string
		for rows.Next() {
			if err := rows.Scan(vals...); err != nil {
				return err
			}
			rec := make([]string, len(vals))
			for i, v := range vals {
				rec[i] = formatCell(v)
			}
			out = append(out, rec)
		}
		if err := rows.Err(); err != nil {
			return chsql.Wrap(err)
		}
		return printRows(cols, out, *format)
	}
}

// maxResultRows is the read-only accounts' upper bound on result rows.
func maxResultRows() int {
	for _, l := range engine.ReaderLimits() {
		if l.Name == "max_result_rows" {
			n, _ := strconv.Atoi(l.Max)
			return n
		}
	}
	return 0
}

// osUser names the person running the command, for the analysts' quota.
func osUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}

func printRows(cols []string, rows [][]string, format string) error {
	if format == "csv" {
		w := csv.NewWriter(os.Stdout)
		_ = w.Write(cols)
		_ = w.WriteAll(rows)
		return w.Error()
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	fmt.Fprintf(tw, "(%d %s)\n", len(rows), map[bool]string{true: "row", false: "rows"}[len(rows) == 1])
	return tw.Flush()
}
