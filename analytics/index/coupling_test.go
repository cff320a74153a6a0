package index

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/quick"
)

func TestCouplingDegreeGolden(t *testing.T) {
	// U1 = 0.64, U2 = 0.36, α = β = 0.5:
	//   C = 2·√(0.64·0.36)/(0.64+0.36) = 2·√0.2304/1 = 2·0.48 = 0.96
	//   T = 0.5·0.64 + 0.5·0.36 = 0.5
	//   D = √(0.96·0.5) = √0.48 = 0.6928203230275509 → band 0.6–0.7 初级协调
	pt, err := CouplingDegree(0.64, 0.36, 0.5, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	checkSeries(t, "C T D", []float64{pt.C, pt.T, pt.D}, 0.96, 0.5, math.Sqrt(0.48))
	if pt.Grade.Level != 7 || pt.Grade.NameZH != "初级协调" || pt.Grade.NameEN != "primary coordination" {
		t.Errorf("grade = %+v, want 7 初级协调", pt.Grade)
	}
	// α = 0.3, β = 0.7: T = 0.3·0.64 + 0.7·0.36 = 0.192 + 0.252 = 0.444,
	//   D = √(0.96·0.444) = √0.42624 = 0.65287… → still 初级协调
	pt, _ = CouplingDegree(0.64, 0.36, 0.3, 0.7)
	checkSeries(t, "T D", []float64{pt.T, pt.D}, 0.444, math.Sqrt(0.42624))
	// U1 = U2 = 0.25: C = 2·0.25/0.5 = 1, T = 0.25, D = √0.25 = 0.5 → the
	// lower bound of 勉强协调 (bands include their lower bound).
	pt, _ = CouplingDegree(0.25, 0.25, 0, 0) // α = β = 0 means 0.5 each
	if pt.C != 1 || pt.T != 0.25 || pt.D != 0.5 || pt.Grade.Level != 6 || pt.Grade.NameZH != "勉强协调" {
		t.Errorf("equal U: %+v, want C=1 T=0.25 D=0.5 勉强协调", pt)
	}
	// Both zero: C = 0 by definition, D = 0 → 极度失调.
	pt, _ = CouplingDegree(0, 0, 0.5, 0.5)
	if pt.C != 0 || pt.D != 0 || pt.Grade.Level != 1 || pt.Grade.NameZH != "极度失调" {
		t.Errorf("zero U: %+v", pt)
	}
}

func TestCouplingDegreeErrors(t *testing.T) {
	for _, c := range []struct{ u1, u2, a, b float64 }{
		{1.2, 0.5, 0.5, 0.5}, {-0.1, 0.5, 0.5, 0.5}, {math.NaN(), 0.5, 0.5, 0.5},
		{0.5, 0.5, 0.6, 0.6}, {0.5, 0.5, -0.5, 1.5},
	} {
		if _, err := CouplingDegree(c.u1, c.u2, c.a, c.b); err == nil || !strings.HasPrefix(err.Error(), "index: coupling:") {
			t.Errorf("CouplingDegree(%v) err = %v, want an index: coupling error", c, err)
		}
	}
}

func TestGrades(t *testing.T) {
	cases := map[float64]int{0: 1, 0.0999: 1, 0.1: 2, 0.3: 4, 0.45: 5, 0.7: 8, 0.8999: 9, 0.9: 10, 1: 10}
	for d, level := range cases {
		if g := GradeOf(d); g.Level != level || !(d >= g.Lower) {
			t.Errorf("GradeOf(%v) = %+v, want level %d", d, g, level)
		}
	}
	if g := GradeOf(math.NaN()); g.Level != 0 {
		t.Errorf("GradeOf(NaN) = %+v, want level 0", g)
	}
	gs := Grades()
	gs[0].NameZH = "changed"
	if Grades()[0].NameZH != "极度失调" {
		t.Error("Grades shares state between calls")
	}
}

// testCoupling is a two-subsystem model with reference levels:
//
//	U1 (jinan_supply): s1 weight 0.5 max 10, s2 weight 0.5 max 8
//	U2 (zibo_absorption): z1 weight 1 max 5
func testCoupling() *CouplingConfig {
	return &CouplingConfig{Alpha: 0.5, Beta: 0.5,
		U1: Subsystem{Code: "jinan_supply", Indicators: []Indicator{
			{Code: "s1", Weight: 0.5, Direction: 1, Max: ptr(10)}, {Code: "s2", Weight: 0.5, Direction: 1, Max: ptr(8)},
		}},
		U2: Subsystem{Code: "zibo_absorption", Indicators: []Indicator{{Code: "z1", Weight: 1, Direction: 1, Max: ptr(5)}}},
	}
}

func couplingData() Data {
	return Data{
		"s1": years(2019, 0, 5, 10), // ÷ 10: 0, 0.5, 1
		"s2": years(2019, 2, 6, 4),  // ÷ 8:  0.25, 0.75, 0.5
		"z1": years(2019, 1, 3, 5),  // ÷ 5:  0.2, 0.6, 1
	}
}

func TestCouplingFromData(t *testing.T) {
	res, err := Coupling(*testCoupling(), couplingData(), true)
	if err != nil {
		t.Fatal(err)
	}
	// U1 = (s1+s2)/2: 0.125, 0.625, 0.75; U2 = z1: 0.2, 0.6, 1.
	// 2019: C = 2·√0.025/0.325, T = 0.1625, D = 0.025^¼ = 0.39763536… → 轻度失调
	// 2020: C = 2·√0.375/1.225, T = 0.6125, D = 0.375^¼ = 0.78254229… → 中级协调
	// 2021: C = 2·√0.75/1.75,   T = 0.875,  D = 0.75^¼  = 0.93060485… → 优质协调
	want := []struct {
		u1, u2, c, tt, d float64
		level            int
	}{
		{0.125, 0.2, 2 * math.Sqrt(0.025) / 0.325, 0.1625, math.Pow(0.025, 0.25), 4},
		{0.625, 0.6, 2 * math.Sqrt(0.375) / 1.225, 0.6125, math.Pow(0.375, 0.25), 8},
		{0.75, 1, 2 * math.Sqrt(0.75) / 1.75, 0.875, math.Pow(0.75, 0.25), 10},
	}
	for k, w := range want {
		p := res.Points[k]
		checkSeries(t, p.Period, []float64{p.U1, p.U2, p.C, p.T, p.D}, w.u1, w.u2, w.c, w.tt, w.d)
		if p.Grade == nil || p.Grade.Level != w.level {
			t.Errorf("%s grade %+v, want level %d", p.Period, p.Grade, w.level)
		}
	}
	// Direction −1: u = min(1, max/x): z1 5/1 → 1, 5/3 → 1, 5/5 = 1.
	cc := *testCoupling()
	cc.U2.Indicators[0].Direction = -1
	res, _ = Coupling(cc, couplingData(), true)
	checkSeries(t, "U2 reversed", []float64{res.Points[0].U2, res.Points[1].U2, res.Points[2].U2}, 1, 1, 1)
}

// TestCouplingSameYearSameGrade is the reason for reference levels: with
// min-max over the years shown, dropping 2019 made 2020 the worst year
// (U = 0) and changed its grade. Now a year's point does not depend on the
// other years in the data.
func TestCouplingSameYearSameGrade(t *testing.T) {
	full, err := Coupling(*testCoupling(), couplingData(), true)
	if err != nil {
		t.Fatal(err)
	}
	later := Data{}
	for code, pts := range couplingData() {
		later[code] = pts[1:]
	}
	part, err := Coupling(*testCoupling(), later, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.Points[1:], part.Points) {
		t.Errorf("2020–2021 computed alone %+v, within 2019–2021 %+v", part.Points, full.Points[1:])
	}
	if w := full.Window("2020", ""); !reflect.DeepEqual(w.Points, part.Points) {
		t.Errorf("window %+v", w.Points)
	}
}

func TestCouplingUngraded(t *testing.T) {
	res, err := Coupling(*testCoupling(), couplingData(), false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Graded || res.Points[2].Grade != nil || res.Points[2].D == 0 {
		t.Errorf("ungraded result %+v: want D without grade", res)
	}
}

func TestCouplingErrors(t *testing.T) {
	cc := *testCoupling()
	cc.U1.Indicators[0].Weight = 0.2
	cc.U2.Indicators[0].Code = "s2"
	_, err := Coupling(cc, couplingData(), true)
	for _, want := range []string{`subsystem "jinan_supply": indicator weights sum to 0.7`, `"s2": duplicate code`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}

func TestCouplingPropertiesInUnitInterval(t *testing.T) {
	f := func(a, b uint32) bool {
		u1, u2 := float64(a)/math.MaxUint32, float64(b)/math.MaxUint32
		pt, err := CouplingDegree(u1, u2, 0.5, 0.5)
		return err == nil && pt.C >= 0 && pt.C <= 1 && pt.D >= 0 && pt.D <= 1 &&
			pt.T >= 0 && pt.T <= 1 && pt.Grade.Level >= 1 && pt.Grade.Level <= 10 &&
			near(pt.D, math.Pow(u1*u2, 0.25), 1e-12) // D = (U1·U2)^¼ when α = β
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 5000}); err != nil {
		t.Error(err)
	}
	// C is maximal (1) exactly when U1 = U2 > 0.
	if pt, _ := CouplingDegree(0.37, 0.37, 0.5, 0.5); pt.C != 1 {
		t.Errorf("C(0.37, 0.37) = %v, want 1", pt.C)
	}
}

func TestCouplingGapsStocksAndCaps(t *testing.T) {
	cc := *testCoupling()
	cc.U1.Indicators[1].Stock = true
	data := couplingData()
	data["z1"][0].Missing = true // 2019: U2 has nothing → skipped
	data["s2"][2].Missing = true // 2021: a stock, carried from 2020 (6)
	data["s1"][2].Value = 30     // 2021: three times its reference → 1
	res, err := Coupling(cc, data, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Points) != 2 || res.Points[0].Period != "2020" {
		t.Fatalf("points %+v, want 2020 and 2021", res.Points)
	}
	// 2021: U1 = (min(1, 30/10) + 6/8)/2 = (1 + 0.75)/2 = 0.875.
	checkSeries(t, "U1", []float64{res.Points[0].U1, res.Points[1].U1}, 0.625, 0.875)
	warns := strings.Join(res.Warnings, "\n")
	for _, want := range []string{"period 2019 skipped", `"s1" period 2021: 30 is past its reference level 10`} {
		if !strings.Contains(warns, want) {
			t.Errorf("warnings %q lack %q", warns, want)
		}
	}
	if _, err := Coupling(cc, Data{"s1": nil, "s2": nil, "z1": years(2019, 1)}, true); err == nil {
		t.Error("coupling with no usable period did not fail")
	}
}
