package dashboard

// messages are the UI strings in zh-CN (default) and English.
var messages = map[string][2]string{
	"app":                   {"齐鲁科创大走廊 · 济淄科技合作分析", "Qilu S&T Innovation Corridor · Jinan–Zibo cooperation"},
	"overview":              {"概览", "Overview"},
	"platforms":             {"共建平台", "Joint platforms"},
	"projects":              {"项目与资金", "Projects & funding"},
	"network":               {"合作网络", "Partner network"},
	"carriers":              {"双创载体", "Innovation carriers"},
	"map":                   {"走廊地图", "Corridor map"},
	"index":                 {"融合指数", "Integration index"},
	"data":                  {"数据管理", "Data"},
	"console":               {"SQL 控制台", "SQL console"},
	"filter":                {"筛选", "Filter"},
	"from":                  {"起", "From"},
	"to":                    {"止", "To"},
	"grain":                 {"粒度", "Grain"},
	"year":                  {"年", "Year"},
	"quarter":               {"季度", "Quarter"},
	"month":                 {"月", "Month"},
	"district":              {"区县", "District"},
	"partner":               {"合作单位", "Partner"},
	"industry":              {"产业", "Industry"},
	"level":                 {"级别", "Level"},
	"all":                   {"全部", "All"},
	"apply":                 {"应用", "Apply"},
	"reset":                 {"重置", "Reset"},
	"sample":                {"示例数据：本页包含演示用的合成数据，不代表真实统计。", "Sample data: this page includes synthetic demo data, not real statistics."},
	"empty":                 {"当前筛选条件下暂无数据", "No data for the current filter"},
	"yoy":                   {"同比", "YoY"},
	"approx":                {"含约数（如“30余”按下限计）", "includes approximate figures (30余 counted as its lower bound)"},
	"export":                {"导出", "Export"},
	"source":                {"数据来源：各区县报送及公开文件", "Source: district returns and public documents"},
	"logout":                {"退出", "Log out"},
	"login":                 {"登录", "Log in"},
	"targets":               {"目标完成情况", "Targets"},
	"target":                {"目标", "Target"},
	"actual":                {"实际", "Actual"},
	"attainment":            {"完成率", "Attainment"},
	"no_targets":            {"尚未导入目标（导入“目标”类表格后显示）", "No targets loaded yet"},
	"drill":                 {"明细", "Rows"},
	"rows":                  {"条记录", "rows"},
	"prev":                  {"上一页", "Previous"},
	"next":                  {"下一页", "Next"},
	"method":                {"方法说明", "Method"},
	"unavailable":           {"数据库暂时不可用，请稍后刷新。", "The database is unavailable; please refresh shortly."},
	"print":                 {"打印", "Print"},
	"lang_switch":           {"English", "中文"},
	"metric":                {"指标", "Metric"},
	"index_latest":          {"融合指数", "Integration index"},
	"index_years":           {"融合指数逐年数值与数据覆盖", "Integration index by year, with data coverage"},
	"index_value":           {"指数", "Index"},
	"index_coverage":        {"覆盖率", "Coverage"},
	"index_unreported":      {"未报送（按缺失处理）", "not reported (missing)"},
	"index_imputed":         {"沿用上年数值", "last value carried"},
	"index_missing_pillars": {"缺失维度", "Pillars missing"},
	"index_no_base":         {"基期无数据，未参与计算", "no base-year data, left out"},
	"index_coverage_note":   {"覆盖率＝当年有实际报送数值的指标总权重；未报送的数据按缺失处理、不按 0 计，存量指标沿用上年数值。", "Coverage is the weight of the indicators reported that year; data not reported is missing, not 0, and stocks carry their last value."},
	"index_indicators":      {"指标、权重与贡献", "Indicators, weights and contributions"},
	"index_raw":             {"原始值", "Raw"},
	"index_normalised":      {"标准化值", "Normalised"},
	"index_weight":          {"有效权重", "Effective weight"},
	"index_contribution":    {"贡献", "Contribution"},
	"index_note_col":        {"说明", "Note"},
	"band":                  {"稳健性区间", "robustness band"},
	"error":                 {"出错了", "Error"},
	"extra_attr":            {"附加属性：原表中没有对应字段的列，按原表头保留", "Extra attribute: a column of the sheet with no field, kept under its header"},
	"sample_incl":           {"含示例数据", "Include sample data"},
	"sample_hint":           {"已导入真实数据，示例数据默认不显示", "Real data are loaded; sample data are hidden unless included"},
	"sample_badge":          {"示例数据", "Sample data"},

	// the review of figures extracted from texts (data page)
	"review_title":       {"文本提取数字待审核", "Figures from texts awaiting review"},
	"review_none":        {"暂无待审核内容", "Nothing to review"},
	"review_hint":        {"留空的项保持提取结果；更正后的数字与原提取结果一并保存。", "Fields left empty keep what was extracted; a correction is stored beside the figure as extracted."},
	"review_value":       {"数值", "Value"},
	"review_unit":        {"单位", "Unit"},
	"review_qualifier":   {"限定", "Qualifier"},
	"review_period":      {"时间", "Period"},
	"review_period_hint": {"如 2022、2022-06、2022Q3", "e.g. 2022, 2022-06, 2022Q3"},
	"review_no_period":   {"原文未注明时间：须填写时间后才能采纳", "No period stated: give one before accepting"},
	"review_metric_keep": {"保留提取的名称（作为 obs: 指标）", "keep the extracted name (an obs: metric)"},
	"review_place":       {"地区", "Place"},
	"review_place_hint":  {"地名或行政区划代码", "place name or area code"},
	"review_evidence":    {"原文", "Evidence"},
	"review_accept":      {"采纳", "Accept"},
	"review_reject":      {"驳回", "Reject"},
	"review_refused":     {"未能保存：", "Not saved: "},
	"q_keep":             {"不变", "unchanged"},
	"q_":                 {"确数", "exact"},
	"q_exact":            {"确数", "exact"},
	"q_at_least":         {"不少于（余、多、以上）", "at least"},
	"q_approx":           {"约数（约、左右）", "approximately"},
	"q_at_most":          {"不超过（近、最高）", "at most"},

	// /healthz messages (machine readers get both languages, see bilingual)
	"health_unavailable": {"数据库暂时不可用", "database unavailable"},
	"health_degraded":    {"部分数据块已被数据库隔离，统计数字可能偏小，请管理员处理", "some data parts were set aside by the database; numbers may be too small; an administrator must act"},
}

// tr translates a key for a language ("en", otherwise Chinese).
func tr(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

// Error messages of the web edge, Chinese then English in one string, as
// the JSON API and the error page show them whatever the language.
const (
	msgBodyTooLarge = "请求内容过大：数据文件最大 64 MB，其他请求最大 1 MB (request body too large: 64 MB for data files, 1 MB otherwise)"
	msgBodyLength   = "请求须注明内容长度 (Content-Length required; chunked request bodies are not accepted)"
	msgBodyEncoded  = "请求内容不能压缩 (compressed request bodies are not accepted)"
	msgTimeout      = "请求超时，请缩小筛选范围后重试 (the request took too long: narrow the filter and try again)"
	msgInternal     = "内部错误 (internal error)"
	msgUnavailable  = "数据库暂时不可用，请稍后刷新 (database unavailable)"
)
