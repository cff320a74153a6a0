package assets

// Raw bytes for server-side use (e.g. SVG export with ECharts in goja).
// Callers must not modify the returned slices: they are the embedded data.

// EChartsJS returns echarts.min.js.
func EChartsJS() []byte { return file("echarts.min.js") }

// MapJS returns the script registering a map with ECharts, by go-echarts'
// map file name ("shandong", "shan1_dong1_zi1_bo2") or by map name ("山东",
// "淄博"); nil if there is no such map.
func MapJS(name string) []byte {
	switch name {
	case "山东":
		name = "shandong"
	case "淄博":
		name = "shan1_dong1_zi1_bo2"
	}
	return file("maps/" + name + ".js")
}

func file(name string) []byte {
	if a := index().files[name]; a != nil {
		return a.data
	}
	return nil
}
