"""Read a data file: bytes → text → plain data that remembers where each value stood.

The YAML is read as an event stream and built here, not by PyYAML's
constructor, so that one pass can keep every value's position, refuse
duplicate keys (PyYAML silently keeps the last), refuse tags that would build
objects, and stop alias bombs and absurd nesting before they cost memory.
"""

from __future__ import annotations

import codecs
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
from jmctl.findings import FILE_START, Finding, Mark
from jmctl.legacy_encoding import BIG5, read_chinese
from jmctl.scalars import CORE, MERGE_TAG, PLAIN_TAGS, ScalarProblem, construct, short_tag
from jmctl.yaml_hints import refine_syntax_error

# A real data file is 10–60 KB; these bounds keep a hostile one cheap to refuse.
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 200_000
# Twice what a file within MAX_BYTES can spell out: aliases of one long text would
# otherwise hand the rules gigabytes to read (200,000 copies of a 1 MB string).
MAX_CHARS = 4_000_000
_MIB = MAX_BYTES // 1024 // 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TreePath = tuple[str | int, ...]


def strings_in(value: Any, path: TreePath = ()) -> Iterator[tuple[TreePath, str]]:
    """Yield every text value under `value` with its path, in document order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from strings_in(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from strings_in(child, (*path, index))


@dataclass
class Document:
    """Plain data (dicts, lists, str, int, float, bool, None) with the position of every value."""

    path: str
    data: Any
    marks: dict[TreePath, Mark] = field(default_factory=dict)
    key_marks: dict[TreePath, Mark] = field(default_factory=dict)
    # Where the first character of a one-line scalar's text stands, so that a
    # finding can point at one character inside it.
    text_starts: dict[TreePath, Mark | None] = field(default_factory=dict)
    source: str = ""  # the decoded text it was read from
    # Whether a string's mark is also where its text starts (true of a plain one-line
    # scalar, the common case, which therefore needs no entry in text_starts).
    marks_are_text_starts: bool = True

    def locate(self, path: TreePath) -> Mark:
        """Return the mark of the value at `path`, or of its nearest located ancestor."""
        for end in range(len(path), -1, -1):
            mark = self.marks.get(path[:end])
            if mark is not None:
                return mark
        return FILE_START

    def locate_key(self, path: TreePath) -> Mark:
        """Return the mark of the key that introduces `path` (its value's mark if none)."""
        return self.key_marks.get(path) or self.locate(path)

    def locate_char(self, path: TreePath, index: int) -> Mark:
        """Return the mark of character `index` of the string at `path`, as near as known."""
        if path in self.text_starts:
            start = self.text_starts[path]
        else:
            start = self.marks.get(path) if self.marks_are_text_starts else None
        if start is None:
            return self.locate(path)
        return Mark(start.line, start.column + index)


@dataclass
class Loaded:
    """What reading one file gave: a document (unless it could not be read) and findings."""

    path: str
    document: Document | None
    findings: list[Finding]


class _Refused(JmctlError):
    """A file that cannot become data; carries the finding that says why."""

    finding: Finding  # always: it is what this error says

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding=finding)


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read `path` into a `Loaded`; never raises for anything in the file itself."""
    shown = display or str(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        detail = error.strerror or str(error)
        return Loaded(shown, None, [Finding(shown, FILE_START, "JM001", {"detail": detail})])
    if len(raw) <= MAX_BYTES and _is_workbook(shown, raw):
        # A workbook (名单.xlsx) is the same data in sheets; its reader locates by cell.
        from jmctl.workbook.reading import load_workbook_bytes

        return load_workbook_bytes(raw, shown)
    return load_bytes(raw, shown)


def _is_workbook(name: str, raw: bytes) -> bool:
    """Return whether a file is a workbook: .xlsx by name, or a zip (no YAML starts so)."""
    return name.lower().endswith((".xlsx", ".xlsm")) or raw.startswith(b"PK\x03\x04")


def load_bytes(raw: bytes, path: str) -> Loaded:
    """Decode and parse `raw`, the content of the file shown as `path`."""
    findings: list[Finding] = []
    try:
        if len(raw) > MAX_BYTES:
            raise _Refused(
                _limit(path, FILE_START, Text(f"大于 {_MIB} MiB", f"larger than {_MIB} MiB"))
            )
        text = _decode(raw, path, findings)
        document = _Builder(path, text).build()
    except _Refused as refused:
        findings.append(refused.finding)
        return Loaded(path, None, findings)
    return Loaded(path, document, findings)


def load_text(text: str, path: str = "<text>") -> Loaded:
    """Parse already decoded YAML text (tests and importers use this)."""
    return load_bytes(text.encode("utf-8"), path)


# --- decoding ---------------------------------------------------------------------------

_UNICODE_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def decode_text(raw: bytes, path: str) -> tuple[str | None, list[Finding]]:
    """Return the text of a file's bytes (None when undecodable) and findings about it."""
    findings: list[Finding] = []
    try:
        return _decode(raw, path, findings), findings
    except _Refused as refused:
        return None, [*findings, refused.finding]


