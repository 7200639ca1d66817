// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Languages and translations. Every user-facing string is an English gettext msgid passed to
 * `t()`; the catalogs in `locales/<lang>/LC_MESSAGES/pwa.po` are compiled to JSON at build time
 * (scripts/compile-catalogs.mjs) and loaded lazily, one chunk per language. Dates, times, numbers
 * and lists are formatted from CLDR data (src/cldr/<lang>.json, exported from Babel by
 * scripts/export_cldr.py), loaded with the catalog: the browser's `Intl` lacks several languages.
 */

import * as cldrFormat from "./cldr";
import type { CldrData } from "./cldr";

export interface Language {
  code: string;
  /** The language's name in its own script. */
  name: string;
  rtl: boolean;
}

export const LANGUAGES: readonly Language[] = [
  { code: "nl", name: "Nederlands", rtl: false },
  { code: "en", name: "English", rtl: false },
  { code: "ar", name: "العربية", rtl: true },
  { code: "ti", name: "ትግርኛ", rtl: false },
  { code: "fa", name: "فارسی", rtl: true },
  { code: "prs", name: "دری", rtl: true },
  { code: "ps", name: "پښتو", rtl: true },
  { code: "so", name: "Soomaali", rtl: false },
  { code: "tr", name: "Türkçe", rtl: false },
  { code: "uk", name: "Українська", rtl: false },
  { code: "ru", name: "Русский", rtl: false },
  { code: "kmr", name: "Kurmancî", rtl: false },
  { code: "ckb", name: "کوردیی ناوەندی", rtl: true },
  { code: "fr", name: "Français", rtl: false },
];

/** Intl has no data for these product codes: the closest locale (as for the CLDR data). */
const INTL_LOCALE: Record<string, string> = { prs: "fa-AF", kmr: "ku" };

export interface Catalog {
  messages: Record<string, string>;
  /** How many translations are machine-made or not yet reviewed (fuzzy in the catalog). */
  unreviewed: number;
}

const loaders = import.meta.glob<{ default: Catalog }>("../.generated/i18n/*.json");
/** CLDR data per language: a small chunk each, fetched together with the catalog. */
const cldrLoaders = import.meta.glob<{ default: CldrData }>("./cldr/*.json");
const STORAGE_KEY = "welkom.language";

const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
const NO_LIST = "{0}, {1}";
/** Until a language's data has loaded: ISO-like dates, ASCII digits. */
const FALLBACK: CldrData = {
  cldr: "",
  locale: "root",
  months: { wide: numbers(12), abbreviated: numbers(12), standAloneWide: numbers(12) },
  days: { wide: numbers(7), abbreviated: numbers(7), standAloneWide: numbers(7) },
  date: { medium: "y-MM-dd", long: "y-MM-dd" },
  time: { short: "HH:mm", hour: "HH" },
  dateTime: "{1} {0}",
  dayPeriods: { am: "AM", pm: "PM" },
  numberingSystem: "latn",
  digits: "0123456789",
  decimal: ".",
  group: ",",
  minusSign: "-",
  list: { start: NO_LIST, middle: NO_LIST, end: NO_LIST, "2": NO_LIST },
};

let current = "nl";
let catalog: Catalog = { messages: {}, unreviewed: 0 };
let cldr: CldrData = FALLBACK;

export function isLanguage(code: string | null | undefined): code is string {
  return !!code && LANGUAGES.some((l) => l.code === code);
}

export function language(): string {
  return current;
}

export function direction(code: string = current): "rtl" | "ltr" {
  return LANGUAGES.find((l) => l.code === code)?.rtl ? "rtl" : "ltr";
}

export function storedLanguage(): string | null {
  try {
    const code = localStorage.getItem(STORAGE_KEY);
    return isLanguage(code) ? code : null;
  } catch {
    return null;
  }
}

/** The first supported language the browser asks for, else Dutch. */
export function browserLanguage(): string {
  for (const tag of navigator.languages ?? []) {
    const primary = tag.toLowerCase().split("-")[0];
    if (tag.toLowerCase() === "fa-af" && isLanguage("prs")) return "prs";
    if (isLanguage(primary)) return primary;
  }
  return "nl";
}

/**
 * The texts of the sign-in view and the app around it in every language (scripts/compile-catalogs
 * .mjs), loaded by the language choice: the view after a tap on a language shows at once, without
 * waiting a round trip for that language's catalog, which follows.
 */
let firstSteps: Record<string, Catalog> | null = null;
/** Languages whose full catalog has been applied in this visit. */
const complete = new Set<string>();

let firstStepsLoading: Promise<unknown> | null = null;

export function loadFirstSteps(): Promise<void> {
  firstStepsLoading ??= import("../.generated/first-steps.json").then((m) => {
    firstSteps = m.default as Record<string, Catalog>;
  });
  return firstStepsLoading.then(() => undefined);
}

/**
 * Load a language's catalog and set `lang`/`dir` on the document. Where the first-steps texts
 * are loaded and the full catalog is not, it switches at once with those and applies the full
 * catalog (announced by a second `welkom:language` event) when it arrives.
 */
