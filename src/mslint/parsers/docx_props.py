"""Core, extended (app) and custom document properties of an OOXML package."""

from __future__ import annotations

from dataclasses import dataclass

from mslint.parsers.ooxml_package import OoxmlPackage

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


@dataclass(frozen=True, slots=True)
class Property:
    """One property: ``field`` as in the document model (``core:creator``), value and part."""

    field: str
    value: str
    part: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_properties(package: OoxmlPackage, parts: dict[str, str]) -> list[Property]:
    """Every non-empty property; ``parts`` maps ``core``/``app``/``custom`` to part names."""
    found: list[Property] = []
    core = parts.get("core")
    if core and package.has(core):
        for el in package.xml(core):
            value = (el.text or "").strip()
            if value and isinstance(el.tag, str):
                found.append(Property(f"core:{_local(el.tag)}", value, core))
    app = parts.get("app")
    if app and package.has(app):
        for el in package.xml(app):
            value = (el.text or "").strip()
            if value and isinstance(el.tag, str) and len(el) == 0:
                found.append(Property(f"app:{_local(el.tag)}", value, app))
    custom = parts.get("custom")
    if custom and package.has(custom):
        for prop in package.xml(custom).iter(f"{{{CUSTOM_NS}}}property"):
            name = prop.get("name") or ""
            value = " ".join((v.text or "").strip() for v in prop.iter() if v is not prop
                             and (v.text or "").strip())
            if name and value:
                found.append(Property(f"custom:{name}", value, custom))
    return found
