// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The team's conversation inbox: unanswered first, then oldest first (the API's
 * `order=unanswered_first`, across all pages), with the API's filters.
 */
import { useState } from "preact/hooks";
import type { Schemas } from "../api";
import { direction, formatDate } from "../i18n";
import { useList } from "./forms";
import { t } from "./i18n";
import { FilterSelect, Filters, ListStatus } from "./list-view";
import { SignalsPanel } from "./signals";
import { languageLabel, WAITING_FOR, waitingForLabel, workingDaysBetween } from "./labels";

export type Conversation = Schemas["ConversationOut"];

/** Unanswered questions first; within each group the oldest first. The API pages in this order;
 * applied again so rows loaded before a change (e.g. answered meanwhile) stay in it. */
export function inboxOrder(items: Conversation[]): Conversation[] {
  const unanswered = items.filter((c) => !c.first_answered_at);
  return [...unanswered, ...items.filter((c) => c.first_answered_at)];
}

/** The "Assigned" filter's values besides everyone. */
const ASSIGNED = ["mine", "unassigned"] as const;

export function InboxView({ now = () => new Date() }: { now?: () => Date }) {
  const [assigned, setAssigned] = useState("");
  const [waitingFor, setWaitingFor] = useState("");
  const params = new URLSearchParams({ order: "unanswered_first" });
  if (assigned) params.set("assigned", assigned);
  if (waitingFor) params.set("waiting_for", waitingFor);
  const { items, error, more } = useList<Conversation>(`/api/v1/admin/conversations?${params}`);

  const shown = items ? inboxOrder(items) : null;
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title" tabIndex={-1}>
        {t("Conversations")}
      </h1>
      <SignalsPanel />
      <Filters>
        <FilterSelect
          id="filter-assigned"
          label={t("Assigned")}
          value={assigned}
          onChange={setAssigned}
          all={t("Everyone")}
          options={ASSIGNED}
          optionLabel={(option) => (option === "mine" ? t("To me") : t("Unassigned"))}
        />
        <FilterSelect id="filter-waiting" label={t("Waiting for")} value={waitingFor} onChange={setWaitingFor} all={t("Everyone")} options={WAITING_FOR} optionLabel={waitingForLabel} />
      </Filters>
      <ListStatus items={shown} error={error} empty={t("No conversations.")} more={more}>
        {(shown) => (
          <table class="inbox" data-testid="inbox">
            <caption class="visually-hidden">{t("Unanswered questions first, then the oldest first.")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("Question")}</th>
                <th scope="col">{t("Language")}</th>
                <th scope="col">{t("Asked")}</th>
                <th scope="col">{t("Age (working days)")}</th>
                <th scope="col">{t("Status")}</th>
                <th scope="col">{t("Assigned")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const language = languageLabel(c.question.language);
                return (
                  <tr key={c.question.id} data-question-id={c.question.id} data-answered={c.first_answered_at ? "yes" : "no"}>
                    <td>
                      <a href={`#/conversations/${c.question.id}`} lang={c.question.language} dir={direction(c.question.language)}>
                        {c.question.text.length > 90 ? c.question.text.slice(0, 90) + "…" : c.question.text}
                      </a>
                    </td>
                    <td>
                      <span class="language">{language.name}</span>
                      {language.own !== language.name && (
                        <>
                          {" "}
                          <span lang={c.question.language} dir={direction(c.question.language)}>
                            ({language.own})
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      <time dateTime={c.question.created_at}>{formatDate(c.question.created_at)}</time>
                    </td>
                    <td>{workingDaysBetween(new Date(c.question.created_at), now())}</td>
                    <td>
                      {c.first_answered_at ? t("Answered") : <strong>{t("Unanswered")}</strong>}
                      <br />
                      {waitingForLabel(c.waiting_for)}
                      {c.needs_interpreter && (
                        <>
                          <br />
                          {t("Needs an interpreter")}
                        </>
                      )}
                    </td>
                    <td>{c.assigned_to ? c.assigned_to.name ?? t("A colleague") : t("Unassigned")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}
