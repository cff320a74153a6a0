package index

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkCompute is the realistic size: 13 indicators × 9 years × 1000
// draws, the default method.
func BenchmarkCompute(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Seed = 1
	data := randomData(rand.New(rand.NewPCG(7, 8)), cfg)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(cfg, data); err != nil {
			b.Fatal(err)
		}
	}
}
