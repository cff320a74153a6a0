package ingest

// A platform's investment as platform sheets state it: 投入资金 merged over
// 财政资金 / 企业自筹 / 合计, or plain 财政投入, 自筹资金, 总投入 columns. Money in
// the header's unit (财政资金（万元）), stored in yuan; a blank cell stays NULL.
var (
	fInvestTotal = Field{Column: "invest_total", Label: "投入资金合计", Type: Money, Aliases: []string{
		"投入资金合计", "投入资金(合计)", "投入资金（合计）", "投入资金", "总投入", "投入合计", "投入总额", "资金投入", "资金投入总额", "总投资", "投资总额", "总经费",
		"total investment", "investment", "invest total"}}
	fInvestFiscal = Field{Column: "invest_fiscal", Label: "财政资金", Type: Money, Aliases: []string{
		"财政资金", "财政投入", "财政投资", "财政资金投入", "财政支持", "财政支持资金", "财政补助", "财政补助资金", "财政拨款",
		"fiscal investment", "fiscal funding", "fiscal"}}
	fInvestSelf = Field{Column: "invest_self", Label: "企业自筹", Type: Money, Aliases: []string{
		"企业自筹", "企业自筹资金", "自筹资金", "自筹", "单位自筹", "单位自筹资金", "自筹投入", "企业投入",
		"self-raised", "self raised", "self-funded", "self funding"}}
)
