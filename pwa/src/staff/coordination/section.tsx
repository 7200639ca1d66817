// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The coordinator's part of the back office: volunteers (vetting, suspension) and help requests. */
import { t } from "../i18n";
import type { Section } from "../section";
import { HelpRequestsView } from "./help-requests";
import { VolunteersView, VolunteerView } from "./volunteers";

/** `#/volunteers`, `#/volunteers/<id>`, `#/help-requests`. */
export type CoordinatorRoute = { view: "volunteers" } | { view: "volunteer"; id: string } | { view: "help-requests" };

export function parseCoordinatorRoute(hash: string): CoordinatorRoute | null {
  const match = hash.match(/^#\/volunteers\/([0-9a-f-]{36})$/i);
  if (match) return { view: "volunteer", id: match[1] };
  if (hash === "#/volunteers") return { view: "volunteers" };
  if (hash === "#/help-requests") return { view: "help-requests" };
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
      default:
        return null;
    }
  },
};