def _decode(raw: bytes, path: str, findings: list[Finding]) -> str:
    """Return the text of `raw`: UTF-8 (BOM or not), else GB18030 or Big5 with a warning."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    else:
        for bom, name in _UNICODE_BOMS.items():
            if raw.startswith(bom):
                raise _Refused(
                    Finding(
                        path,
                        FILE_START,
                        "JM002",
                        {"detail": Text(f"{name} 编码", f"{name} encoded")},
                    )
                )
    if b"\x00" in raw:
        raise _Refused(
            Finding(
                path,
                _byte_mark(raw, raw.index(b"\x00")),
                "JM002",
                {
                    "detail": Text(
                        "含有 NUL 字节，可能是二进制文件", "contains NUL bytes, so it is not text"
                    )
                },
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        bad_at = utf8_error.start
    reading = read_chinese(raw)
    if reading is not None:
        findings.append(Finding(path, FILE_START, "JM011" if reading.encoding == BIG5 else "JM003"))
        return reading.text
    byte = f"0x{raw[bad_at]:02X}"
    detail = Text(
        f"第 {bad_at + 1} 字节（{byte}）既不是 UTF-8 也不是 GB18030",
        f"byte {bad_at + 1} ({byte}) is neither UTF-8 nor GB18030",
    )
    raise _Refused(Finding(path, _byte_mark(raw, bad_at), "JM002", {"detail": detail}))


def _byte_mark(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Mark(raw.count(b"\n", 0, offset) + 1, column)


def _limit(path: str, mark: Mark, detail: Text) -> Finding:
    return Finding(path, mark, "JM007", {"detail": detail})


# --- building data from YAML events ----------------------------------------------------


@dataclass
class _Frame:
    """A mapping or sequence being built, and where its next value goes."""

    value: dict[str, Any] | list[Any]
    path: TreePath
    anchor: str | None
    size: int = 1
    chars: int = 0
    key: str | None = None
    key_mark: Mark | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    merges: list[dict[str, Any]] = field(default_factory=list)
    merging: bool = False  # the key being filled is a plain <<, not the text "<<"

    def child_path(self) -> TreePath:
        if isinstance(self.value, list):
            return (*self.path, len(self.value))
        assert self.key is not None
        return (*self.path, self.key)


class _Builder:
    """Turns one YAML document into a `Document`, or raises `_Refused`."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.document = Document(path, None, source=text)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, values, characters
        self.open_anchors: set[str] = set()
        self.values = 0
        self.chars = 0
        self.lines: list[str] | None = None

    def build(self) -> Document:
        loader = _Loader(self.text)
        # Building makes thousands of small objects and no reference cycles (recursive
        # aliases are refused): the cyclic collector would only rescan them, again and
        # again, which costs about as much as the building itself.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._consume(loader)
        except yaml.MarkedYAMLError as error:
            raise _Refused(self._syntax(error)) from None
        except yaml.YAMLError as error:
            raise _Refused(self._reader(error)) from None
        finally:
            loader.dispose()
            if collecting:
                gc.enable()
        return self.document

    def _consume(self, loader: Any) -> None:
        # One loop over libyaml's events, dispatched on the event's class: the hot path.
        documents = 0
        scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
        opening, closing = _OPEN_EVENTS, _CLOSE_EVENTS
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is scalar:
                self._on_scalar(event, loader)
            elif kind is alias:
                self._attach(*self._alias(event), event)
            elif kind in opening:
                self._open(event)
            elif kind in closing:
                self._close()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(
                        Finding(
                            self.path,
                            _mark(event),
                            "JM008",
                            {
                                "detail": Text(
                                    "一个文件只能有一个 YAML 文档（多了一个“---”）",
                                    "a file holds one YAML document (found a second '---')",
                                )
                            },
                        )
                    )
            elif kind is yaml.StreamEndEvent:
                break
        if documents == 0 or self.document.data is None:
            raise _Refused(
                Finding(
                    self.path,
                    FILE_START,
                    "JM008",
                    {"detail": Text("文件是空的", "the file is empty")},
                )
            )

    # Leaves ---------------------------------------------------------------------------

    def _on_scalar(self, event: yaml.ScalarEvent, loader: Any) -> None:
        """A scalar: a key of the mapping being built, or a value (the most common event)."""
        stack = self.stack
        frame = stack[-1] if stack else None
        start, end = event.start_mark, event.end_mark
        assert (
            start is not None and end is not None
        )  # the parser marks every event; the stubs allow None
        mark = Mark(start.line + 1, start.column + 1)
        if frame is not None and frame.key is None and type(frame.value) is dict:
            self._take_key(frame, _key(event), mark)  # a key keeps its literal text
            return
        value = self._scalar(event, loader)
        path = frame.child_path() if frame is not None else ()
        self.document.marks[path] = mark
        if event.style or start.line != end.line:
            self._note_text_start(path, event)
        chars = len(value) if type(value) is str else 0
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, chars)
        self._place(value, 1, chars, path)

    def _scalar(self, event: yaml.ScalarEvent, loader: Any) -> Any:
        tag = event.tag
        explicit = tag not in (None, "!")
        if not explicit:
            value = event.value
            if not event.implicit[0] or value[:1] > "~":
                # Quoted, or starting beyond ASCII (Chinese text): always text, since
                # every implicit YAML type starts with an ASCII character.
                return value
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
        if tag == MERGE_TAG:
            if not explicit:
                return event.value  # a plain << as a value is text; only a key merges
            problem = {"value": event.value[:24], "tag": short_tag(tag)}
            raise _Refused(Finding(self.path, _mark(event), "JM010", problem))
        if tag not in PLAIN_TAGS:
            raise _Refused(Finding(self.path, _mark(event), "JM006", {"tag": short_tag(tag)}))
        if tag == f"{CORE}timestamp" or tag == f"{CORE}str":
            # Dates stay text: JSON Schema's date format applies to strings, and
            # 2021-02-30 must be reported, not crash the constructor.
            return event.value
        try:
            return construct(loader, tag, event.value, explicit)
        except ScalarProblem as problem:
            raise _Refused(Finding(self.path, _mark(event), problem.code, problem.args_)) from None

    def _alias(self, event: yaml.AliasEvent) -> tuple[Any, int, int]:
        name = event.anchor
        assert name is not None  # an alias always names its anchor
        if name in self.open_anchors:
            raise self._bad_yaml(
                event,
                f"别名 *{name} 引用了包含它自身的内容",
                f"alias *{name} refers to its own container",
            )
        if name not in self.anchors:
            raise self._bad_yaml(
                event,
                f"别名 *{name} 没有对应的锚点 &{name}",
                f"alias *{name} has no anchor &{name}",
            )
        return self.anchors[name]

    # Containers -----------------------------------------------------------------------

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        if event.tag not in (None, "!", f"{CORE}map", f"{CORE}seq"):
            raise _Refused(Finding(self.path, _mark(event), "JM006", {"tag": short_tag(event.tag)}))
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(
                _limit(
                    self.path,
                    _mark(event),
                    Text(f"嵌套超过 {MAX_DEPTH} 层", f"nested deeper than {MAX_DEPTH} levels"),
                )
            )
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            raise _Refused(Finding(self.path, _mark(event), "JM004", {"detail": _KEY_NOT_TEXT}))
        path = self.stack[-1].child_path() if self.stack else ()
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        self.stack.append(_Frame(container, path, event.anchor))
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.document.marks[path] = _mark(event)

    def _close(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict):
            for merged in frame.merges:
                for key, value in merged.items():
                    frame.value.setdefault(key, value)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.value, frame.size, frame.chars)
        self._place(frame.value, frame.size, frame.chars, frame.path, closing=True)

    def _attach(self, value: Any, size: int, chars: int, event: yaml.Event) -> None:
        """An alias: a key (refused unless text) or a value that repeats an anchored one."""
        mark = _mark(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.key is None:
            self._take_key(frame, value, mark)
            return
        path = frame.child_path() if frame is not None else ()
        self.document.marks[path] = mark
        self._place(value, size, chars, path)

    def _take_key(self, frame: _Frame, key: Any, mark: Mark) -> None:
        if key is _MERGE:
            frame.key, frame.key_mark, frame.merging = "<<", mark, True
            return
        if not isinstance(key, str):
            raise _Refused(Finding(self.path, mark, "JM004", {"detail": _KEY_NOT_TEXT}))
        if key in frame.key_lines:
            raise _Refused(
                Finding(self.path, mark, "JM005", {"key": key, "first": frame.key_lines[key]})
            )
        frame.key_lines[key] = mark.line
        frame.key, frame.key_mark = key, mark

    def _place(
        self, value: Any, size: int, chars: int, path: TreePath, *, closing: bool = False
    ) -> None:
        """Put `value` (`size` values, `chars` characters of text in all) into its parent.

        The totals count what the data holds once aliases are expanded: a scalar and an
        alias add all they stand for; a closing container adds only itself, since its
        contents were counted as they were placed.
        """
        self.values += 1 if closing else size
        self.chars += 0 if closing else chars
        if self.chars > MAX_CHARS:
            detail = Text(
                f"展开别名后文字超过 {MAX_CHARS:,} 个字符",
                f"more than {MAX_CHARS:,} characters of text once aliases are expanded",
            )
            raise _Refused(_limit(self.path, self.document.locate(path), detail))
        if self.values > MAX_VALUES:
            detail = Text(
                f"展开后超过 {MAX_VALUES} 个值（可能是别名炸弹）",
                f"more than {MAX_VALUES} values once aliases are expanded (an alias bomb?)",
            )
            raise _Refused(_limit(self.path, self.document.locate(path), detail))
        if not self.stack:
            self.document.data = value
            return
        frame = self.stack[-1]
        frame.size += size
        frame.chars += chars
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if frame.merging:
            frame.merges.extend(self._merge_sources(value, path))
            frame.merging = False
        else:
            assert frame.key is not None and frame.key_mark is not None
            frame.value[frame.key] = value
            self.document.key_marks[path] = frame.key_mark
        frame.key = None

    def _merge_sources(self, value: Any, path: TreePath) -> list[dict[str, Any]]:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            raise _Refused(
                Finding(
                    self.path,
                    self.document.locate(path),
                    "JM004",
                    {"detail": Text("“<<”合并的必须是映射", "'<<' merges only mappings")},
                )
            )
        return sources

    def _note_text_start(self, path: TreePath, event: yaml.ScalarEvent) -> None:
        start, end = event.start_mark, event.end_mark
        assert (
            start is not None and end is not None
        )  # the parser marks every event; the stubs allow None
        style = event.style
        if not style and start.line == end.line:
            return  # plain, one line: the value's mark is where its text starts
        starts = self.document.text_starts
        if start.line != end.line or style not in ("'", '"'):
            starts[path] = None  # folded, literal or multi-line: no one line to point into
            return
        source = self._source_line(start.line)[start.column + 1 : end.column - 1]
        if {"'": "''", '"': "\\"}[style] in source:
            starts[path] = None  # escapes shift the characters
            return
        starts[path] = Mark(start.line + 1, start.column + 2)  # after the opening quote

    def _source_line(self, number: int) -> str:
        if self.lines is None:
            self.lines = self.text.splitlines()
        return self.lines[number] if number < len(self.lines) else ""

    def _bad_yaml(self, event: yaml.Event, zh: str, en: str) -> _Refused:
        """Return the refusal of this file for a YAML structure jmctl cannot take."""
        return _Refused(Finding(self.path, _mark(event), "JM004", {"detail": Text(zh, en)}))

    # Errors ---------------------------------------------------------------------------

    def _syntax(self, error: yaml.MarkedYAMLError) -> Finding:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in (error.problem or ""):
            mark = error.context_mark  # an unclosed quote or bracket: point where it opened
        where = Mark(mark.line + 1, mark.column + 1) if mark else FILE_START
        finding = Finding(self.path, where, "JM004", {"detail": explain_yaml_problem(error)})
        return refine_syntax_error(self.text, finding)

    def _reader(self, error: yaml.YAMLError) -> Finding:
        position = getattr(error, "position", 0) or 0
        before = self.text[:position]
        where = Mark(before.count("\n") + 1, position - before.rfind("\n"))
        return Finding(
            self.path,
            where,
            "JM004",
            {
                "detail": Text(
                    "含有不可打印的控制字符", "contains a non-printable control character"
                )
            },
        )


_MERGE = object()
_OPEN_EVENTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})
_CLOSE_EVENTS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
_KEY_NOT_TEXT = Text(
    "映射的键必须是文字，不能是列表或映射", "a mapping key must be text, not a list or mapping"
)

