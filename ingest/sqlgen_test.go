package ingest

import "testing"

// TestStatementText pins the exact text of every statement sqlgen.go
// writes, without an engine: a change to the SQL shows here, in review.
func TestStatementText(t *testing.T) {
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"a load's insert follows the schema's columns",
			insertSQL("platforms", []tableColumn{{"name", "String"}, {"district_code", "LowCardinality(String)"}, {"version", "UInt64"}}),
			"INSERT INTO `platforms` (`name`, `district_code`, `version`)"},
		{"identifiers are quoted, whatever they hold",
			insertSQL("obs`x", []tableColumn{{"a b", "String"}, {`c\`, "String"}}),
			"INSERT INTO `obs\\`x` (`a b`, `c\\\\`)"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, c.got, c.want)
		}
	}
}
