// Package ingest turns the bureau's spreadsheets, registers and policy texts
// into validated rows in ClickHouse, each stamped with its source, loaded
// all-or-nothing and idempotently.
package ingest

import "strings"

// FieldType says how a cell is parsed and which columns it fills.
type FieldType int

// Field types.
const (
	Text        FieldType = iota // trimmed text
	Money                        // 元/万元/亿元 → Decimal yuan
	DateDay                      // any date form → Date (first day of the period)
	Period                       // any date form → Date + grain column
	District                     // place name → area code
	Orgs                         // organisation list (、，,;；/ separated) → canonical names
	Org                          // one organisation → canonical name
	Level                        // 国家级/省级/市级/区县级 → code
	Count                        // whole number ≥ 0, qualifiers allowed (30余)
	Number                       // any figure with qualifier
	Bool                         // 是/否, yes/no, 1/0
	CarrierKind                  // 苗圃/众创空间/孵化器/加速器/产业园 → code
	TalentKind                   // 专家/人才/活动 → code
	Year                         // 2025 / 2025年 → UInt16
)

// Field is one input column of a record kind.
type Field struct {
	Column   string   // database column it fills
	Label    string   // Chinese name shown in reports
	Aliases  []string // accepted headers, Chinese and English, compared after normalising
	Type     FieldType
	Required bool
}

// Kind is a record kind: its table, fields and natural key.
type Kind struct {
	Code   string   // platform, project, agreement, funding, carrier, talent, observation
	Table  string   // ClickHouse table
	NameZH string   // 共建平台 …
	Fields []Field  // input fields
	Key    []string // columns whose values make the natural key (row_key)
}

// Kinds returns every record kind in detection order.
func Kinds() []Kind {
	return []Kind{platformKind(), projectKind(), agreementKind(), fundingKind(), carrierKind(), talentKind(), observationKind(), targetKind()}
}

// KindByCode finds a kind by its code ("platform", …) or Chinese name.
func KindByCode(code string) (Kind, bool) {
	for _, k := range Kinds() {
		if k.Code == code || k.NameZH == code || k.Table == code {
			return k, true
		}
	}
	return Kind{}, false
}

// KindCodes lists the kind codes, for usage messages.
func KindCodes() string {
	var c []string
	for _, k := range Kinds() {
		c = append(c, k.Code)
	}
	return strings.Join(c, ", ")
}

var (
	fDistrict = Field{Column: "district_code", Label: "区县", Type: District, Aliases: []string{"区县", "所在区县", "县区", "区域", "所属区县", "地区", "district", "county"}}
	fIndustry = Field{Column: "industry", Label: "产业领域", Type: Text, Aliases: []string{"产业领域", "产业", "行业", "领域", "所属产业", "industry", "sector"}}
	fNote     = Field{Column: "note", Label: "备注", Type: Text, Aliases: []string{"备注", "说明", "note", "notes", "remark"}}
	fPartners = Field{Column: "partners", Label: "合作单位", Type: Orgs, Aliases: []string{"合作单位", "合作高校", "合作院所", "合作高校院所", "济南合作方", "共建单位", "合作方", "partner", "partners", "university"}}
	fLevel    = Field{Column: "level", Label: "级别", Type: Level, Aliases: []string{"级别", "层级", "认定级别", "备案级别", "平台级别", "level"}}
)

func platformKind() Kind {
	return Kind{Code: "platform", Table: "platforms", NameZH: "共建平台", Key: []string{"name"}, Fields: []Field{
		{Column: "name", Label: "平台名称", Type: Text, Required: true, Aliases: []string{"平台名称", "名称", "平台", "platform", "platform name", "name"}},
		{Column: "kind", Label: "平台类型", Type: Text, Aliases: []string{"平台类型", "类型", "类别", "platform type", "type", "kind"}},
		fLevel, fPartners,
		{Column: "host", Label: "依托单位", Type: Org, Aliases: []string{"依托单位", "承建单位", "淄博依托单位", "建设单位", "host", "host organization"}},
		fDistrict, fIndustry,
		{Column: "established", Label: "共建时间", Type: DateDay, Required: true, Aliases: []string{"共建时间", "成立时间", "建立时间", "签约时间", "揭牌时间", "时间", "日期", "established", "date"}},
		fInvestTotal, fInvestFiscal, fInvestSelf,
		fNote,
	}}
}

