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

	"forbidden_role": {"权限不足：此操作需要“%s”及以上角色的账号，如需开通请联系管理员。", "Forbidden: this needs the %s role or above; ask an administrator."},
	"role_viewer":    {"查看者", "viewer"},
	"role_analyst":   {"分析人员", "analyst"},
	"role_admin":     {"管理员", "admin"},
	"back":           {"返回", "Back"},

	"col_item":         {"名称", "Name"},
	"col_host":         {"依托单位", "Host"},
	"col_lead":         {"牵头单位", "Lead"},
	"col_operator":     {"运营单位", "Operator"},
	"col_date":         {"日期", "Date"},
	"col_headcount":    {"人数", "People"},
	"col_amount":       {"金额", "Amount"},
	"drill_named":      {"以下为该图形背后的具体名单；逐条明细数据的导出需要“分析人员”角色。", "These are the items behind the chart; exporting the rows needs the analyst role."},
	"forbidden_export": {"逐条明细数据的导出需要“分析人员”及以上角色。", "Exporting rows needs the analyst role or above."},

	// export column headers (CSV/XLSX), in the reader's language
	"col_metric":      {"指标", "Metric"},
	"col_code":        {"代码", "Code"},
	"col_unit":        {"单位", "Unit"},
	"col_period":      {"时期", "Period"},
	"col_year":        {"年份", "Year"},
	"col_value":       {"数值", "Value"},
	"col_approx":      {"含约数（按下限计）", "Approximate (lower bound)"},
	"col_filled":      {"本期无记录（补值）", "No record this period (filled)"},
	"col_share":       {"占比", "Share"},
	"col_area_code":   {"区划代码", "Area code"},
	"col_kind":        {"类型", "Kind"},
	"col_flow_from":   {"资金来源", "From"},
	"col_flow_to":     {"资金去向", "To"},
	"col_jinan":       {"济南合作单位", "Jinan partner"},
	"col_zibo":        {"淄博单位", "Zibo institution"},
	"col_platforms_n": {"共建平台数", "Joint platforms"},
	"col_projects_n":  {"合作项目数", "Joint projects"},
	"col_funding":     {"资金", "Funding"},
	"col_edge_weight": {"连线权重（平台＋项目＋每百万元计1）", "Edge weight (platforms + projects + 1 per million yuan)"},
	"col_place":       {"区域", "Place"},
	"col_metric_type": {"类型", "Type"},
	"col_pillar":      {"融合指数维度", "Index pillar"},
	"col_direction":   {"方向", "Direction"},
	"col_band":        {"稳健性区间", "Robustness band"},
	"col_arithmetic":  {"算术汇总", "Arithmetic"},
	"col_geometric":   {"几何汇总", "Geometric"},
	"col_p5":          {"区间下限（P5）", "Band low (P5)"},
	"col_p50":         {"中位数（P50）", "Median (P50)"},
	"col_p95":         {"区间上限（P95）", "Band high (P95)"},
	"col_weight":      {"权重", "Weight"},
	"col_score":       {"维度得分（基期＝100）", "Pillar score (base = 100)"},
	"col_total":       {"合计", "Total"},
	"col_grade":       {"协调等级", "Grade"},
	"col_u1":          {"U₁ 济南供给", "U₁ Jinan supply"},
	"col_u2":          {"U₂ 淄博承接", "U₂ Zibo absorption"},
	"col_c":           {"耦合度 C", "Coupling C"},
	"col_t":           {"综合发展 T", "Development T"},
	"col_d":           {"协调度 D", "Coordination D"},
	"index_unit":      {"基期＝100", "base = 100"},
	"flow":            {"流量（按期发生）", "flow (per period)"},
	"stock":           {"存量（期末水平）", "stock (level at the period's end)"},
	"higher_better":   {"越高越好", "higher is better"},
	"lower_better":    {"越低越好", "lower is better"},
	"yes":             {"是", "yes"},
	"other":           {"其他", "Other"},
	"kpis":            {"核心指标", "Key figures"},
	"catalog":         {"指标目录", "Metric catalog"},

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
