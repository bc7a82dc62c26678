"""DICOM PS3.15 Annex E, Table E.1-1: attributes of the Basic Application Level
Confidentiality Profile that MS306 checks, with the profile's action codes.

Action codes (PS3.15 E.3.1): ``D`` replace with a non-zero-length dummy value, ``Z`` replace
with a zero-length or dummy value, ``X`` remove, ``U`` replace UIDs consistently, and
combinations such as ``X/Z/D`` (the action depends on the IOD's attribute type).

``kind`` groups the attributes by what they reveal; it decides the finding's category,
whether it is an error or a warning, and which Annex E option code (E.3.2-E.3.10, in a
file's DeidentificationMethodCodeSequence) declares that kind deliberately retained.
Tags and keywords are checked against pydicom's data dictionary by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AnnexEAttribute:
    tag: int
    keyword: str
    action: str
    kind: str

    @property
    def replaceable(self) -> bool:
        """Whether the profile lets the attribute stay with a dummy or new value."""
        return any(code in self.action.split("/") for code in ("D", "Z", "U", "C"))

    @property
    def tag_text(self) -> str:
        return f"({self.tag >> 16:04X},{self.tag & 0xFFFF:04X})"


@dataclass(frozen=True, slots=True)
class Kind:
    """How a kind of attribute is reported: masking category, severity, retaining option,
    and whether the value goes into the finding (sex "M" or weight "82" are no identifier
    to mask in every other snippet)."""

    category: str
    error: bool
    retained_by: str | None = None
    with_value: bool = True


KINDS: dict[str, Kind] = {
    "patient-name": Kind("name", error=True),
    "patient-id": Kind("mrn", error=True),
    "date": Kind("date", error=True, retained_by="113106"),
    "address": Kind("address", error=True),
    "phone": Kind("phone", error=True),
    "institution": Kind("institution", error=True, retained_by="113112"),
    "clinician": Kind("name", error=False),
    "device": Kind("device", error=False, retained_by="113109"),
    "characteristic": Kind("demographic", error=False, retained_by="113108", with_value=False),
    "description": Kind("free-text", error=False, retained_by="113105"),
    "uid": Kind("uid", error=False, retained_by="113110"),
    "other": Kind("other", error=False),
}

#: Annex E option codes (CID 7050) a de-identified file may declare.
OPTION_NAMES: dict[str, str] = {
    "113100": "Basic Application Confidentiality Profile",
    "113105": "Clean Descriptors Option",
    "113106": "Retain Longitudinal Temporal Information Full Dates Option",
    "113107": "Retain Longitudinal Temporal Information Modified Dates Option",
    "113108": "Retain Patient Characteristics Option",
    "113109": "Retain Device Identity Option",
    "113110": "Retain UIDs Option",
    "113111": "Retain Safe Private Option",
    "113112": "Retain Institution Identity Option",
}

_A = AnnexEAttribute

ATTRIBUTES: tuple[AnnexEAttribute, ...] = (
    # Patient identity
    _A(0x00100010, "PatientName", "Z", "patient-name"),
    _A(0x00100020, "PatientID", "Z", "patient-id"),
    _A(0x00100021, "IssuerOfPatientID", "X", "patient-id"),
    _A(0x00101000, "OtherPatientIDs", "X", "patient-id"),
    _A(0x00101002, "OtherPatientIDsSequence", "X", "patient-id"),
    _A(0x00101001, "OtherPatientNames", "X", "patient-name"),
    _A(0x00101005, "PatientBirthName", "X", "patient-name"),
    _A(0x00101060, "PatientMotherBirthName", "X", "patient-name"),
    _A(0x00101090, "MedicalRecordLocator", "X", "patient-id"),
    _A(0x00380010, "AdmissionID", "X", "patient-id"),
    _A(0x00080050, "AccessionNumber", "Z", "patient-id"),
    _A(0x00200010, "StudyID", "Z", "patient-id"),
    _A(0x00402016, "PlacerOrderNumberImagingServiceRequest", "Z", "patient-id"),
    _A(0x00402017, "FillerOrderNumberImagingServiceRequest", "Z", "patient-id"),
    _A(0x00401001, "RequestedProcedureID", "X", "patient-id"),
    _A(0x00400253, "PerformedProcedureStepID", "X", "patient-id"),
    _A(0x00100050, "PatientInsurancePlanCodeSequence", "X", "patient-id"),
    # Dates and times
    _A(0x00100030, "PatientBirthDate", "Z", "date"),
    _A(0x00100032, "PatientBirthTime", "X", "date"),
    _A(0x00080020, "StudyDate", "Z", "date"),
    _A(0x00080021, "SeriesDate", "X/D", "date"),
    _A(0x00080022, "AcquisitionDate", "X/D", "date"),
    _A(0x00080023, "ContentDate", "Z/D", "date"),
    _A(0x0008002A, "AcquisitionDateTime", "X/D", "date"),
    _A(0x00080030, "StudyTime", "Z", "date"),
    _A(0x00080031, "SeriesTime", "X/D", "date"),
    _A(0x00080032, "AcquisitionTime", "X/D", "date"),
    _A(0x00080033, "ContentTime", "Z/D", "date"),
    _A(0x00080012, "InstanceCreationDate", "X/D", "date"),
    _A(0x00080013, "InstanceCreationTime", "X/Z/D", "date"),
    _A(0x00380020, "AdmittingDate", "X", "date"),
    _A(0x00380021, "AdmittingTime", "X", "date"),
    _A(0x00400244, "PerformedProcedureStepStartDate", "X", "date"),
    _A(0x00400245, "PerformedProcedureStepStartTime", "X", "date"),
    _A(0x00400250, "PerformedProcedureStepEndDate", "X", "date"),
    _A(0x00400251, "PerformedProcedureStepEndTime", "X", "date"),
    _A(0x00400002, "ScheduledProcedureStepStartDate", "X", "date"),
    _A(0x00400003, "ScheduledProcedureStepStartTime", "X", "date"),
    _A(0x00181200, "DateOfLastCalibration", "X", "date"),
    _A(0x00181201, "TimeOfLastCalibration", "X", "date"),
    _A(0x001021D0, "LastMenstrualDate", "X", "date"),
    # Addresses, telephone numbers, residence
    _A(0x00101040, "PatientAddress", "X", "address"),
    _A(0x00102150, "CountryOfResidence", "X", "address"),
    _A(0x00102152, "RegionOfResidence", "X", "address"),
    _A(0x00380300, "CurrentPatientLocation", "X", "address"),
    _A(0x00380400, "PatientInstitutionResidence", "X", "address"),
    _A(0x00102154, "PatientTelephoneNumbers", "X", "phone"),
    _A(0x00080092, "ReferringPhysicianAddress", "X", "address"),
    _A(0x00080094, "ReferringPhysicianTelephoneNumbers", "X", "phone"),
    _A(0x00402010, "OrderCallbackPhoneNumber", "X", "phone"),
    # Institution and place
    _A(0x00080080, "InstitutionName", "X/Z/D", "institution"),
    _A(0x00080081, "InstitutionAddress", "X", "institution"),
    _A(0x00080082, "InstitutionCodeSequence", "X/Z/D", "institution"),
    _A(0x00081040, "InstitutionalDepartmentName", "X", "institution"),
    _A(0x00401010, "NamesOfIntendedRecipientsOfResults", "X", "clinician"),
    _A(0x00400243, "PerformedLocation", "X", "institution"),
    _A(0x00400011, "ScheduledProcedureStepLocation", "X", "institution"),
    _A(0x00321020, "ScheduledStudyLocation", "X", "institution"),
    _A(0x00402009, "OrderEntererLocation", "X", "institution"),
    # Clinicians and operators
    _A(0x00080090, "ReferringPhysicianName", "Z", "clinician"),
    _A(0x00080096, "ReferringPhysicianIdentificationSequence", "X", "clinician"),
    _A(0x00081048, "PhysiciansOfRecord", "X", "clinician"),
    _A(0x00081050, "PerformingPhysicianName", "X", "clinician"),
    _A(0x00081060, "NameOfPhysiciansReadingStudy", "X", "clinician"),
    _A(0x00081070, "OperatorsName", "X/Z/D", "clinician"),
    _A(0x00321032, "RequestingPhysician", "X", "clinician"),
    _A(0x00400006, "ScheduledPerformingPhysicianName", "X", "clinician"),
    _A(0x00402008, "OrderEnteredBy", "X", "clinician"),
    _A(0x0040A075, "VerifyingObserverName", "D", "clinician"),
    _A(0x00700084, "ContentCreatorName", "Z", "clinician"),
    # Equipment and devices
    _A(0x00081010, "StationName", "X/Z/D", "device"),
    _A(0x00181000, "DeviceSerialNumber", "X/Z/D", "device"),
    _A(0x00181002, "DeviceUID", "U", "device"),
    _A(0x00181004, "PlateID", "X", "device"),
    _A(0x00181005, "GeneratorID", "X", "device"),
    _A(0x00181007, "CassetteID", "X", "device"),
    _A(0x00181008, "GantryID", "X", "device"),
    _A(0x0018700A, "DetectorID", "X/D", "device"),
    _A(0x00400241, "PerformedStationAETitle", "X", "device"),
    _A(0x00400242, "PerformedStationName", "X", "device"),
    _A(0x00400001, "ScheduledStationAETitle", "X", "device"),
    _A(0x00400010, "ScheduledStationName", "X", "device"),
    # Patient characteristics
    _A(0x00100040, "PatientSex", "Z", "characteristic"),
    _A(0x00101010, "PatientAge", "X", "characteristic"),
    _A(0x00101020, "PatientSize", "X", "characteristic"),
    _A(0x00101030, "PatientWeight", "X", "characteristic"),
    _A(0x00102160, "EthnicGroup", "X", "characteristic"),
    _A(0x00102180, "Occupation", "X", "characteristic"),
    _A(0x001021A0, "SmokingStatus", "X", "characteristic"),
    _A(0x001021C0, "PregnancyStatus", "X", "characteristic"),
    _A(0x001021F0, "PatientReligiousPreference", "X", "characteristic"),
    _A(0x00102000, "MedicalAlerts", "X", "characteristic"),
    _A(0x00102110, "Allergies", "X", "characteristic"),
    # Free-text descriptions and comments
    _A(0x00081030, "StudyDescription", "X", "description"),
    _A(0x0008103E, "SeriesDescription", "X", "description"),
    _A(0x00181030, "ProtocolName", "X/D", "description"),
    _A(0x00204000, "ImageComments", "X", "description"),
    _A(0x00104000, "PatientComments", "X", "description"),
    _A(0x001021B0, "AdditionalPatientHistory", "X", "description"),
    _A(0x00324000, "StudyComments", "X", "description"),
    _A(0x00384000, "VisitComments", "X", "description"),
    _A(0x00184000, "AcquisitionComments", "X", "description"),
    _A(0x00081080, "AdmittingDiagnosesDescription", "X", "description"),
    _A(0x00400254, "PerformedProcedureStepDescription", "X", "description"),
    _A(0x00321060, "RequestedProcedureDescription", "X/Z", "description"),
    _A(0x00402001, "ReasonForTheImagingServiceRequest", "X", "description"),
    _A(0x00402400, "ImagingServiceRequestComments", "X", "description"),
    _A(0x00401400, "RequestedProcedureComments", "X", "description"),
    _A(0x00084000, "IdentifyingComments", "X", "description"),
    _A(0x00181400, "AcquisitionDeviceProcessingDescription", "X/D", "description"),
    _A(0x00400275, "RequestAttributesSequence", "X", "other"),
    _A(0x04000561, "OriginalAttributesSequence", "X", "other"),
    _A(0x0040A730, "ContentSequence", "X", "other"),
    # UIDs
    _A(0x00080018, "SOPInstanceUID", "U", "uid"),
    _A(0x0020000D, "StudyInstanceUID", "U", "uid"),
    _A(0x0020000E, "SeriesInstanceUID", "U", "uid"),
    _A(0x00200052, "FrameOfReferenceUID", "U", "uid"),
    _A(0x00200200, "SynchronizationFrameOfReferenceUID", "U", "uid"),
    _A(0x00080014, "InstanceCreatorUID", "U", "uid"),
    _A(0x00081155, "ReferencedSOPInstanceUID", "U", "uid"),
    _A(0x0040A124, "UID", "U", "uid"),
    _A(0x00880140, "StorageMediaFileSetUID", "U", "uid"),
)

BY_TAG: dict[int, AnnexEAttribute] = {a.tag: a for a in ATTRIBUTES}
