// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Names for content states, statuses and fields, and a text's Dutch source. */
import type { Schemas } from "../../api";
import { t } from "../i18n";

type Texts = Record<string, Schemas["TextOut"][]>;

/** A field's Dutch source text (empty when the field has none). */
export function sourceText(texts: Texts, field: string): string {
  return texts[field]?.find((text) => text.language === "nl")?.text ?? "";
}

export function statusLabel(status: string): string {
  switch (status) {
    case "draft":
      return t("Draft");
    case "published":
      return t("Published");
    case "archived":
      return t("Archived");
    default:
      return status;
  }
}

/** A translation's state; null is a translation that does not exist yet. */
export function stateLabel(state: string | null | undefined): string {
  switch (state) {
    case "machine":
      return t("Machine translation");
    case "translated":
      return t("Translated, not reviewed");
    case "reviewed":
      return t("Reviewed");
    default:
      return t("Missing");
  }
}

/** A translatable field of an item or a place (`title`, `link.0`, `name`, …). */
export function fieldName(field: string): string {
  const link = field.match(/^link\.(\d+)$/);
  if (link) return t("Link {n}", { n: Number(link[1]) + 1 });
  switch (field) {
    case "title":
      return t("Title");
    case "summary":
      return t("Summary");
    case "body":
    case "text":
      return t("Text");
    case "name":
      return t("Name");
    case "accessibility":
      return t("Accessibility");
    default:
      return field;
  }
}

/** Fields in the order an item or a place reads: title, summary, body, links; name, accessibility. */
export function fieldOrder(field: string): number {
  const link = field.match(/^link\.(\d+)$/);
  if (link) return 10 + Number(link[1]);
  const index = ["title", "summary", "body", "name", "accessibility"].indexOf(field);
  return index < 0 ? 100 : index;
}
