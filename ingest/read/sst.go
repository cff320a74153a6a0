package read

import (
	"encoding/xml"
	"strings"
)

// readSharedStrings loads the shared string table. Rich text runs are
// concatenated; phonetic runs (<rPh>) are left out, as Excel shows them
// only on request. The table's size is bounded by the zip limits.
func (b *book) readSharedStrings() ([]string, error) {
	f := b.file(b.sstPath)
	if f == nil {
		return nil, nil
	}
	var (
		out        []string
		cur        strings.Builder
		inT, inSI  bool
		phoneticAt int
		depth      int
	)
	err := walkXML(f, b.runLimit, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "rPh":
				if phoneticAt == 0 {
					phoneticAt = depth
				}
			case "t":
				inT = inSI && phoneticAt == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, unescapeOOXML(cur.String()))
				inSI = false
			case "t":
				inT = false
			}
			if depth == phoneticAt {
				phoneticAt = 0
			}
			depth--
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
		return nil
	})
	return out, err
}
