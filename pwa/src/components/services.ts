// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Service information shapes and category names, shared by the services views. */
import { t } from "../i18n";

export interface OpeningHours {
  day: number;
  opens: string;
  closes: string;
}

export interface ServiceSummary {
  id: string;
  category: string;
  title: string;
  summary: string;
  language: string;
  unreviewed?: boolean;
}

export interface Place {
  id: string;
  name: string;
  address: { street: string; house_number: string; postal_code: string; city: string };
  latitude: number;
  longitude: number;
  language: string;
  phone?: string | null;
  opening_hours?: OpeningHours[];
  accessibility?: string | null;
  /** Where the API says so: the accessibility text can come from further down the language chain. */
  accessibility_language?: string | null;
  unreviewed?: boolean;
}

export interface ServiceDetail extends ServiceSummary {
  category_name: string;
  updated_at: string;
  body_html?: string;
  /** The body can come from further down the language chain than the title. */
  body_language?: string | null;
  /** `language`: of the label, where the API says so. */
  links?: { url: string; label: string; language?: string | null }[];
  phones?: string[];
  opening_hours?: OpeningHours[];
  places?: Place[];
}

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
