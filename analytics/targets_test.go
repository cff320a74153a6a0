package analytics_test

import (
	"context"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
)

func TestTargetsByHand(t *testing.T) {
	targets := "指标,地区,目标年份,目标值\nplatforms_cum,淄博市,2019,4\nplatforms_cum,淄博市,2021,3\nplatforms_new,淄川区,2021,2\nnot_a_metric,淄博市,2021,9\n"
	s := fixture(t, map[string]string{"p.csv": fxPlatforms, "t.csv": targets})
	got, err := s.Targets(context.Background(), 0, analytics.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// platforms_cum in Zibo: 2019 → A, B = 2 of 4 (0.5); 2021 → 3 of 3 (1).
	// platforms_new in 淄川区 in 2021: C = 1 of 2 (0.5). Unknown metrics are left out.
	want := map[string][2]float64{"platforms_cum|2019": {2, 0.5}, "platforms_cum|2021": {3, 1}, "platforms_new|2021": {1, 0.5}}
	if len(got) != len(want) {
		t.Fatalf("%d attainments, want %d: %+v", len(got), len(want), got)
	}
	for _, a := range got {
		w, ok := want[a.Metric+"|"+itoa(a.Year)]
		if !ok || a.Actual != w[0] || a.Attainment == nil || *a.Attainment != w[1] {
			t.Errorf("%+v (attainment %v), want actual %v attainment %v", a, a.Attainment, w[0], w[1])
		}
	}
}

func itoa(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
