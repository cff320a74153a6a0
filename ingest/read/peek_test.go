package read

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestPeekThenNext: Peek shows the first chunk, and Next still hands out
// every row once, in order.
func TestPeekThenNext(t *testing.T) {
	var b strings.Builder
	b.WriteString("名称,数量\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&b, "n%d,%d\n", i, i)
	}
	p := writeTemp(t, "peek.csv", []byte(b.String()))
	st, err := OpenFile(p, Options{ChunkRows: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first, err := st.Peek()
	if err != nil || len(first) == 0 || len(first) == 200 || first[0].Cells[0].Value != "n1" {
		t.Fatalf("peek: %d rows, %v", len(first), err)
	}
	var got []string
	for {
		rows, err := st.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			got = append(got, r.Cells[0].Value)
		}
	}
	if len(got) != 200 || got[0] != "n1" || got[199] != "n200" {
		t.Fatalf("after peek, Next gave %d rows: %v", len(got), got)
	}
	empty := writeTemp(t, "empty.csv", []byte("名称,数量\n"))
	st2, err := OpenFile(empty, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if _, err := st2.Peek(); err != io.EOF {
		t.Fatalf("peek at a table without rows: %v, want io.EOF", err)
	}
	if _, err := st2.Next(); err != io.EOF {
		t.Fatalf("next after peek at a table without rows: %v, want io.EOF", err)
	}
}
