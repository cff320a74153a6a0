package index

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkCompute is the realistic size: the default indicators × 9 years
// × 1000 draws, the default method.
func BenchmarkCompute(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Seed, cfg.BasePeriod = 1, "2019"
	data := randomData(rand.New(rand.NewPCG(7, 8)), cfg)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(cfg, data); err != nil {
			b.Fatal(err)
		}
	}
}
