# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Exports the CLDR data the PWA needs to show dates, times and numbers in each product language
(month and weekday names, date and time patterns, day periods, digits, number symbols, list
patterns) from Babel to ``pwa/src/cldr/<lang>.json``. The browser's ``Intl`` lacks several of the
product languages (Tigrinya, Somali, Pashto, Kurdish …); with these files every language is
formatted from the same CLDR data, by ``pwa/src/cldr.ts``.

Run from the repository root: ``.venv/bin/python pwa/scripts/export_cldr.py [OUT_DIR]``. The
output is deterministic (sorted keys); ``tests/pwa/test_cldr_export.py`` checks that the committed
files equal it. Every value is looked up the way CLDR inherits (the locale, its parents, then
root, following aliases); values that come from root are printed, so a language whose data Babel
lacks shows up.
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import babel
from babel.core import Locale, get_cldr_version, get_global
from babel.localedata import Alias, exists, resolve_locale_filename
from babel.numbers import get_decimal_symbol, get_group_symbol

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "pwa" / "src" / "cldr"
LANGUAGES = ("nl", "en", "ar", "ti", "fa", "prs", "ps", "so", "tr", "uk", "ru", "kmr", "ckb", "fr")
#: Babel/CLDR has no data under these product codes (as in welkom.core.i18n.CLDR_LOCALE).
BABEL_LOCALE = {"prs": "fa_AF", "kmr": "ku"}
#: The zero of each decimal numbering system a default may name (CLDR numberingSystems.xml).
ZERO = {"latn": "0", "arab": "\u0660", "arabext": "\u06f0", "beng": "\u09e6", "deva": "\u0966"}
#: Pattern letters pwa/src/cldr.ts formats; a pattern with any other letter stops the export.
SUPPORTED = re.compile(r"^(y{1,4}|M{1,4}|L{1,4}|d{1,2}|E{1,4}|h{1,2}|H{1,2}|m{1,2}|a{1,3})$")


def chain(locale_id: str) -> list[str]:
    """The locale and its parents, root last (as babel.localedata.load merges them)."""
    names = [locale_id]
    while names[-1] != "root":
        name = names[-1]
        parent = get_global("parent_exceptions").get(name)
        if not parent:
            parts = name.split("_")
            parent = "root" if len(parts) == 1 else "_".join(parts[:-1])
        names.append(parent)
    return names


def raw_data(name: str) -> dict[str, Any]:
    """One locale's own CLDR data, without its parents'. Read from Babel's file directly:
    ``babel.localedata.load(name, merge_inherited=False)`` shares its cache with the merged data."""
    with open(resolve_locale_filename(name), "rb") as f:
        data: dict[str, Any] = pickle.load(f)  # noqa: S301 (Babel's own installed data)
    return data


class Resolver:
    """Looks values up in one locale's raw CLDR data and its parents', recording where from."""

    def __init__(self, locale_id: str) -> None:
        self.locale_id = locale_id
        self.chain = chain(locale_id)
        self.raw = {name: raw_data(name) for name in self.chain}
        self.from_root: set[str] = set()

    def get(self, *path: Any) -> Any:
        value, source = self._find(list(path), depth=0)
        if source == "root":
            self.from_root.add("/".join(str(key) for key in path if not isinstance(key, int)))
        return value

    def _find(self, path: list[Any], depth: int) -> tuple[Any, str]:
        if depth > 10:
            raise RuntimeError(f"{self.locale_id}: alias loop at {path}")
        for name in self.chain:
            node: Any = self.raw[name]
            for i, key in enumerate(path):
                if isinstance(node, Alias):
                    return self._find(list(node.keys) + path[i:], depth + 1)
                if not isinstance(node, dict) or key not in node or node[key] is None:
                    break
                node = node[key]
            else:
                if isinstance(node, Alias):
                    return self._find(list(node.keys), depth + 1)
                return node, name
        raise KeyError(f"{self.locale_id}: no CLDR data at {path}")


def pattern(value: Any) -> str:
    text = getattr(value, "pattern", value)
    assert isinstance(text, str), text
    return text


def check_pattern(lang: str, text: str) -> str:
    """Fails when a date/time pattern uses a letter the PWA's formatter does not know."""
    for part in re.split(r"('(?:[^']|'')*')", text):
        if part.startswith("'"):
            continue
        for field in re.finditer(r"([A-Za-z])\1*", part):
            if not SUPPORTED.match(field.group(0)):
                raise SystemExit(
                    f"{lang}: pattern {text!r} uses {field.group(0)!r}, unknown to pwa/src/cldr.ts"
                )
    return text


