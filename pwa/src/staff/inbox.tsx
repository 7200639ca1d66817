// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The team's conversation inbox: unanswered first, then oldest first (the API's
 * `order=unanswered_first`, across all pages), with the API's filters.
 */
import { useEffect, useState } from "preact/hooks";
import { type Page, request, type Schemas } from "../api";
import { direction, formatDate } from "../i18n";
import { failure } from "./forms";
import { t } from "./i18n";
import { SignalsPanel } from "./signals";
import { languageLabel, WAITING_FOR, waitingForLabel, workingDaysBetween } from "./labels";

export type Conversation = Schemas["ConversationOut"];

/** Unanswered questions first; within each group the oldest first. The API pages in this order;
 * applied again so rows loaded before a change (e.g. answered meanwhile) stay in it. */
export function inboxOrder(items: Conversation[]): Conversation[] {
  const unanswered = items.filter((c) => !c.first_answered_at);
  return [...unanswered, ...items.filter((c) => c.first_answered_at)];
}

export function InboxView({ now = () => new Date() }: { now?: () => Date }) {
  const [assigned, setAssigned] = useState("");
  const [waitingFor, setWaitingFor] = useState("");
  const [items, setItems] = useState<Conversation[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const query = (cursor?: string) => {
    const params = new URLSearchParams({ limit: "50", order: "unanswered_first" });
    if (assigned) params.set("assigned", assigned);
    if (waitingFor) params.set("waiting_for", waitingFor);
    if (cursor) params.set("cursor", cursor);
    return `/api/v1/admin/conversations?${params}`;
  };

  useEffect(() => {
    let current = true;
    setItems(null);
    request<Page<Conversation>>(query()).then(
      (r) => {
        if (!current) return;
        setItems(r.data.items);
        setNext(r.data.next_cursor);
        setError(null);
      },
      (e) => current && setError(failure(e, t("No connection. Try again."))),
    );
    return () => {
      current = false;
    };
  }, [assigned, waitingFor]);

  const more = async () => {
    if (!next) return;
    try {
      const r = await request<Page<Conversation>>(query(next));
      setItems((old) => [...(old ?? []), ...r.data.items]);
      setNext(r.data.next_cursor);
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
    }
  };

  const shown = items ? inboxOrder(items) : null;
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title" tabIndex={-1}>
        {t("Conversations")}
      </h1>
      <SignalsPanel />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="filter-assigned">{t("Assigned")}</label>
          <select id="filter-assigned" value={assigned} onChange={(e) => setAssigned(e.currentTarget.value)}>
            <option value="">{t("Everyone")}</option>
            <option value="mine">{t("To me")}</option>
            <option value="unassigned">{t("Unassigned")}</option>
          </select>
        </div>
        <div>
          <label for="filter-waiting">{t("Waiting for")}</label>
          <select id="filter-waiting" value={waitingFor} onChange={(e) => setWaitingFor(e.currentTarget.value)}>
            <option value="">{t("Everyone")}</option>
            {WAITING_FOR.map((w) => (
              <option key={w} value={w}>
                {waitingForLabel(w)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {shown === null && !error && <p aria-busy="true">{t("Loading…")}</p>}
      {shown && shown.length === 0 && <p>{t("No conversations.")}</p>}
      {shown && shown.length > 0 && (
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
      {next && (
        <button type="button" onClick={() => void more()}>
          {t("Show more")}
        </button>
      )}
    </section>
  );
}
