"""Text a Word package keeps outside its stories: custom XML data parts and the glossary.

Custom XML parts (``customXml/item1.xml``) hold the values of a document library's columns
(SharePoint's ``documentManagement`` properties: a hospital's "Patient", "MRN" or "Ward"
column travels with every file saved from it) and the data content controls are bound
to. The glossary document (``word/glossary/document.xml``) holds building blocks and
AutoText entries the author saved: never shown, but kept in the file. Both are read as
properties (`Property`): ``customxml:<element>`` for each element holding text, and
``glossary:<entry name>`` for each building block's text.
"""

from __future__ import annotations

import re
from typing import Any

from mslint.parsers.docx_props import Property
from mslint.parsers.docx_styles import W
from mslint.parsers.ooxml_package import OoxmlPackage

#: Part names of custom XML items (their properties parts are ``itemProps<n>.xml``).
CUSTOM_XML_ITEM = re.compile(r"^customXml/item\d+\.xml$")
#: Roots of custom XML parts that describe rather than hold data: a library's column
#: schema, its form templates, and the bibliography sources (cited works).
_NOT_DATA = frozenset({"contentTypeSchema", "FormTemplates", "Sources"})
#: Values kept per part: a data part with more is a data set, and the first ones show it.
MAX_VALUES = 200


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def holds_data(root: Any) -> bool:
    """Whether a custom XML item (root element ``root``) holds data, not a description."""
    return isinstance(root.tag, str) and _local(root.tag) not in _NOT_DATA


def read_custom_xml(package: OoxmlPackage) -> list[Property]:
    """Each element with text of the package's custom XML data parts."""
    found: list[Property] = []
    for name in sorted(n for n in package.names if CUSTOM_XML_ITEM.match(n)):
        root = package.xml(name)
        if not holds_data(root):
            continue
        values = 0
        for el in root.iter():
            value = (el.text or "").strip()
            if not value or not isinstance(el.tag, str) or len(el):
                continue
            found.append(Property(f"customxml:{_local(el.tag)}", value, name))
            values += 1
            if values == MAX_VALUES:
                break
    return found


def read_glossary(package: OoxmlPackage, part: str) -> list[Property]:
    """The text of each building block of the glossary document ``part``."""
    found: list[Property] = []
    for entry in package.xml(part).iter(f"{W}docPart"):
        name_el = entry.find(f"{W}docPartPr/{W}name")
        name = (name_el.get(f"{W}val") if name_el is not None else None) or "entry"
        body = entry.find(f"{W}docPartBody")
        if body is None:
            continue
        paragraphs = ("".join(t.text or "" for t in p.iter(f"{W}t")).strip()
                      for p in body.iter(f"{W}p"))
        text = " ".join(p for p in paragraphs if p)
        if text:
            found.append(Property(f"glossary:{name}", text, part))
    return found
