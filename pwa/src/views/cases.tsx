// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import type { Schemas } from "../api";
import type { ViewProps } from "../routes";
import { formatDate, t } from "../i18n";
import { ReadState, usePagedRead } from "../components/read";
import { caseNumber } from "../reference";

type Case = Schemas["CaseOut"];

function kindLabel(kind: string): string {
  if (kind === "question") return t("Question");
  if (kind === "document") return t("Document");
  return kind;
}

const PATH = "/api/v1/me/cases?limit=20";

/** My cases: what I sent the municipality and where each case stands. */
export function CasesView(_: ViewProps) {
  const { read, items, hasMore, loadMore } = usePagedRead<Case>(PATH);

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title" tabIndex={-1}>
        {t("My cases")}
      </h1>
      <details class="explain" data-testid="what-is-a-case">
        <summary>{t("What is a case?")}</summary>
        <p>
          {t(
            "A case (in Dutch: {term}) is how the municipality keeps track of what you asked or sent. Its number and status show where it stands. Mention the number if you call the municipality.",
            { term: "zaak" },
          )}
        </p>
      </details>
      <ReadState read={read} />
      {read.data && items.length === 0 && (
        <div class="empty">
          <p>
            <strong>{t("You have no cases yet.")}</strong>
          </p>
          <p>{t("Every question or document you send becomes a case. It appears here with its status.")}</p>
          <div class="actions">
            <a class="button primary" href="#/ask">
              {t("Ask a question")}
            </a>
            <a class="button" href="#/documents">
              {t("Send a document")}
            </a>
          </div>
        </div>
      )}
      {items.length > 0 && (
        <ul class="list" data-testid="cases">
          {items.map((c) => (
            <li key={c.interaction_id} class="card" data-case-id={c.interaction_id}>
              <h2 class="card-title">
                {caseNumber(c)
                  ? t("{kind}: case {number}", { kind: kindLabel(c.kind), number: caseNumber(c) })
                  : kindLabel(c.kind)}
              </h2>
              <p class="meta">
                {t("Sent on {date}", { date: formatDate(c.created_at) })}
              </p>
              <p class={c.registration.state === "registered" ? "badge ok" : "badge"} data-status>
                {c.status ?? t("Received, being registered")}
              </p>
              {c.status_set_at && (
                <p class="meta">
                  {t("Last change: {date}", { date: formatDate(c.status_set_at) })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <button type="button" onClick={() => void loadMore()}>
          {t("Show more")}
        </button>
      )}
    </section>
  );
}
