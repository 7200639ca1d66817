# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Public code: publiccode.yml valid against the standard, the EUPL text, the changelog.

The checks encode the publiccode.yml standard (core schema, version 0.4 and later): its
mandatory keys, the enumerated values and lists (development status, software type,
categories, scopes), the length limits of the descriptions, dates as YYYY-MM-DD, an SPDX
licence expression, BCP 47 language tags, and the maintenance rules (contacts for
internal/community maintenance, contractors only for a contract).
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from license_expression import get_spdx_licensing

import welkom
from welkom.core.i18n import LANGUAGES

REPO = Path(__file__).resolve().parents[1]

DEVELOPMENT_STATUSES = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
    "standalone/backend", "standalone/other", "addon", "library", "configurationFiles",
}  # fmt: skip
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
SCOPES = {
    "agriculture", "culture", "defence", "education", "emergency-services", "employment",
    "energy", "environment", "finance-and-economic-development", "foreign-affairs",
    "government", "healthcare", "infrastructures", "justice", "local-authorities",
    "manufacturing", "research", "science-and-technology", "security", "society", "sport",
    "tourism", "transportation", "welfare",
}  # fmt: skip
CATEGORIES = {
    "accounting", "agile-project-management", "applicant-tracking", "application-development",
    "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting",
    "business-intelligence", "business-process-management", "cad", "call-center-management",
    "cloud-management", "collaboration", "communications", "compliance-management",
    "contact-management", "content-management", "crm", "customer-service-and-support",
    "data-analytics", "data-collection", "data-visualization", "design", "design-system",
    "digital-asset-management", "digital-citizenship", "document-management",
    "donor-management", "e-commerce", "e-signature", "educational-content", "email-management",
    "email-marketing", "employee-management", "enterprise-project-management",
    "enterprise-social-networking", "erp", "event-management", "facility-management",
    "feedback-and-reviews-management", "financial-reporting", "fleet-management", "fundraising",
    "gamification", "geographic-information-systems", "grant-management", "graphic-design",
    "help-desk", "hr", "ide", "identity-management", "instant-messaging",
    "integrated-library-system", "inventory-management", "it-asset-management",
    "it-development", "it-management", "it-security", "it-service-management",
    "knowledge-management", "learning-management-system", "marketing", "mind-mapping",
    "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking",
    "online-community", "payment-gateway", "payroll", "predictive-analysis", "procurement",
    "productivity-suite", "project-collaboration", "project-management", "property-management",
    "real-estate-management", "regulations-and-directives", "remote-support",
    "resource-management", "sales-management", "seo", "service-desk",
    "social-media-management", "survey", "talent-management", "task-management",
    "taxes-management", "test-management", "time-management", "time-tracking", "translation",
    "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management",
    "web-collaboration", "web-conferencing", "website-builder", "whistleblowing",
    "workflow-management", "other",
}  # fmt: skip
#: BCP 47 language tag: a 2–3 letter primary subtag (ISO 639), optional script/region/variants.
BCP47 = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-[a-z0-9]{5,8})*")
URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(/\S*)?")


def _date(value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
        and bool(date.fromisoformat(value))
    )


def publiccode_errors(doc: Any) -> list[str]:
    """What in ``doc`` breaks the publiccode.yml standard (empty when it is valid)."""
    if not isinstance(doc, dict):
        return ["the document is not a mapping"]
    errors = []
    for key in ("publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus",
                "softwareType", "description", "legal", "maintenance", "localisation"):  # fmt: skip
        if key not in doc:
            errors.append(f"{key}: mandatory")
    if not isinstance(doc.get("publiccodeYmlVersion", ""), str):
        errors.append("publiccodeYmlVersion: must be a string")
    if "url" in doc and not URL.fullmatch(str(doc["url"])):
        errors.append("url: not a URL")
    for key in ("releaseDate",):
        if key in doc and not _date(doc[key]):
            errors.append(f"{key}: not YYYY-MM-DD")
    platforms = doc.get("platforms", [])
    if not platforms or not all(isinstance(p, str) for p in _list(platforms)):
        errors.append("platforms: at least one")
    if doc.get("developmentStatus") not in DEVELOPMENT_STATUSES:
        errors.append("developmentStatus: not an allowed value")
    if doc.get("softwareType") not in SOFTWARE_TYPES:
        errors.append("softwareType: not an allowed value")
    errors += [f"categories: unknown {c}" for c in doc.get("categories", []) if c not in CATEGORIES]
    audience = doc.get("intendedAudience", {})
    errors += [
        f"intendedAudience/scope: unknown {s}" for s in audience.get("scope", []) if s not in SCOPES
    ]
    errors += _description_errors(doc.get("description"))
    license_ = (doc.get("legal") or {}).get("license")
    if not isinstance(license_, str) or get_spdx_licensing().validate(license_).errors:
        errors.append("legal/license: not a valid SPDX expression")
    errors += _maintenance_errors(doc.get("maintenance"))
    localisation = doc.get("localisation") or {}
    if not isinstance(localisation.get("localisationReady"), bool):
        errors.append("localisation/localisationReady: mandatory boolean")
    languages = localisation.get("availableLanguages")
    if not languages or not isinstance(languages, list):
        errors.append("localisation/availableLanguages: at least one language")
    else:
        errors += [f"availableLanguages: {t!r} not BCP 47" for t in languages if not _tag(t)]
    for kind in ("open", "proprietary", "hardware"):
        for dependency in (doc.get("dependsOn") or {}).get(kind, []):
            if not isinstance(dependency, dict) or not dependency.get("name"):
                errors.append(f"dependsOn/{kind}: a dependency needs a name")
    return errors


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _tag(value: Any) -> bool:
    return isinstance(value, str) and bool(BCP47.fullmatch(value))


