// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The coordinator's names for volunteers' vetting states, help categories and states, and ages. */
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

/** The resident app's names for help categories (the same msgids, so the same translations). */
export function categoryLabel(code: string): string {
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
}

export function helpStateLabel(code: string): string {
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
}

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
