"""MS306 on synthetic DICOM files: planted PHI, de-identified files, burnt-in annotation,
thin head slices."""

from __future__ import annotations

from pathlib import Path

import mslint_dicom.plugin
import pytest
from dicognito.anonymizer import Anonymizer
from dicom_fixtures import PLANTED, PLANTED_NESTED, dataset, head_ct, plant_phi, text_frame, write
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom import dcmread
from pydicom.dataset import Dataset

from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Finding, Severity
from mslint.plugins import Plugins


def check(path: Path, **rule_params: object) -> list[Finding]:
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_dicom.plugin, name="mslint-dicom")
    overrides = {"MS306": rule_params} if rule_params else {}
    engine = Engine(Settings(root=path.parent, select=("MS306",), rule_overrides=overrides),
                    plugins)
    result = engine.check_file(path)
    assert result.error is None, result.error
    return [f for f in result.findings if f.rule_id == "MS306"]


def of_category(findings: list[Finding], category: str) -> list[Finding]:
    return [f for f in findings if f.category == category]


def test_every_planted_annex_e_attribute_is_reported(tmp_path: Path) -> None:
    findings = check(write(plant_phi(dataset(frame=text_frame([]))), tmp_path / "phi.dcm"))
    reported = {f.properties.get("keyword") for f in findings}
    missing = (set(PLANTED) | set(PLANTED_NESTED)) - reported
    assert not missing
    assert any(f.category == "private-tag" for f in findings)


@pytest.mark.parametrize(("keyword", "category"), [
    ("PatientName", "name"), ("PatientID", "mrn"), ("PatientBirthDate", "date"),
    ("StudyDate", "date"), ("PatientAddress", "address"), ("AccessionNumber", "mrn"),
    ("InstitutionName", "institution"), ("OtherPatientIDs", "mrn"),
])
def test_patient_identifiers_are_errors_with_masked_values(
    tmp_path: Path, keyword: str, category: str
) -> None:
    findings = check(write(plant_phi(dataset()), tmp_path / "phi.dcm"))
    (finding,) = [f for f in findings if f.properties.get("keyword") == keyword]
    assert finding.severity is Severity.ERROR
    assert finding.category == category
    assert finding.value == PLANTED[keyword]
    assert PLANTED[keyword] not in finding.render_message(show_values=False)


def test_uids_of_an_undeclared_file_are_warnings(tmp_path: Path) -> None:
    findings = check(write(dataset(), tmp_path / "plain.dcm"))
    assert {f.properties["keyword"] for f in findings} == {
        "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID"}
    assert {f.severity for f in findings} == {Severity.WARNING}


def test_clinicians_devices_uids_and_private_tags_are_warnings(tmp_path: Path) -> None:
    findings = check(write(plant_phi(dataset()), tmp_path / "phi.dcm"))
    severity = {f.properties.get("keyword") or f.category: f.severity for f in findings}
    for key in ("ReferringPhysicianName", "DeviceSerialNumber", "SOPInstanceUID",
                "PatientAge", "StudyDescription", "private-tag"):
        assert severity[key] is Severity.WARNING, key


def test_a_clean_file_has_no_finding(tmp_path: Path) -> None:
    ds = dataset(frame=text_frame([]))
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "blanked by hand"
    assert check(write(ds, tmp_path / "clean.dcm")) == []


def test_a_file_deidentified_by_dicognito_has_no_error(tmp_path: Path) -> None:
    ds = plant_phi(dataset(frame=text_frame([])))
    ds.BurnedInAnnotation = "NO"
    Anonymizer(seed="mslint-test").anonymize(ds)
    path = write(ds, tmp_path / "anon.dcm")
    reread = dcmread(path)
    assert reread.PatientIdentityRemoved == "YES"
    assert str(reread.PatientName) != PLANTED["PatientName"]
    findings = check(path)
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def basic_profile(ds: Dataset) -> Dataset:
    """The Basic Profile's actions done with pydicom: X removed, Z/D blanked, U replaced."""
    from mslint_dicom.annex_e import ATTRIBUTES
    from pydicom.uid import generate_uid

    for attr in ATTRIBUTES:
        if attr.tag not in ds:
            continue
        codes = attr.action.split("/")
        if "U" in codes:
            ds[attr.tag].value = generate_uid()
        elif codes == ["X"]:
            del ds[attr.tag]
        else:
            ds[attr.tag].value = "" if ds[attr.tag].VR != "SQ" else []
    ds.remove_private_tags()
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "Basic Application Confidentiality Profile"
    return ds


