package ingest

import (
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
)

// This file is the one place where ingest writes SQL. Statements with
// nothing variable live as named files in sql/queries (ingest.*.sql) and
// take their values as typed server-side parameters. What is generated
// here is only the text a load's table decides: the table comes from the
// kind registry (Kinds) and the columns from the engine's own schema
// (columnsOf), never from a file being loaded or a request, and both are
// quoted as identifiers. Values never appear in the text: they travel in
// the batch's data blocks. sqlgen_test.go holds the exact text.

// insertSQL is the INSERT a load streams its rows with: every column of
// the table, in the schema's order (PrepareBatch sends the values).
func insertSQL(table string, cols []tableColumn) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = chsql.QuoteIdent(c.name)
	}
	return "INSERT INTO " + chsql.QuoteIdent(table) + " (" + strings.Join(names, ", ") + ")"
}
