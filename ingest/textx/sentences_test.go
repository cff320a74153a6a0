package textx

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	text := "现答复如下：1、我市对接大走廊的思路\n" +
		"2. 共建研发平台，共享科技创新资源。市财政每年拨付1.5亿元资金；2021.3.2签约。\n" +
		"他说：“好。”然后走了！（一）下步打算"
	got := Sentences(text)
	want := []struct{ text, heading string }{
		{"现答复如下：", ""},
		{"1、我市对接大走廊的思路", "1、我市对接大走廊的思路"},
		{"2. 共建研发平台，共享科技创新资源。", "2. 共建研发平台，共享科技创新资源"},
		{"市财政每年拨付1.5亿元资金；", "2. 共建研发平台，共享科技创新资源"},
		{"2021.3.2签约。", "2. 共建研发平台，共享科技创新资源"},
		{"他说：“好。”", "2. 共建研发平台，共享科技创新资源"},
		{"然后走了！", "2. 共建研发平台，共享科技创新资源"},
		{"（一）下步打算", "（一）下步打算"},
	}
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%d %q", s.Index, s.Text)
		}
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.Text != want[i].text || s.Heading != want[i].heading || s.Index != i+1 {
			t.Errorf("sentence %d = %q (heading %q), want %q (heading %q)", i+1, s.Text, s.Heading, want[i].text, want[i].heading)
		}
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d offsets [%d,%d) do not cut %q", i+1, s.Start, s.End, s.Text)
		}
	}
}

func TestSentencesCapAndWrap(t *testing.T) {
	long := strings.Repeat("科", 5000)
	got := Sentences(long)
	if len(got) != 3 {
		t.Fatalf("a 5000-rune run splits into %d sentences, want 3", len(got))
	}
	for _, s := range got {
		if n := len([]rune(s.Text)); n > maxSentenceRunes {
			t.Errorf("sentence of %d runes exceeds the cap", n)
		}
	}
	// A figure broken by a PDF line wrap stays in one sentence.
	wrapped := Sentences("技术合同成交额为823.57\n亿元，增长54%。\n下一行")
	if len(wrapped) != 2 || !strings.Contains(wrapped[0].Text, "亿元") {
		t.Errorf("wrapped figure split: %+v", wrapped)
	}
}

func TestMarkerLen(t *testing.T) {
	for s, want := range map[string]bool{
		"1.加强合作": true, "12、共建": true, "一、思路": true, "（一）举措": true, "(1)平台": true,
		"①项目": true, "1. 加强": true, "1.5亿元": false, "2021.3.2": false, "一是实施": false,
		"2020年": false, "123.项目": false,
	} {
		if got := markerLen(s) > 0; got != want {
			t.Errorf("markerLen(%q) > 0 = %v, want %v", s, got, want)
		}
	}
}
