// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The coordinator's names for volunteers' vetting states, help categories and states, and ages. */
import { helpLabels } from "../../help-labels";
import { t } from "../i18n";

export const VOLUNTEER_STATES = ["unvetted", "vetted", "suspended"] as const;
export const HELP_STATES = ["open", "claimed", "done", "cancelled", "no_show"] as const;

export function vettingLabel(state: string): string {
  switch (state) {
    case "unvetted":
      return t("Awaiting vetting");
    case "vetted":
      return t("Vetted");
    case "suspended":
      return t("Suspended");
    default:
      return state;
  }
}

/** The resident app's names for help categories and states (src/help-labels.ts), in the back office's language. */
export const { categoryLabel, stateLabel: helpStateLabel } = helpLabels(t);

/** How long a request waited, as the API counts it (hours): hours below two days, else days. */
export function ageText(hours: number): string {
  if (hours < 48) return t("{hours} hours", { hours: Math.floor(hours) });
  return t("{days} days", { days: Math.floor(hours / 24) });
}

/** Whether a request is still open or held, so it can go to someone else. */
export function canReassign(state: string): boolean {
  return state === "open" || state === "claimed";
}

/** Today as `YYYY-MM-DD` in the browser's time zone (the default VOG date). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
