"""mslint: a pre-submission consent and privacy checker for medical manuscripts."""

__version__ = "0.1.0"
