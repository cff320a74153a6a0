package assets

import "strings"

// The notice every map view and map export must show: the boundary data is
// unofficial (no 审图号) and 莱芜 has been merged into 济南 by our build step.
const (
	// MapNoticeZH is the notice in Chinese.
	MapNoticeZH = "示意图，不作为权属争议依据；地图边界仅供参考（莱芜已并入济南）"
	// MapNoticeEN is the notice in English.
	MapNoticeEN = "Schematic map, not a basis for boundary disputes; boundaries for reference only (Laiwu has been merged into Jinan)."
)

// MapNotice returns the map notice for a UI language: English for "en…",
// Chinese otherwise, since zh-CN is the default.
func MapNotice(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return MapNoticeEN
	}
	return MapNoticeZH
}
