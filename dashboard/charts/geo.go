package charts

// anchors are the label points (cp) of the embedded maps' regions, in
// longitude and latitude: Shandong's sixteen cities (map "山东") and Zibo's
// districts (map "淄博"). The corridor map starts and ends its lines here,
// on the same spot the maps put a region's name. geo_test.go checks them
// against the map files.
var anchors = map[string][2]float64{
	"济南市": {117.000923, 36.675807},
	"青岛市": {120.355173, 36.082982},
	"淄博市": {118.047648, 36.814939},
	"枣庄市": {117.557964, 34.856424},
	"东营市": {118.66471, 37.434564},
	"烟台市": {121.391382, 37.539297},
	"潍坊市": {119.107078, 36.70925},
	"济宁市": {116.587245, 35.415393},
	"泰安市": {117.129063, 36.194968},
	"威海市": {122.116394, 37.509691},
	"日照市": {119.461208, 35.428588},
	"临沂市": {118.326443, 35.065282},
	"德州市": {116.307428, 37.453968},
	"聊城市": {115.980367, 36.456013},
	"滨州市": {118.016974, 37.383542},
	"菏泽市": {115.469381, 35.246531},
	"淄川区": {117.966723, 36.643452},
	"张店区": {118.017938, 36.806669},
	"博山区": {117.861851, 36.494701},
	"临淄区": {118.309118, 36.826981},
	"周村区": {117.869886, 36.803072},
	"高青县": {117.826924, 37.170979},
	"桓台县": {118.097922, 36.959804},
	"沂源县": {118.170855, 36.185038},
}

// labelSides places the names of the corridor map's points whose anchors
// lie close together apart, so none overlaps or is hidden: 周村区 is 0.15°
// west of 张店区 (whose name stays below its point), 临淄区 0.29° east.
var labelSides = map[string]string{"周村区": "left", "临淄区": "right"}

// labelOffsets move the Zibo map's region names apart likewise (pixels).
var labelOffsets = map[string][2]int{"周村区": {-16, 0}, "张店区": {16, 0}}
