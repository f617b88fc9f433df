"""
Reading fixture files for an import, before anything is written: the format
(from the file's extension), each row as the Python serializer writes it
(model, optional pk, fields), and for a file that cannot be read one line
saying why, with the line where the parser knows it. JSON, JSON lines, YAML
and XML all come out the same, so the import has one kind of row to handle.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.dom import pulldom
from xml.sax import SAXParseException

from django.core.serializers.xml_serializer import DefusedExpatParser, DefusedXmlException, getInnerText

FORMATS = {".json": "json", ".jsonl": "jsonl", ".xml": "xml", ".yaml": "yaml", ".yml": "yaml"}


class Unreadable(Exception):
    """The file cannot be imported at all; the message is one line naming it."""


@dataclass
class Row:
    number: int  # 1-based, in file order
    model_label: str  # as the file writes it
    field_names: frozenset = field(default_factory=frozenset)


@dataclass
class FixtureFile:
    path: str
    format: str
    rows: list
    data: list  # the rows as Python objects, as the "python" serializer writes them

    def place(self, row):
        return f"{self.path} row {row.number}"

    def items(self):
        """(row, its data as the Python serializer writes it), in file order."""
        return zip(self.rows, self.data, strict=True)


def read_fixture(path):
    """A FixtureFile for `path`, or Unreadable with the reason in one line."""
    fixture_format = FORMATS.get(Path(path).suffix.lower())
    if fixture_format is None:
        known = ", ".join(sorted(FORMATS))
        raise Unreadable(f"{path}: unknown fixture format “{Path(path).suffix or 'no extension'}” (known: {known}).")
    try:
        data = _xml_rows(path) if fixture_format == "xml" else _python_rows(path, fixture_format)
    except OSError as error:
        raise Unreadable(f"{path}: cannot be read: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise Unreadable(f"{path}: not UTF-8 text (byte {error.start}).") from error
    rows = []
    for number, item in enumerate(data, start=1):
        if not (isinstance(item, dict) and isinstance(item.get("model"), str) and isinstance(item.get("fields"), dict)):
            raise Unreadable(f"{path}: row {number} is not a fixture row (it needs “model” and “fields”).")
        rows.append(Row(number, item["model"], frozenset(item["fields"])))
    return FixtureFile(path, fixture_format, rows, data)


def _python_rows(path, fixture_format):
    text = Path(path).read_text(encoding="utf-8")
    if fixture_format == "yaml":
        return _yaml_rows(path, text)
    if fixture_format == "jsonl":
        lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    else:
        lines = [(1, text)]
    data = []
    for first_line, chunk in lines:
        try:
            data.append(json.loads(chunk))
        except json.JSONDecodeError as error:
            line = first_line + error.lineno - 1
            raise Unreadable(f"{path}: line {line}: not valid JSON ({error.msg}).") from error
    if fixture_format == "json":
        data = data[0]
    if not isinstance(data, list):
        raise Unreadable(f"{path}: not a fixture: the file must hold a list of rows.")
    return data


def _yaml_rows(path, text):
    try:
        import yaml
        from django.core.serializers.pyyaml import DjangoSafeLoader
    except ImportError as error:
        message = f"{path}: YAML fixtures need PyYAML, which is not installed; export as JSON instead."
        raise Unreadable(message) from error
    try:
        data = yaml.load(text, Loader=DjangoSafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise Unreadable(f"{path}: {where}not valid YAML ({getattr(error, 'problem', None) or error}).") from error
    if not isinstance(data, list):
        raise Unreadable(f"{path}: not a fixture: the file must hold a list of rows.")
    return data


def _xml_rows(path):
    """
    Each <object> as the Python serializer would write it (values as text,
    which the fields convert); DTDs and entities refused, as Django's XML
    reader refuses them.
    """
    parser = DefusedExpatParser()
    data, depth = [], 0
    try:
        events = pulldom.parse(path, parser)
        for event, node in events:
            if event == pulldom.START_ELEMENT:
                depth += 1
                if depth == 2 and node.nodeName == "object":
                    events.expandNode(node)  # reads up to and including its end
                    depth -= 1
                    data.append(_xml_object(node))
            elif event == pulldom.END_ELEMENT:
                depth -= 1
    except DefusedXmlException as error:
        raise Unreadable(
            f"{path}: line {parser.getLineNumber()}: XML with a DTD or entities is refused ({type(error).__name__})."
        ) from error
    except SAXParseException as error:
        raise Unreadable(f"{path}: line {error.getLineNumber()}: not valid XML ({error.getMessage()}).") from error
    return data


def _xml_object(node):
    row = {"model": node.getAttribute("model"), "fields": {}}
    if node.hasAttribute("pk"):
        row["pk"] = node.getAttribute("pk")
    for field_node in node.childNodes:
        if getattr(field_node, "tagName", None) == "field":
            row["fields"][field_node.getAttribute("name")] = _xml_value(field_node)
    return row


def _xml_value(field_node):
    """What a <field> holds: None, a natural key (a list), related rows (a list of keys), or its text."""
    if _children(field_node, "None"):
        return None
    if field_node.getAttribute("rel") == "ManyToManyRel":
        return [
            [_text(key) for key in _children(related, "natural")] or related.getAttribute("pk")
            for related in _children(field_node, "object")
        ]
    natural = _children(field_node, "natural")
    if natural:
        return [_text(key) for key in natural]
    return _text(field_node) if field_node.getAttribute("rel") else getInnerText(field_node).strip()


def _children(node, name):
    return [child for child in node.childNodes if getattr(child, "tagName", None) == name]


def _text(node):
    return getInnerText(node).strip()
