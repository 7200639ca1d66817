// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Consent states and texts as the API gives them, and what a change sends. */

export interface ConsentText {
  version: number;
  language: string;
  title: string;
  body: string;
  /** source | machine | translated | reviewed */
  translation_state?: string;
  reviewed: boolean;
}

export interface ConsentState {
  purpose: string;
  label: string;
  recipient_label: string;
  data_categories: string[];
  state: "granted" | "withdrawn" | "not_asked";
  since: string | null;
  granted_text_version: number | null;
  text: ConsentText | null;
  /** The authoritative Dutch text (same shape); null when `text` is already the Dutch one. */
  source_text?: ConsentText | null;
  /** The municipality refuses consent given on an unreviewed translation (409 when tried). */
  grant_requires_review?: boolean;
  text_changed: boolean;
}

export interface Change {
  purpose: string;
  action: "grant" | "withdraw";
  text_version: number;
  language: string;
}

/**
 * The text a grant is given on: the text shown, or — where the municipality accepts consent only
 * on a reviewed text and this translation is not reviewed — the authoritative Dutch text (null
 * when there is none to agree to).
 */
export function grantText(s: Pick<ConsentState, "text" | "source_text" | "grant_requires_review">): ConsentText | null {
  if (!s.text) return null;
  if (s.text.reviewed || !s.grant_requires_review) return s.text;
  return s.source_text ?? null;
}

/** What is sent to give or withdraw consent: the version and language of the text agreed to. */
export function changeBody(purpose: string, action: "grant" | "withdraw", text: ConsentText): Change {
  return { purpose, action, text_version: text.version, language: text.language };
}
