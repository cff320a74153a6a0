// Package charts builds ECharts options with go-echarts from analytics
// results. It never touches the database: pages fetch, charts draw.
package charts

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart is one chart ready for a page: its options as JSON (initialised by
// the page script, so no inline script is needed) and what surrounds it.
type Chart struct {
	ID         string
	Title      string
	Note       string // unit and source line under the chart
	Option     string // ECharts option JSON
	Height     int    // pixels
	Empty      bool   // nothing to draw: the page shows EmptyText instead
	EmptyText  string
	Drill      string // URL prefix for drill-down; the clicked name is appended
	DataURL    string // API URL of the data behind the chart (CSV/XLSX export)
	Maps       []string
	Sample     bool   // shows sample data (示例数据)
	SampleText string // the badge in the page language
	Renderer   string
	Wide       bool // spans the page's grid (a sankey or network needs the width)
}

// fontStack matches app.css so charts and page read alike.
const fontStack = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif`

// Palette is the product's series colours (readable on screens and in print).
var Palette = []string{"#0b5cad", "#e8743b", "#19a979", "#ed4a7b", "#945ecf", "#13a4b4", "#525df4", "#bf399e", "#6c8893", "#c9a227"}

// jsonOf validates a go-echarts chart and marshals its options, turning
// animation off for exports is left to the page script.
func jsonOf(c interface {
	Validate()
	JSON() map[string]interface{}
}, extra map[string]any) (string, error) {
	c.Validate()
	obj := c.JSON()
	obj["color"] = Palette
	// Canvas text follows the page's font stack: system CJK fonts first, the
	// embedded Noto Sans SC for machines without one (no web font from outside).
	obj["textStyle"] = map[string]any{"fontFamily": fontStack}
	for k, v := range extra {
		obj[k] = v
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("charts: %w", err)
	}
	return string(b), nil
}

// patchSeries lets f add what go-echarts has no field for to each series
// of an option (the page script's tooltip hints, per-series tooltips).
func patchSeries(option string, f func(i int, s map[string]any)) (string, error) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(option), &obj); err != nil {
		return "", fmt.Errorf("charts: %w", err)
	}
	ss, _ := obj["series"].([]any)
	for i, s := range ss {
		if m, ok := s.(map[string]any); ok {
			f(i, m)
		}
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return "", fmt.Errorf("charts: %w", err)
	}
	return string(b), nil
}

// withUnit marks every series of an option that has no tooltip hint of its
// own with unit, which the page script appends to values in tooltips
// (nothing when unit is empty: English counts carry none).
func withUnit(option, unit string) (string, error) {
	if unit == "" || option == "" {
		return option, nil
	}
	return patchSeries(option, func(_ int, s map[string]any) {
		if s["corridorBand"] == nil && s["corridorUnit"] == nil {
			s["corridorUnit"] = unit
		}
	})
}

func toolbox() opts.Toolbox {
	return opts.Toolbox{Show: opts.Bool(true), Right: "2%", Feature: &opts.ToolBoxFeature{
		SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Type: "png"},
	}}
}

func tooltipAxis() opts.Tooltip {
	return opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}
}
