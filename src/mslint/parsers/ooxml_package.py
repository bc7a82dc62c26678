"""Bounded, hardened reading of an OOXML (Open Packaging Conventions) ZIP package.

Every part is read with its declared size checked first and its real size counted while it
is inflated, against the per-part and whole-package bounds of `ParseLimits`; XML is parsed
without DTDs, entity expansion or network access. Anything wrong becomes `UnreadableFile`
with one line a person can act on.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mslint.parser import ParseLimits, UnreadableFile

if TYPE_CHECKING:
    from lxml import etree

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 1 << 20
#: What the standard zipfile module raises on damaged archives besides BadZipFile.
_ZIP_ERRORS = (OSError, ValueError, EOFError, NotImplementedError, struct.error,
               OverflowError, KeyError)
_DTD_REFUSED = "part {name} declares a DTD, which OOXML forbids (possible XML entity bomb)"

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(frozen=True, slots=True)
class Relationship:
    """One ``Relationship`` of a part: its type's last path segment, target and mode."""

    rid: str
    type: str
    target: str
    external: bool


def _xml_parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def describe_cfb(path: Path, limits: ParseLimits) -> str:
    """Why an OLE compound file (CFB) named as a DOCX cannot be read."""
    tail = b""
    with path.open("rb") as fh:
        read = 0
        while read < limits.max_file_bytes:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if _ENCRYPTED_STREAM in tail + chunk:
                return ("password-protected (encrypted) Word file: remove the password "
                        "(File > Info > Protect Document) and save it again")
            tail = chunk[-len(_ENCRYPTED_STREAM):]
    return "legacy Word 97-2003 (.doc) or other OLE file, not a DOCX package: save it as .docx"


class OoxmlPackage:
    """An open OOXML package; use as a context manager."""

    def __init__(self, path: Path, limits: ParseLimits) -> None:
        self.limits = limits
        self._inflated = 0
        self._parser = _xml_parser()
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
        if size > limits.max_file_bytes:
            mib = 1024 * 1024
            raise UnreadableFile(
                f"file is {size // mib} MiB, over the {limits.max_file_bytes // mib} MiB limit"
            )
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(CFB_MAGIC):
            raise UnreadableFile(describe_cfb(path, limits))
        if not head.startswith(ZIP_MAGIC):
            raise UnreadableFile("not a ZIP package, so not a DOCX file, whatever its name says")
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise UnreadableFile("truncated or corrupt ZIP package (no readable central directory)"
                                 ) from None
        except _ZIP_ERRORS as exc:
            raise UnreadableFile(f"corrupt ZIP package ({type(exc).__name__}: {exc})") from None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in self._zip.infolist():
            if info.flag_bits & 0x1:
                self.close()
                raise UnreadableFile("ZIP package has encrypted members; remove the password")
            declared += info.file_size
            self._infos[info.filename.lstrip("/")] = info
        if declared > limits.max_decompressed_bytes:
            self.close()
            raise UnreadableFile(
                f"ZIP package would inflate to {declared // (1024 * 1024)} MiB, over the "
                f"{limits.max_decompressed_bytes // (1024 * 1024)} MiB limit (possible ZIP bomb)"
            )

    def __enter__(self) -> OoxmlPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        zf = getattr(self, "_zip", None)
        if zf is not None:
            zf.close()

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        """A part's bytes, bounded by its declared size and the package limits."""
        info = self._infos.get(name)
        if info is None:
            raise KeyError(name)
        limit = min(self.limits.max_part_bytes,
                    self.limits.max_decompressed_bytes - self._inflated)
        if info.file_size > self.limits.max_part_bytes:
            raise UnreadableFile(
                f"part {name} would inflate to {info.file_size // (1024 * 1024)} MiB, over the "
                f"{self.limits.max_part_bytes // (1024 * 1024)} MiB part limit (possible ZIP bomb)"
            )
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(_CHUNK)
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > info.file_size or got > limit:
                        raise UnreadableFile(
                            f"part {name} inflates beyond its declared size or the package "
                            "limit (possible ZIP bomb)"
                        )
                    chunks.append(chunk)
        except zipfile.BadZipFile as exc:
            if "CRC" in str(exc):
                raise UnreadableFile(
                    f"part {name} does not match its checksum: corrupt, or inflating to more "
                    "than its declared size (possible ZIP bomb)"
                ) from None
            raise UnreadableFile(f"corrupt ZIP member {name} ({exc})") from None
        except (zlib.error, *_ZIP_ERRORS) as exc:
            raise UnreadableFile(f"corrupt ZIP member {name} ({type(exc).__name__}: {exc})"
                                 ) from None
        self._inflated += got
        return b"".join(chunks)

    def xml(self, name: str) -> Any:
        """The root element of an XML part, parsed hardened; DTDs are refused."""
        from lxml import etree

        data = self.read(name)
        if data.find(b"<!DOCTYPE", 0, 65536) != -1:
            raise UnreadableFile(_DTD_REFUSED.format(name=name))
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as exc:
            raise UnreadableFile(f"part {name} is not well-formed XML ({exc})") from None
        tree = root.getroottree()
        if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
            raise UnreadableFile(_DTD_REFUSED.format(name=name))
        return root

    def rels(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` (``""`` for the package), targets resolved to names."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self._infos:
            return {}
        found: dict[str, Relationship] = {}
        for el in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            rid = el.get("Id") or ""
            external = (el.get("TargetMode") or "").lower() == "external"
            target = el.get("Target") or ""
            if not external:
                target = resolve_target(folder, target)
            rel_type = (el.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
            found[rid] = Relationship(rid, rel_type, target, external)
        return found

    def content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """``(overrides by part name, defaults by extension)`` from ``[Content_Types].xml``."""
        if "[Content_Types].xml" not in self._infos:
            return {}, {}
        root = self.xml("[Content_Types].xml")
        overrides = {
            (el.get("PartName") or "").lstrip("/"): el.get("ContentType") or ""
            for el in root.iter(f"{{{CT_NS}}}Override")
        }
        defaults = {
            (el.get("Extension") or "").lower(): el.get("ContentType") or ""
            for el in root.iter(f"{{{CT_NS}}}Default")
        }
        return overrides, defaults


def resolve_target(folder: str, target: str) -> str:
    """A relationship target as a package part name (no leading slash)."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
