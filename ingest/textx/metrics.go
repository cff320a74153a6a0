package textx

import "strings"

// metricCodes map words of a metric phrase to the catalogue's metric codes,
// most specific first. Money figures are matched against moneyCodes only,
// so "项目资金" is funding, not projects.
var metricCodes = []struct{ word, code string }{
	{"众创空间", "carriers_makerspace"}, {"孵化器", "carriers_incubator"}, {"孵化平台", "carriers_incubator"},
	{"加速器", "carriers_accelerator"}, {"科技企业孵化", "carriers_incubator"},
	{"高新技术企业", "hightech_firms"}, {"高企", "hightech_firms"}, {"科技型中小企业", "tech_smes"},
	{"技术合同", "contracts"}, {"协议", "agreements"}, {"签约", "agreements"},
	{"专家", "experts"}, {"院士", "talents"}, {"人才", "talents"}, {"博士", "talents"}, {"团队", "talents"},
	{"活动", "events"}, {"论坛", "events"}, {"对接会", "events"}, {"洽谈会", "events"}, {"交流会", "events"},
	{"推介会", "events"}, {"路演", "events"}, {"培训", "events"}, {"会议", "events"},
	{"平台", "platforms"}, {"研究院", "platforms"}, {"实验室", "platforms"}, {"技术中心", "platforms"},
	{"研究中心", "platforms"}, {"研发中心", "platforms"}, {"创新中心", "platforms"}, {"工作站", "platforms"},
	{"分中心", "platforms"}, {"中试基地", "platforms"}, {"研究所", "platforms"}, {"分院", "platforms"},
	{"服务站", "platforms"}, {"孵化载体", "carriers_incubator"}, {"载体", "carriers_incubator"},
	{"产业园", "carriers_park"}, {"科技园", "carriers_park"},
	{"专利", "patents"}, {"成果转化", "transfers"}, {"成果", "transfers"}, {"项目", "projects"},
}

var moneyCodes = []struct{ word, code string }{
	{"研发投入", "rd_spending"}, {"研发经费", "rd_spending"}, {"R&D", "rd_spending"}, {"研发支出", "rd_spending"},
	{"技术合同", "contracts_value"}, {"成交额", "contracts_value"}, {"交易额", "contracts_value"},
	{"产值", "revenue"}, {"营业收入", "revenue"}, {"销售收入", "revenue"}, {"主营业务收入", "revenue"},
	{"资金", "funding"}, {"拨付", "funding"}, {"经费", "funding"}, {"投入", "funding"}, {"扶持", "funding"},
	{"支持", "funding"}, {"补助", "funding"}, {"奖励", "funding"}, {"补贴", "funding"}, {"资助", "funding"},
	{"奖补", "funding"}, {"财政", "funding"}, {"投资", "funding"},
}

// metricCode returns the code for a metric phrase, "" when unknown. A
// percentage of R&D spending ("研发投入增长15%") keeps the code of what it
// measures; the unit tells it is a rate.
func metricCode(phrase string, money bool) string {
	if money {
		for _, m := range moneyCodes {
			if strings.Contains(phrase, m.word) {
				return m.code
			}
		}
		return ""
	}
	for _, m := range moneyCodes[:4] {
		if strings.Contains(phrase, m.word) {
			return m.code
		}
	}
	return headCode(phrase)
}

// headCode returns the code of the keyword that ends last in the phrase:
// Chinese noun phrases put their head last, so "人才服务站" counts service
// stations (platforms), not talents, and "签约项目" counts projects.
func headCode(phrase string) string {
	code, end, size := "", -1, 0
	for _, m := range metricCodes {
		i := strings.LastIndex(phrase, m.word)
		if i < 0 {
			continue
		}
		e := i + len(m.word)
		if e > end || (e == end && len(m.word) > size) {
			code, end, size = m.code, e, len(m.word)
		}
	}
	return code
}
