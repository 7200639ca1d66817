// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The editor's and the reviewer's views and their hashes: `#/content` the service items,
 * `#/content/items/<id>` one item, `#/content/new` a new item, `#/content/places` the places,
 * `#/content/places/new` a new place, `#/content/places/<id>` one place, `#/content/journey` the
 * journey's Dutch texts, `#/content/consent` the consent texts' Dutch texts, `#/translations` the languages
 * with their progress, `#/translations/<lang>[/consent|/journey][?status=…]` one language side by side.
 */
import { isLanguage } from "../../i18n";

export const KINDS = ["services", "consent", "journey"] as const;
export type Kind = (typeof KINDS)[number];
export const STATUSES = ["all", "missing", "outdated", "unreviewed", "reviewed"] as const;
export type Status = (typeof STATUSES)[number];

export type ContentRoute =
  | { view: "items" }
  | { view: "item"; id: string }
  | { view: "newItem" }
  | { view: "places" }
  | { view: "place"; id: string | null }
  | { view: "journey" }
  | { view: "consent" }
  | { view: "languages" }
  | { view: "language"; language: string; kind: Kind; status: Status };

const UUID = "([0-9a-f-]{36})";

export function parseContentRoute(hash: string): ContentRoute | null {
  const [path, query = ""] = hash.split("?");
  if (path === "#/content") return { view: "items" };
  if (path === "#/content/new") return { view: "newItem" };
  if (path === "#/content/places") return { view: "places" };
  if (path === "#/content/places/new") return { view: "place", id: null };
  if (path === "#/content/journey") return { view: "journey" };
  if (path === "#/content/consent") return { view: "consent" };
  const place = path.match(new RegExp(`^#/content/places/${UUID}$`, "i"));
  if (place) return { view: "place", id: place[1] };
  const item = path.match(new RegExp(`^#/content/items/${UUID}$`, "i"));
  if (item) return { view: "item", id: item[1] };
  if (path === "#/translations") return { view: "languages" };
  const language = path.match(/^#\/translations\/([a-z]{2,3})(?:\/(consent|journey))?$/);
  if (language && isLanguage(language[1]) && language[1] !== "nl") {
    const status = new URLSearchParams(query).get("status") ?? "all";
    return {
      view: "language",
      language: language[1],
      kind: (language[2] as Kind | undefined) ?? "services",
      status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : "all",
    };
  }
  return null;
}

/** The hash of a language's view of one kind of text with one status filter. */
export function languageHash(language: string, kind: Kind, status: Status = "all"): string {
  const path = `#/translations/${language}${kind === "services" ? "" : `/${kind}`}`;
  return status === "all" ? path : `${path}?status=${status}`;
}
