// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Names the back office shows for the API's codes, and a conversation's age. */
import { intlLocale, LANGUAGES } from "../i18n";
import { t, uiLanguage } from "./i18n";

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

/**
 * A language's name in the UI's language (the browser's CLDR names, `Intl.DisplayNames`) and in
 * its own script, e.g. "Arabisch" and "العربية".
 */
export function languageLabel(code: string): { name: string; own: string } {
  const own = LANGUAGES.find((l) => l.code === code)?.name ?? code;
  let name = own;
  try {
    name = new Intl.DisplayNames([uiLanguage()], { type: "language" }).of(intlLocale(code)) ?? own;
  } catch {
    /* an engine without display names: the own name twice is still right */
  }
  return { name, own };
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
