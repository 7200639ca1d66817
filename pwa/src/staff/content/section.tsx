// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The editor's part (service items and places) and the translators' part (editors and reviewers). */
import { t } from "../i18n";
import type { Section } from "../section";
import { ItemsView, ItemView } from "./items";
import { ConsentSourceView, JourneySourceView } from "./sources";
import { NewItemView } from "./new-item";
import { PlaceView } from "./place";
import { PlacesView } from "./places";
import { parseContentRoute } from "./routes";
import { LanguagesView, LanguageView } from "./translations";

const view = (hash: string) => parseContentRoute(hash)?.view ?? "";

export const contentSection: Section = {
  roles: ["editor", "admin"],
  home: "#/content",
  nav: [
    { href: "#/content", label: () => t("Service information"), current: (hash) => ["items", "item", "newItem"].includes(view(hash)) },
    { href: "#/content/places", label: () => t("Places"), current: (hash) => ["places", "place"].includes(view(hash)) },
    { href: "#/content/journey", label: () => t("Journey"), current: (hash) => view(hash) === "journey" },
    { href: "#/content/consent", label: () => t("Consent texts"), current: (hash) => view(hash) === "consent" },
  ],
  view(hash) {
    const route = parseContentRoute(hash);
    switch (route?.view) {
      case "items":
        return <ItemsView />;
      case "item":
        return <ItemView id={route.id} />;
      case "newItem":
        return <NewItemView />;
      case "places":
        return <PlacesView />;
      case "place":
        return <PlaceView key={route.id ?? "new"} id={route.id} />;
      case "journey":
        return <JourneySourceView />;
      case "consent":
        return <ConsentSourceView />;
      default:
        return null;
    }
  },
};

export const translationsSection: Section = {
  roles: ["editor", "reviewer", "admin"],
  home: "#/translations",
  nav: [
    {
      href: "#/translations",
      label: () => t("Translations"),
      current: (hash) => ["languages", "language"].includes(view(hash)),
    },
  ],
  view(hash, session) {
    const route = parseContentRoute(hash);
    const reviewer = session.roles.includes("reviewer");
    switch (route?.view) {
      case "languages":
        return <LanguagesView />;
      case "language":
        return <LanguageView language={route.language} kind={route.kind} status={route.status} reviewer={reviewer} />;
      default:
        return null;
    }
  },
};

/** Both, in the order of the header's links. */
export const CONTENT_SECTIONS: readonly Section[] = [contentSection, translationsSection];
