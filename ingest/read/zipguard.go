package read

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// Zip limits. A district workbook is a few MB of XML; these refuse zip
// bombs before anything is inflated. archive/zip itself fails an entry
// that inflates past its declared size, so the declared sizes are binding.
const (
	maxUnzipBytes  = 200 << 20 // all entries together, declared uncompressed
	bigEntryBytes  = 16 << 20  // entries at least this big must also pass the ratio
	maxRatio       = 100       // uncompressed / compressed for big entries
	maxZipEntries  = 10_000
	maxZipDirBytes = 4 << 20 // central directory size
	eocdLen        = 22      // end of central directory record without comment
	maxZipComment  = 0xFFFF
)

// oleMagic starts old .xls files and encrypted (password-protected) .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openZip checks the archive's directory and declared sizes, then opens it.
func openZip(r io.ReaderAt, size int64) (*zip.Reader, error) {
	if err := checkDirectory(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{Msg: "not an XLSX file (bad zip: " + err.Error() + ")", Err: ErrFormat}
	}
	return zr, checkEntries(zr.File)
}

// checkDirectory reads the end-of-central-directory record so that an
// archive claiming millions of entries is refused before archive/zip
// allocates a header for each.
func checkDirectory(r io.ReaderAt, size int64) error {
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		return &Error{Msg: "old .xls or password-protected workbook; save it as .xlsx without a password", Err: ErrFormat}
	}
	tailLen := min(size, eocdLen+maxZipComment)
	if tailLen < eocdLen {
		return &Error{Msg: "not an XLSX file (too short for a zip archive)", Err: ErrFormat}
	}
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return &Error{Msg: "reading zip directory: " + err.Error(), Err: err}
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < eocdLen {
		return &Error{Msg: "not an XLSX file (no zip directory)", Err: ErrFormat}
	}
	entries := binary.LittleEndian.Uint16(tail[i+10:])
	dirSize := binary.LittleEndian.Uint32(tail[i+12:])
	if entries == 0xFFFF || dirSize == 0xFFFFFFFF {
		return limitErr(0, "", "zip64 archive: far larger than any workbook this reader accepts")
	}
	if entries > maxZipEntries || dirSize > maxZipDirBytes {
		return limitErr(0, "", fmt.Sprintf("zip directory with %d entries (%d bytes) is too large", entries, dirSize))
	}
	return nil
}

// checkEntries refuses archives whose declared uncompressed total is too
// large or that hold a big entry compressed more than maxRatio times.
func checkEntries(files []*zip.File) error {
	var total uint64
	for _, f := range files {
		total += f.UncompressedSize64
		if total > maxUnzipBytes {
			return limitErr(0, "", fmt.Sprintf("archive inflates to more than %d MB", maxUnzipBytes>>20))
		}
		if f.UncompressedSize64 >= bigEntryBytes && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return limitErr(0, "", fmt.Sprintf("zip entry %s is compressed %d:1 (%d bytes); refusing a likely zip bomb",
				f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1), f.UncompressedSize64))
		}
	}
	return nil
}
