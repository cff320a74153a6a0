package vocab

// Levels of Place.
const (
	LevelProvince = "province"
	LevelCity     = "city"
	LevelDistrict = "district" // 区 and 县 alike
	// LevelZone is an economic development zone (高新区). Zones are not
	// administrative divisions and have no official area code: Corridor gives
	// them the city code plus "-GX" ("370300-GX"), which is not a GB/T 2260 code.
	LevelZone = "zone"
)

// zoneGX suffixes the city code to form the code of a city's high-tech
// zone, e.g. "370300-GX" for 淄博高新区. These codes are ours, NOT official
// GB/T 2260 codes: the zones are run by management committees and span parts
// of several districts, so statistics for them are reported apart. The
// suffix keeps them from colliding with any real six-digit code.
const zoneGX = "-GX"

// placeRow is one known place with the spellings that must find it.
type placeRow struct {
	Place
	pinyin string   // without "District"/"County"/"City"
	extra  []string // other Chinese names: old names, long names
}

// placeRows lists the places Corridor reports on: Shandong, its sixteen
// prefecture cities, and the districts and counties of Jinan and Zibo.
// Codes follow GB/T 2260 as of 2019, after Laiwu was merged into Jinan.
//
// 莱芜市 (371200) no longer exists: since January 2019 it is 莱芜区 and
// 钢城区 of Jinan. Old documents still say 莱芜 or 莱芜市, and those names
// resolve to 莱芜区 (370116, city 济南市) so that old and new rows line up.
//
// Of the other cities' districts only 枣庄市市中区 is listed, because its
// name collides with Jinan's 市中区; see LookupPlace.
var placeRows = []placeRow{
	{Place{"370000", "山东省", "", LevelProvince}, "shandong", []string{"山东"}},
	{Place{"370100", "济南市", "济南市", LevelCity}, "jinan", nil},
	{Place{"370102", "历下区", "济南市", LevelDistrict}, "lixia", nil},
	{Place{"370103", "市中区", "济南市", LevelDistrict}, "shizhong", nil},
	{Place{"370104", "槐荫区", "济南市", LevelDistrict}, "huaiyin", nil},
	{Place{"370105", "天桥区", "济南市", LevelDistrict}, "tianqiao", nil},
	{Place{"370112", "历城区", "济南市", LevelDistrict}, "licheng", nil},
	{Place{"370113", "长清区", "济南市", LevelDistrict}, "changqing", nil},
	{Place{"370114", "章丘区", "济南市", LevelDistrict}, "zhangqiu", nil},
	{Place{"370115", "济阳区", "济南市", LevelDistrict}, "jiyang", nil},
	{Place{"370116", "莱芜区", "济南市", LevelDistrict}, "laiwu", []string{"莱芜市"}},
	{Place{"370117", "钢城区", "济南市", LevelDistrict}, "gangcheng", nil},
	{Place{"370124", "平阴县", "济南市", LevelDistrict}, "pingyin", nil},
	{Place{"370126", "商河县", "济南市", LevelDistrict}, "shanghe", nil},
	{Place{"370100" + zoneGX, "济南高新区", "济南市", LevelZone}, "jinanhightechzone",
		[]string{"济南高新技术产业开发区", "济南国家高新技术产业开发区", "济南高新技术开发区", "济南国家高新区"}},
	{Place{"370200", "青岛市", "青岛市", LevelCity}, "qingdao", nil},
	{Place{"370300", "淄博市", "淄博市", LevelCity}, "zibo", nil},
	{Place{"370302", "淄川区", "淄博市", LevelDistrict}, "zichuan", nil},
	{Place{"370303", "张店区", "淄博市", LevelDistrict}, "zhangdian", nil},
	{Place{"370304", "博山区", "淄博市", LevelDistrict}, "boshan", nil},
	{Place{"370305", "临淄区", "淄博市", LevelDistrict}, "linzi", nil},
	{Place{"370306", "周村区", "淄博市", LevelDistrict}, "zhoucun", nil},
	{Place{"370321", "桓台县", "淄博市", LevelDistrict}, "huantai", nil},
	{Place{"370322", "高青县", "淄博市", LevelDistrict}, "gaoqing", nil},
	{Place{"370323", "沂源县", "淄博市", LevelDistrict}, "yiyuan", nil},
	{Place{"370300" + zoneGX, "淄博高新区", "淄博市", LevelZone}, "zibohightechzone",
		[]string{"淄博高新技术产业开发区", "淄博国家高新技术产业开发区", "淄博高新技术开发区", "淄博国家高新区"}},
	{Place{"370400", "枣庄市", "枣庄市", LevelCity}, "zaozhuang", nil},
	{Place{"370402", "市中区", "枣庄市", LevelDistrict}, "shizhong", nil},
	{Place{"370500", "东营市", "东营市", LevelCity}, "dongying", nil},
	{Place{"370600", "烟台市", "烟台市", LevelCity}, "yantai", nil},
	{Place{"370700", "潍坊市", "潍坊市", LevelCity}, "weifang", nil},
	{Place{"370800", "济宁市", "济宁市", LevelCity}, "jining", nil},
	{Place{"370900", "泰安市", "泰安市", LevelCity}, "taian", nil},
	{Place{"371000", "威海市", "威海市", LevelCity}, "weihai", nil},
	{Place{"371100", "日照市", "日照市", LevelCity}, "rizhao", nil},
	{Place{"371300", "临沂市", "临沂市", LevelCity}, "linyi", nil},
	{Place{"371400", "德州市", "德州市", LevelCity}, "dezhou", nil},
	{Place{"371500", "聊城市", "聊城市", LevelCity}, "liaocheng", nil},
	{Place{"371600", "滨州市", "滨州市", LevelCity}, "binzhou", nil},
	{Place{"371700", "菏泽市", "菏泽市", LevelCity}, "heze", nil},
}

// bareDefaults settles names shared by two places when no city is given.
// A bare 市中区 is Jinan's: Corridor is about the Jinan–Zibo corridor, and
// Zaozhuang's is only reached as "枣庄市市中区". A bare 高新区 has no
// default: there is one in every city, so it needs its city in front.
var bareDefaults = map[string]string{
	"市中区": "370103", "shizhong": "370103",
}
