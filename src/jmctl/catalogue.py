"""Every finding code jmctl can report: its severity and its message in each language.

Codes are stable: tools and users filter on them, so a code is never reused for
another meaning. Families: JM0xx reading the file, JM1xx the schema, JM2xx
units and people, JM3xx dates and document numbers, JM4xx text, JM5xx reforms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """A value quoted in a message that itself differs by language."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    zh: str
    en: str

    def format(self, lang: str, args: Mapping[str, object]) -> str:
        template = self.en if lang == "en" else self.zh
        values = {k: v.pick(lang) if isinstance(v, Text) else v for k, v in args.items()}
        return template.format(**values)


_E, _W = "error", "warning"

_CODES = (
    # Reading the file.
    Code(
        "JM000",
        _E,
        "内部错误：{detail}（这是 jmctl 的缺陷，请报告）",
        "internal error: {detail} (a bug in jmctl, please report it)",
    ),
    Code("JM001", _E, "无法读取文件：{detail}", "cannot read the file: {detail}"),
    Code(
        "JM002",
        _E,
        "文件编码无法识别：{detail}；请另存为 UTF-8",
        "unrecognised encoding: {detail}; save the file as UTF-8",
    ),
    Code(
        "JM003",
        _W,
        "文件按 GB18030（GBK）编码读取；建议另存为 UTF-8",
        "read as GB18030 (GBK); consider saving the file as UTF-8",
    ),
    Code("JM004", _E, "YAML 语法错误：{detail}", "YAML syntax error: {detail}"),
    Code(
        "JM005",
        _E,
        "键“{key}”重复（第一次出现在第 {first} 行）",
        "duplicate key '{key}' (first at line {first})",
    ),
    Code(
        "JM006",
        _E,
        "不允许的标签 {tag}：数据文件只能包含文字、数字、列表和映射",
        "tag {tag} is not allowed: a data file holds only text, numbers, lists and mappings",
    ),
    Code("JM007", _E, "文件超出限制：{detail}", "file exceeds a limit: {detail}"),
    Code("JM008", _E, "{detail}", "{detail}"),
    Code(
        "JM009",
        _E,
        "数字 {value} 太长：最多 {limit}",
        "the number {value} is too long: at most {limit}",
    ),
    Code(
        "JM010",
        _E,
        "“{value}”不是 {tag} 类型的值（去掉标签 {tag}，或改正这个值）",
        "'{value}' is not a valid {tag} value (remove the tag {tag} or correct the value)",
    ),
    Code(
        "JM011",
        _W,
        "文件按 Big5（繁体中文）编码读取；建议另存为 UTF-8",
        "read as Big5 (traditional Chinese); consider saving the file as UTF-8",
    ),
    Code(
        "JM012",
        _E,
        "{what}有 {count:,} 项，超过上限 {limit:,} 项（会议文件按每项排版，请拆分或删减）",
        "{what} holds {count:,} items, more than the bound of {limit:,} "
        "(session documents are laid out item by item: split or shorten it)",
    ),
    Code(
        "JM013",
        _E,
        "{what}有 {count:,} 个字，超过上限 {limit:,} 个字",
        "{what} has {count:,} characters, more than the bound of {limit:,}",
    ),
    Code(
        "JM040",
        _E,
        "这是{kind}，不是数据文件：请先用 jmctl import 导入为数据文件（.yaml）{hint}",
        "this is {kind}, not a data file: import it first with jmctl import{hint}",
    ),
    Code(
        "JM041",
        _E,
        "键“{key}”后面是全角冒号“：”（中文输入法），应改为半角冒号和一个空格“: ”",
        "the key '{key}' is followed by a full-width colon '：' (Chinese input): "
        "write ': ' (ASCII colon and a space)",
    ),
    Code(
        "JM042",
        _E,
        "行首有全角空格（U+3000，中文输入法的空格）；缩进只能用半角空格",
        "a full-width space (U+3000, from a Chinese input method) in the indentation: "
        "indent with ASCII spaces only",
    ),
    Code(
        "JM043",
        _E,
        "列表项用了全角的“{char}”；列表项应以半角减号和一个空格“- ”开头",
        "a list item starts with the full-width '{char}': start it with '- ' (ASCII hyphen "
        "and a space)",
    ),
    Code(
        "JM044",
        _E,
        "行首有制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格",
        "a tab in the indentation: YAML indents with spaces only",
    ),
    Code(
        "JM045",
        _E,
        "键“{key}”的冒号后面缺少空格，应写作“{key}: ”",
        "the colon after the key '{key}' needs a space after it: '{key}: '",
    ),
    # The schema.
    Code(
        "JM101",
        _E,
        "{where}缺少必填项“{key}”（{title}）",
        "{where}is missing the required key '{key}'",
    ),
    Code("JM102", _E, "{where}有未知的键“{key}”{hint}", "{where}has an unknown key '{key}'{hint}"),
    Code(
        "JM103",
        _E,
        "{title}应为{expected}，实际为{actual}",
        "{title} must be {expected_en}, found {actual_en}",
    ),
    Code(
        "JM104",
        _E,
        "{title}的值“{value}”不在允许范围内：{allowed}",
        "{title} '{value}' is not one of: {allowed}",
    ),
    Code("JM105", _E, "{title}{detail}", "{title} {detail_en}"),
    Code("JM106", _E, "{title}不符合要求：{detail}", "{title} is invalid: {detail}"),
    Code(
        "JM107",
        _E,
        "不支持的格式版本 jmctl: {value}；本版本只支持 1",
        "unsupported format version jmctl: {value}; this release reads version 1",
    ),
    Code(
        "JM108",
        _E,
        "{where}的键“{key}”是中文；数据文件的键用英文：您是否想写“{suggestion}”（{title}）？",
        "{where}has the Chinese key '{key}'; keys are English: did you mean '{suggestion}' "
        "({title})?",
    ),
    Code(
        "JM109",
        _W,
        "{title}写作“{word}”，已按 {value} 读取；建议直接写 {value}",
        "{title} '{word}' is read as {value}; write {value}",
    ),
    Code(
        "JM110",
        _W,
        "{title}还是待填写的内容：{value}",
        "{title} is still to be filled in: {value}",
    ),
    # Units and people.
    Code(
        "JM201",
        _E,
        "单位“{ref}”未在 units 中声明{hint}",
        "unit '{ref}' is not declared in units{hint}",
    ),
    Code(
        "JM202",
        _E,
        "单位“{ref}”同时指向多个单位：{candidates}",
        "unit '{ref}' matches several units: {candidates}",
    ),
    Code(
        "JM203",
        _E,
        "单位名称或简称“{name}”重复（已用于第 {first} 行的“{other}”）",
        "unit name or short name '{name}' is declared twice (already used at line {first} "
        "for '{other}')",
    ),
    Code(
        "JM204",
        _E,
        "成员单位“{unit}”重复列出（第 {first} 行已列出）",
        "member unit '{unit}' is listed twice (already at line {first})",
    ),
    Code(
        "JM205",
        _E,
        "{role}“{person}”重复列出（第 {first} 行已列出）",
        "{role_en} '{person}' is listed twice (already at line {first})",
    ),
    Code("JM206", _W, "成员单位“{unit}”没有职责分工", "member unit '{unit}' has no duties"),
    Code(
        "JM207",
        _W,
        "“{unit}”有职责分工，但不是成员单位、召集人单位、本级政府或下级政府集合",
        "'{unit}' has duties but is neither a member unit, a convenor's unit, the government "
        "nor a collective of subordinate governments",
    ),
    Code(
        "JM208",
        _E,
        "办公室设在“{unit}”，但它不是成员单位",
        "the office is hosted by '{unit}', which is not a member unit",
    ),
    Code(
        "JM209",
        _E,
        "办公室主任“{name}”不在成员名单中",
        "office director '{name}' is not in the roster",
    ),
    Code(
        "JM210",
        _E,
        "“{unit}”的职责分工重复（第 {first} 行已有）",
        "'{unit}' has duties twice (already at line {first})",
    ),
    Code(
        "JM211",
        _E,
        "文中写明{stated}个成员单位，但 members 列出 {actual} 个",
        "the text states {stated} member units but members lists {actual}",
    ),
    Code(
        "JM212",
        _W,
        "姓名“{name}”含有空格；数据中姓名不加对齐空格，对齐由排版完成",
        "name '{name}' contains spaces; names are stored unpadded and aligned when rendered",
    ),
    Code(
        "JM213",
        _W,
        "这是调整通知（kind: adjust），但开头段仍写“{words}”",
        "this is an adjustment notice (kind: adjust) but the preamble still says '{words}'",
    ),
    Code(
        "JM214",
        _W,
        "新增成员单位“{unit}”在成员名单中没有人员",
        "new member unit '{unit}' has nobody in the roster",
    ),
    Code(
        "JM215",
        _W,
        "新增成员单位“{unit}”不在“由……组成”一句所列的单位中",
        "new member unit '{unit}' is missing from the sentence listing the members (由……组成)",
    ),
    Code(
        "JM230",
        _E,
        "主持人“{name}”不在成员名单中",
        "the chair '{name}' is not in the roster",
    ),
    Code(
        "JM231",
        _E,
        "主持人“{name}”是{role}，不是召集人；会议由召集人（任一召集人角色）主持",
        "the chair '{name}' is a {role_en}, not a convenor; a convenor chairs the session",
    ),
    Code(
        "JM232",
        _E,
        "出席人员“{name}”不在成员名单中{hint}",
        "attendee '{name}' is not in the roster{hint}",
    ),
    Code(
        "JM233",
        _E,
        "“{name}”在本次会议的出席人员中重复列出（第 {first} 行已列出）",
        "'{name}' is listed twice among this session's attendees (already at line {first})",
    ),
    Code(
        "JM234",
        _E,
        "代为出席的“{name}”属于“{unit}”，与被代者“{person}”的单位“{own}”不同",
        "the substitute '{name}' is of '{unit}', not of '{own}' like '{person}' whom they replace",
    ),
    Code(
        "JM235",
        _E,
        "牵头单位“{unit}”又列为配合单位",
        "the lead unit '{unit}' is listed among the other units too",
    ),
    Code(
        "JM236",
        _W,
        "“{unit}”不是成员单位、召集人单位或本级政府，却{what}",
        "'{unit}' is neither a member unit, a convenor's unit nor the government, yet {what_en}",
    ),
    # Dates and document numbers.
    Code("JM301", _E, "“{value}”不是有效日期{detail}", "'{value}' is not a valid date{detail_en}"),
    Code(
        "JM302",
        _E,
        "文号“{value}”格式不规范：{detail}",
        "document number '{value}' is malformed: {detail_en}",
    ),
    Code(
        "JM303",
        _E,
        "文号年份 {number_year} 与成文日期年份 {date_year} 不一致",
        "document number year {number_year} differs from the date's year {date_year}",
    ),
    Code(
        "JM304",
        _E,
        "印发日期 {print_date} 早于成文日期 {date}",
        "print date {print_date} is before the document date {date}",
    ),
    Code(
        "JM305",
        _E,
        "文号“{value}”与上一版本（{previous}）相同；新的通知需要新的文号",
        "document number '{value}' is the previous edition's ({previous}); a new notice needs "
        "its own",
    ),
    Code(
        "JM310",
        _E,
        "时间“{value}”不是有效的时刻：应写作 24 小时制 HH:MM，如 09:30",
        "'{value}' is not a time: write it as HH:MM (24-hour clock), e.g. 09:30",
    ),
    Code(
        "JM311",
        _E,
        "结束时间 {end} 早于开始时间 {start}",
        "the end time {end} is before the start time {start}",
    ),
    Code(
        "JM312",
        _E,
        "会议日期 {date} 早于上一次会议（第 {line} 行，{previous}）；会议应按日期先后排列",
        "the session date {date} is before the previous session's ({previous}, line {line}); "
        "sessions are listed in date order",
    ),
    Code(
        "JM313",
        _E,
        "{kind}的次数不连续：上一次是第{previous}次，这一次应为第{expected}次",
        "{kind_en} numbers out of sequence: after number {previous} comes {expected}",
    ),
    Code(
        "JM314",
        _W,
        "议定事项的完成时限 {deadline} 已过（今天是 {today}），办理状态仍为“{status}”",
        "the decision's deadline {deadline} has passed (today is {today}) and its status is "
        "still '{status_en}'",
    ),
    Code(
        "JM315",
        _E,
        "完成时限 {deadline} 早于作出决定的会议日期 {date}",
        "the deadline {deadline} is before the date of the session that set it ({date})",
    ),
    Code(
        "JM320",
        _E,
        "纪要期数第{issue}期与第 {line} 行的会议重复；各次会议的纪要期数不重复"
        "（不写 minutes.issue 的会议，期数印会议次数）",
        "minutes issue {issue} repeats the one of the session on line {line}; each "
        "session's minutes have their own issue number (without minutes.issue, the "
        "session's number is printed as the issue)",
    ),
    Code(
        "JM321",
        _E,
        "纪要日期 {value} 早于会议日期 {date}",
        "the minutes' date {value} is before the session date {date}",
    ),
    Code(
        "JM322",
        _E,
        "会议通知的成文日期 {value} 晚于会议日期 {date}",
        "the notice's date {value} is after the session date {date}",
    ),
    Code(
        "JM323",
        _E,
        "回执截止日期 {value} 晚于会议日期 {date}",
        "the reply deadline {value} is after the session date {date}",
    ),
    Code(
        "JM324",
        _E,
        "回执截止日期 {value} 早于会议通知的成文日期 {date}",
        "the reply deadline {value} is before the notice's date {date}",
    ),
    Code(
        "JM330",
        _W,
        "网页公布成员姓名（publish.roster），但通知的附注是“{disclosure}”：未主动公开的"
        "文件，其名单不宜在网页上公布",
        "the web page publishes the roster's names (publish.roster), but the notice says "
        "'{disclosure}': the roster of a document not made public of its own accord should "
        "not go on the web",
    ),
    Code(
        "JM331",
        _W,
        "publish.roster 为 true，但名单中没有姓名：网页只能公布职务",
        "publish.roster is true, but the roster names no one: the page can only show posts",
    ),
    Code(
        "JM332",
        _W,
        "数据中没有 office（办公室），网页不印联系方式",
        "the data has no office, so the web page does not print its contact",
    ),
    Code(
        "JM333",
        _W,
        "联系方式中有手机号码 {number}：网页公布办公电话，个人手机号码不宜公开",
        "the contact holds a mobile number, {number}: publish the office's telephone, not "
        "a person's mobile",
    ),
    Code(
        "JM335",
        _E,
        "纪要印发日期 {value} 早于纪要日期 {date}（不写纪要日期时为会议日期）",
        "the minutes' print date {value} is before their date {date} (the session's when "
        "the minutes give none)",
    ),
    # Text.
    Code(
        "JM401",
        _W,
        "中文文字中使用了半角标点“{char}”（应为“{full}”），共 {count} 处，首处：{context}",
        "half-width '{char}' inside Chinese text (use '{full}'), {count} in all, first: {context}",
    ),
    Code(
        "JM402",
        _W,
        "{script_zh}文件中出现{other_zh}字：{chars}",
        "{other_en} characters in a {script_en} file: {chars}",
    ),
    Code(
        "JM403",
        _E,
        "文字中含有不可打印的控制字符 {char}（Word 文件不能容纳）",
        "the text holds the non-printable control character {char} (a DOCX cannot hold it)",
    ),
    # Existing documents (jmctl check and import).
    Code(
        "JM601",
        _E,
        "{what}序号不连续：“{found}”之后是“{actual}”，应为“{expected}”",
        "{what_en} numbering out of sequence: {actual} follows {found}, {expected} expected",
    ),
    Code(
        "JM602", _W, "括号序号“{marker}”后不应再加“、”", "no 、 after the bracketed marker {marker}"
    ),
    Code("JM603", _W, "日期“{value}”不规范：{detail}", "date '{value}' is malformed: {detail_en}"),
    Code(
        "JM604",
        _W,
        "主送机关应以全角冒号“：”结尾",
        "the addressees should end with a full-width colon",
    ),
    Code("JM605", _W, "抄送机关应以句号“。”结尾", "the copied-to line should end with 。"),
    Code("JM606", _W, "列表从 {first} 开始，应从 1 开始", "the list starts at {first}, not at 1"),
    Code(
        "JM607",
        _W,
        "姓名“{name}”与第 {other_line} 行的“{other}”写法不同（空格不同）",
        "name '{name}' is padded differently from '{other}' at line {other_line}",
    ),
    Code(
        "JM608",
        _W,
        "这段文字未能归入数据文件的任何部分，已保留在 unplaced 中：{text}",
        "this text fits no part of the data file and is kept under unplaced: {text}",
    ),
    Code(
        "JM609",
        _W,
        "“{char}”夹在词语中间（{context}），像是网页镜像插入的符号；已原样保留，请核对后删除",
        "'{char}' sits inside a word ({context}), like a symbol a web mirror injects; "
        "kept as it is, remove it after checking",
    ),
    Code(
        "JM610",
        _W,
        "没有列出成员单位（members 为空）；文件若有成员单位，请补上",
        "no member units are listed (members is empty); add them if the document has any",
    ),
    Code(
        "JM611",
        _W,
        "第 {table} 个表格的这一行未能识别，已按原样保留在 unplaced 中：{text}",
        "this row of table {table} was not understood and is kept under unplaced: {text}",
    ),
    # Reading existing documents of every format (jmctl import and check).
    Code("JM620", _E, "无法读取{what}：{detail}", "cannot read the {what}: {detail}"),
    Code(
        "JM621",
        _E,
        "读取{what}时超出限制：{detail}；未读取",
        "the {what} exceeds a reading limit: {detail}; it was not read",
    ),
    Code(
        "JM622",
        _E,
        "此 PDF 没有文字层（可能是扫描件），请提供 Word 文件或可复制文字的 PDF",
        "this PDF has no text layer (probably a scan): provide the Word file"
        " or a PDF whose text can be copied",
    ),
    Code(
        "JM623",
        _E,
        "无法用 LibreOffice 转换{what}：{detail}",
        "LibreOffice cannot convert the {what}: {detail}",
    ),
    Code(
        "JM624",
        _W,
        "文件按 Big5（繁体）编码读取；建议另存为 UTF-8",
        "read as Big5 (traditional Chinese); consider saving the file as UTF-8",
    ),
    Code(
        "JM625",
        _W,
        "文件中有读者看不到的文字（{what}），未读取",
        "the file holds text a reader does not see ({what}); it was not read",
    ),
    Code(
        "JM626",
        _W,
        "文件中有未接受的修订（插入），按接受修订后的文字读取",
        "the file holds tracked insertions; read as if every change were accepted",
    ),
    Code(
        "JM627",
        _W,
        "文件携带的 jmctl 数据与文件显示的文字不符，已按显示的文字导入",
        "the jmctl data this file carries does not match its visible text;"
        " imported from the visible text instead",
    ),
    Code(
        "JM628",
        _W,
        "纪要不含成员名单，其中的 {count} 人未能与名单核对：{names}；"
        "已按姓名写入 sessions，请并入本届的数据文件后再校验",
        "the minutes carry no roster, so {count} people they name could not be matched"
        " against one: {names}; kept by name under sessions, validate them once merged"
        " into the edition's data file",
    ),
    Code(
        "JM629",
        _W,
        "这项议定事项没有写明牵头单位，未写入 decisions，已按原样保留在 unplaced 中：{text}",
        "this decision names no lead unit, so it is not under decisions; kept under"
        " unplaced: {text}",
    ),
    Code(
        "JM645",
        _W,
        "纪要的{what}有 {count:,} 项，超过会议文件的上限 {limit:,} 项：已全部导入，"
        "但 validate 会报 JM012，请把这次会议拆分或删减",
        "the minutes hold {count:,} {what}, more than the session bound of {limit:,}:"
        " all imported, but validate will report JM012; split or shorten the session",
    ),
    Code(
        "JM646",
        _W,
        "文件没有写明办公室设在哪里，已按办公室主任{name}所在的单位填为“{unit}”，请核对",
        "the document does not say where the office sits; set to '{unit}', the unit of"
        " its director {name}: please check",
    ),
    Code(
        "JM647",
        _W,
        "原文在名单的最后一项中截断，“{text}”已按截断的单位名称导入，请补全",
        "the copy ends inside the roster's last entry: '{text}' is imported as the unit's"
        " name as far as printed; please complete it",
    ),
    Code(
        "JM663",
        _W,
        "这一行有 {count} 处字后夹注的拼音（如“{context}”），像是网页镜像加的注音；"
        "已删去拼音、保留原字，请核对",
        "this line has {count} bracketed pinyin after characters (such as '{context}'),"
        " like the reading aids a web mirror adds: the pinyin removed, the characters kept;"
        " please check",
    ),
    # Reforms.
    Code(
        "JM501",
        _W,
        "“{unit}”已于 {year} 年机构改革中调整为“{new}”，文件日期为 {date}",
        "'{unit}' was renamed to '{new}' by the {year} reform; the document is dated {date}",
    ),
    # Workbooks (名单.xlsx) and fixes.
    Code("JM701", _E, "工作簿无法读取：{detail}", "the workbook cannot be read: {detail}"),
    Code(
        "JM702",
        _E,
        "工作簿中没有 jmctl 的工作表（应有 {sheets}）",
        "the workbook has none of jmctl's sheets ({sheets})",
    ),
    Code(
        "JM703",
        _E,
        "工作表超过 {limit} 行，不像是一个数据文件",
        "the sheet has more than {limit} rows, too many for one data file",
    ),
    Code(
        "JM704",
        _E,
        "“键”列的“{key}”无法识别（应如 meeting.name 或 meeting.basis[1].title）",
        "'{key}' in the 键 column is not a key (e.g. meeting.name, meeting.basis[1].title)",
    ),
    Code(
        "JM705",
        _E,
        "这一行有内容但没有“键”，上面也没有可接续的键",
        "this row has a value but no key (键), and no key above it to continue",
    ),
    # Rendering: user templates and outputs.
    Code(
        "JM901",
        _W,
        "输出与“{other}”的输出同名，改写到 {target}",
        "its output has the same name as that of '{other}': written to {target} instead",
    ),
    Code(
        "JM902",
        _E,
        "模板 {macro} 出错：{detail}",
        "the template {macro} failed: {detail}",
    ),
    Code(
        "JM903",
        _E,
        "模板 {macro} 超出限制：{detail}",
        "the template {macro} exceeds a limit: {detail_en}",
    ),
    Code(
        "JM904",
        _E,
        "模板 {macro} 的输出含有不可打印的控制字符 {char}（Word 文件不能容纳）",
        "the output of template {macro} holds the control character {char} (a DOCX cannot)",
    ),
    Code(
        "JM905",
        _E,
        "参考 DOCX 引用了外部内容（{part}：{what}），排版时可能读入本机或网络上的文件；"
        "请把图片或文字直接嵌入文档后再用",
        "the reference DOCX links outside content ({part}: {what}), which rendering could "
        "read from this computer or the network; embed the picture or text instead",
    ),
    Code("JM906", _E, "无法处理这个文件：{detail}", "this file cannot be processed: {detail}"),
)

CODES: Mapping[str, Code] = {code.code: code for code in _CODES}


def describe(code: str) -> Code:
    """Return the catalogue entry of `code`."""
    return CODES[code]
