package textx

import "github.com/zibo-kj/corridor/vocab"

// units are the units a figure may carry, longest first; their one home is
// vocab (TextUnits), shared with every other reader of figures.
var units = vocab.TextUnits()

// unitWords lists, per unit, the runes that turn the unit into the first
// half of an ordinary word: "1支持" is not one team, "五位一体" is not five
// persons.
var unitWords = map[string]string{
	"支": "持撑付出援部", "部": "署分长委", "名": "单称义列牌", "条": "件例款目",
	"场": "所景地馆", "处": "理置于长室", "位": "于居列置一", "期": "间限待望末",
	"批": "准复示", "次": "数要序性", "种": "类植子", "类": "型别",
	"所": "有以属在得需谓", "家": "庭具乡属长", "户": "籍口", "套": "餐", "间": "隔",
	"只": "有是要能", "门": "类槛户票", "倍": "增", "轮": "换值胎", "组": "织建成合",
	"元": "素旦宵", "个": "体", "台": "阶账湾", "座": "谈", "款": "项", "例": "如",
	"篇": "章", "份": "额子", "章": "程节", "字": "方诀经号形头", "笔": "记试者墨画直",
}

// suffixQuals may follow a unit and qualify the figure: "30家以上".
var suffixQuals = []string{"以上", "以下", "左右", "以内", "之内", "之上", "开外", "有余", "上下"}

// prefixQuals may stand right before a figure. normalize reads all but the
// localQuals at the end, which are read here.
var prefixQuals = []string{
	"差不多", "不少于", "不低于", "不小于", "不超过", "不多于", "不高于", "不大于", "未超过",
	"超过", "超出", "高于", "多于", "大于", "至少", "最少", "大约", "大概", "约为", "约合",
	"将近", "接近", "不到", "不足", "不满", "未满", "少于", "低于", "小于", "最多", "至多",
	"逾", "超", "约", "近",
	"突破", "最高", "上",
}

// localQuals are the qualifiers normalize does not know: "突破5亿元" (broke
// through) and "上百" are lower bounds, "最高200万元" (up to) an upper one.
var localQuals = map[string]vocab.Qualifier{
	"突破": vocab.AtLeast, "上": vocab.AtLeast, "最高": vocab.AtMost,
}

// rangeSeps join the two ends of a range: "3至5家", "3-5个", "10%～15%".
const rangeSeps = "至到-—–~"

// zhDigits, zhUnits and zhMarks are the runes of a figure written in
// Chinese: digits, place values and the marks of a rough figure (30余, 70多).
const (
	zhDigits = "〇零一二三四五六七八九两兩壹贰叁肆伍陆柒捌玖"
	zhPlaces = "十百千万亿拾佰仟萬億"
	zhMarks  = "余多几来餘幾"
)

// moneyUnits are the units that make a figure an amount of yuan. "亿" stands
// for a figure ending in 亿 with 元 left out in a clause about money.
var moneyUnits = map[string]bool{"元": true, "元人民币": true, "亿": true}
