// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** What a part of the back office (one role's work) tells the frame: who sees it, its links, its views. */
import type { VNode } from "preact";
import type { Session } from "../api";

export interface NavLink {
  href: string;
  /** A function, so the label follows a change of the UI language. */
  label: () => string;
  /** Whether the link is the current page for this hash. */
  current: (hash: string) => boolean;
}

export interface Section {
  /** Roles that see this section (any one of them). */
  roles: readonly string[];
  /** The section's start page, opened when the hash names no view of a section the user has. */
  home: string;
  nav: NavLink[];
  /** The view for this hash, or null when the hash is not one of this section's. */
  view: (hash: string, session: Session) => VNode | null;
}

export function sectionsFor(sections: readonly Section[], session: Session): Section[] {
  return sections.filter((section) => section.roles.some((role) => session.roles.includes(role)));
}