# The libyaml messages users meet most, said plainly; the original follows in brackets.
_YAML_HINTS = (
    ("cannot start any token", "此处的字符不能开始一个值（常见原因：用制表符缩进，或以 @ ` 开头）"),
    (
        "mapping values are not allowed",
        "冒号位置不对（常见原因：值里有“: ”，请给值加引号，或缩进不对）",
    ),
    ("could not find expected ':'", "缺少冒号，或上一行的缩进不对"),
    ("did not find expected key", "缩进不对齐，或多了一个“-”"),
    ("did not find expected '-' indicator", "列表项的缩进不对齐"),
    ("found unexpected end of stream", "引号或括号没有闭合"),
    ("found unknown escape character", "双引号中有无效的反斜杠转义"),
    ("expected ',' or ']'", "方括号列表没有闭合，或缺少逗号"),
    ("expected ',' or '}'", "花括号映射没有闭合，或缺少逗号"),
)


def explain_yaml_problem(error: yaml.MarkedYAMLError) -> Text:
    """Return libyaml's words for `error`, in Chinese led by a plain explanation."""
    problem = error.problem or str(error)
    for fragment, hint in _YAML_HINTS:
        if fragment in problem:
            return Text(f"{hint}（{problem}）", problem)
    return Text(problem, problem)


def _key(event: yaml.ScalarEvent) -> Any:
    """Return a key's literal text, or the merge marker for a plain (unquoted) `<<`:
    a quoted "<<" is an ordinary key, as the YAML merge-key specification says."""
    if event.tag == MERGE_TAG or (event.value == "<<" and event.tag is None and event.implicit[0]):
        return _MERGE
    return event.value


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    assert start is not None  # the parser marks every event (the stubs allow None)
    return Mark(start.line + 1, start.column + 1)
