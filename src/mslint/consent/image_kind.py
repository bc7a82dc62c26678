"""What a figure shows: a clinical photograph, radiology, pathology, an internal view
(endoscopy, surgery), or a chart; decided from the legend's wording and, when the legend
names no modality, from the pixels (greyscale suggests radiology, many colours a photograph,
few colours a chart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mslint.model import EmbeddedImage

_I = re.IGNORECASE


class ImageKind(StrEnum):
    PHOTOGRAPH = "photograph"
    RADIOLOGY = "radiology"
    PATHOLOGY = "pathology"
    INTERNAL = "internal"
    CHART = "chart"
    UNKNOWN = "unknown"


#: Kinds that show a patient (everything but charts and diagrams).
PATIENT_IMAGE_KINDS = frozenset({ImageKind.PHOTOGRAPH, ImageKind.RADIOLOGY, ImageKind.PATHOLOGY,
                                 ImageKind.INTERNAL})

_PHOTO = re.compile(
    r"\b(?:(?:clinical\s+)?photo(?:graph)?s?|photographed|picture|clinical\s+(?:image|appearance|"
    r"view)|face|facial|profile\s+view|frontal\s+view|lateral\s+view\s+of\s+the\s+(?:face|head)|"
    r"skin|cutaneous|rash|erythema\w*|lesions?\s+on\s+the|ulcer\w*\s+on\s+the|eyes?|eyelids?|"
    r"lips?|tongue|ears?|scalp|hands?|feet|foot|fingers?|toes?|nails?|trunk|back\s+of\s+the|"
    r"chest\s+wall|abdomen\s+showing|appearance\s+(?:of|at|on|after|before)|tattoo\w*|"
    r"dermoscop\w*|swelling\s+of\s+the|deformity|wound|scar)\b",
    _I,
)
_RADIOLOGY = re.compile(
    r"\b(?:ct|cta|mri|mr|mra|pet|pet-ct|spect|x-?rays?|radiographs?|radiography|radiological|"
    r"plain\s+film|ultrasound|ultrasonography|sonograph\w*|doppler|echocardiogra\w*|angiogra\w*|"
    r"mammogra\w*|fluoroscop\w*|scintigra\w*|tomograph\w*|computed|magnetic\s+resonance|"
    r"t1[-\s]?weighted|t2[-\s]?weighted|flair|dwi|axial|coronal|sagittal|contrast[-\s]enhanced|"
    r"scan|imaging)\b",
    _I,
)
_PATHOLOGY = re.compile(
    r"\b(?:histolog\w*|histopatholog\w*|h\s*&\s*e|haematoxylin|hematoxylin|eosin|micrograph\w*|"
    r"photomicrograph\w*|immunohistochem\w*|immunostain\w*|stain(?:ed|ing)?|cytolog\w*|"
    r"biopsy\s+specimen|magnification|original\s+magnification|×\s*\d+|x\s*\d{2,3}\b|"
    r"microscop\w*|gram\s+stain|smear|cells?|cultures?|fluorescen\w*|confocal|tissue\s+section"
    r"|electron\s+micro\w*)\b",
    _I,
)
_INTERNAL = re.compile(
    r"\b(?:endoscop\w*|laparoscop\w*|colonoscop\w*|gastroscop\w*|bronchoscop\w*|cystoscop\w*|"
    r"arthroscop\w*|intra-?operative\w*|operative\s+(?:view|field|finding)s?|resected\s+"
    r"specimen|gross\s+(?:specimen|appearance)|fundus|fundoscop\w*|retinal|ecg|"
    r"electrocardiogra\w*|eeg)\b",
    _I,
)
_CHART = re.compile(
    r"\b(?:flow\s*chart|flow\s*diagram|diagram|schematic|graph|plot|chart|timeline|algorithm|"
    r"kaplan[-\s]meier|prisma|forest\s+plot|histogram|bar\s+chart|curve|illustration|"
    r"cartoon|workflow|pipeline|table|pedigree)\b",
    _I,
)


def kind_from_legend(legend: str) -> ImageKind:
    """The image kind a legend's wording names; photographs win over modalities named with
    them ("clinical photograph and CT"), since they decide whether consent is needed."""
    if _PHOTO.search(legend) and not _only_anatomy(legend):
        return ImageKind.PHOTOGRAPH
    for kind, pattern in ((ImageKind.PATHOLOGY, _PATHOLOGY), (ImageKind.RADIOLOGY, _RADIOLOGY),
                          (ImageKind.INTERNAL, _INTERNAL), (ImageKind.CHART, _CHART)):
        if pattern.search(legend):
            return kind
    if _PHOTO.search(legend):
        return ImageKind.PHOTOGRAPH
    return ImageKind.UNKNOWN


def _only_anatomy(legend: str) -> bool:
    """Body-part words ("hand", "eye") inside a modality legend ("MRI of the hand")."""
    strong_photo = re.search(r"\bphoto(?!micro)\w*|\bpicture|\bclinical\s+(?:image|appearance|"
                             r"view)|\bdermoscop", legend, _I)
    if strong_photo:
        return False
    return bool(_RADIOLOGY.search(legend) or _PATHOLOGY.search(legend)
                or _INTERNAL.search(legend) or _CHART.search(legend))


def kind_from_pixels(image: EmbeddedImage) -> ImageKind:
    """Greyscale pixels suggest radiology; many colours a photograph; few colours a chart."""
    try:
        img = image.open_pixels(max_pixels=40_000_000)
        img.draft("RGB", (256, 256))
        small = img.convert("RGB").resize((64, 64))
    except (ValueError, OSError):
        return ImageKind.UNKNOWN
    raw = small.tobytes()
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    chroma = sum(max(p) - min(p) for p in pixels) / len(pixels)
    colours = len(set(pixels))
    if chroma < 6:
        return ImageKind.RADIOLOGY if colours > 64 else ImageKind.CHART
    return ImageKind.PHOTOGRAPH if colours > 512 else ImageKind.CHART


def figure_kind(legend: str, images: Sequence[EmbeddedImage]) -> tuple[ImageKind, bool]:
    """The kind, and whether the pixels decided it: the legend decides when it names a
    modality; otherwise the pixels do."""
    kind = kind_from_legend(legend)
    # "Photograph of the chest radiograph": greyscale pixels say it shows a film.
    if kind is ImageKind.PHOTOGRAPH and _RADIOLOGY.search(legend) and images and all(
        kind_from_pixels(image) is ImageKind.RADIOLOGY for image in images
    ):
        return ImageKind.RADIOLOGY, True
    if kind is not ImageKind.UNKNOWN:
        return kind, False
    for image in images:
        pixel_kind = kind_from_pixels(image)
        if pixel_kind is not ImageKind.UNKNOWN:
            return pixel_kind, True
    return ImageKind.UNKNOWN, False
