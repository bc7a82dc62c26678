"""The built-in plugins, registered exactly like entry-point plugins.

Each module named here has ``@hookimpl`` functions; importing it must stay cheap (heavy
libraries are imported inside the functions that use them).
"""

BUILTIN_PLUGINS: tuple[str, ...] = (
    "mslint.parsers.markdown",
    "mslint.parsers.latex",
    "mslint.parsers.image",
    "mslint.parsers.docx",
    "mslint.parsers.pdf",
    "mslint.reporters.builtin",
    "mslint.rules.unreadable",
    "mslint.identifiers.plugin",
    "mslint.rules.identifiers",
    "mslint.rules.consent",
    "mslint.rules.image_metadata",
    "mslint.rules.hidden_crop",
    "mslint.rules.document_forensics",
    "mslint.rules.hidden_text",
    "mslint.rules.failed_redaction",
)
