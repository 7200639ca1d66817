// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { ComponentType } from "preact";
import type { AppContext } from "./app";
import { t } from "./i18n";
import { HomeView } from "./views/home";

export interface ViewProps {
  ctx: AppContext;
  /** How many items wait in the offline queue. */
  waiting: number;
}

/** A view of a signed-in user, reached at `#/<name>`. */
export interface RouteDef {
  name: string;
  /**
   * The view. Everything beyond the first load is its own chunk (`import()`), fetched on the
   * first visit; the service worker precaches these chunks so every view also opens offline.
   */
  load: () => Promise<ComponentType<ViewProps>>;
  /** Label in the main menu; a route without one is reached from links in other views. */
  label?: () => string;
  /** Roles that may open it (any of); others are sent home. Omitted: every signed-in user. */
  roles?: string[];
}

/** Every view of a signed-in user, in menu order. Add a view here and nowhere else. */
export const VIEWS: RouteDef[] = [
  { name: "home", load: async () => HomeView, label: () => t("Home") },
  {
    name: "ask",
    load: () => import("./views/ask").then((m) => m.AskView),
    label: () => t("Ask a question"),
    roles: ["resident"],
  },
  {
    name: "questions",
    load: () => import("./views/questions").then((m) => m.QuestionsView),
    label: () => t("My questions"),
    roles: ["resident"],
  },
  {
    name: "journey",
    load: () => import("./views/journey").then((m) => m.JourneyView),
    label: () => t("My journey"),
    roles: ["resident"],
  },
  {
    name: "services",
    load: () => import("./views/services").then((m) => m.ServicesView),
    label: () => t("Services"),
  },
  { name: "service", load: () => import("./views/service").then((m) => m.ServiceView) },
  {
    name: "cases",
    load: () => import("./views/cases").then((m) => m.CasesView),
    label: () => t("My cases"),
    roles: ["resident"],
  },
  {
    name: "data",
    load: () => import("./views/data").then((m) => m.DataView),
    label: () => t("My data"),
    roles: ["resident"],
  },
  {
    name: "consent",
    load: () => import("./views/consent").then((m) => m.ConsentView),
    roles: ["resident"],
  },
  { name: "access", load: () => import("./views/access").then((m) => m.AccessView), roles: ["resident"] },
  {
    name: "documents",
    load: () => import("./views/documents").then((m) => m.DocumentsView),
    label: () => t("Send a document"),
    roles: ["resident"],
  },
  {
    name: "help",
    load: () => import("./views/help").then((m) => m.HelpView),
    label: () => t("Ask for help"),
    roles: ["resident"],
  },
  {
    name: "volunteer",
    load: () => import("./views/volunteer").then((m) => m.VolunteerView),
    label: () => t("Requests for help"),
    roles: ["volunteer"],
  },
  {
    name: "notifications",
    load: () => import("./views/notifications").then((m) => m.NotificationsView),
    label: () => t("Messages"),
  },
  {
    name: "settings",
    load: () => import("./views/settings").then((m) => m.SettingsView),
    label: () => t("Settings"),
  },
];

/** Whether a user with these roles may open the view. */
export function allowed(def: RouteDef, roles: string[]): boolean {
  return !def.roles || def.roles.some((role) => roles.includes(role));
}
