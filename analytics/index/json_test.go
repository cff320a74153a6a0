package index

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestSeriesJSON(t *testing.T) {
	b, err := json.Marshal(Series{1, math.NaN(), 2.5, math.Inf(1)})
	if err != nil || string(b) != "[1,null,2.5,null]" {
		t.Fatalf("marshal = %s %v", b, err)
	}
	var s Series
	if err := json.Unmarshal(b, &s); err != nil || len(s) != 4 || !math.IsNaN(s[1]) || s[2] != 2.5 {
		t.Fatalf("unmarshal = %v %v", s, err)
	}
}

func TestResultIsJSON(t *testing.T) {
	data := fixtureData()
	data["a2"][2].Missing = true
	cfg := fixtureConfig()
	cfg.Draws = 50
	res := mustCompute(t, cfg, data)
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"headline":[100,262.5,300]`, `"contribution":[25,12.5,null]`, `"approx_indicators":[[],[],[]]`, `"base":"2019"`, `"p50":[100,`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil || !math.IsNaN(back.Indicators[1].Raw[2]) {
		t.Errorf("round trip: %v", err)
	}
}
