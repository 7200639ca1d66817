/**
 * Languages and translations. Every user-facing string is an English gettext msgid passed to
 * `t()`; the catalogs in `locales/<lang>/LC_MESSAGES/pwa.po` are compiled to JSON at build time
 * (scripts/compile-catalogs.mjs) and loaded lazily, one chunk per language.
 */

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

/** Intl has no data for these product codes: use the closest locale for dates and numbers. */
const INTL_LOCALE: Record<string, string> = { prs: "fa-AF", kmr: "ku" };

export interface Catalog {
  messages: Record<string, string>;
  /** msgids whose translation is machine-made or not yet reviewed (fuzzy in the catalog). */
  unreviewed: string[];
}

const loaders = import.meta.glob<{ default: Catalog }>("../.generated/i18n/*.json");
const STORAGE_KEY = "welkom.language";

let current = "nl";
let catalog: Catalog = { messages: {}, unreviewed: [] };

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

/** Load a language's catalog and set `lang`/`dir` on the document. */
export async function setLanguage(code: string, remember = true): Promise<void> {
  if (!isLanguage(code)) code = "nl";
  const load = loaders[`../.generated/i18n/${code}.json`];
  catalog = load ? (await load()).default : { messages: {}, unreviewed: [] };
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

/** True when this language has machine-made or unreviewed translations. */
export function hasUnreviewed(): boolean {
  return catalog.unreviewed.length > 0;
}

export function intlLocale(code: string = current): string {
  return INTL_LOCALE[code] ?? code;
}

function formatNumber(value: string | number): string {
  return typeof value === "number" ? new Intl.NumberFormat(intlLocale()).format(value) : value;
}

export function formatDate(iso: string): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeStyle: "short" }).format(
      new Date(iso),
    );
  } catch {
    return new Date(iso).toISOString().slice(0, 16).replace("T", " ");
  }
}

/** A calendar date (`YYYY-MM-DD`, no time of day), e.g. a due date. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium" }).format(new Date(y, m - 1, d));
  } catch {
    return isoDate.slice(0, 10);
  }
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday). */
export function formatWeekday(day: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(), { weekday: "long" }).format(new Date(2024, 0, day));
}

/** A local time of day (`HH:MM`) in the language's own notation and digits. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { timeStyle: "short" }).format(new Date(2024, 0, 1, h, m));
}

/** A list of words joined the language's way ("a, b and c"). */
export function formatList(items: string[]): string {
  try {
    return new Intl.ListFormat(intlLocale(), { type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}
