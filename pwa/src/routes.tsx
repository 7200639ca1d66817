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
  /** The view's title (its heading and `document.title`) where it is not the label. */
  title?: () => string;
  /** A pictogram for the bottom bar: the `d` of one 24 × 24 stroked SVG path. */
  icon?: string;
  /** Roles that may open it (any of); others are sent home. Omitted: every signed-in user. */
  roles?: string[];
}

/** Every view of a signed-in user, in menu order. Add a view here and nowhere else. */
export const VIEWS: RouteDef[] = [
  { name: "home", load: async () => HomeView, label: () => t("Home"), icon: "M3 11l9-8 9 8M5 9v11h5v-6h4v6h5V9" },
  {
    name: "ask",
    load: () => import("./views/ask").then((m) => m.AskView),
    label: () => t("Ask a question"),
    icon: "M4 4h16v12H9l-5 4zM12 7v6M9 10h6",
    roles: ["resident"],
  },
  {
    name: "questions",
    load: () => import("./views/questions").then((m) => m.QuestionsView),
    label: () => t("My questions"),
    icon: "M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1",
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
    icon: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z",
  },
  { name: "service", load: () => import("./views/service").then((m) => m.ServiceView), title: () => t("Service") },
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
    title: () => t("My consent"),
    roles: ["resident"],
  },
  {
    name: "access",
    load: () => import("./views/access").then((m) => m.AccessView),
    title: () => t("Who looked at my data"),
    roles: ["resident"],
  },
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
    icon: "M12 20l-7-7a4.4 4.4 0 016.2-6.2l.8.8.8-.8A4.4 4.4 0 0119 13z",
    roles: ["volunteer"],
  },
  {
    name: "notifications",
    load: () => import("./views/notifications").then((m) => m.NotificationsView),
    label: () => t("Messages"),
    icon: "M6 16v-5a6 6 0 0112 0v5l2 2H4zM10 21h4",
  },
  {
    name: "settings",
    load: () => import("./views/settings").then((m) => m.SettingsView),
    label: () => t("Settings"),
    icon: "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4",
  },
];

/**
 * The bottom bar's views, most wanted first: the first four a user may open are in the bar, every
 * other view with a label is under "More".
 */
export const BAR = ["home", "ask", "volunteer", "questions", "notifications", "services"];

/** Whether a user with these roles may open the view. */
export function allowed(def: RouteDef, roles: string[]): boolean {
  return !def.roles || def.roles.some((role) => roles.includes(role));
}

/** The title of a route (`language`, `login` or a view's name): its heading, also the page's title. */
export function titleOf(route: string): string {
  if (route === "language") return t("Choose your language");
  if (route === "login") return t("Sign in");
  const def = VIEWS.find((v) => v.name === route);
  return (def?.title ?? def?.label)?.() ?? "";
}
