package vocab

// defaultAliases are the organisations the corridor's documents name most,
// each canonical name first, then its short names and English names. Keep
// 齐鲁工业大学 and 山东省科学院 apart: they merged in 2017 and sign as
// "齐鲁工业大学（山东省科学院）", but the bureau's records credit each
// side by its own name; the joint name maps to the university, which is
// the legal entity that signs. seat is the prefecture city of the main
// campus or headquarters, where the corridor map draws a partner's ties
// from (山东科技大学: Qingdao; 山东农业大学: Tai'an; 中国科学院: its Jinan
// science city, the part that works with the corridor); empty for the
// government bodies, whose names say where they sit.
var defaultAliases = []orgNames{
	{seat: "济南市", names: []string{"山东大学", "山大", "山东大学(济南)", "Shandong University", "SDU"}},
	{seat: "青岛市", names: []string{"山东科技大学", "山科大", "山东科大", "山东科技大", "Shandong University of Science and Technology", "SDUST"}},
	{seat: "济南市", names: []string{"济南大学", "济大", "University of Jinan", "UJN"}},
	{seat: "济南市", names: []string{"齐鲁工业大学", "齐鲁工大", "齐工大", "齐鲁工业大学(山东省科学院)", "Qilu University of Technology", "QLUT"}},
	{seat: "济南市", names: []string{"山东省科学院", "省科学院", "山东科学院", "Shandong Academy of Sciences"}},
	{seat: "济南市", names: []string{"山东产业技术研究院", "山东产研院", "产研院", "省产研院", "山东省产业技术研究院",
		"Shandong Industrial Technology Research Institute", "SITRI"}},
	{seat: "淄博市", names: []string{"山东产业技术研究院淄博分院", "淄博产研院", "山东产研院淄博分院", "产研院淄博分院"}},
	{seat: "济南市", names: []string{"中国科学院", "中科院", "Chinese Academy of Sciences", "CAS"}},
	{seat: "济南市", names: []string{"中国科学院济南科创城", "中科院济南科创城", "济南科创城"}},
	{seat: "淄博市", names: []string{"山东理工大学", "山东理工", "山理工", "Shandong University of Technology", "SDUT"}},
	{seat: "济南市", names: []string{"山东师范大学", "山东师大", "山师大", "山师", "Shandong Normal University"}},
	{seat: "济南市", names: []string{"山东财经大学", "山东财经", "山财大", "山东财大", "Shandong University of Finance and Economics"}},
	{seat: "济南市", names: []string{"山东建筑大学", "山东建大", "山建大", "Shandong Jianzhu University"}},
	{seat: "泰安市", names: []string{"山东农业大学", "山东农大", "山农大", "Shandong Agricultural University"}}, // in Tai'an, not Jinan
	{seat: "淄博市", names: []string{"齐鲁医药学院", "Qilu Medical University"}},
	{seat: "济南市", names: []string{"山东中医药大学", "山东中医大", "山中医", "Shandong University of Traditional Chinese Medicine"}},
	{seat: "济南市", names: []string{"山东第一医科大学", "山东第一医科大学(山东省医学科学院)", "山一大", "山东一医大", "Shandong First Medical University"}},
	{seat: "济南市", names: []string{"山东交通学院", "山东交院", "Shandong Jiaotong University"}},
	{seat: "济南市", names: []string{"齐鲁师范学院", "齐鲁师院", "Qilu Normal University"}},
	{seat: "", names: []string{"山东省科学技术厅", "山东省科技厅", "省科技厅", "山东科技厅"}},
	{seat: "", names: []string{"淄博市科学技术局", "淄博市科技局", "淄博科技局"}},
	{seat: "", names: []string{"济南市科学技术局", "济南市科技局", "济南科技局"}},
	{seat: "", names: []string{"山东省人民政府", "山东省政府", "省政府"}},
	{seat: "", names: []string{"淄博市人民政府", "淄博市政府"}},
	{seat: "", names: []string{"济南市人民政府", "济南市政府"}},
}

// orgNames is one organisation: its names (canonical first, then short
// and English names) and the city of its seat.
type orgNames struct {
	seat  string
	names []string
}
