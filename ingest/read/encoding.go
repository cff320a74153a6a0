package read

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings reported in Table.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncGB18030 = "gb18030"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

// sniffBytes is how much of a CSV decides between UTF-8 and GB18030. GBK
// text is almost never valid UTF-8, so a window with any non-ASCII byte
// decides reliably; a file whose first MiB is pure ASCII is read as UTF-8
// and any later invalid byte is a positioned error.
const sniffBytes = 1 << 20

// decodeText detects the encoding of r and returns a UTF-8 reader of it.
// GB18030 is a superset of GBK and GB2312, so it covers files saved by
// Chinese Excel ("CSV (逗号分隔)") and WPS.
func decodeText(r io.Reader) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", err
	}
	atEOF := err == io.EOF
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		return br, EncUTF8BOM, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return utf16Reader(br, unicode.LittleEndian), EncUTF16LE, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16Reader(br, unicode.BigEndian), EncUTF16BE, nil
	case validUTF8Prefix(head, atEOF):
		return br, EncUTF8, nil
	default: // every line is checked on the way: a UTF-8 row in it is refused, not stored garbled
		return transform.NewReader(newGBLines(br, head, delimiterOf(head)), simplifiedchinese.GB18030.NewDecoder()), EncGB18030, nil
	}
}

// utf16Reader decodes UTF-16 with a BOM, as Excel's "Unicode text" export.
func utf16Reader(r io.Reader, order unicode.Endianness) io.Reader {
	return transform.NewReader(r, unicode.UTF16(order, unicode.ExpectBOM).NewDecoder())
}

// validUTF8Prefix reports whether head is UTF-8, allowing a rune cut off
// at the end of the window when more input follows.
func validUTF8Prefix(head []byte, atEOF bool) bool {
	if utf8.Valid(head) {
		return true
	}
	if atEOF {
		return false
	}
	for cut := 1; cut <= utf8.UTFMax-1 && cut < len(head); cut++ {
		if utf8.Valid(head[:len(head)-cut]) {
			return true
		}
	}
	return false
}
