package vocab

import (
	"math"
	"strings"
	"testing"
	"time"
)

var fuzzNumberSeeds = []string{
	"30", "1,234.5", "30余", "70多", "三十", "一百二十", "两", "十二", "二〇二一", "1.5万", "3千",
	"百余", "约30", "近百", "逾千", "30%", "３０", "-5", "30余个", "1亿2000万", "一万亿两千亿",
	"(1,234)", "1.5E+08", "不到30", "30家以上", "百分之三十", "一点五万", "1,5", "", "万万万",
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range fuzzNumberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		q, qerr := ParseQuantity(s)
		if err != nil {
			checkErr(t, s, err)
			return
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, n.Value)
		}
		if !validQualifier(n.Qualifier) {
			t.Fatalf("ParseNumber(%q) qualifier %q", s, n.Qualifier)
		}
		// What ParseNumber accepts, ParseQuantity accepts with the same figure.
		if qerr != nil || q.Number != n {
			t.Fatalf("ParseQuantity(%q) = %+v, %v; ParseNumber gave %+v", s, q, qerr, n)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range append(fuzzNumberSeeds, "1亿元", "300万元", "2,000元", "五百万元", "30余万元", "¥300", "abc万元") {
		f.Add(s, "")
		f.Add(s, "万元")
	}
	f.Fuzz(func(t *testing.T, s, header string) {
		fen, q, err := ParseMoney(s, header)
		if err != nil {
			checkErr(t, s+header, err)
			return
		}
		if !validQualifier(q) {
			t.Fatalf("ParseMoney(%q, %q) qualifier %q", s, header, q)
		}
		// A minus sign flips the amount and nothing else.
		if strings.HasPrefix(strings.TrimSpace(s), "-") || strings.HasPrefix(strings.TrimSpace(s), "(") {
			return
		}
		neg, nq, err := ParseMoney("-"+s, header)
		if err == nil && (neg != -fen || nq != q) {
			t.Fatalf("ParseMoney(-%q, %q) = %d %q, but %d %q without the sign", s, header, neg, nq, fen, q)
		}
		if FormatMoneyZH(fen) == "" {
			t.Fatalf("FormatMoneyZH(%d) is empty", fen)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-03-02", "2021/3/2", "2021.3.2", "20210302", "2021年3月2日", "2021年3月",
		"2021年", "2021", "2021-03", "2021Q1", "2021 Q1", "2021年第一季度", "2021年上半年", "二〇二一年三月",
		"44197", "44197.5", "2021-13-01", "2021-02-30", "2021-03-02T10:00:00Z", "Q4 2021", "2019年9月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseDate(s)
		if err != nil {
			checkErr(t, s, err)
			return
		}
		if y := p.Start.Year(); y < MinYear || y > MaxYear {
			t.Fatalf("ParseDate(%q) = %v, year out of range", s, p.Start)
		}
		if p.Start.Location() != time.UTC || p.Start != p.Start.Truncate(24*time.Hour) {
			t.Fatalf("ParseDate(%q).Start = %v, not UTC midnight", s, p.Start)
		}
		if p.End().Before(p.Start) {
			t.Fatalf("ParseDate(%q) ends %v before it starts %v", s, p.End(), p.Start)
		}
		back, err := ParseDate(p.String())
		if err != nil || back != p {
			t.Fatalf("ParseDate(%q) = %s, which reads back as %v, %v", s, p, back, err)
		}
	})
}

// checkErr asserts the error conventions: prefixed, and short even when the
// input is long.
func checkErr(t *testing.T, s string, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.HasPrefix(msg, "vocab: ") {
		t.Fatalf("error for %q lacks the prefix: %q", s, msg)
	}
	if len(msg) > 1024 {
		t.Fatalf("error for %q is %d bytes long", s, len(msg))
	}
}

func validQualifier(q Qualifier) bool {
	return q == Exact || q == AtLeast || q == Approx || q == AtMost
}

// Hostile input is turned away quickly and without big allocations.
func TestHostileInput(t *testing.T) {
	huge := strings.Repeat("9", 1<<20)
	allocs := testing.AllocsPerRun(5, func() {
		_, _ = ParseNumber(huge)
		_, _, _ = ParseMoney(huge, "")
		_, _ = ParseDate(huge)
		_, _ = LookupPlace(huge)
		_ = SuggestPlace(huge)
		_, _ = ParseLevel(huge)
		_ = IsTotalLabel(huge)
	})
	if allocs > 50 {
		t.Errorf("%v allocations for hostile input", allocs)
	}
}
