"""The Annex E data module agrees with the DICOM data dictionary."""

from __future__ import annotations

import pytest
from mslint_dicom.annex_e import ATTRIBUTES, BY_TAG, KINDS
from pydicom.datadict import keyword_for_tag

ACTION_CODES = {"D", "Z", "X", "U", "C", "K"}


@pytest.mark.parametrize("attr", ATTRIBUTES, ids=lambda a: a.keyword)
def test_tag_and_keyword_match_the_dicom_dictionary(attr) -> None:
    assert keyword_for_tag(attr.tag) == attr.keyword


@pytest.mark.parametrize("attr", ATTRIBUTES, ids=lambda a: a.keyword)
def test_action_codes_and_kinds_are_known(attr) -> None:
    assert set(attr.action.split("/")) <= ACTION_CODES
    assert attr.kind in KINDS


def test_each_tag_is_listed_once() -> None:
    assert len(BY_TAG) == len(ATTRIBUTES)


def test_the_attributes_the_brief_names_are_listed() -> None:
    keywords = {a.keyword for a in ATTRIBUTES}
    assert {"PatientName", "PatientID", "PatientBirthDate", "StudyDate", "SeriesDate",
            "AcquisitionDate", "StudyTime", "InstitutionName", "InstitutionAddress",
            "ReferringPhysicianName", "AccessionNumber", "OtherPatientIDs", "PatientAddress",
            "DeviceSerialNumber"} <= keywords
