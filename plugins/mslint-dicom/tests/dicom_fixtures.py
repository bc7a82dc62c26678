"""Synthetic DICOM files written with pydicom for the tests: no real patient anywhere."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

US_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.6.1"
CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"

#: Annex E attributes planted with values, by keyword.
PLANTED: dict[str, str] = {
    "PatientName": "SMITH^JOHN",
    "PatientID": "40817263",
    "PatientBirthDate": "19610704",
    "OtherPatientIDs": "H8842197",
    "PatientAddress": "12 Harbour Street, Portsmouth PO1 2AB",
    "PatientTelephoneNumbers": "+44 23 9282 2331",
    "StudyDate": "20210312",
    "SeriesDate": "20210312",
    "AcquisitionDate": "20210312",
    "ContentDate": "20210312",
    "StudyTime": "142200",
    "SeriesTime": "142305",
    "AcquisitionTime": "142310",
    "ContentTime": "142311",
    "AccessionNumber": "ACC20210312-77",
    "StudyID": "7731904",
    "InstitutionName": "St Elsewhere General Hospital",
    "InstitutionAddress": "1 Hospital Road, Portsmouth",
    "InstitutionalDepartmentName": "Radiology",
    "ReferringPhysicianName": "JONES^MARY^^DR",
    "PerformingPhysicianName": "WONG^ALAN",
    "OperatorsName": "TECH^SAM",
    "StationName": "US-ROOM-3",
    "DeviceSerialNumber": "SN-559120934",
    "PatientAge": "059Y",
    "PatientSex": "M",
    "PatientWeight": "82",
    "StudyDescription": "US ABDOMEN for John Smith",
    "SeriesDescription": "Liver",
    "ImageComments": "called patient on 12/03/2021",
    "StudyInstanceUID": "1.2.826.0.1.3680043.8.498.1",
    "SeriesInstanceUID": "1.2.826.0.1.3680043.8.498.2",
    "SOPInstanceUID": "1.2.826.0.1.3680043.8.498.3",
}
#: Planted in a sequence and a private block, besides the flat attributes above.
PLANTED_NESTED = ("RequestAttributesSequence",)
PRIVATE_CREATOR = "ACME US 1.0"


def text_frame(lines: list[str], width: int = 640, height: int = 480) -> np.ndarray:
    """A greyscale frame with a dark background, a grey sector and white header text."""
    img = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(img)
    draw.pieslice((120, -200, 520, 440), start=60, end=120, fill=90)
    font = ImageFont.load_default(size=22)
    for i, line in enumerate(lines):
        draw.text((12, 10 + 30 * i), line, fill=255, font=font)
    return np.asarray(img, dtype=np.uint8)


def dataset(modality: str = "US", frame: np.ndarray | None = None,
            sop_class: str = US_IMAGE_STORAGE) -> Dataset:
    """A minimal valid image instance with fresh UIDs and no identifying attributes."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = modality
    ds.PatientName = ""
    ds.PatientID = ""
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.StudyDate = ""
    ds.StudyTime = ""
    ds.AccessionNumber = ""
    ds.ReferringPhysicianName = ""
    ds.StudyID = ""
    if frame is not None:
        ds.Rows, ds.Columns = frame.shape[:2]
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = 8
        ds.BitsStored = 8
        ds.HighBit = 7
        ds.PixelRepresentation = 0
        ds.PixelData = frame.tobytes()
    return ds


def plant_phi(ds: Dataset) -> Dataset:
    """Every attribute of `PLANTED`, a request sequence and a private block with values."""
    for keyword, value in PLANTED.items():
        setattr(ds, keyword, value)
    item = Dataset()
    item.RequestedProcedureID = "RP-20461375"
    item.ScheduledProcedureStepID = "SPS-1"
    ds.RequestAttributesSequence = Sequence([item])
    block = ds.private_block(0x0009, PRIVATE_CREATOR, create=True)
    block.add_new(0x01, "LO", "SMITH JOHN 19610704")
    block.add_new(0x02, "LO", "ward 7")
    return ds


def head_ct(thickness: float, body_part: str = "HEAD") -> Dataset:
    ds = dataset("CT", np.zeros((64, 64), dtype=np.uint8), sop_class=CT_IMAGE_STORAGE)
    ds.BodyPartExamined = body_part
    ds.SliceThickness = f"{thickness:g}"
    ds.SeriesDescription = "Head 0.625 mm" if thickness < 1 else "Head axial"
    return ds


def write(ds: Dataset, path: Path) -> Path:
    ds.save_as(path, enforce_file_format=True)
    return path
