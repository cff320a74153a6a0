package charts

import (
	"encoding/json"
	"fmt"
)

// MarkSample gives a chart of sample data a small title in its top-left
// corner that says so (text: 示例数据), so every image made from the
// chart's option — the PNG of the chart's toolbox, the SVG the page
// exports — carries the mark as well as the page's badge does.
func MarkSample(c Chart, text string) (Chart, error) {
	if c.Empty || c.Option == "" {
		return c, nil
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(c.Option), &obj); err != nil {
		return c, fmt.Errorf("charts: sample mark: %w", err)
	}
	obj["title"] = map[string]any{
		"text": text, "left": 4, "top": 2,
		"textStyle": map[string]any{"fontSize": 12, "fontWeight": "normal", "color": "#7a5a00", "fontFamily": fontStack},
	}
	// A legend at the very top would run into the mark once either is wide
	// (in English the mark reads 示例数据 · Sample data): it moves below it.
	if lg, ok := obj["legend"].(map[string]any); ok && lg["show"] != false {
		if top, _ := lg["top"].(string); top == "" || top == "2%" {
			lg["top"] = "24"
		}
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return c, fmt.Errorf("charts: sample mark: %w", err)
	}
	c.Option = string(b)
	return c, nil
}
