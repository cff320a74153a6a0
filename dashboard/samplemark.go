package dashboard

// sampleNote is what every export of sample data says first: in the
// first CSV line and XLSX row, where a reader opening the file sees it.
const sampleNote = "示例数据：本表包含演示用的合成数据，不代表真实统计。Sample data: synthetic demo data — not real statistics."

// sampleMark is the title every chart image of sample data carries.
func sampleMark(lang string) string {
	if lang == "en" {
		return "示例数据 · Sample data"
	}
	return "示例数据"
}
