"""Consent statements in manuscripts: finding them, classifying them, and the facts about
the case (patient content, vulnerable subjects, image kinds) the consent rules weigh them
against.

`mslint.consent.analysis.analyse_document` is the entry point the rules use; it runs once
per document and is shared by MS101-MS105 and MS110 through `Resources.memo`.
"""