func projectKind() Kind {
	return Kind{Code: "project", Table: "projects", NameZH: "合作项目", Key: []string{"title"}, Fields: []Field{
		{Column: "title", Label: "项目名称", Type: Text, Required: true, Aliases: []string{"项目名称", "项目", "project", "project title", "title"}},
		fPartners,
		{Column: "lead", Label: "承担单位", Type: Org, Aliases: []string{"承担单位", "牵头单位", "项目单位", "企业名称", "lead", "lead organization"}},
		fDistrict, fIndustry,
		{Column: "start_date", Label: "开始时间", Type: DateDay, Required: true, Aliases: []string{"开始时间", "立项时间", "起始时间", "开始日期", "立项日期", "start", "start date"}},
		{Column: "end_date", Label: "结束时间", Type: DateDay, Aliases: []string{"结束时间", "截止时间", "完成时间", "结束日期", "end", "end date"}},
		{Column: "funding_total", Label: "总投入", Type: Money, Aliases: []string{"总投入", "总投资", "项目总投资", "项目总投入", "总经费", "total funding", "total"}},
		{Column: "funding_fiscal", Label: "财政资金", Type: Money, Aliases: []string{"财政资金", "财政支持", "财政投入", "财政补助", "fiscal funding", "fiscal"}},
		{Column: "status", Label: "状态", Type: Text, Aliases: []string{"状态", "项目状态", "进展", "status"}},
		fNote,
	}}
}

func agreementKind() Kind {
	return Kind{Code: "agreement", Table: "agreements", NameZH: "合作协议", Key: []string{"signed_on", "title"}, Fields: []Field{
		{Column: "signed_on", Label: "签约时间", Type: DateDay, Required: true, Aliases: []string{"签约时间", "签订时间", "签约日期", "签订日期", "signed", "signed on", "date"}},
		{Column: "title", Label: "协议名称", Type: Text, Required: true, Aliases: []string{"协议名称", "协议", "agreement", "title"}},
		{Column: "parties", Label: "签约各方", Type: Orgs, Aliases: []string{"签约各方", "签约单位", "签约方", "合作方", "parties"}},
		{Column: "kind", Label: "协议类型", Type: Text, Aliases: []string{"协议类型", "类型", "kind", "type"}},
		fDistrict, fNote,
	}}
}

func fundingKind() Kind {
	return Kind{Code: "funding", Table: "funding", NameZH: "资金拨付", Key: []string{"paid_on", "payer", "recipient", "purpose"}, Fields: []Field{
		{Column: "paid_on", Label: "拨付时间", Type: Period, Required: true, Aliases: []string{"拨付时间", "拨付日期", "年度", "时间", "日期", "period", "date", "year"}},
		{Column: "payer", Label: "拨付单位", Type: Org, Aliases: []string{"拨付单位", "出资单位", "出资方", "资金来源", "payer", "from"}},
		{Column: "recipient", Label: "接收单位", Type: Org, Required: true, Aliases: []string{"接收单位", "使用单位", "资助对象", "收款单位", "recipient", "to"}},
		{Column: "purpose", Label: "用途", Type: Text, Aliases: []string{"用途", "资金用途", "项目", "purpose"}},
		fIndustry,
		{Column: "amount", Label: "金额", Type: Money, Required: true, Aliases: []string{"金额", "拨付金额", "资金", "资金额", "amount"}},
		{Column: "fiscal", Label: "财政资金", Type: Bool, Aliases: []string{"是否财政资金", "财政资金", "fiscal"}},
		fDistrict, fNote,
	}}
}

