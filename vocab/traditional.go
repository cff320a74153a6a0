package vocab

// traditionalPairs lists, as traditional-simplified pairs, the traditional
// forms that reach the bureau in texts from Hong Kong and Taiwan sites and
// from reposted provincial documents: the measure words, multipliers and
// marks of figures (項 個 萬 億 餘), and the common words around them that
// scanners look for (places, levels, verbs of growth, dates, qualifiers).
const traditionalPairs = "" +
	"項项個个萬万億亿餘余幾几來来兩两場场間间處处條条種种筆笔臺台門门戶户隻只雙双" +
	"區区縣县國国級级際际術术產产業业實实驗验廳厅屬属機机構构財财資资費费經经濟济" +
	"張张臨临濱滨煙烟濰潍聊聊萊莱鋼钢歷历橋桥陰阴長长東东臺台灣湾" +
	"約约超超過过達达為为佔占增增較较與与連连續续屆届號号點点數数總总額额億亿" +
	"進进際际發发開开創创新新孵孵轉转換换權权專专項项獎奖補补貼贴貸贷設设規规劃划" +
	"對对於于從从這这這这將将還还會会議议協协聯联辦办報报導导領领體体務务處处關关" +
	"歲岁億亿萬万時时們们學学員员參参與与個个爲为當当屆届畝亩噸吨頃顷億亿臺台盧卢" +
	"範范圍围際际營营運运銷销環环節节結结務务聖圣廣广區区縣县鎮镇園园區区質质檢检測测" +
	"證证認认辦办顯显著著提提升升躍跃穩稳名名列列居居位位獲获批批準准標标準准據据" +
	"億亿讓让積积極极啟启動动擴扩覆覆蓋盖應应鏈链幣币個个紀纪錄录晉晋強强榜榜單单" +
	"棟栋輛辆輪轮組组類类歐欧"

// traditional maps each traditional form in traditionalPairs to its
// simplified form.
var traditional = func() map[rune]rune {
	rs := []rune(traditionalPairs)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// FoldTraditional returns the simplified form of a traditional character
// that figures, units and the words around them are written with (項 → 项,
// 萬 → 万, 億 → 亿, 餘 → 余, 濟 → 济), and r itself otherwise. It is a
// rune-for-rune map, so positions in a folded text match the original.
func FoldTraditional(r rune) rune {
	if s, ok := traditional[r]; ok {
		return s
	}
	return r
}
