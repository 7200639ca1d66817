// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Service information shapes and category names, shared by the services views. */
import { t } from "../i18n";
import type { Schemas } from "../api";

export type OpeningHours = Schemas["OpeningHours"];

export type ServiceSummary = Schemas["ServiceSummary"];

export type Place = Schemas["PlaceOut"];

export type ServiceDetail = Schemas["ServiceDetail"];

/** The server's fixed categories, in its order. */
export const CATEGORIES = [
  "housing",
  "money",
  "health",
  "work",
  "children",
  "integration",
  "legal",
  "emergencies",
  "daily_life",
] as const;

export function categoryLabel(code: string): string {
  switch (code) {
    case "housing":
      return t("Housing");
    case "money":
      return t("Money and benefits");
    case "health":
      return t("Health");
    case "work":
      return t("Work and learning");
    case "children":
      return t("Children and school");
    case "integration":
      return t("Language and integration");
    case "legal":
      return t("Legal help");
    case "emergencies":
      return t("Emergencies");
    case "daily_life":
      return t("Daily life");
    default:
      return code;
  }
}

/** A hash parameter of the current view (`#/services?q=…`), following changes to the hash. */
export function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.split("?")[1] ?? "");
}
