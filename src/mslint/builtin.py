"""The built-in plugins, registered exactly like entry-point plugins.

Each module named here has ``@hookimpl`` functions; importing it must stay cheap (heavy
libraries are imported inside the functions that use them).
"""

BUILTIN_PLUGINS: tuple[str, ...] = (
    "mslint.parsers.markdown",
    "mslint.parsers.latex",
    "mslint.parsers.image",
    "mslint.parsers.docx",
    "mslint.reporters.builtin",
    "mslint.rules.unreadable",
    "mslint.rules.consent",
)
