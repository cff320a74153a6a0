package vocab

import "testing"

func TestSerialHeader(t *testing.T) {
	for h, want := range map[string]Serial{
		"序号": SerialColumn, "序 号": SerialColumn, "No.": SerialColumn, "NO": SerialColumn, "#": SerialColumn, "＃": SerialColumn,
		"编号": SerialIfCounting,
		"ID": NotSerial, "平台名称": NotSerial, "序号说明": NotSerial, "": NotSerial, "项目编号": NotSerial,
	} {
		if got := SerialHeader(h); got != want {
			t.Errorf("SerialHeader(%q) = %d, want %d", h, got, want)
		}
	}
}

func TestRowNumber(t *testing.T) {
	for s, want := range map[string]int{"1": 1, " 12 ": 12, "7.": 7, "07": 7, "１２": 12} {
		if n, ok := RowNumber(s); !ok || n != want {
			t.Errorf("RowNumber(%q) = %d, %v; want %d", s, n, ok, want)
		}
	}
	for _, s := range []string{"", "0", "A-07", "7-1", "一", "1.5", "-3", "1234567890"} {
		if n, ok := RowNumber(s); ok {
			t.Errorf("RowNumber(%q) = %d, want no row number", s, n)
		}
	}
}

func TestCutPartPrefix(t *testing.T) {
	for h, want := range map[string]string{
		"其中财政资金（万元）": "财政资金（万元）", "其中：财政资金": "财政资金", "其中:财政资金": "财政资金", "其中 ，企业自筹": "企业自筹",
		"含企业自筹": "企业自筹", "包括自筹资金": "自筹资金", "Of which fiscal": "fiscal",
	} {
		if got, ok := CutPartPrefix(h); !ok || got != want {
			t.Errorf("CutPartPrefix(%q) = %q, %v; want %q", h, got, ok, want)
		}
	}
	for _, h := range []string{"财政资金", "其中", "含：", "合计"} {
		if got, ok := CutPartPrefix(h); ok {
			t.Errorf("CutPartPrefix(%q) = %q, want no prefix", h, got)
		}
	}
}
