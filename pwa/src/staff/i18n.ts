// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The back office's strings. The same gettext catalogs as the resident app
 * (locales/<lang>/LC_MESSAGES/pwa.po); scripts/compile-catalogs.mjs compiles the msgids used in
 * src/staff/ to chunks of their own (.generated/i18n-staff/<lang>.json), left out of the
 * resident's. The UI is in Dutch or English; a letter for a resident is in their language too.
 * The shared src/i18n.ts keeps the current language (sent as Accept-Language by src/api.ts, so
 * problem details come in the UI's language) and formats dates.
 */
import { formatNumber, isLanguage, setLanguage } from "../i18n";
import type { Catalog } from "../i18n";

/** The languages of the back office's own screens. */
export const UI_LANGUAGES = ["nl", "en"] as const;
const STORAGE_KEY = "welkom.staff.language";

const loaders = import.meta.glob<{ default: Catalog }>("../../.generated/i18n-staff/*.json");
const catalogs = new Map<string, Record<string, string>>();
let current = "nl";

/** A language's back-office strings (each language's chunk is fetched once). */
export async function loadCatalog(code: string): Promise<void> {
  if (catalogs.has(code)) return;
  const load = loaders[`../../.generated/i18n-staff/${code}.json`];
  catalogs.set(code, load ? (await load()).default.messages : {});
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatNumber(params[name]) : whole));
}

/** Translate an English msgid into the UI's language and fill `{name}` placeholders. */
export function t(msgid: string, params?: Record<string, string | number>): string {
  return fill(catalogs.get(current)?.[msgid] || msgid, params);
}

/** The same in another language (its catalog loaded with {@link loadCatalog}), e.g. a resident's. */
export function tIn(code: string, msgid: string, params?: Record<string, string | number>): string {
  return fill(catalogs.get(code)?.[msgid] || msgid, params);
}

export function uiLanguage(): string {
  return current;
}

/** The UI language chosen before, else the browser's first of Dutch and English, else Dutch. */
export function preferredUiLanguage(): string {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (UI_LANGUAGES as readonly string[]).includes(stored)) return stored;
  } catch {
    /* storage unavailable: fall through */
  }
  for (const tag of navigator.languages ?? []) {
    const primary = tag.toLowerCase().split("-")[0];
    if ((UI_LANGUAGES as readonly string[]).includes(primary)) return primary;
  }
  return "nl";
}

/** Switch the UI language; the resident app's own language choice is left alone. */
export async function setUiLanguage(code: string, remember = true): Promise<void> {
  if (!isLanguage(code) || !(UI_LANGUAGES as readonly string[]).includes(code)) code = "nl";
  await Promise.all([loadCatalog(code), setLanguage(code, false)]);
  current = code;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch {
      /* private mode: for this visit only */
    }
  }
}