def digits(system: str) -> str:
    if system not in ZERO:
        raise SystemExit(f"numbering system {system!r}: add its zero digit to ZERO")
    text = "".join(chr(ord(ZERO[system]) + i) for i in range(10))
    assert [unicodedata.digit(c) for c in text] == list(range(10)), system
    return text


def export(lang: str) -> tuple[dict[str, Any], set[str]]:
    locale_id = BABEL_LOCALE.get(lang, lang)
    if not exists(locale_id):
        raise SystemExit(f"{lang}: Babel has no locale {locale_id!r}")
    r = Resolver(locale_id)

    def months(context: str, width: str) -> list[str]:
        return [r.get("months", context, width, m) for m in range(1, 13)]

    def days(context: str, width: str) -> list[str]:
        return [r.get("days", context, width, d) for d in range(7)]  # 0 = Monday

    time_short = check_pattern(lang, pattern(r.get("time_formats", "short")))
    # The hour alone ("9 AM", "09"), in the hour cycle of the short time pattern.
    hour_skeleton = "h" if re.search(r"h(?=(?:[^']|'[^']*')*$)", time_short) else "H"
    system = r.get("default_numbering_system")
    data = {
        "cldr": get_cldr_version(),
        "locale": locale_id,
        "months": {
            "wide": months("format", "wide"),
            "abbreviated": months("format", "abbreviated"),
            "standAloneWide": months("stand-alone", "wide"),
        },
        "days": {
            "wide": days("format", "wide"),
            "abbreviated": days("format", "abbreviated"),
            "standAloneWide": days("stand-alone", "wide"),
        },
        "date": {
            "medium": check_pattern(lang, pattern(r.get("date_formats", "medium"))),
            "long": check_pattern(lang, pattern(r.get("date_formats", "long"))),
        },
        "time": {
            "short": time_short,
            "hour": check_pattern(lang, pattern(r.get("datetime_skeletons", hour_skeleton))),
        },
        "dateTime": r.get("datetime_formats", "medium"),
        "dayPeriods": {p: r.get("day_periods", "format", "abbreviated", p) for p in ("am", "pm")},
        "numberingSystem": system,
        "digits": digits(system),
        "decimal": r.get("number_symbols", system, "decimal"),
        "group": r.get("number_symbols", system, "group"),
        "minusSign": r.get("number_symbols", system, "minusSign"),
        "list": {k: r.get("list_patterns", "standard", k) for k in ("start", "middle", "end", "2")},
    }
    cross_check(lang, data)
    return data, r.from_root


def cross_check(lang: str, data: dict[str, Any]) -> None:
    """The values looked up here are those Babel's own (merged) locale data gives."""
    locale = Locale.parse(data["locale"])
    babel_says = {
        "months/wide": [locale.months["format"]["wide"][m] for m in range(1, 13)],
        "months/abbreviated": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)],
        "days/wide": [locale.days["format"]["wide"][d] for d in range(7)],
        "date/medium": locale.date_formats["medium"].pattern,
        "time/short": locale.time_formats["short"].pattern,
        "dateTime": locale.datetime_formats["medium"],
        "numberingSystem": locale.default_numbering_system,
        "decimal": get_decimal_symbol(locale, numbering_system="default"),
        "group": get_group_symbol(locale, numbering_system="default"),
        "list/end": locale.list_patterns["standard"]["end"],
    }
    for key, expected in babel_says.items():
        value: Any = data
        for part in key.split("/"):
            value = value[part]
        if value != expected:
            raise SystemExit(f"{lang}: {key} is {value!r}, Babel says {expected!r}")
    decimal_format = locale.decimal_formats[None].pattern
    if decimal_format != "#,##0.###":
        raise SystemExit(
            f"{lang}: decimal format {decimal_format!r}: pwa/src/cldr.ts groups by 3 only"
        )


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    print(f"CLDR {get_cldr_version()} (Babel {babel.__version__})")
    for lang in LANGUAGES:
        data, from_root = export(lang)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        (out / f"{lang}.json").write_text(text, encoding="utf-8")
        where = " → ".join(chain(data["locale"]))
        note = (
            f"from root: {', '.join(sorted(from_root))}"
            if from_root
            else "all from the locale's own data"
        )
        print(f"{lang:4} {where}: {note}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
