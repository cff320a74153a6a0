package dashboard_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCorridorAPI: the corridor map's data for a viewer, as JSON and as
// CSV, counted from the records: fxPlatforms' A and C (山东大学, 济大) in
// 淄川区, and B in 张店区, one platform though it has two Jinan partners.
func TestCorridorAPI(t *testing.T) {
	ts := newServer(t, map[string]string{"p.csv": fxPlatforms})
	code, body := get(t, ts, "/api/v1/corridor")
	if code != 200 {
		t.Fatalf("corridor: %d %s", code, body)
	}
	var got struct {
		Flows []struct {
			From, To  string
			Platforms int
		}
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	flows := got.Flows
	want := map[string]int{"济南市→淄川区": 2, "济南市→张店区": 1}
	if len(flows) != len(want) {
		t.Fatalf("flows %+v, want %v (%s)", flows, want, body)
	}
	for _, fl := range flows {
		if want[fl.From+"→"+fl.To] != fl.Platforms {
			t.Errorf("flow %+v, want %v", fl, want)
		}
	}
	rows := csvRecords(t, ts, "/api/v1/corridor?format=csv")
	text := ""
	for _, r := range rows {
		text += strings.Join(r, ",") + "\n"
	}
	if !strings.Contains(text, "合作方所在城市") || !strings.Contains(text, "济南市,淄川区,370302,2,0") {
		t.Errorf("corridor CSV:\n%s", text)
	}
	// The map page links its flow map to this data.
	code, page := get(t, ts, "/map")
	if code != 200 || !strings.Contains(string(page), "/api/v1/corridor?") {
		t.Errorf("/map: %d, no data link to the corridor's flows", code)
	}
}
