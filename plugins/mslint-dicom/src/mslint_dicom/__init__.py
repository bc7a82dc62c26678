"""mslint-dicom: DICOM files as documents, checked against PS3.15 Annex E (MS306)."""
