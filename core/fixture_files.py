"""
Reading fixture files for an import, before anything is written: the format
(from the file's extension), each row's model and the fields it names, and
for a file that cannot be read one line saying why, with the line where the
parser knows it. Rows are turned into model instances one at a time, as the
import saves them, because a row's natural keys may name rows saved before it.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.dom import pulldom
from xml.sax import SAXParseException

from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.core.serializers.base import DeserializationError
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.core.serializers.xml_serializer import DefusedExpatParser, DefusedXmlException

FORMATS = {".json": "json", ".jsonl": "jsonl", ".xml": "xml", ".yaml": "yaml", ".yml": "yaml"}

# What turning a row into an instance raises for bad data: a wrong value, a
# field or model that does not exist, a natural key that names nothing.
ROW_ERRORS = (
    DeserializationError,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
    LookupError,
    ValueError,
    TypeError,
)


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
    data: list | None = None  # the rows as Python objects, for every format but XML

    def place(self, row):
        return f"{self.path} row {row.number}"

    def deserialize(self, using):
        """Yield (row, DeserializedObject or the error it raised), lazily: each row after the one before is saved."""
        if self.format == "xml":
            with open(self.path, "rb") as stream:
                objects = serializers.deserialize("xml", stream, using=using, handle_forward_references=True)
                for row in self.rows:
                    try:
                        yield row, next(objects)
                    except ROW_ERRORS as error:
                        yield row, error
                        return  # the XML reader cannot go on past a bad object
            return
        for row, data in zip(self.rows, self.data, strict=True):
            try:
                yield row, next(PythonDeserializer([data], using=using, handle_forward_references=True))
            except ROW_ERRORS as error:
                yield row, error


def read_fixture(path):
    """A FixtureFile for `path`, or Unreadable with the reason in one line."""
    fixture_format = FORMATS.get(Path(path).suffix.lower())
    if fixture_format is None:
        known = ", ".join(sorted(FORMATS))
        raise Unreadable(f"{path}: unknown fixture format “{Path(path).suffix or 'no extension'}” (known: {known}).")
    try:
        if fixture_format == "xml":
            return FixtureFile(path, fixture_format, _xml_rows(path))
        data = _python_rows(path, fixture_format)
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
    """Each <object>'s model and field names; DTDs and entities refused, as Django's XML reader refuses them."""
    parser = DefusedExpatParser()
    rows, depth, current = [], 0, None
    try:
        for event, node in pulldom.parse(path, parser):
            if event == pulldom.START_ELEMENT:
                depth += 1
                if depth == 2 and node.nodeName == "object":
                    current = Row(len(rows) + 1, node.getAttribute("model"), frozenset())
                    rows.append(current)
                elif depth == 3 and node.nodeName == "field" and current is not None:
                    current.field_names |= {node.getAttribute("name")}
            elif event == pulldom.END_ELEMENT:
                depth -= 1
    except DefusedXmlException as error:
        raise Unreadable(
            f"{path}: line {parser.getLineNumber()}: XML with a DTD or entities is refused ({type(error).__name__})."
        ) from error
    except SAXParseException as error:
        raise Unreadable(f"{path}: line {error.getLineNumber()}: not valid XML ({error.getMessage()}).") from error
    return rows
