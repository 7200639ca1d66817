// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Names the back office shows for the API's codes, and a conversation's age. */
import { LANGUAGES } from "../i18n";
import { t } from "./i18n";

export const WAITING_FOR = ["municipality", "resident", "other_party", "nobody"] as const;
export type WaitingFor = (typeof WAITING_FOR)[number];

export function waitingForLabel(value: string): string {
  switch (value) {
    case "municipality":
      return t("Waiting for us");
    case "resident":
      return t("Waiting for the resident");
    case "other_party":
      return t("Waiting for another party");
    case "nobody":
      return t("Settled");
    default:
      return value;
  }
}

/** A language's English name in the UI's words and its own name, e.g. "Arabic (العربية)". */
const ENGLISH_NAMES: Record<string, string> = {
  nl: "Dutch",
  en: "English",
  ar: "Arabic",
  ti: "Tigrinya",
  fa: "Persian",
  prs: "Dari",
  ps: "Pashto",
  so: "Somali",
  tr: "Turkish",
  uk: "Ukrainian",
  ru: "Russian",
  kmr: "Kurmanji",
  ckb: "Sorani",
  fr: "French",
};

export function languageLabel(code: string): { name: string; own: string } {
  const own = LANGUAGES.find((l) => l.code === code)?.name ?? code;
  const english = ENGLISH_NAMES[code];
  return { name: english ? t(english) : code, own };
}

/** Whole working days (Monday–Friday) from `since` to `now`; public holidays are not known. */
export function workingDaysBetween(since: Date, now: Date): number {
  let days = 0;
  const day = new Date(since.getFullYear(), since.getMonth(), since.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  while (day < end) {
    day.setDate(day.getDate() + 1);
    const weekday = day.getDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}
