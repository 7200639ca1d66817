// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** Records management's part of the back office: registrations, the audit log, erasure requests, reports. */
import { t } from "../i18n";
import type { Section } from "../section";
import { AuditLogView } from "./audit-log";
import { ErasureRequestsView, ErasureRequestView } from "./erasure";
import { RegistrationsView } from "./registrations";
import { ReportsView } from "./reports";

/** `#/records`, `#/records/audit`, `#/records/erasure`, `#/records/erasure/<id>`, `#/records/reports`. */
export type RecordsRoute =
  | { view: "registrations" }
  | { view: "audit" }
  | { view: "erasures" }
  | { view: "erasure"; id: string }
  | { view: "reports" };

export function parseRecordsRoute(hash: string): RecordsRoute | null {
  const match = hash.match(/^#\/records\/erasure\/([0-9a-f-]{36})$/i);
  if (match) return { view: "erasure", id: match[1] };
  switch (hash) {
    case "#/records":
      return { view: "registrations" };
    case "#/records/audit":
      return { view: "audit" };
    case "#/records/erasure":
      return { view: "erasures" };
    case "#/records/reports":
      return { view: "reports" };
    default:
      return null;
  }
}

const link = (href: string, label: () => string, views: RecordsRoute["view"][]) => ({
  href,
  label,
  current: (hash: string) => views.includes(parseRecordsRoute(hash)?.view ?? ("" as RecordsRoute["view"])),
});

export const recordsSection: Section = {
  roles: ["records_manager"],
  home: "#/records",
  nav: [
    link("#/records", () => t("Registrations"), ["registrations"]),
    link("#/records/audit", () => t("Audit log"), ["audit"]),
    link("#/records/erasure", () => t("Erasure requests"), ["erasures", "erasure"]),
    link("#/records/reports", () => t("Reports"), ["reports"]),
  ],
  view(hash) {
    const route = parseRecordsRoute(hash);
    switch (route?.view) {
      case "registrations":
        return <RegistrationsView />;
      case "audit":
        return <AuditLogView />;
      case "erasures":
        return <ErasureRequestsView />;
      case "erasure":
        return <ErasureRequestView id={route.id} />;
      case "reports":
        return <ReportsView />;
      default:
        return null;
    }
  },
};
