package index

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"
)

// jsonOf is r as JSON: the comparison of results that treats a missing
// value (NaN, null in JSON) as equal to itself, which reflect.DeepEqual
// does not.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// upTo keeps the points of data up to and including period last.
func upTo(data Data, last string) Data {
	out := Data{}
	for code, pts := range data {
		for _, p := range pts {
			if p.Period <= last {
				out[code] = append(out[code], p)
			}
		}
	}
	return out
}

// TestPropertyLaterYearLeavesEarlierUnchanged: a new year of data changes
// nothing in the years before it — the index, its parts, coverage and, with
// base-index draws, the band. (Min-max draws take their bounds over all
// years, which the method note states.)
func TestPropertyLaterYearLeavesEarlierUnchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for n := 0; n < 200; n++ {
		cfg := randomConfig(rng)
		cfg.Draws, cfg.Seed, cfg.DrawNormalisations = 100, uint64(n), []string{NormBase}
		data := randomData(rng, cfg)
		last := strconv.Itoa(2019 + rng.IntN(8)) // 2019 … 2026
		full := mustCompute(t, cfg, data)
		part := mustCompute(t, cfg, upTo(data, last))
		got, want := jsonOf(t, part.resultForCompare()), jsonOf(t, full.Window("", last).resultForCompare())
		if got != want {
			t.Fatalf("draw %d: data up to %s gives\n%s\nthe full data cut there gives\n%s", n, last, got, want)
		}
	}
}

// resultForCompare drops what legitimately depends on the whole span: the
// correlation matrix (a method diagnostic over all years) and warnings.
func (r *Result) resultForCompare() *Result {
	c := *r
	c.Correlation, c.Warnings = nil, nil
	return &c
}

// TestPropertyPermutingRowsChangesNothing: the order of the points within a
// series (and of the series in the map) does not matter.
func TestPropertyPermutingRowsChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for n := 0; n < 100; n++ {
		cfg := randomConfig(rng)
		cfg.Draws, cfg.Seed = 100, uint64(n)
		data := randomData(rng, cfg)
		shuffled := Data{}
		for code, pts := range data {
			p := append([]Point(nil), pts...)
			rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
			shuffled[code] = p
		}
		if a, b := jsonOf(t, mustCompute(t, cfg, data)), jsonOf(t, mustCompute(t, cfg, shuffled)); a != b {
			t.Fatalf("draw %d: shuffled rows changed the result", n)
		}
	}
}

// TestPropertyMissingNeverLowersLikeZero: a value not reported is left out
// (or, for a stock, carried); it never pulls a year down as a 0 would.
func TestPropertyMissingNeverLowersLikeZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	checked := 0
	for n := 0; n < 500; n++ {
		cfg := randomConfig(rng)
		data := randomData(rng, cfg)
		codes := cfg.flatten().codes
		code, k := codes[rng.IntN(len(codes))], 1+rng.IntN(8) // never the base year
		data[code][k] = Point{Period: data[code][k].Period, Missing: true}
		missing := mustCompute(t, cfg, data)
		data[code][k] = Point{Period: data[code][k].Period, Value: 0}
		zero := mustCompute(t, cfg, data)
		for tt := range missing.Periods {
			for _, s := range [][2]Series{{missing.Arithmetic, zero.Arithmetic}, {missing.Geometric, zero.Geometric}} {
				if s[0][tt] < s[1][tt]-1e-9*s[1][tt] {
					t.Fatalf("draw %d: %s missing in %s: %s is %v, below %v with a 0", n, code, data[code][k].Period, missing.Periods[tt], s[0][tt], s[1][tt])
				}
			}
		}
		if missing.Arithmetic[k] > zero.Arithmetic[k] {
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d of 500 draws showed a difference: the property is not exercised", checked)
	}
}

// TestPropertyWindowIsACut: any window shows exactly the full result's
// values for its years, the band included.
func TestPropertyWindowIsACut(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	cfg := randomConfig(rng)
	cfg.Draws, cfg.Seed = 200, 7
	full := mustCompute(t, cfg, randomData(rng, cfg))
	for n := 0; n < 100; n++ {
		from, to := strconv.Itoa(2018+rng.IntN(10)), strconv.Itoa(2018+rng.IntN(11))
		w := full.Window(from, to)
		for k, p := range w.Periods {
			tt := indexOf(full.Periods, p)
			if p < from || p > to || tt < 0 {
				t.Fatalf("window %s–%s has %s", from, to, p)
			}
			pairs := [][2]float64{{w.Headline[k], full.Headline[tt]}, {w.Band.P5[k], full.Band.P5[tt]}, {w.Band.P95[k], full.Band.P95[tt]},
				{w.Coverage[k], full.Coverage[tt]}, {w.Pillars[2].Arithmetic[k], full.Pillars[2].Arithmetic[tt]}, {w.Indicators[3].Contribution[k], full.Indicators[3].Contribution[tt]}}
			for _, pr := range pairs {
				if !near(pr[0], pr[1], 0) {
					t.Fatalf("window %s–%s, %s: %v vs full %v", from, to, p, pr[0], pr[1])
				}
			}
		}
		if want := countIn(full.Periods, from, to); len(w.Periods) != want || w.Base != full.Base {
			t.Fatalf("window %s–%s: %d periods (want %d), base %s", from, to, len(w.Periods), want, w.Base)
		}
	}
}

func indexOf(xs []string, x string) int {
	for k, v := range xs {
		if v == x {
			return k
		}
	}
	return -1
}

func countIn(ps []string, from, to string) int {
	n := 0
	for _, p := range ps {
		if p >= from && p <= to {
			n++
		}
	}
	return n
}
