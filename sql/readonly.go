package chsql

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// CheckReadOnly refuses a connection whose user could change data. A user
// is read-only when its readonly setting is on, or when its grants hold
// nothing beyond SELECT and SHOW (a granted role counts as "could write":
// its rights are not visible to the user). The read paths — corridor query,
// the dashboard's reads on an external ClickHouse — call it before use.
func CheckReadOnly(ctx context.Context, conn driver.Conn) error {
	q, err := Query("access.ReadonlySetting")
	if err != nil {
		return err
	}
	var ro string
	if err := conn.QueryRow(ctx, q).Scan(&ro); err != nil {
		return fmt.Errorf("chsql: read-only check: %w", Wrap(err))
	}
	if ro != "0" {
		return nil
	}
	if q, err = Query("access.Grants"); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, q)
	if err != nil {
		return fmt.Errorf("chsql: read-only check: %w", Wrap(err))
	}
	defer rows.Close()
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return fmt.Errorf("chsql: read-only check: %w", err)
		}
		if w := writeGrant(g); w != "" {
			return fmt.Errorf("chsql: this account can change data (%s); use a read-only account (readonly = 1 in its profile, or only SELECT granted)", w)
		}
	}
	return Wrap(rows.Err())
}

var columnLists = regexp.MustCompile(`\([^)]*\)`)

// writeGrant returns the first privilege of a SHOW GRANTS line that is not
// a read, or "" when the line only reads.
func writeGrant(line string) string {
	if !strings.HasPrefix(line, "GRANT ") {
		return "" // REVOKE lines only take rights away
	}
	privs, _, hasOn := strings.Cut(strings.TrimPrefix(line, "GRANT "), " ON ")
	if !hasOn {
		return "a role: " + line
	}
	for _, p := range strings.Split(columnLists.ReplaceAllString(privs, ""), ",") {
		p = strings.TrimSpace(p)
		if p != "SELECT" && !strings.HasPrefix(p, "SHOW") {
			return p
		}
	}
	return ""
}
