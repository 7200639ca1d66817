// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The caseworker's part of the back office: conversations, residents and activation letters. */
import { ConversationView } from "./conversation";
import { t } from "./i18n";
import { InboxView } from "./inbox";
import { IntakeView } from "./intake";
import { LetterView } from "./letter";
import { ResidentsView, ResidentView } from "./residents";
import type { Section } from "./section";

/**
 * `#/` the inbox, `#/conversations/<question id>` one conversation, `#/residents` the residents,
 * `#/residents/new` intake of a new resident, `#/residents/<id>` one resident's file,
 * `#/residents/<id>/letter` the activation letter just issued.
 */
export type Route =
  | { view: "inbox" }
  | { view: "conversation"; id: string }
  | { view: "residents" }
  | { view: "intake" }
  | { view: "resident"; id: string }
  | { view: "letter"; id: string };

const UUID = "([0-9a-f-]{36})";

/** The caseworker's view for a hash, or null for a hash of another section. */
export function parseRoute(hash: string): Route | null {
  let match = hash.match(new RegExp(`^#/conversations/${UUID}$`, "i"));
  if (match) return { view: "conversation", id: match[1] };
  match = hash.match(new RegExp(`^#/residents/${UUID}(/letter)?$`, "i"));
  if (match) return { view: match[2] ? "letter" : "resident", id: match[1] };
  if (hash === "#/residents") return { view: "residents" };
  if (hash === "#/residents/new") return { view: "intake" };
  return hash === "" || hash === "#" || hash === "#/" || hash.startsWith("#/conversations")
    ? { view: "inbox" }
    : null;
}

export const caseworkerSection: Section = {
  roles: ["caseworker"],
  home: "#/",
  nav: [
    {
      href: "#/",
      label: () => t("Conversations"),
      current: (hash) => ["inbox", "conversation"].includes(parseRoute(hash)?.view ?? ""),
    },
    {
      href: "#/residents",
      label: () => t("Residents"),
      current: (hash) => ["residents", "intake", "resident", "letter"].includes(parseRoute(hash)?.view ?? ""),
    },
  ],
  view(hash, session) {
    const route = parseRoute(hash);
    switch (route?.view) {
      case "inbox":
        return <InboxView />;
      case "conversation":
        return <ConversationView id={route.id} session={session} />;
      case "residents":
        return <ResidentsView />;
      case "intake":
        return <IntakeView />;
      case "resident":
        return <ResidentView id={route.id} session={session} />;
      case "letter":
        return <LetterView residentId={route.id} />;
      default:
        return null;
    }
  },
};
