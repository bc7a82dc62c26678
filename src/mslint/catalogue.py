"""``mslint rules`` and ``mslint explain``: the rule catalogue as people read it."""

from __future__ import annotations

import json
import textwrap

from mslint.plugins import Plugins
from mslint.reporters.common import policy_reference
from mslint.rule import RuleMeta

_POLICY_TITLES = {
    "iums": "IUMS journals, Consent & privacy policy",
    "radiopaedia": "Radiopaedia, patient confidentiality",
    "gmc": "NHS Trust medical photography policy (GMC guidance on recordings)",
    "hipaa": "HIPAA Privacy Rule, Safe Harbor",
    "image-guidance": "Guidance on uploading case-based images",
}


def rule_listing(output_format: str = "table") -> str:
    plugins = Plugins()
    metas = [r.meta for r in plugins.rules]
    missing = plugins.missing_plugin_rules()
    if output_format == "json":
        rows = [
            {
                "id": m.id,
                "name": m.name,
                "severity": m.default_severity.label,
                "summary": m.summary,
                "plugin": m.plugin,
                "installed": True,
            }
            for m in metas
        ] + [
            {
                "id": r.rule_id,
                "name": r.name,
                "severity": None,
                "summary": r.summary,
                "plugin": r.plugin,
                "installed": False,
            }
            for r in missing
        ]
        return json.dumps(sorted(rows, key=lambda r: r["id"]), indent=2) + "\n"
    if output_format != "table":
        raise ValueError(f"--format takes 'table' or 'json', not {output_format!r}")
    rows_text = [(m.id, m.name, m.default_severity.label, m.summary) for m in metas]
    rows_text += [
        (r.rule_id, r.name, "-", f"{r.summary} [needs plugin {r.plugin}]") for r in missing
    ]
    rows_text.sort()
    width_name = max(len(r[1]) for r in rows_text)
    lines = [f"{'code':<6} {'name':<{width_name}} {'severity':<8} what it catches"]
    lines += [f"{c:<6} {n:<{width_name}} {s:<8} {t}" for c, n, s, t in rows_text]
    return "\n".join(lines) + "\n"


def _find(plugins: Plugins, code: str) -> RuleMeta | None:
    wanted = code.strip()
    for rule in plugins.rules:
        if rule.meta.id.upper() == wanted.upper() or rule.meta.name == wanted.lower():
            return rule.meta
    return None


def explain_rule(code: str) -> str:
    """ruff-style documentation of one rule. Raises KeyError for unknown codes."""
    plugins = Plugins()
    meta = _find(plugins, code)
    if meta is None:
        for req in plugins.missing_plugin_rules():
            if req.rule_id.upper() == code.upper() or req.name == code.lower():
                return (
                    f"# {req.name} ({req.rule_id})\n\n{req.summary}.\n\n"
                    f"This rule is provided by the plugin {req.plugin}, which is not installed: "
                    f"`pip install {req.plugin}`.\n"
                )
        raise KeyError(f"unknown rule {code!r} (see `mslint rules`)")
    doc = meta.doc

    def para(text: str) -> str:
        return "\n".join(textwrap.fill(p, 88) for p in text.split("\n"))

    out = [
        f"# {meta.name} ({meta.id})",
        "",
        f"Default severity: {meta.default_severity.label}. Provided by {meta.plugin}.",
        "",
        "## What it does",
        para(doc.what),
        "",
        "## Why is this bad?",
        para(doc.why),
        "",
    ]
    if doc.policies:
        out.append("## Policy")
        for ref in doc.policies:
            title = _POLICY_TITLES.get(ref.policy, ref.policy)
            out.append(para(f"- {title}, {ref.clause}: {ref.summary}"))
        out.append("")
    out += [
        "## Example",
        textwrap.indent(doc.example, "    "),
        "",
        "## How to fix",
        para(doc.fix),
        "",
    ]
    if meta.parameters:
        out.append("## Parameters (set them in a ruleset or [tool.mslint.rules." + meta.id + "])")
        for key, value in meta.parameters.items():
            out.append(f"- `{key}` = {json.dumps(value)}")
        out.append("")
    short = policy_reference(meta)
    if short:
        out.append(f"Reference: {short}")
    return "\n".join(out).rstrip() + "\n"
