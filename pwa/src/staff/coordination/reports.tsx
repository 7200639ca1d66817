// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * What residents reported about help they got (`GET /admin/volunteers/help-requests/reports`,
 * newest first; the API audits every report shown): when, the text in the resident's words, and
 * the volunteer concerned (their page, where the coordinator can suspend them).
 */
import type { Schemas } from "../../api";
import { formatDate } from "../../i18n";
import { useList } from "../forms";
import { t } from "../i18n";
import { ListStatus } from "../list-view";

type Report = Schemas["CoordinatorReportOut"];

export function HelpReportsView() {
  const { items, error, more } = useList<Report>("/api/v1/admin/volunteers/help-requests/reports", 20);
  return (
    <section aria-labelledby="help-reports-title">
      <h1 id="help-reports-title" tabIndex={-1}>
        {t("Reports about help")}
      </h1>
      <p class="meta">{t("What residents reported about help they got, newest first. Reading them is recorded in the processing log.")}</p>
      <ListStatus items={items} error={error} empty={t("No reports.")} more={more}>
        {(items) => (
          <ul class="reports" data-testid="help-reports">
            {items.map((r) => (
              <li key={r.id} class="card" data-report-id={r.id}>
                <p class="meta">
                  <time dateTime={r.created_at}>{formatDate(r.created_at)}</time>
                </p>
                <blockquote dir="auto">{r.text}</blockquote>
                <p>
                  {r.volunteer_id ? <a href={`#/volunteers/${r.volunteer_id}`}>{t("The volunteer concerned")}</a> : t("No volunteer held the request.")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </ListStatus>
    </section>
  );
}
