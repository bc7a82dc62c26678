"""Face detection: recall on drawn faces, silence on radiology-like images."""

from __future__ import annotations

import numpy as np

from mslint_faces.analysis import analyse_rgb
from mslint_faces.colour import is_colour_photograph, skin_map
from mslint_faces.detect import detect_faces
from mslint_faces.geometry import Box


def _gray(rgb: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def _hit(found: list[Box], truth: Box) -> bool:
    return any(b.intersection(truth) >= 0.5 * min(b.area, truth.area) for b in found)


def test_detector_finds_at_least_nine_in_ten_synthetic_faces(faces):
    hits = 0
    for face in faces:
        found = [d.box for d in detect_faces(_gray(face.image), skin_map(face.image))]
        hits += _hit(found, Box(*face.box))
    assert hits / len(faces) >= 0.9, f"recall {hits}/{len(faces)}"


def test_detector_reports_no_face_on_radiology_like_images(radiology):
    for image in radiology:
        assert detect_faces(image, None) == []


def test_radiology_like_images_are_not_clinical_photographs(radiology):
    for image in radiology:
        result = analyse_rgb(np.stack([image] * 3, axis=-1))
        assert not result.photograph
        assert result.faces == ()


def test_greyscale_image_with_coloured_annotation_arrows_is_not_a_photograph(radiology):
    import cv2

    rgb = np.ascontiguousarray(np.stack([radiology[0]] * 3, axis=-1))
    cv2.arrowedLine(rgb, (40, 40), (200, 160), (255, 0, 0), 4)
    cv2.rectangle(rgb, (300, 300), (380, 360), (0, 255, 255), 2)
    assert not is_colour_photograph(rgb)


def test_every_analysed_face_photograph_is_classed_as_a_colour_photograph(faces):
    assert all(is_colour_photograph(face.image) for face in faces)


def test_unmasked_faces_are_found_with_no_masking(faces):
    results = [analyse_rgb(face.image) for face in faces[:8]]
    unmasked = sum(any(f.masking == "none" for f in r.faces) for r in results)
    assert unmasked >= 7
