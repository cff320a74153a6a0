package dashboard

import "github.com/zibo-kj/corridor/dashboard/i18n"

// tr translates a key for a language ("en", otherwise Chinese).
func tr(lang, key string) string { return i18n.T(lang, key) }

// Error messages of the web edge, Chinese then English in one string, as
// the JSON API and the error page show them whatever the language.
const (
	msgBodyTooLarge = "请求内容过大：数据文件最大 64 MB，其他请求最大 1 MB (request body too large: 64 MB for data files, 1 MB otherwise)"
	msgBodyLength   = "请求须注明内容长度 (Content-Length required; chunked request bodies are not accepted)"
	msgBodyEncoded  = "请求内容不能压缩 (compressed request bodies are not accepted)"
	msgTimeout      = "请求超时，请缩小筛选范围后重试 (the request took too long: narrow the filter and try again)"
	msgInternal     = "内部错误 (internal error)"
	msgUnavailable  = "数据库暂时不可用，请稍后刷新 (database unavailable)"
	msgDiskFull     = "数据库磁盘已满，写入未完成，已存数据不受影响；请管理员释放磁盘空间 (the database's disk is full: nothing was written and the stored data is intact; an administrator must free space)"
)
