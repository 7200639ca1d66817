// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Consent states and texts as the API gives them, and what a change sends. */
import type { Schemas } from "../api";

export type ConsentText = Schemas["ConsentTextOut"];

export type ConsentState = Schemas["ConsentStateOut"];

export type Change = Schemas["ConsentChangeIn"];

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
