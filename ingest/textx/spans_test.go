package textx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// figuresOf renders the figures Extract finds in text as "span=value unit q".
func figuresOf(text string) string {
	var out []string
	for _, c := range Extract(text, Options{}) {
		if c.Kind == "figure" {
			out = append(out, fmt.Sprintf("%s=%v %s %s", c.Span, c.Value, c.Unit, c.Qualifier))
		}
	}
	return strings.Join(out, "; ")
}

func TestFigureSpans(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"共建平台30余个，联合开展项目合作70多项。", "30余个=30 个 at_least; 70多项=70 项 at_least"},
		{"市财政每年拨付1亿元资金。", "1亿元=1e+08 元 "},
		{"兑现奖补资金13,582.6万元。", "13,582.6万元=1.35826e+08 元 "},
		{"高新技术企业达到1,316家，同比增长27.9%。", "1,316家=1316 家 ; 27.9%=27.9 % "},
		{"新增科技型中小企业１３６家，完成目标的８５％。", "１３６家=136 家 ; ８５％=85 % "},
		{"引进专家三十余人，建设研发中心二十八个，实施项目一百二十余项。", "三十余人=30 人 at_least; 二十八个=28 个 ; 一百二十余项=120 项 at_least"},
		{"邀请专家近千人次，服务企业超过100家。", "近千人次=1000 人次 at_most; 超过100家=100 家 at_least"},
		{"其中国家级2家、省级5家、市级12家。", "2家=2 家 ; 5家=5 家 ; 12家=12 家 "},
		{"规划占地约500亩，成果转化率百分之十五左右。", "约500亩=500 亩 approx; 百分之十五左右=15 % approx"},
		{"单个企业最高不超过30万元，研发投入占比不足1%。", "不超过30万元=300000 元 at_most; 不足1%=1 % at_most"},
		{"每年新增平台3至5个，提高0.2个百分点左右。", "3至5个=3 个 at_least; 0.2个百分点左右=0.2 个百分点 approx"},
		{"从业人员4.6万人，面积286万平方米，营业收入突破5亿元。", "4.6万人=46000 人 ; 286万平方米=2.86e+06 平方米 ; 突破5亿元=5e+08 元 at_least"},
		{"分别为3、5、8家。", "3=3 家 ; 5=5 家 ; 8家=8 家 "},
		{"全社会研发投入 367.1 亿元，登记 23003 项。", "367.1 亿元=3.671e+10 元 ; 23003 项=23003 项 "},
		{"技工贸总收入1.6万亿，同比增长11.7%。", "1.6万亿=1.6e+12 元 ; 11.7%=11.7 % "},
		{"组织活动两次，建成两个平台，举办4届论坛，承办了两届音乐节。", "两次=2 次 ; 两个=2 个 ; 4届=4 届 ; 两届=2 届 "},
		{"增长-3.2%，是上年的2.3倍。", "-3.2%=-3.2 % ; 2.3倍=2.3 倍 "},
		{"吸引15万名游客，安排资金2000万元以上。", "15万名=150000 名 ; 2000万元以上=2e+07 元 at_least"},
	} {
		if got := figuresOf(tc.text); got != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.text, got, tc.want)
		}
	}
}

// TestTraps lists things that look like figures and are not.
func TestTraps(t *testing.T) {
	for _, text := range []string{
		"淄科字〔2021〕38号 签发人：于秀栋",
		"关于对市十五届人大代表第202171号建议的答复",
		"对区十三届政协三次会议代表第48号提案的答复",
		"全面贯彻党的十九大和十九届历次全会精神。",
		"2019年9月，2021年3月2日，二〇二一年七月二十七日，2021.3.2，1-6月，2018—2020年。",
		"（联系单位：市科技局，联系人：郑传兰，联系电话：3180278；0531-86051234）",
		"1.加强合作。2、共建平台。一、思路。（一）举措。(1)平台。",
		"第一，第十五届，第二家国家级农高区，全省第三位，列入第一批。",
		"加快省会经济圈一体化发展，形成“一个链条、三个支撑”的创新创业体系。",
		"“引进一个顶尖人才、带来一个团队、提升一个产业”的“四个一”招才引智理念。",
		"开展“百名专家淄川行”活动，实施千人计划、万人计划，服务千家万户。",
		"推动一批成果落地，建设一个平台，签订一项协议，一次性给予奖励。",
		"数十家企业参与，数百人次参加，几十个项目。",
		"坚持五位一体，增强四个意识，落实“十四五”规划，一期工程，二期项目。",
		"未来3至5年，近三年来，用时10分钟，20多年来，党的十九大。",
		"5G基站、3D打印和工业4.0，G20峰会。",
		"节约用水，签约仪式，制约因素。",
		"创新能力居全国前5位，进入前3名。",
		"《关于加快建设齐鲁科创大走廊的三年行动计划（2022—2024年）》",
		"科技管理研究 2021年4期（1.华南理工大学，广东广州 510640）转化率低等问题[1-5]。",
	} {
		if got := figuresOf(text); got != "" {
			t.Errorf("%s\n found %s", text, got)
		}
	}
}

func TestQualifierWords(t *testing.T) {
	for text, want := range map[string]vocab.Qualifier{
		"达30余个。": vocab.AtLeast, "达70多项。": vocab.AtLeast, "约30个。": vocab.Approx,
		"近30个。": vocab.AtMost, "超30个。": vocab.AtLeast, "逾30个。": vocab.AtLeast,
		"30个以上。": vocab.AtLeast, "30个左右。": vocab.Approx, "不到30个。": vocab.AtMost,
		"突破30个。": vocab.AtLeast, "上百个。": vocab.AtLeast, "最高30万元。": vocab.AtMost,
		"共30个。": vocab.Exact,
	} {
		c := Extract(text, Options{})
		if len(c) != 1 || c[0].Qualifier != want {
			t.Errorf("%s: %+v, want qualifier %q", text, c, want)
		}
	}
}
