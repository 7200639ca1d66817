// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The coordinator's part of the back office: volunteers (vetting, suspension), help requests and reports about help. */
import { t } from "../i18n";
import type { Section } from "../section";
import { HelpRequestsView } from "./help-requests";
import { HelpReportsView } from "./reports";
import { VolunteersView, VolunteerView } from "./volunteers";

/** `#/volunteers`, `#/volunteers/<id>`, `#/help-requests`, `#/help-reports`. */
export type CoordinatorRoute =
  | { view: "volunteers" }
  | { view: "volunteer"; id: string }
  | { view: "help-requests" }
  | { view: "help-reports" };

export function parseCoordinatorRoute(hash: string): CoordinatorRoute | null {
  const match = hash.match(/^#\/volunteers\/([0-9a-f-]{36})$/i);
  if (match) return { view: "volunteer", id: match[1] };
  if (hash === "#/volunteers") return { view: "volunteers" };
  if (hash === "#/help-requests") return { view: "help-requests" };
  if (hash === "#/help-reports") return { view: "help-reports" };
  return null;
}

export const coordinatorSection: Section = {
  roles: ["coordinator"],
  home: "#/volunteers",
  nav: [
    {
      href: "#/volunteers",
      label: () => t("Volunteers"),
      current: (hash) => ["volunteers", "volunteer"].includes(parseCoordinatorRoute(hash)?.view ?? ""),
    },
    {
      href: "#/help-requests",
      label: () => t("Help requests"),
      current: (hash) => parseCoordinatorRoute(hash)?.view === "help-requests",
    },
    {
      href: "#/help-reports",
      label: () => t("Reports about help"),
      current: (hash) => parseCoordinatorRoute(hash)?.view === "help-reports",
    },
  ],
  view(hash) {
    const route = parseCoordinatorRoute(hash);
    switch (route?.view) {
      case "volunteers":
        return <VolunteersView />;
      case "volunteer":
        return <VolunteerView id={route.id} />;
      case "help-requests":
        return <HelpRequestsView />;
      case "help-reports":
        return <HelpReportsView />;
      default:
        return null;
    }
  },
};
