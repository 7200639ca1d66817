// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Helpers for the back office's forms: a problem's field errors by input, and retry-safe keys. */
import { ApiError, formErrors, newIdempotencyKey, problemText } from "../api";
import { t } from "./i18n";

/** The input a problem's `field` (`text`, `$.text`, `body.text`) names, if it is one of `inputs`. */
export function inputFor<K extends string>(inputs: readonly K[]) {
  return (field: string | undefined): K | null => {
    const name = (field ?? "").replace(/^(\$\.|body\.)/, "");
    return (inputs as readonly string[]).includes(name) ? (name as K) : null;
  };
}

/** Sent when the API answers 401: the session ended (expired, or signed out elsewhere). */
export const SESSION_ENDED = "welkom:staff-session-ended";

function noticeSessionEnd(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) dispatchEvent(new Event(SESSION_ENDED));
}

/** What to show for a failed request; a 401 also asks the app to sign in again (views keep their state). */
export function failure(error: unknown, offline: string): string {
  noticeSessionEnd(error);
  return problemText(error, offline);
}

/** A failed submit as the form shows it: messages at their inputs, the rest at the form. */
export function submitErrors<K extends string>(
  error: unknown,
  inputs: readonly K[],
): { fields: Partial<Record<K, string>>; form: string } {
  noticeSessionEnd(error);
  if (!(error instanceof ApiError)) return { fields: {}, form: t("No connection. Nothing was sent; try again.") };
  const [fields, form] = formErrors(error.problem, inputFor(inputs));
  return { fields, form };
}

/**
 * One Idempotency-Key per body: a retry of the same body (after a lost answer) reuses the key, so
 * the API applies it once; a changed body gets a new key (the API refuses a key with another body).
 */
export class KeyPerBody {
  private body = "";
  private key = "";

  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (text !== this.body || !this.key) {
      this.body = text;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  /** After success: the next body, even an identical one, is a new submission. */
  reset(): void {
    this.body = "";
    this.key = "";
  }
}
