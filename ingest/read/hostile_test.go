package read

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// memBudget is the most a hostile input may grow the live heap by.
const memBudget = 64 << 20

// heapObjects is the runtime metric for live and not yet swept heap
// objects; reading it does not stop the world.
const heapObjects = "/memory/classes/heap/objects:bytes"

// measure runs fn and returns its duration, the bytes it allocated in
// all (TotalAlloc, garbage included) and the peak growth of the heap,
// sampled every 100 µs while fn runs.
func measure(fn func()) (d time.Duration, total, peak uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: heapObjects}}
		var hi uint64
		for {
			metrics.Read(s)
			hi = max(hi, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- hi
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	start := time.Now()
	fn()
	d = time.Since(start)
	close(stop)
	hi := <-done
	runtime.ReadMemStats(&after)
	if hi > base {
		peak = hi - base
	}
	return d, after.TotalAlloc - before.TotalAlloc, peak
}

// checkHostile runs read, expects an ErrLimit or ErrFormat *Error, and
// checks its time and peak heap growth. streaming readers (CSV, JSON)
// must also keep their total allocation, garbage included, in budget.
func checkHostile(t *testing.T, what string, maxTime time.Duration, streaming bool, read func() error) {
	t.Helper()
	var err error
	d, total, peak := measure(func() { err = read() })
	t.Logf("%s: %v\n\tin %v, peak heap +%.1f MB, %.1f MB allocated in all",
		what, err, d.Round(time.Millisecond), float64(peak)/(1<<20), float64(total)/(1<<20))
	var e *Error
	if !errors.As(err, &e) || !(errors.Is(err, ErrLimit) || errors.Is(err, ErrFormat)) {
		t.Fatalf("%s: want a limit or format *Error, got %v", what, err)
	}
	if peak > memBudget || streaming && total > memBudget {
		t.Errorf("%s: peak +%d MB, total %d MB; budget %d MB", what, peak>>20, total>>20, memBudget>>20)
	}
	if d > maxTime {
		t.Errorf("%s took %v, want under %v", what, d, maxTime)
	}
}

// repeatReader yields prefix, then n bytes of fill, then suffix, without
// holding them in memory.
type repeatReader struct {
	prefix, suffix []byte
	fill           byte
	n              int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if len(r.prefix) > 0 {
		n := copy(p, r.prefix)
		r.prefix = r.prefix[n:]
		return n, nil
	}
	if r.n > 0 {
		n := int(min(int64(len(p)), r.n))
		for i := range n {
			p[i] = r.fill
		}
		r.n -= int64(n)
		return n, nil
	}
	if len(r.suffix) > 0 {
		n := copy(p, r.suffix)
		r.suffix = r.suffix[n:]
		return n, nil
	}
	return 0, io.EOF
}

// deflateBomb returns a raw deflate stream that inflates to copies × the
// 1 MiB chunk. The chunk is compressed once and its byte-aligned blocks
// repeated: the blocks only refer back into their own chunk, so the
// repetition is a valid stream (about 1 KB per MiB).
func deflateBomb(t testing.TB, chunk []byte, copies int) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(chunk)
	_ = fw.Flush()
	block := append([]byte(nil), buf.Bytes()...)
	_ = fw.Close()
	final := buf.Bytes()[len(block):]
	out := bytes.Repeat(block, copies)
	return append(out, final...)
}