def _description_errors(description: Any) -> list[str]:
    if not isinstance(description, dict) or not description:
        return ["description: at least one language"]
    errors, long_ok, features_ok = [], False, False
    for lang, text in description.items():
        if not _tag(lang):
            errors.append(f"description/{lang}: not a BCP 47 tag")
        if not isinstance(text, dict):
            errors.append(f"description/{lang}: not a mapping")
            continue
        short = text.get("shortDescription")
        if not isinstance(short, str) or not short.strip() or len(short) > 150:
            errors.append(f"description/{lang}/shortDescription: mandatory, at most 150 characters")
        if "longDescription" in text:
            if (
                isinstance(text["longDescription"], str)
                and 150 <= len(text["longDescription"]) <= 10_000
            ):
                long_ok = True
            else:
                errors.append(f"description/{lang}/longDescription: 150 to 10 000 characters")
        if text.get("features"):
            features_ok = all(isinstance(f, str) and f for f in text["features"])
        for key in ("documentation", "apiDocumentation"):
            if key in text and not URL.fullmatch(str(text[key])):
                errors.append(f"description/{lang}/{key}: not a URL")
    if not long_ok:
        errors.append("description/[lang]/longDescription: mandatory for at least one language")
    if not features_ok:
        errors.append("description/[lang]/features: mandatory for at least one language")
    return errors


def _maintenance_errors(maintenance: Any) -> list[str]:
    if not isinstance(maintenance, dict):
        return ["maintenance: mandatory"]
    kind = maintenance.get("type")
    errors = [] if kind in MAINTENANCE_TYPES else ["maintenance/type: not an allowed value"]
    contacts, contractors = maintenance.get("contacts"), maintenance.get("contractors")
    if kind in ("internal", "community") and not contacts:
        errors.append("maintenance/contacts: mandatory for internal or community maintenance")
    if kind == "contract":
        if not contractors:
            errors.append("maintenance/contractors: mandatory for a contract")
        for contractor in contractors or []:
            if not contractor.get("name") or not _date(contractor.get("until")):
                errors.append("maintenance/contractors: name and until (YYYY-MM-DD)")
    elif contractors is not None:
        errors.append("maintenance/contractors: only for a contract")
    errors += [
        "maintenance/contacts: a contact needs a name" for c in contacts or [] if not c.get("name")
    ]
    return errors


def _publiccode() -> dict[str, Any]:
    return yaml.safe_load((REPO / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_yml_is_valid() -> None:
    assert publiccode_errors(_publiccode()) == []


def test_publiccode_yml_says_what_welkom_is() -> None:
    doc = _publiccode()
    assert doc["localisation"]["availableLanguages"] == list(LANGUAGES)  # all 14, same codes
    assert {"nl", "en"} <= doc["description"].keys()
    for lang in ("nl", "en"):
        assert len(doc["description"][lang]["longDescription"]) >= 150
    assert doc["legal"]["license"] == "EUPL-1.2"
    assert doc["softwareVersion"] == welkom.__version__
    assert f"## [{welkom.__version__}] - {doc['releaseDate']}" in _changelog()


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda d: d.pop("legal"), "legal: mandatory"),
        (lambda d: d.update(developmentStatus="finished"), "developmentStatus"),
        (lambda d: d.update(softwareType="standalone"), "softwareType"),
        (lambda d: d["description"]["nl"].update(shortDescription="x" * 151), "shortDescription"),
        (lambda d: d["description"]["en"].update(longDescription="too short"), "longDescription"),
        (lambda d: d["legal"].update(license="EUPL"), "legal/license"),
        (lambda d: d["maintenance"].pop("contacts"), "maintenance/contacts"),
        (lambda d: d["maintenance"].update(contractors=[{"name": "X"}]), "maintenance/contractors"),
        (lambda d: d["localisation"].update(availableLanguages=["Dutch"]), "availableLanguages"),
        (lambda d: d["localisation"].pop("localisationReady"), "localisationReady"),
        (lambda d: d.update(releaseDate="2/12/2026"), "releaseDate"),
        (lambda d: d.update(categories=["welfare"]), "categories"),
    ],
)
def test_the_check_refuses_what_the_standard_refuses(change, error: str) -> None:
    doc = copy.deepcopy(_publiccode())
    change(doc)
    assert any(error in message for message in publiccode_errors(doc)), publiccode_errors(doc)


def test_licence_is_the_full_eupl_1_2() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for n, heading in enumerate(
        ["Definitions", "Scope of the rights granted by the Licence",
         "Communication of the Source Code", "Limitations on copyright",
         "Obligations of the Licensee", "Chain of Authorship", "Disclaimer of Warranty",
         "Disclaimer of Liability", "Additional agreements", "Acceptance of the Licence",
         "Information to the public", "Termination of the Licence", "Miscellaneous",
         "Jurisdiction", "Applicable Law"],
        start=1,
    ):  # fmt: skip
        assert f"\n{n}. {heading}\n" in text, heading
    assert "'Compatible Licences' according to Article 5 EUPL are:" in text
    assert len(text) > 13_000


def _changelog() -> str:
    return (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_changelog_keeps_a_changelog() -> None:
    text = _changelog()
    assert text.startswith("# Changelog")
    assert "## [Unreleased]" in text
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert releases, "no release heading"
    assert releases[0][0] == welkom.__version__
    sections = set(re.findall(r"^### (\w+)$", text, re.M))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
