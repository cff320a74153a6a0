package textx

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds Extract arbitrary text: it must not panic, every
// sentence must be cut from the input at its offsets, and every candidate's
// evidence must be a sentence of the input with its span inside it.
//
//	go test -fuzz FuzzExtract ./ingest/textx/
func FuzzExtract(f *testing.F) {
	if seed, err := os.ReadFile("testdata/seed_reply.txt"); err == nil {
		f.Add(string(seed))
	}
	for _, s := range []string{
		"", "。", "1.", "一、", "30余个", "共建平台30余个，联合开展项目合作70多项。",
		"2019年9月，淄博市政府与山东大学签订全面合作协议", "13,582.6万元", "3至5个", "3、5、8家",
		"百分之", "近百", "1.6万亿", "“一个链条、三个支撑”", "签署《", "823.57\n亿元",
		"\xff\xfe1个", "1\u3000\u3000\u3000亿元", "２０２１年３月２日", "9月12日签订协议",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkExtract(t, text)
	})
}

// checkExtract asserts the invariants FuzzExtract relies on.
func checkExtract(t *testing.T, text string) {
	t.Helper()
	sents := Sentences(text)
	for _, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d offsets [%d,%d) do not cut its text", s.Index, s.Start, s.End)
		}
		if utf8.RuneCountInString(s.Text) > maxSentenceRunes {
			t.Fatalf("sentence %d longer than the cap", s.Index)
		}
	}
	for _, c := range Extract(text, Options{HomePlace: "淄博"}) {
		// The sentence's offsets were checked above, so equal text proves
		// the evidence is a substring of the input without rescanning it.
		if c.Sentence < 1 || c.Sentence > len(sents) || sents[c.Sentence-1].Text != c.Evidence || c.Evidence == "" {
			t.Fatalf("evidence %q is not sentence %d of the input", c.Evidence, c.Sentence)
		}
		if !strings.Contains(c.Evidence, c.Span) || c.Span == "" {
			t.Fatalf("span %q is not in its evidence %q", c.Span, c.Evidence)
		}
		if c.Kind != "figure" && c.Kind != "agreement" {
			t.Fatalf("kind %q", c.Kind)
		}
	}
}

// TestHostileInput runs megabyte inputs without punctuation. The sentence
// cap keeps the work linear; the durations are logged, not asserted (a
// loaded machine must not fail the build), and `go test -timeout` catches a
// real blow-up.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("megabyte inputs")
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("0123456789一二三十百千万亿余多个项家年月日大学院山东济南淄博签订协议“”《》、，.%与等共建平台")
	random := make([]rune, 350_000)
	for i := range random {
		random[i] = alphabet[rng.Intn(len(alphabet))]
	}
	for name, text := range map[string]string{
		"random":   string(random),
		"figures":  strings.Repeat("1个", 350_000),
		"han":      strings.Repeat("大", 350_000),
		"numerals": strings.Repeat("一二三", 120_000),
		"digits":   strings.Repeat("9", 1<<20),
		"years":    strings.Repeat("2021年", 120_000),
		"signing":  strings.Repeat("2020年与山东大学签订协议", 30_000),
	} {
		start := time.Now()
		checkExtract(t, text)
		t.Logf("%-8s %7d bytes: %v", name, len(text), time.Since(start))
	}
}
