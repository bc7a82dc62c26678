"""Registers the built-in identifier detectors (cheap to import: spaCy loads on first use)."""

from __future__ import annotations

from mslint.detector import Detector
from mslint.hookspecs import hookimpl
from mslint.identifiers.ages import AgeDetector
from mslint.identifiers.contact import ContactDetector, PhoneDetector
from mslint.identifiers.dates import DateDetector
from mslint.identifiers.devices import DeviceVehicleDetector
from mslint.identifiers.geography import GeographyDetector
from mslint.identifiers.marks import DistinctiveFeatureDetector
from mslint.identifiers.names import NerDetector, TitleNameDetector
from mslint.identifiers.records import RecordNumberDetector


def regex_detectors() -> list[Detector]:
    """Every detector that needs no language model."""
    return [
        RecordNumberDetector(),
        PhoneDetector(),
        ContactDetector(),
        GeographyDetector(),
        DateDetector(),
        AgeDetector(),
        DeviceVehicleDetector(),
        DistinctiveFeatureDetector(),
        TitleNameDetector(),
    ]


def all_detectors() -> list[Detector]:
    return [*regex_detectors(), NerDetector()]


@hookimpl
def mslint_detectors() -> list[Detector]:
    return all_detectors()
