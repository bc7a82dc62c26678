"""Device serial and lot numbers, UDIs, and vehicle identifiers (plates, VINs)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import (
    Taken,
    anchor,
    context_words,
    gate,
    has_digit,
    keyword_windows,
    make_span,
    near,
)
from mslint.identifiers.checksums import luhn_valid

_VALUE = r"(?P<value>(?=[A-Z0-9./\-]*\d)[A-Z0-9][A-Z0-9./\-]{2,30}[A-Z0-9])"
_DEVICE = re.compile(
    r"(?<![\w-])(?:serial\s*(?:number|no\.?|#)?|S/N|SN|lot\s*(?:number|no\.?|#)?|"
    r"batch\s*(?:number|no\.?|#)|UDI(?:-DI)?|device\s+(?:ID|identifier)|"
    r"IMEI|MAC\s+address)\s*[:#(]?\s*(?:was|is|of)?\s*" + _VALUE,
    re.IGNORECASE,
)
_VEHICLE = re.compile(
    r"(?<![\w-])(?:(?:licen[cs]e|number|registration|number)\s+plate|"
    r"(?:vehicle\s+)?registration(?:\s+(?:number|no\.?|mark))?|reg\.?\s+no\.?|VIN|"
    r"vehicle\s+identification\s+number|tag\s+number)\s*[:#]?\s*(?:was|is|of|reading)?\s*"
    r"(?P<value>(?=[A-Z0-9 \-]*\d)[A-Z0-9][A-Z0-9 \-]{1,16}[A-Z0-9])(?![\w-])",
    re.IGNORECASE,
)
_DEVICE_GATE = gate("serial", "s/n", "sn", "lot", "batch", "udi", "device", "imei", "mac ")
_VEHICLE_GATE = gate("plate", "registration", "reg", "vin", "vehicle", "tag", "car", "motor",
                     "truck", "lorry", "van", "bus", "taxi", "driv", "collision", "crash",
                     "accident")
_ANY_GATE = gate(*_DEVICE_GATE.words, *_VEHICLE_GATE.words)
_DEVICE_ANCHOR = anchor("serial", "s/n", "sn", "lot", "batch", "udi", "device", "imei", "mac ")
_VEHICLE_ANCHOR = anchor("plate", "registration", "reg", "vin", "vehicle", "tag")
_UK_PLATE = re.compile(r"[A-Z](?<![\w-].)[A-Z]\d{2}\s?[A-Z]{3}(?![\w-])")
_VIN = re.compile(
    r"[A-HJ-NPR-Z0-9](?<![\w-].)(?:(?<=\d)|(?=[A-HJ-NPR-Z0-9]*\d))"
    r"(?:(?<=[A-Z])|(?=[A-HJ-NPR-Z0-9]*[A-Z]))[A-HJ-NPR-Z0-9]{16}(?![\w-])"
)
_VEHICLE_CONTEXT = context_words(
    "car", "vehicle", "motorcycle", "motorbike", "truck", "lorry", "van", "bus", "taxi", "plate",
    "registration", "driver", "driving", "collision", "crash", "accident",
)


class DeviceVehicleDetector:
    name = "device-vehicle"
    categories = ("device-id", "vehicle-id")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if not has_digit(text) or not _ANY_GATE.search(text):
            return
        device = _DEVICE_GATE.search(text)
        vehicle = _VEHICLE_GATE.search(text)
        yield from self._find(text, device, vehicle)

    def _find(self, text: str, device: bool, vehicle: bool) -> Iterator[IdentifierSpan]:
        taken = Taken(len(text))
        found = keyword_windows(text, _DEVICE_ANCHOR, 5, 50) if device else []
        for m in (m for lo, hi in found for m in _DEVICE.finditer(text, lo, hi)):
            value = m.group("value")
            if sum(ch.isdigit() for ch in value) < 3:
                continue
            taken.add(*m.span("value"))
            # An IMEI (15 digits) carries a Luhn check digit: a valid one is certain.
            imei = value.isdigit() and len(value) == 15 and luhn_valid(value)
            yield make_span(self.name, "device-id", text, *m.span("value"), 0.98 if imei else 0.9)
        found = keyword_windows(text, _VEHICLE_ANCHOR, 25, 45) if vehicle else []
        for m in (m for lo, hi in found for m in _VEHICLE.finditer(text, lo, hi)):
            value = m.group("value").strip()
            if sum(ch.isdigit() for ch in value) < 1 or len(value) < 4:
                continue
            start = m.start("value")
            taken.add(start, start + len(value))
            yield make_span(self.name, "vehicle-id", text, start, start + len(value), 0.9)
        for m in _UK_PLATE.finditer(text) if vehicle else ():
            if taken.covers(m.start()):
                continue
            if near(text, m.start(), m.end(), _VEHICLE_CONTEXT, 80):
                yield make_span(self.name, "vehicle-id", text, m.start(), m.end(), 0.8)
        for m in _VIN.finditer(text) if vehicle else ():
            if not taken.covers(m.start()):
                context = near(text, m.start(), m.end(), _VEHICLE_CONTEXT, 80)
                yield make_span(self.name, "vehicle-id", text, m.start(), m.end(),
                                0.85 if context else 0.5)
