package vocab

import (
	"slices"
	"testing"
)

func TestPlaceNamesIn(t *testing.T) {
	tests := map[string][]string{
		"2023年淄川区科技合作平台统计表":       {"淄川区"},
		"填报单位：淄川区科技局":             {"淄川区"},
		"张店区-平台.xlsx":             {"张店区"},
		"2023年淄博市技术合同成交情况（单位：万元）": {"淄博市"},
		"淄博高新区2023年度统计":           {"淄博高新区"},
		"2023年高新区科技合作平台":          {"高新区"},
		"济南大学与淄川区共建平台":            {"淄川区"},
		"山东省淄博市张店区":               {"山东省", "淄博市", "张店区"},
		"淄川区、淄川区":                 {"淄川区"},
		"zibo-report.xlsx":        nil,
		"2023年科技合作平台统计表":          nil,
	}
	for in, want := range tests {
		if got := PlaceNamesIn(in); !slices.Equal(got, want) {
			t.Errorf("PlaceNamesIn(%q) = %q, want %q", in, got, want)
		}
	}
}
