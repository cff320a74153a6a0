package read

import "encoding/xml"

// readStyles returns, for each cell format index (the s attribute of a
// cell), what its number format makes of numbers. Only <cellXfs> counts;
// <cellStyleXfs> holds named styles that cells do not point at directly.
func (b *book) readStyles() ([]numKind, error) {
	f := b.file(b.stylesPath)
	if f == nil {
		return nil, nil
	}
	custom := map[int]string{}
	var ids []int
	inXfs := false
	err := walkXML(f, b.runLimit, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, ok := intAttr(t, "numFmtId"); ok {
					custom[id] = attr(t, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := intAttr(t, "numFmtId")
					ids = append(ids, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
	kinds := make([]numKind, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			kinds[i] = formatKind(code)
		} else {
			kinds[i] = builtinKind(id)
		}
	}
	return kinds, err
}
