package vocab

import (
	"math"
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in, header string
		fen        int64
		q          Qualifier
	}{
		// The cell's own unit.
		{"1亿元", "", 100_000_000_00, Exact},
		{"1.5亿", "", 150_000_000_00, Exact},
		{"300万元", "", 3_000_000_00, Exact},
		{"300万", "", 3_000_000_00, Exact},
		{"2,000元", "", 2_000_00, Exact},
		{"五百万元", "", 5_000_000_00, Exact},
		{"30余万元", "", 300_000_00, AtLeast},
		{"3千元", "", 3_000_00, Exact},
		{"5百万元", "", 5_000_000_00, Exact},
		{"1亿2000万元", "", 120_000_000_00, Exact},
		{"2000元整", "", 2_000_00, Exact},
		{"12.34元", "", 12_34, Exact},
		{"500 yuan", "", 500_00, Exact},
		{"约1亿元", "", 100_000_000_00, Approx},
		{"1亿元以上", "", 100_000_000_00, AtLeast},
		{"不足5万元", "", 5_000_000, AtMost},
		// The cell's unit wins over the header's.
		{"1亿元", "万元", 100_000_000_00, Exact},
		{"2,000元", "万元", 2_000_00, Exact},
		{"300万", "亿元", 3_000_000_00, Exact},
		// The header's unit.
		{"300", "万元", 3_000_000_00, Exact},
		{"1.5", "亿元", 150_000_000_00, Exact},
		{"12.345", "万元", 123_450_00, Exact},
		{"三千", "万元", 30_000_000_00, Exact},
		{"¥300", "万元", 3_000_000_00, Exact},
		{"300", "万", 3_000_000_00, Exact},
		{"300", "千元", 300_000_00, Exact},
		{"3", "百万元", 3_000_000_00, Exact},
		{"300", "10k yuan", 3_000_000_00, Exact},
		{"2", "100M yuan", 200_000_000_00, Exact},
		{"300", "CNY", 300_00, Exact},
		{"300", "元", 300_00, Exact},
		// No unit anywhere means 元.
		{"2000", "", 2_000_00, Exact},
		{"1,234.56", "", 1_234_56, Exact},
		{"¥1,234.56", "", 1_234_56, Exact},
		{"RMB 500", "", 500_00, Exact},
		{"人民币500元", "", 500_00, Exact},
		{"１２３", "", 123_00, Exact},
		// Signs and rounding half away from zero.
		{"-300", "万元", -3_000_000_00, Exact},
		{"(1,234)", "", -1_234_00, Exact},
		{"0.005", "", 1, Exact},
		{"-0.005", "", -1, Exact},
		{"0.004", "", 0, Exact},
		{"0.0049999", "万元", 50_00, Exact},
		{"0", "万元", 0, Exact},
		// Big but in range.
		{"9000万亿", "", 9e17, Exact},
	}
	for _, tt := range tests {
		fen, q, err := ParseMoney(tt.in, tt.header)
		if err != nil {
			t.Errorf("ParseMoney(%q, %q): %v", tt.in, tt.header, err)
			continue
		}
		if fen != tt.fen || q != tt.q {
			t.Errorf("ParseMoney(%q, %q) = %d %q, want %d %q", tt.in, tt.header, fen, q, tt.fen, tt.q)
		}
	}
}

func TestParseMoneyErrors(t *testing.T) {
	tests := []struct{ in, header, msg string }{
		{"abc万元", "", `vocab: "abc万元" is not an amount`},
		{"", "万元", `vocab: "" is not an amount: empty`},
		{"30%", "万元", `unexpected unit "%"`},
		{"30个", "", `unexpected unit "个"`},
		{"30美元", "", `unexpected unit "美元"`},
		{"5", "个", `vocab: "个" is not a money unit`},
		{"5", "万元/年", `vocab: "万元/年" is not a money unit`},
		{"1万亿亿", "", "out of range"},
		{"1,5", "万元", "grouped"},
		{strings.Repeat("1", 500), "", "longer"},
	}
	for _, tt := range tests {
		_, _, err := ParseMoney(tt.in, tt.header)
		if err == nil {
			t.Errorf("ParseMoney(%q, %q): no error", tt.in, tt.header)
			continue
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseMoney(%q, %q) error %q, want %q", tt.in, tt.header, err, tt.msg)
		}
	}
}

