// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident's language choice in the app is the source of truth for what the API sends them:
 * texts, content, notifications and receipts. It is sent (`PUT /api/v1/me/language`) right after a
 * resident signs in or activates, whenever the app's language changes while they are signed in,
 * and — when that could not be sent (offline) — again once the phone is online.
 */
import { ApiError, request, type Schemas, type Session } from "./api";
import { language } from "./i18n";

export const LANGUAGE_PATH = "/api/v1/me/language";
/** The language still to be sent for an account, kept across a reload: `<account>:<code>`. */
const UNSENT_KEY = "welkom.language.unsent";

let sent: string | null = null; // `<account>:<code>` the server confirmed in this visit
let refused: string | null = null; // a code the resident's municipality does not offer
export const LANGUAGE_REFUSED_EVENT = "welkom:language-refused";
let running: { mark: string; done: Promise<boolean> } | null = null;

function store(value: string | null): void {
  try {
    if (value) localStorage.setItem(UNSENT_KEY, value);
    else localStorage.removeItem(UNSENT_KEY);
  } catch {
    /* private mode: tried again at the next sign-in */
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(UNSENT_KEY);
  } catch {
    return null;
  }
}

function isResident(session: Session | null | undefined): session is Session {
  return !!session && session.roles.includes("resident");
}

/** Whether a language change for this account could not be sent yet (offline). */
export function languageUnsent(session: Session | null | undefined): boolean {
  return isResident(session) && (stored() ?? "").startsWith(`${session.account_id}:`);
}

/**
 * Tell the server the app's language for this resident. Resolves true once the server has it;
 * false when nothing was sent (not a resident) or it could not be sent (offline, refused — the
 * next sign-in or `online` tries again). Concurrent calls for the same language share one request;
 * `force` sends even what this visit already sent (a new sign-in). Never throws.
 */
export function syncLanguage(session: Session | null | undefined, force = false): Promise<boolean> {
  if (!isResident(session)) return Promise.resolve(false);
  const code = language();
  const mark = `${session.account_id}:${code}`;
  if (running?.mark === mark) return running.done;
  if (!force && sent === mark) return Promise.resolve(true);
  // One at a time, in order: the last choice is the one the server keeps.
  const before = running?.done ?? Promise.resolve(true);
  const done = before
    .then(() => request<Schemas["LanguageChoiceOut"]>(LANGUAGE_PATH, { method: "PUT", body: { language: code } }))
    .then(
    () => {
      sent = mark;
      refused = null;
      if (stored()?.startsWith(`${session.account_id}:`)) store(null);
      return true;
    },
    (error: unknown) => {
      // No answer (offline, or the service worker's offline reply): send it when back online.
      // Refused (a server without this API yet, an unknown code): the next sign-in tries again.
      if (!(error instanceof ApiError) || error.status >= 500) store(mark);
      else {
        sent = mark; // nothing more to try in this visit
        // 400: the municipality does not offer this language (yet); the app says so.
        refused = error.status === 400 ? code : null;
        dispatchEvent(new Event(LANGUAGE_REFUSED_EVENT));
      }
      return false;
    },
  );
  const entry = { mark, done };
  running = entry;
  void done.finally(() => {
    if (running === entry) running = null;
  });
  return done;
}

/** For tests: forget what this visit sent. */
/**
 * The app's language when the resident's municipality refused it: the server then speaks to the
 * resident in the language recorded at intake, so the app says so instead of mixing silently.
 */
export function languageRefused(): string | null {
  return refused !== null && refused === language() ? refused : null;
}

export function resetLanguageSync(): void {
  sent = null;
  refused = null;
  running = null;
}
