package index

import "strings"

// Note is the method note as structure: a title and sections of
// paragraphs, lists and tables. The page renders it as HTML; Text writes it
// as plain text for the API. Neither needs Markdown, so a reader never sees
// markup or code names.
type Note struct {
	Title    string        `json:"title"`
	Sections []NoteSection `json:"sections"`
}

// NoteSection is one heading and its blocks, in reading order.
type NoteSection struct {
	Heading string      `json:"heading"`
	Blocks  []NoteBlock `json:"blocks"`
}

// NoteBlock is one paragraph (Text), one list (Items) or one table.
type NoteBlock struct {
	Text  string     `json:"text,omitempty"`
	Items []string   `json:"items,omitempty"`
	Table *NoteTable `json:"table,omitempty"`
}

// NoteTable is a small table; its first column labels the rows.
type NoteTable struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
}

// add appends a section built from blocks, skipping empty ones.
func (n *Note) add(heading string, blocks ...NoteBlock) {
	var keep []NoteBlock
	for _, b := range blocks {
		if b.Text != "" || len(b.Items) > 0 || b.Table != nil {
			keep = append(keep, b)
		}
	}
	n.Sections = append(n.Sections, NoteSection{Heading: heading, Blocks: keep})
}

func para(s string) NoteBlock { return NoteBlock{Text: s} }

// Text writes the note as plain text: the title, each heading on its own
// line, paragraphs, "· " items, and tables with columns padded to line up.
func (n Note) Text() string {
	var b strings.Builder
	b.WriteString(n.Title + "\n")
	for _, s := range n.Sections {
		b.WriteString("\n" + s.Heading + "\n")
		for _, bl := range s.Blocks {
			switch {
			case bl.Table != nil:
				writeTable(&b, bl.Table)
			case len(bl.Items) > 0:
				for _, it := range bl.Items {
					b.WriteString("· " + it + "\n")
				}
			default:
				b.WriteString(bl.Text + "\n")
			}
		}
	}
	return b.String()
}

// writeTable pads each column to its widest cell, counting a CJK character
// as two columns as a terminal shows it.
func writeTable(b *strings.Builder, t *NoteTable) {
	rows := append([][]string{t.Header}, t.Rows...)
	width := make([]int, len(t.Header))
	for _, r := range rows {
		for k, c := range r {
			if k < len(width) && cellWidth(c) > width[k] {
				width[k] = cellWidth(c)
			}
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for k, c := range r {
			if k > 0 {
				line.WriteString("  ")
			}
			line.WriteString(c + strings.Repeat(" ", max(0, width[min(k, len(width)-1)]-cellWidth(c))))
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

func cellWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if wide(r) {
			w++
		}
	}
	return w
}

// wide reports East Asian wide and full-width characters (CJK, kana,
// hangul, full-width forms), which take two columns.
func wide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6
}