func carrierKind() Kind {
	// A row is a step in a carrier's history (recognised at a level and as
	// a kind on a date: 省级 → 国家级, 孵化器 → 加速器), so the natural key is
	// the carrier and the date; analytics counts each carrier once.
	return Kind{Code: "carrier", Table: "carriers", NameZH: "双创载体", Key: []string{"name", "recognised_on"}, Fields: []Field{
		{Column: "name", Label: "载体名称", Type: Text, Required: true, Aliases: []string{"载体名称", "名称", "众创空间名称", "孵化器名称", "carrier", "name"}},
		{Column: "kind", Label: "载体类型", Type: CarrierKind, Required: true, Aliases: []string{"载体类型", "类型", "类别", "kind", "type"}},
		{Column: "level", Label: "级别", Type: Level, Required: true, Aliases: fLevel.Aliases},
		fDistrict,
		{Column: "recognised_on", Label: "认定时间", Type: DateDay, Required: true, Aliases: []string{"认定时间", "备案时间", "认定日期", "备案日期", "时间", "recognised", "recognized", "date"}},
		{Column: "operator", Label: "运营单位", Type: Org, Aliases: []string{"运营单位", "运营主体", "operator"}},
		fNote,
	}}
}

func talentKind() Kind {
	return Kind{Code: "talent", Table: "talent", NameZH: "人才与交流", Key: []string{"happened_on", "kind", "name"}, Fields: []Field{
		{Column: "happened_on", Label: "时间", Type: DateDay, Required: true, Aliases: []string{"时间", "日期", "引进时间", "活动时间", "date"}},
		{Column: "kind", Label: "类别", Type: TalentKind, Required: true, Aliases: []string{"类别", "类型", "kind", "type"}},
		{Column: "name", Label: "名称", Type: Text, Aliases: []string{"名称", "姓名", "活动名称", "人才姓名", "name"}},
		{Column: "headcount", Label: "人数", Type: Count, Aliases: []string{"人数", "人次", "数量", "headcount", "count"}},
		{Column: "partner", Label: "合作单位", Type: Org, Aliases: []string{"合作单位", "来源单位", "所在单位", "partner"}},
		fDistrict, fNote,
	}}
}

func observationKind() Kind {
	return Kind{Code: "observation", Table: "observations", NameZH: "统计指标", Key: []string{"partner"}, Fields: []Field{
		{Column: "metric", Label: "指标", Type: Text, Required: true, Aliases: []string{"指标", "指标名称", "统计指标", "metric", "indicator"}},
		{Column: "place_code", Label: "地区", Type: District, Required: true, Aliases: []string{"地区", "区县", "城市", "地市", "place", "region", "district", "city"}},
		{Column: "period_start", Label: "时期", Type: Period, Required: true, Aliases: []string{"时期", "年份", "年度", "时间", "日期", "period", "year", "date"}},
		{Column: "value", Label: "数值", Type: Number, Required: true, Aliases: []string{"数值", "值", "数量", "金额", "value", "amount"}},
		{Column: "unit", Label: "单位", Type: Text, Aliases: []string{"单位", "计量单位", "unit"}},
		{Column: "partner", Label: "合作单位", Type: Org, Aliases: []string{"合作单位", "partner"}},
		fNote,
	}}
}

func targetKind() Kind {
	return Kind{Code: "target", Table: "targets", NameZH: "目标", Key: nil, Fields: []Field{
		{Column: "metric", Label: "指标", Type: Text, Required: true, Aliases: []string{"指标", "指标代码", "指标名称", "metric"}},
		{Column: "place_code", Label: "地区", Type: District, Required: true, Aliases: []string{"地区", "区县", "城市", "place", "district", "city"}},
		{Column: "year", Label: "目标年份", Type: Year, Required: true, Aliases: []string{"目标年份", "年份", "年度", "year"}},
		{Column: "value", Label: "目标值", Type: Number, Required: true, Aliases: []string{"目标值", "目标", "target", "value"}},
		{Column: "unit", Label: "单位", Type: Text, Aliases: []string{"单位", "计量单位", "unit"}},
		fNote,
	}}
}
