// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { Registration } from "./api";

/** First strong isolate … pop directional isolate: keeps "K7Q2-9MXA" in one left-to-right
 * piece inside Arabic, Farsi, Pashto or Sorani text. */
const FSI = "\u2068";
const PDI = "\u2069";

/** The case number a person reads out: the short reference (``K7Q2-9MXA``), isolated for
 * right-to-left text. A response cached before references existed has only the long zaak
 * identificatie; then that one, and "" when neither is known yet. */
export function caseNumber(item: { reference?: string | null; registration: Registration }): string {
  const number = item.reference || item.registration.zaak_identificatie;
  return number ? `${FSI}${number}${PDI}` : "";
}
