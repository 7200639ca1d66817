// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The caseworkers of the municipality (`GET /api/v1/admin/caseworkers`): whom a conversation or
 * a resident can be assigned to, and how each reads in a choice (the signed-in one marked "me").
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
import { t } from "./i18n";

export type Colleague = Schemas["CaseworkerRef"];

/** The municipality's caseworkers, loaded once; empty while loading or when the list failed. */
export function useCaseworkers(): Colleague[] {
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    request<Colleague[]>("/api/v1/admin/caseworkers").then(
      (r) => setColleagues(r.data),
      () => setColleagues([]),
    );
  }, []);
  return colleagues;
}

/** A colleague's name as an option reads: "(me)" after the signed-in caseworker's own. */
export function colleagueLabel(colleague: Colleague, mine: string): string {
  if (colleague.account_id === mine) return t("{name} (me)", { name: colleague.name ?? "" });
  return colleague.name ?? t("A colleague");
}