// bombXLSX is a valid workbook whose entry (the sheet or the shared
// strings) is a deflate bomb of copies MiB declaring declared bytes.
func bombXLSX(t testing.TB, entry string, copies int, declared uint64) []byte {
	t.Helper()
	chunk := bytes.Repeat([]byte("<row><c><v>1</v></c></row>"), (1<<20)/26)
	chunk = append(chunk, make([]byte, (1<<20)-len(chunk))...) // exactly 1 MiB
	for i := range chunk[len(chunk)-(1<<20)%26:] {
		chunk[len(chunk)-(1<<20)%26+i] = ' '
	}
	raw := deflateBomb(t, chunk, copies)
	base := minimalXLSX(t, nil, false)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == entry {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: entry, Method: zip.Deflate,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(raw)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestHostileZipBomb(t *testing.T) {
	const gb = 1024 // MiB copies
	for _, entry := range []string{"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		b := bombXLSX(t, entry, gb, gb<<20)
		t.Logf("%s bomb: %d KB compressed, declares 1 GB", entry, len(b)>>10)
		checkHostile(t, "honest 1 GB "+entry, 2*time.Second, false, func() error {
			_, err := readXLSXBytes(b, Options{})
			return err
		})
	}
	ratio := bombXLSX(t, "xl/worksheets/sheet1.xml", 150, 150<<20)
	checkHostile(t, "150 MB entry at ratio ~1000", 2*time.Second, false, func() error {
		_, err := readXLSXBytes(ratio, Options{})
		return err
	})
	forged := bombXLSX(t, "xl/worksheets/sheet1.xml", gb, 4<<20)
	checkHostile(t, "1 GB entry declaring 4 MB", 5*time.Second, false, func() error {
		_, err := readXLSXBytes(forged, Options{})
		return err
	})
}

func TestHostileXLSXSparse(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
		`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`
	b := minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}, false)
	checkHostile(t, "A1 + XFD1048576", 2*time.Second, false, func() error {
		_, err := readXLSXBytes(b, Options{})
		return err
	})
}

func TestHostileXLSXMerges(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sb.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>`)
	sb.WriteString(`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData><mergeCells>`)
	for range 200000 {
		sb.WriteString(`<mergeCell ref="A1:XFD1048576"/>`)
	}
	sb.WriteString(`</mergeCells></worksheet>`)
	b := minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sb.String()}, false)
	checkHostile(t, "200k whole-sheet merges", 5*time.Second, false, func() error {
		_, err := readXLSXBytes(b, Options{MaxCells: 100000})
		return err
	})
}

func TestHostileXMLNesting(t *testing.T) {
	sheet := `<worksheet>` + strings.Repeat("<a>", 100000) + `</worksheet>`
	b := minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}, false)
	checkHostile(t, "XML nested 100k deep", 2*time.Second, false, func() error {
		_, err := readXLSXBytes(b, Options{})
		return err
	})
}

func TestHostileCSVLongLine(t *testing.T) {
	checkHostile(t, "CSV with one 100 MB line", 5*time.Second, true, func() error {
		_, err := ReadCSV(&repeatReader{prefix: []byte("a,b\n"), fill: 'x', n: 100 << 20}, "big.csv", Options{})
		return err
	})
	checkHostile(t, "CSV with a 100 MB quoted field of newlines", 5*time.Second, true, func() error {
		_, err := ReadCSV(&repeatReader{prefix: []byte("a,b\n1,\""), fill: '\n', n: 100 << 20, suffix: []byte("\"\n")}, "big.csv", Options{})
		return err
	})
	checkHostile(t, "GB18030 CSV with one 100 MB line", 5*time.Second, true, func() error {
		_, err := ReadCSV(&repeatReader{prefix: gb18030(t, "区县,金额\n"), fill: 0xB0, n: 100 << 20}, "big.csv", Options{})
		return err
	})
}

func TestHostileJSONLongValues(t *testing.T) {
	checkHostile(t, "JSON with a 100 MB string", 5*time.Second, true, func() error {
		_, err := ReadJSON(&repeatReader{prefix: []byte(`[{"a":"`), fill: 'x', n: 100 << 20, suffix: []byte(`"}]`)}, "big.json", Options{})
		return err
	})
	checkHostile(t, "JSON with a 100 MB number", 5*time.Second, true, func() error {
		_, err := ReadJSON(&repeatReader{prefix: []byte(`[{"a":`), fill: '1', n: 100 << 20, suffix: []byte(`}]`)}, "big.json", Options{})
		return err
	})
	checkHostile(t, "JSON Lines with a 100 MB line", 5*time.Second, true, func() error {
		_, err := ReadJSONLines(&repeatReader{prefix: []byte(`{"a":"`), fill: 'x', n: 100 << 20, suffix: []byte("\"}\n")}, "big.jsonl", Options{})
		return err
	})
}

func TestHostileXMLTextNode(t *testing.T) {
	sheet := `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>` + strings.Repeat("长", 4<<20) + `</t></is></c></row></sheetData></worksheet>`
	b := minimalXLSX(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}, false)
	checkHostile(t, "XLSX with a 12 MB text node", 2*time.Second, false, func() error {
		_, err := readXLSXBytes(b, Options{})
		return err
	})
}
