package dashboard_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestConsoleSuggestsTheMeantColumn: an unknown column or table comes back
// with its name and the server's suggestions, in the message too.
func TestConsoleSuggestsTheMeantColumn(t *testing.T) {
	ts := newConsoleServer(t)
	var p struct {
		Problem struct {
			Name        string   `json:"name"`
			Suggestions []string `json:"suggestions"`
		} `json:"problem"`
		Error string `json:"error"`
	}
	for _, c := range []struct{ sql, name, meant string }{
		{"SELECT district_cod FROM platforms_current", "district_cod", "district_code"},
		{"SELECT count() FROM platform_current", "platform_current", "platforms_current"},
	} {
		code, _, raw := runQuery(t, ts, sqlBody(c.sql, nil), "", "")
		if err := json.Unmarshal(raw, &p); err != nil || code != 400 {
			t.Fatalf("%s: %d %v %s", c.sql, code, err, raw)
		}
		if p.Problem.Name != c.name || !slices.Contains(p.Problem.Suggestions, c.meant) || !strings.Contains(p.Error, "是否想写："+c.meant) {
			t.Fatalf("%s: %s", c.sql, raw)
		}
	}
}