def test_a_file_deidentified_with_the_basic_profile_actions_has_no_finding(
    tmp_path: Path,
) -> None:
    ds = basic_profile(plant_phi(dataset(frame=text_frame([]))))
    assert check(write(ds, tmp_path / "basic.dcm")) == []


def test_undeclared_dummy_values_are_still_reported(tmp_path: Path) -> None:
    ds = dataset()
    ds.PatientName = "ANON^PATIENT"
    (finding,) = of_category(check(write(ds, tmp_path / "dummy.dcm")), "name")
    assert finding.properties["keyword"] == "PatientName"


def test_retain_full_dates_option_accepts_dates(tmp_path: Path) -> None:
    ds = dataset()
    ds.PatientIdentityRemoved = "YES"
    ds.StudyDate = "20210312"
    ds.PatientBirthTime = "0830"
    option = Dataset()
    option.CodeValue = "113106"
    option.CodingSchemeDesignator = "DCM"
    option.CodeMeaning = "Retain Longitudinal Temporal Information Full Dates Option"
    ds.DeidentificationMethodCodeSequence = [option]
    assert check(write(ds, tmp_path / "dates.dcm")) == []


def test_burned_in_annotation_yes_is_an_error(tmp_path: Path) -> None:
    ds = dataset(frame=text_frame([]))
    ds.BurnedInAnnotation = "YES"
    (finding,) = of_category(check(write(ds, tmp_path / "burnt.dcm")), "burnt-in-annotation")
    assert (finding.severity, finding.category) == (Severity.ERROR, "burnt-in-annotation")


def test_burned_in_annotation_no_is_not_reported(tmp_path: Path) -> None:
    ds = dataset(frame=text_frame([]))
    ds.BurnedInAnnotation = "NO"
    assert of_category(check(write(ds, tmp_path / "clean.dcm")), "burnt-in-annotation") == []


def test_thin_head_ct_slices_warn_that_the_face_can_be_reconstructed(tmp_path: Path) -> None:
    (finding,) = of_category(check(write(head_ct(0.625), tmp_path / "head.dcm")),
                             "face-reconstruction")
    assert finding.severity is Severity.WARNING
    assert finding.category == "face-reconstruction"
    assert "0.625 mm" in finding.message


@pytest.mark.parametrize(("thickness", "body_part", "warned"), [
    (5.0, "HEAD", False), (1.0, "CHEST", False), (1.0, "BRAIN", True), (2.0, "HEAD", True),
    (1.0, "", True),
])
def test_face_warning_needs_thin_slices_of_the_head(
    tmp_path: Path, thickness: float, body_part: str, warned: bool
) -> None:
    ds = head_ct(thickness, body_part)
    if body_part == "CHEST":
        ds.SeriesDescription = "Chest axial"
    findings = of_category(check(write(ds, tmp_path / "ct.dcm")), "face-reconstruction")
    assert bool(findings) is warned


def test_the_slice_threshold_is_a_parameter(tmp_path: Path) -> None:
    path = write(head_ct(3.0), tmp_path / "head.dcm")
    assert of_category(check(path), "face-reconstruction") == []
    assert len(of_category(check(path, thin_slice_mm=3.0), "face-reconstruction")) == 1


@settings(max_examples=25, deadline=None)
@given(value=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126),
                     min_size=1, max_size=40).filter(lambda v: "\\" not in v))
def test_any_value_left_in_patient_name_is_reported(value: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        ds = dataset()
        ds.PatientName = value
        findings = check(write(ds, Path(tmp) / "p.dcm"))
    assert [f.properties["keyword"] for f in findings if f.category != "uid"] == ["PatientName"]