export async function setLanguage(code: string, remember = true): Promise<void> {
  if (!isLanguage(code)) code = "nl";
  const load = loaders[`../.generated/i18n/${code}.json`];
  const loadCldr = cldrLoaders[`./cldr/${code}.json`];
  const full = Promise.all([
    load ? load().then((m) => m.default) : { messages: {}, unreviewed: 0 },
    loadCldr ? loadCldr().then((m) => m.default) : FALLBACK,
  ]);
  if (!complete.has(code) && !firstSteps && firstStepsLoading) {
    // A tap before the first-steps texts arrived: they were requested earlier, so they are
    // likely first; whichever comes first.
    const settled = () => undefined;
    await Promise.race([firstStepsLoading.then(settled, settled), full.then(settled, settled)]);
  }
  const quick = complete.has(code) ? undefined : firstSteps?.[code];
  if (quick) {
    apply(code, quick, FALLBACK, remember);
    void full.then(
      ([loaded, data]) => current === code && apply(code, loaded, data, false),
      () => undefined, // offline: the first-steps texts stay, the rest shows in English
    );
    return;
  }
  const [loaded, data] = await full;
  apply(code, loaded, data, remember);
}

function apply(code: string, loaded: Catalog, data: CldrData, remember: boolean): void {
  if (loaded !== firstSteps?.[code]) complete.add(code);
  catalog = loaded;
  cldr = data;
  current = code;
  document.documentElement.lang = code;
  document.documentElement.dir = direction(code);
  dispatchEvent(new Event("welkom:language"));
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
  }
}

/** Translate an English msgid and fill `{name}` placeholders. */
export function t(msgid: string, params?: Record<string, string | number>): string {
  const text = catalog.messages[msgid] || msgid;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatNumber(params[name]) : whole,
  );
}

/**
 * A name (or other text someone typed) isolated for use inside a translated sentence: wrapped
 * in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text equivalent of `<bdi>`, so a
 * right-to-left name cannot reorder the words around it. Where a name stands in its own element,
 * use `<bdi>` or `dir="auto"` instead.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** True when this language has machine-made or unreviewed translations. */
export function hasUnreviewed(): boolean {
  return catalog.unreviewed > 0;
}

export function intlLocale(code: string = current): string {
  return INTL_LOCALE[code] ?? code;
}

/** A number in the language's digits and separators (used for `{name}` numbers in `t()` too). */
export function formatNumber(value: string | number): string {
  return typeof value === "number" ? cldrFormat.formatNumber(value, cldr) : value;
}

/** An integer in the language's digits, without group separators (a year, a day), zero-padded to `width`. */
export function formatDigits(value: number, width = 1): string {
  return cldrFormat.localDigits(String(value).padStart(width, "0"), cldr);
}

/** A date and time of day (ISO 8601), in local time: CLDR's medium date and short time. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  const day = cldrFormat.formatPattern(cldr.date.medium, date, cldr);
  return cldrFormat.joinDateTime(day, cldrFormat.formatPattern(cldr.time.short, date, cldr), cldr);
}

/** A calendar date (`YYYY-MM-DD`, no time of day), e.g. a due date. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  const date = new Date(y, m - 1, d);
  return isNaN(date.getTime()) ? isoDate.slice(0, 10) : cldrFormat.formatPattern(cldr.date.medium, date, cldr);
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday). */
export function formatWeekday(day: number): string {
  return cldr.days.standAloneWide[day - 1] ?? String(day);
}

/** A local time of day (`HH:MM`) in the language's own notation and digits. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return cldrFormat.formatPattern(cldr.time.short, new Date(2024, 0, 1, h, m), cldr);
}

/** An hour of the day (0–23) alone, in the language's hour cycle ("9 AM", "09"). */
export function formatHour(hour: number): string {
  return cldrFormat.formatPattern(cldr.time.hour, new Date(2024, 0, 1, hour), cldr);
}

/** The names of the months, January first, as they stand alone (e.g. in a list to choose from). */
export function monthNames(): readonly string[] {
  return cldr.months.standAloneWide;
}

/** A calendar month (`YYYY-MM`) as the language names it: the month's name and the year, in the
 * language's order and digits ("november 2026"). Anything else is returned as it is. */
export function formatMonth(isoMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  const name = match ? cldr.months.standAloneWide[Number(match[2]) - 1] : undefined;
  if (!match || !name) return isoMonth;
  const year = formatDigits(Number(match[1]));
  const order = dateFieldOrder();
  return order.indexOf("year") < order.indexOf("month") ? `${year} ${name}` : `${name} ${year}`;
}

/** In which order the language writes day, month and year (from CLDR's medium date pattern). */
export function dateFieldOrder(): ("day" | "month" | "year")[] {
  const letters = cldr.date.medium.replace(/'[^']*'/g, "");
  const at = { day: letters.search(/d/), month: letters.search(/[ML]/), year: letters.search(/y/) };
  return (["day", "month", "year"] as const).slice().sort((a, b) => at[a] - at[b]);
}

/** A list of words joined the language's way ("a, b and c"). */
export function formatList(items: string[]): string {
  return cldrFormat.formatList(items, cldr);
}
