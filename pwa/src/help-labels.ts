// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Names of help categories and states, shared by the resident's and the volunteer's views. */
import type { Schemas } from "./api";
import { formatDate, t } from "./i18n";

export const CATEGORIES = [
  "accompany_appointment",
  "language_help",
  "bike",
  "moving_furniture",
  "homework_help",
  "paperwork",
  "other",
] as const satisfies readonly Schemas["HelpCategory"][];

/** A `t` of the resident app (src/i18n.ts) or of the back office (src/staff/i18n.ts). */
export type Translate = (msgid: string, params?: Record<string, string | number>) => string;

/**
 * The names, with the `t` of the app that shows them: the back office (coordinator, reports)
 * uses the same msgids in its own catalog (scripts/compile-catalogs.mjs follows the back office's
 * imports to this module), so both apps name categories and states alike.
 */
export function helpLabels(t: Translate) {
  return {
    categoryLabel(code: string): string {
      switch (code) {
        case "accompany_appointment":
          return t("Go with me to an appointment");
        case "language_help":
          return t("Help with the language");
        case "bike":
          return t("Help with a bike");
        case "moving_furniture":
          return t("Help with moving furniture");
        case "homework_help":
          return t("Help with homework");
        case "paperwork":
          return t("Help with letters and forms");
        default:
          return t("Something else");
      }
    },
    stateLabel(code: string): string {
      switch (code) {
        case "open":
          return t("Waiting for a volunteer");
        case "claimed":
          return t("A volunteer will help");
        case "done":
          return t("Done");
        case "cancelled":
          return t("Cancelled");
        case "no_show":
          return t("Did not take place");
        default:
          return code;
      }
    },
  };
}

export const { categoryLabel, stateLabel } = helpLabels(t);

export interface HelpWindow {
  wanted_from: string;
  wanted_until: string;
}

export function windowText(r: HelpWindow): string {
  return t("{from} to {until}", { from: formatDate(r.wanted_from), until: formatDate(r.wanted_until) });
}
