package adhoc

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
)

// Problem is a failed statement explained for a person: a sentence in
// Chinese and English, the server's code and first line, and for a syntax
// error the 1-based character position (the console marks it). Never a
// stack trace.
type Problem struct {
	Status   int        `json:"-"` // HTTP status of the console's answer
	Kind     chsql.Kind `json:"kind"`
	Code     int32      `json:"code,omitempty"`
	ZH       string     `json:"message_zh"`
	EN       string     `json:"message_en"`
	Detail   string     `json:"detail,omitempty"` // the server's own words, first line
	Position int        `json:"position,omitempty"`
	// Name is the unresolved column, table or function of an "unknown"
	// error, and Suggestions the server's guesses at what was meant.
	Name        string   `json:"name,omitempty"`
	Suggestions []string `json:"suggestions,omitempty"`
}

// Message is the sentence in lang ("en", else Chinese).
func (p Problem) Message(lang string) string {
	if lang == "en" {
		return p.EN
	}
	return p.ZH
}

// kindText: what each kind of refusal means to the person who ran it.
var kindText = map[chsql.Kind][3]any{
	chsql.KindSyntax:      {400, "SQL 语法错误", "SQL syntax error"},
	chsql.KindUnknown:     {400, "未知的表、列、函数或数据库（或无权查看）", "Unknown table, column, function or database (or not visible to you)"},
	chsql.KindBadQuery:    {400, "查询有误：类型或参数不匹配", "The query is wrong: a type or argument does not fit"},
	chsql.KindReadonly:    {403, "只能执行查询（SELECT 等只读语句），不能写入、修改或删除数据，也不能更改只读设置", "Only reads (SELECT and the like) may run: no writes, changes, deletions, nor lifting the read-only setting"},
	chsql.KindAccess:      {403, "无权访问：该表、函数或数据不对分析账户开放", "Access denied: this table, function or data is not open to the analysts' account"},
	chsql.KindLimit:       {400, "设置超出允许范围（可以降低限制，不能提高）", "A setting is outside its allowed range (limits may be lowered, never raised)"},
	chsql.KindTimeout:     {422, "查询超时：请缩小范围或加筛选条件", "The query ran out of time: narrow it or add filters"},
	chsql.KindTooLarge:    {422, "读取或返回的数据量超过上限：请加筛选条件或聚合", "Too many rows or bytes read or returned: add filters or aggregate"},
	chsql.KindMemory:      {422, "查询所需内存超过上限：请缩小范围", "The query needs more memory than allowed: narrow it"},
	chsql.KindQuota:       {429, "本小时的查询额度已用完，请稍后再试", "Your query budget for this hour is spent; try again later"},
	chsql.KindCancelled:   {499, "查询已取消", "The query was cancelled"},
	chsql.KindUnavailable: {503, "数据库暂时不可用，请稍后再试", "The database is unavailable; try again shortly"},
	chsql.KindDiskFull:    {507, "数据库磁盘已满，请联系管理员", "The database's disk is full; tell the administrator"},
	chsql.KindAuth:        {503, "控制台的数据库账户无法登录", "The console's database account cannot log in"},
}

// Explain maps a Run error to a Problem.
func Explain(err error) Problem {
	if errors.Is(err, ErrEmpty) {
		return Problem{Status: 400, Kind: chsql.KindBadQuery, ZH: "请输入一条 SQL 查询语句", EN: "Enter one SQL query"}
	}
	var e *chsql.Error
	if !errors.As(chsql.Wrap(err), &e) {
		return Problem{Status: 500, Kind: chsql.KindOther, ZH: "内部错误", EN: "Internal error"}
	}
	p := Problem{Kind: e.Kind, Code: e.Code, Position: e.Position, Detail: firstLine(e.Message)}
	if t, ok := kindText[e.Kind]; ok {
		p.Status, p.ZH, p.EN = t[0].(int), t[1].(string), t[2].(string)
	} else if e.Code != 0 {
		p.Status, p.ZH, p.EN = 400, "数据库拒绝了该查询", "The database refused the query"
	} else {
		return Problem{Status: 500, Kind: chsql.KindOther, ZH: "内部错误", EN: "Internal error"}
	}
	if w := writePrivilege(e.Message); e.Kind == chsql.KindAccess && w != "" {
		// The account lacks a write privilege: the statement is not a read.
		t := kindText[chsql.KindReadonly]
		p.Kind, p.ZH, p.EN = chsql.KindReadonly, t[1].(string)+"（需要 "+w+" 权限）", t[2].(string)+" (it needs "+w+")"
	} else if e.Kind == chsql.KindSyntax && strings.Contains(e.Message, "Multi-statements") {
		p.ZH, p.EN = "一次只能执行一条语句", "Run one statement at a time"
	} else if e.Kind == chsql.KindUnknown {
		p.Name, p.Suggestions = suggest(e.Message)
		if len(p.Suggestions) > 0 {
			p.ZH += "。是否想写：" + strings.Join(p.Suggestions, "、") + "？"
			p.EN += ". Did you mean: " + strings.Join(p.Suggestions, ", ") + "?"
		}
	} else if e.Position > 0 {
		p.ZH += fmt.Sprintf("（第 %d 个字符附近）", e.Position)
		p.EN += fmt.Sprintf(" (near character %d)", e.Position)
	}
	return p
}

// grantRE finds the privileges a refused statement needed ("...necessary
// to have the grant SELECT, DROP TABLE ON corridor.platforms").
var grantRE = regexp.MustCompile(`necessary to have the grant (.+?) ON\b`)

// columnList strips the columns of a privilege: INSERT(a, b) → INSERT.
var columnList = regexp.MustCompile(`\([^)]*\)`)

// writePrefixes start the privileges that change data or the server.
var writePrefixes = []string{"ALL", "WRITE", "INSERT", "ALTER", "DROP", "TRUNCATE", "OPTIMIZE", "SYSTEM", "KILL", "BACKUP", "UNDROP", "MOVE", "ACCESS MANAGEMENT", "CREATE USER", "CREATE ROLE", "CREATE TABLE", "CREATE VIEW", "CREATE DATABASE", "CREATE DICTIONARY", "CREATE FUNCTION", "GRANT"}

// writePrivilege is the first write privilege the message names, or "".
func writePrivilege(msg string) string {
	m := grantRE.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	for _, p := range strings.Split(columnList.ReplaceAllString(m[1], ""), ",") {
		p = strings.TrimSpace(p)
		for _, w := range writePrefixes {
			if strings.HasPrefix(p, w) {
				return p
			}
		}
	}
	return ""
}

// firstLine keeps the server's message short: its first line, at most 400 bytes.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	s = strings.TrimSpace(s)
	if len(s) > 400 {
		s = strings.ToValidUTF8(s[:400], "") + "…"
	}
	return s
}
