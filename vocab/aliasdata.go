package vocab

// defaultAliases are the organisations the corridor's documents name most,
// each canonical name first, then its short names and English names. Keep
// 齐鲁工业大学 and 山东省科学院 apart: they merged in 2017 and sign as
// "齐鲁工业大学（山东省科学院）", but the bureau's records credit each
// side by its own name; the joint name maps to the university, which is
// the legal entity that signs.
var defaultAliases = [][]string{
	{"山东大学", "山大", "山东大学(济南)", "Shandong University", "SDU"},
	{"山东科技大学", "山科大", "山东科大", "山东科技大", "Shandong University of Science and Technology", "SDUST"},
	{"济南大学", "济大", "University of Jinan", "UJN"},
	{"齐鲁工业大学", "齐鲁工大", "齐工大", "齐鲁工业大学(山东省科学院)", "Qilu University of Technology", "QLUT"},
	{"山东省科学院", "省科学院", "山东科学院", "Shandong Academy of Sciences"},
	{"山东产业技术研究院", "山东产研院", "产研院", "省产研院", "山东省产业技术研究院",
		"Shandong Industrial Technology Research Institute", "SITRI"},
	{"山东产业技术研究院淄博分院", "淄博产研院", "山东产研院淄博分院", "产研院淄博分院"},
	{"中国科学院", "中科院", "Chinese Academy of Sciences", "CAS"},
	{"中国科学院济南科创城", "中科院济南科创城", "济南科创城"},
	{"山东理工大学", "山东理工", "山理工", "Shandong University of Technology", "SDUT"},
	{"山东师范大学", "山东师大", "山师大", "山师", "Shandong Normal University"},
	{"山东财经大学", "山东财经", "山财大", "山东财大", "Shandong University of Finance and Economics"},
	{"山东建筑大学", "山东建大", "山建大", "Shandong Jianzhu University"},
	{"山东农业大学", "山东农大", "山农大", "Shandong Agricultural University"}, // in Tai'an, not Jinan
	{"齐鲁医药学院", "Qilu Medical University"},
	{"山东中医药大学", "山东中医大", "山中医", "Shandong University of Traditional Chinese Medicine"},
	{"山东第一医科大学", "山东第一医科大学(山东省医学科学院)", "山一大", "山东一医大", "Shandong First Medical University"},
	{"山东交通学院", "山东交院", "Shandong Jiaotong University"},
	{"齐鲁师范学院", "齐鲁师院", "Qilu Normal University"},
	{"山东省科学技术厅", "山东省科技厅", "省科技厅", "山东科技厅"},
	{"淄博市科学技术局", "淄博市科技局", "淄博科技局"},
	{"济南市科学技术局", "济南市科技局", "济南科技局"},
	{"山东省人民政府", "山东省政府", "省政府"},
	{"淄博市人民政府", "淄博市政府"},
	{"济南市人民政府", "济南市政府"},
}
