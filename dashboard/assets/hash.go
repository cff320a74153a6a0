package assets

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"sort"
)

// hashLen is the number of hex digits of the set hash in URLs: 48 bits,
// plenty to tell deploys apart.
const hashLen = 12

// setHash returns a short hash over names and contents of all files, so
// that any change — a byte, a rename, an added file — changes every URL.
func setHash(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	var n [8]byte
	for _, name := range names {
		// Length-prefix both parts so that no two different sets can
		// produce the same byte stream.
		binary.BigEndian.PutUint64(n[:], uint64(len(name)))
		h.Write(n[:])
		h.Write([]byte(name))
		sum := sha256.Sum256(files[name])
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:hashLen]
}

// fileTag is the strong ETag value of one file's raw bytes.
func fileTag(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:16]
}