func TestFormatMoneyZH(t *testing.T) {
	tests := []struct {
		fen  int64
		want string
	}{
		{0, "0元"},
		{1, "0.01元"},
		{-1, "-0.01元"},
		{10, "0.1元"},
		{2_000_00, "2,000元"},
		{1_234_56, "1,234.56元"},
		{9_999_99, "9,999.99元"},
		{1_000_000, "1万元"},
		{3_000_000_00, "300万元"},
		{123_456_00, "12.35万元"},
		{123_449_00, "12.34万元"},
		{1_234_567_800, "1,234.57万元"},
		{9_999_999_999, "1亿元"},
		{99_999_999_999, "10亿元"},
		{999_990_000, "999.99万元"},
		{999_995_000, "1,000万元"},
		{100_000_000_00, "1亿元"},
		{123_000_000_00, "1.23亿元"},
		{150_000_000_00, "1.5亿元"},
		{-150_000_000_00, "-1.5亿元"},
		{12_345_600_000_000_00, "123,456亿元"},
		{math.MaxInt64, "922,337,203.69亿元"},
		{math.MinInt64, "-922,337,203.69亿元"},
	}
	for _, tt := range tests {
		if got := FormatMoneyZH(tt.fen); got != tt.want {
			t.Errorf("FormatMoneyZH(%d) = %q, want %q", tt.fen, got, tt.want)
		}
	}
}

// A formatted amount parses back to the same amount, up to the rounding.
func TestFormatMoneyZHRoundTrip(t *testing.T) {
	for _, fen := range []int64{0, 5, 2_000_00, 3_000_000_00, 150_000_000_00, -42_00} {
		s := strings.ReplaceAll(FormatMoneyZH(fen), ",", "")
		got, _, err := ParseMoney(s, "")
		if err != nil || got != fen {
			t.Errorf("ParseMoney(FormatMoneyZH(%d) = %q) = %d, %v", fen, s, got, err)
		}
	}
}

func TestUnitFromHeader(t *testing.T) {
	tests := []struct{ in, name, unit string }{
		{"金额（万元）", "金额", "万元"},
		{"金额(亿元)", "金额", "亿元"},
		{"金额 （万元）", "金额", "万元"},
		{"金额【万元】", "金额", "万元"},
		{"金额（单位：万元）", "金额", "万元"},
		{"金额(单位:元)", "金额", "元"},
		{"资金/万元", "资金", "万元"},
		{"资金／万元", "资金", "万元"},
		{"投资额万元", "投资额", "万元"},
		{"amount (10k yuan)", "amount", "万元"},
		{"Amount (CNY 10k)", "Amount", "万元"},
		{"amount (100M yuan)", "amount", "亿元"},
		{"amount (yuan)", "amount", "元"},
		{"amount (CNY)", "amount", "元"},
		{"amount, 10k yuan", "amount", "万元"},
		{"amount 10k yuan", "amount", "万元"},
		{"Funding (million yuan)", "Funding", "百万元"},
		{"占比（%）", "占比", "%"},
		{"占比%", "占比", "%"},
		{"数量（个）", "数量", "个"},
		{"参与人数（人次）", "参与人数", "人次"},
		{"研发投入（万元/年）", "研发投入", "万元/年"},
		{"备注（选填）", "备注（选填）", ""},
		{"日期(YYYY-MM-DD)", "日期(YYYY-MM-DD)", ""},
		{"齐鲁工业大学（山东省科学院）", "齐鲁工业大学（山东省科学院）", ""},
		{"名称", "名称", ""},
		{"  金额　（万元） ", "金额", "万元"},
		{"", "", ""},
	}
	for _, tt := range tests {
		name, unit := UnitFromHeader(tt.in)
		if name != tt.name || unit != tt.unit {
			t.Errorf("UnitFromHeader(%q) = %q, %q; want %q, %q", tt.in, name, unit, tt.name, tt.unit)
		}
	}
}

// Every unit UnitFromHeader returns for money is accepted by ParseMoney.
func TestUnitFromHeaderFeedsParseMoney(t *testing.T) {
	for _, h := range []string{"金额（万元）", "amount (10k yuan)", "资金/亿元", "x (CNY)", "y(千元)", "z（百万元）"} {
		_, u := UnitFromHeader(h)
		if _, _, err := ParseMoney("1", u); err != nil {
			t.Errorf("header %q → unit %q: %v", h, u, err)
		}
	}
}

func TestScaleExact(t *testing.T) {
	for _, c := range []struct{ v, f, want float64 }{{9.2, 1e8, 920000000}, {45.6, 1e8, 4560000000}, {0.07, 1e4, 700}, {1.15, 1e4, 11500}, {3, 1, 3}} {
		if got := ScaleExact(c.v, c.f); got != c.want {
			t.Errorf("ScaleExact(%v, %v) = %v, want %v (float product %v)", c.v, c.f, got, c.want, c.v*c.f)
		}
	}
}
