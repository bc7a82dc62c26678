"""Identifier detection: the detectors behind rules MS201-MS209.

Detectors (one module each: records, contact, geography, dates, ages, devices, marks,
names) find candidate identifiers in a text and give each a category and a confidence.
`scope` decides which text is about the patient and drops what is not (author block,
references, registration lines, the manuscript's own and cited authors).
The plugin module `mslint.identifiers.plugin` registers the detectors.
"""
