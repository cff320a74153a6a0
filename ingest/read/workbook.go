package read

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// sheetRef is one sheet listed in the workbook.
type sheetRef struct {
	name      string
	path      string // zip entry of its XML
	hidden    bool   // state="hidden" or "veryHidden"
	worksheet bool   // false for chart, dialog and macro sheets
}

// book is an opened XLSX archive with its workbook parsed.
type book struct {
	files      map[string]*zip.File // by entry name
	folded     map[string]*zip.File // by lower-case name, for writers that vary case
	sheets     []sheetRef
	date1904   bool
	sstPath    string
	stylesPath string
	runLimit   int             // longest text or tag accepted in any part
	blank      map[string]bool // sheets read while picking one and found without data
}

// openBook checks the archive against the zip limits and reads the
// workbook's sheet list. maxCellBytes sets the longest text node accepted:
// eight times a cell, since _xHHHH_ escapes shrink later, and at least
// 1 MiB for long formulas and attribute lists.
func openBook(r io.ReaderAt, size int64, maxCellBytes int) (*book, error) {
	zr, err := openZip(r, size)
	if err != nil {
		return nil, err
	}
	b := &book{files: map[string]*zip.File{}, folded: map[string]*zip.File{}, runLimit: max(8*maxCellBytes, 1<<20)}
	for _, f := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		b.files[name] = f
		b.folded[strings.ToLower(name)] = f
	}
	wbPath := "xl/workbook.xml"
	if rels, err := b.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPath = r.target
			}
		}
	}
	if b.file(wbPath) == nil {
		return nil, &Error{Msg: "not an XLSX file (no workbook part)", Err: ErrFormat}
	}
	if err := b.readWorkbook(wbPath); err != nil {
		return nil, err
	}
	return b, nil
}

// file finds a zip entry by name, tolerating case differences.
func (b *book) file(name string) *zip.File {
	if f, ok := b.files[name]; ok {
		return f
	}
	return b.folded[strings.ToLower(name)]
}

// rel is one relationship with its target resolved to a zip entry name.
type rel struct{ id, typ, target string }

// rels reads a .rels part; targets are resolved against base, the folder
// of the part the relationships belong to.
func (b *book) rels(name, base string) ([]rel, error) {
	f := b.file(name)
	if f == nil {
		return nil, nil
	}
	var out []rel
	err := walkXML(f, b.runLimit, func(tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			return nil
		}
		out = append(out, rel{id: attr(se, "Id"), typ: attr(se, "Type"), target: resolvePart(base, attr(se, "Target"))})
		return nil
	})
	return out, err
}

// resolvePart turns a relationship target into a zip entry name.
func resolvePart(base, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(base, target)), "/")
}

// readWorkbook reads the sheet list, the date system and the paths of the
// shared strings and styles.
func (b *book) readWorkbook(wbPath string) error {
	dir := path.Dir(wbPath)
	rels, err := b.rels(path.Join(dir, "_rels", path.Base(wbPath)+".rels"), dir)
	if err != nil {
		return err
	}
	byID := map[string]rel{}
	b.sstPath, b.stylesPath = path.Join(dir, "sharedStrings.xml"), path.Join(dir, "styles.xml")
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			b.sstPath = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			b.stylesPath = r.target
		}
	}
	return walkXML(b.file(wbPath), b.runLimit, func(tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "workbookPr":
			b.date1904 = boolAttr(se, "date1904")
		case "sheet":
			b.sheets = append(b.sheets, sheetFromXML(se, byID))
		}
		return nil
	})
}

// sheetFromXML builds a sheetRef from a <sheet> element.
func sheetFromXML(se xml.StartElement, byID map[string]rel) sheetRef {
	s := sheetRef{name: attr(se, "name")}
	state := attr(se, "state")
	s.hidden = state == "hidden" || state == "veryHidden"
	for _, a := range se.Attr {
		if a.Name.Local == "id" && a.Name.Space != "" {
			r := byID[a.Value]
			s.path = r.target
			s.worksheet = r.typ == "" || strings.HasSuffix(r.typ, "/worksheet")
		}
	}
	return s
}
