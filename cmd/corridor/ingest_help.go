package main

// ingestLayouts is the part of 'corridor help ingest' that says how a
// sheet is read beyond its header: its context and the wide layout.
const ingestLayouts = `
Sheets (XLSX, CSV): the record kind is detected from the headers (or --kind). The rows above the
header are the sheet's context:
  district  a sheet without a district column takes it from its title (2023年淄川区科技合作平台统计表),
            its 填报单位：淄川区科技局 line, its sheet name (淄川区) or its file name (张店区-平台.xlsx),
            in that order; two different districts are refused, --district chooses (a name or 370302).
  unit      a 单位：万元 line (单位:万元, 金额单位：万元) or （单位：万元） in the title applies to money and
            value columns whose header names no unit; a unit in the header wins; two units are refused.
  高新区     a district cell or title saying just 高新区 means the zone of --home-city (default 淄博市).
Wide tables, periods as columns (一季度…四季度, 1月…12月, 2019年…2023年, 2022Q1…, 上半年/下半年), with the
year in the title (2023年…) or the headers (2023年一季度, or 2023年 merged above the quarters), become one
observation per row and period column: the metric from a 指标/项目 column or the title, the place from a
区县 column or the context, the unit from a 单位 column, the header or the context. Blank cells (-, 无)
make no observation; 合计 and 全年 columns are totals and are skipped, so nothing counts twice.
The report says what was taken from where ("区县取自标题：淄川区"). A workbook's sheets that were not loaded are
named in the report; load another one with --sheet NAME.

Corrections: a row's natural key says which record it is — platform: 平台名称; project: 项目名称; agreement:
签约时间+协议名称; funding: 拨付时间+拨付单位+接收单位+用途; carrier: 载体名称+认定时间 (an upgrade is a step of one carrier); talent: 时间+类别+名称;
observation: 指标+地区+时期+合作单位; target: 指标+地区+目标年份. A corrected file loaded again replaces the rows
whose key it repeats; a row whose key it corrects is a new record, and rows it leaves out stay. To replace
a load whole, give its id: corridor ingest --replace LOAD_ID FILE (the old load's rows are withdrawn in the
same commit; withdrawing the new load brings the old one back).

Exit codes: 0 every file loaded (with --dry-run: every row would load); 1 a file was rejected or failed
(nothing was loaded from it), or with --dry-run some row would be rejected; 2 usage (an unknown option, a
data folder with no database).`
