"""mslint-faces: face detection (MS303) and inadequate masking (MS304) for mslint.

Registered through the ``mslint`` entry-point group like any third-party plugin. Importing
this module is cheap: OpenCV and NumPy are imported when a rule first looks at pixels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from mslint.rule import Rule


@hookimpl
def mslint_rules() -> list[Rule]:
    from mslint_faces.rules import FaceVisibleRule, InadequateMaskingRule

    return [FaceVisibleRule(), InadequateMaskingRule()]
