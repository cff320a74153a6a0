package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/user"
	"strconv"
	"strings"
	"text/tabwriter"

	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/sql/adhoc"
	"github.com/zibo-kj/corridor/sql/engine"
)

// queryFormats are what --format accepts.
var queryFormats = map[string]bool{"table": true, "csv": true, "json": true, "xlsx": true}

// queryCmd runs one ad hoc SQL statement as the read-only user, with the
// console's limits, and prints the result as an aligned table, CSV (UTF-8
// with BOM, formulas neutralised), JSON (as POST /api/v1/query answers) or
// XLSX (to standard output: redirect it to a file). A statement with no
// result prints "ok".
func queryCmd(fs *flagSet) func(ctx context.Context) error {
	return queryCommand(fs, os.Stdout, os.Stderr)
}

// queryCommand is queryCmd with its outputs as parameters (tests).
func queryCommand(fs *flagSet, out, errOut io.Writer) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	fs.args = "SQL"
	format := fs.String("format", "table", "output format: table, csv (UTF-8 with BOM), json or xlsx (binary: redirect to a file)")
	maxRows := fs.Int("max-rows", adhoc.DefaultMaxRows, "print at most this many rows; a larger result is cut and a note goes to standard error")
	timeout := fs.Int("timeout", adhoc.DefaultTimeoutSeconds, "seconds the statement may run (1..600)")
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
		if *timeout < 1 || *timeout > 600 {
			return usageError{fmt.Sprintf("--timeout %d: want 1..600 seconds", *timeout)}
		}
		if !queryFormats[*format] {
			return usageError{fmt.Sprintf("--format %q: want table, csv, json or xlsx", *format)}
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
		res, err := adhoc.Run(ctx, conn, adhoc.Request{SQL: fs.Arg(0), User: osUser(), Via: "cli",
			Limits: adhoc.Limits{MaxRows: *maxRows, TimeoutSeconds: *timeout}})
		if err != nil {
			p := adhoc.Explain(err)
			return fmt.Errorf("%s / %s: %s", p.ZH, p.EN, p.Detail)
		}
		if res.Truncated {
			fmt.Fprintf(errOut, "note: the result has more than %d rows; only the first %d are shown (--max-rows)\n", *maxRows, *maxRows)
		}
		return printResult(out, res, *format)
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

func printResult(out io.Writer, res adhoc.Result, format string) error {
	if len(res.Columns) == 0 && format != "json" {
		_, err := fmt.Fprintln(out, "ok")
		return err
	}
	switch format {
	case "csv":
		return adhoc.WriteCSV(out, res)
	case "xlsx":
		return adhoc.WriteXLSX(out, res)
	case "json":
		e := json.NewEncoder(out)
		e.SetIndent("", "  ")
		return e.Encode(res)
	}
	return printTable(out, res)
}

func printTable(out io.Writer, res adhoc.Result) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	names := make([]string, len(res.Columns))
	for i, col := range res.Columns {
		names[i] = col.Name
	}
	fmt.Fprintln(tw, strings.Join(names, "\t"))
	for _, r := range res.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			if v == nil {
				cells[i] = "NULL"
			} else {
				cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(adhoc.Text(v))
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	fmt.Fprintf(tw, "(%d %s)\n", len(res.Rows), map[bool]string{true: "row", false: "rows"}[len(res.Rows) == 1])
	return tw.Flush()
}
