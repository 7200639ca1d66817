// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The municipality's audit log for records management, newest first, 50 at a time: filters on
 * one resident (the API records that look-up in the log itself), on one colleague (any account
 * of the municipality that is not a resident's, from `GET /admin/colleagues`; the API filters on
 * `actor_account_id`), and on a period. Field errors from the API appear at their filter.
 */
import { useEffect, useState } from "preact/hooks";
import { type Page, request, type Schemas } from "../../api";
import { formatDate } from "../../i18n";
import { submitErrors } from "../forms";
import { fieldGroupLabel } from "../file";
import { t } from "../i18n";
import { ListStatus } from "../list-view";
import { FieldError, invalid } from "../messages";

export type AuditEvent = Schemas["AuditEventOut"];
type Colleague = Schemas["ColleagueOut"];

function roleLabel(role: string): string {
  switch (role) {
    case "caseworker":
      return t("caseworker");
    case "coordinator":
      return t("coordinator");
    case "records_manager":
      return t("records manager");
    case "editor":
      return t("editor");
    case "reviewer":
      return t("reviewer");
    case "volunteer":
      return t("volunteer");
    case "admin":
      return t("administrator");
    default:
      return role;
  }
}

/** A colleague in the filter: their name and roles. */
export function colleagueLabel(c: Colleague): string {
  const name = c.name ?? t("A colleague");
  return c.roles.length ? `${name} (${c.roles.map(roleLabel).join(", ")})` : name;
}

export interface AuditFilters {
  resident_id: string;
  actor_account_id: string;
  since: string; // YYYY-MM-DD, from the start of that day
  until: string; // YYYY-MM-DD, to the end of that day
}

const INPUTS = ["resident_id", "actor_account_id", "since", "until"] as const;
type Input = (typeof INPUTS)[number];
export const NO_FILTERS: AuditFilters = { resident_id: "", actor_account_id: "", since: "", until: "" };

/** The query for the filters: days become instants in the browser's time zone (a whole day each). */
export function auditQuery(filters: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams({ limit: "50" });
  if (filters.resident_id.trim()) params.set("resident_id", filters.resident_id.trim());
  if (filters.actor_account_id) params.set("actor_account_id", filters.actor_account_id);
  const day = (value: string, end: boolean) => {
    const [y, m, d] = value.split("-").map(Number);
    const date = end ? new Date(y, m - 1, d + 1) : new Date(y, m - 1, d);
    return isNaN(date.getTime()) ? value : date.toISOString();
  };
  if (filters.since) params.set("since", day(filters.since, false));
  if (filters.until) params.set("until", day(filters.until, true));
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/admin/audit-events?${params}`;
}

export function actionLabel(action: string): string {
  switch (action) {
    case "read":
      return t("Read");
    case "update":
      return t("Changed");
    case "create":
      return t("Created");
    case "erase":
      return t("Erased");
    case "export":
      return t("Exported");
    default:
      return action;
  }
}

export function AuditLogView() {
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [items, setItems] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [errors, setErrors] = useState<{ fields: Partial<Record<Input, string>>; form: string }>({ fields: {}, form: "" });

  const load = async (applied: AuditFilters, cursor?: string) => {
    try {
      const r = await request<Page<AuditEvent>>(auditQuery(applied, cursor));
      setItems((old) => [...(cursor ? (old ?? []) : []), ...r.data.items]);
      setNext(r.data.next_cursor);
      setErrors({ fields: {}, form: "" });
      return true;
    } catch (e) {
      // The filters typed stay in their fields; the error is shown at the one it is about.
      setErrors(submitErrors(e, INPUTS));
      return false;
    }
  };

  useEffect(() => {
    void load(NO_FILTERS);
    // Everyone who can appear in the log, not only those in the rows loaded.
    request<Colleague[]>("/api/v1/admin/colleagues").then(
      (r) => setColleagues(r.data),
      () => setColleagues([]),
    );
  }, []);

  const apply = async (event: Event) => {
    event.preventDefault();
    if (await load(draft)) setFilters(draft);
  };

  const set = (name: Input) => (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value });
  const field = (name: Input) => ({
    id: `audit-${name}`,
    ...invalid(`audit-${name}`, errors.fields[name]),
  });
  const fieldError = (name: Input) => <FieldError id={`audit-${name}`} error={errors.fields[name]} />;

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title" tabIndex={-1}>
        {t("Audit log")}
      </h1>
      <form class="filters audit-filters" aria-label={t("Filters")} onSubmit={(e) => void apply(e)} noValidate>
        <div>
          <label for="audit-resident_id">{t("Resident (id)")}</label>
          <input {...field("resident_id")} value={draft.resident_id} size={38} onInput={set("resident_id")} />
          {fieldError("resident_id")}
        </div>
        <div>
          <label for="audit-actor_account_id">{t("Colleague")}</label>
          <select {...field("actor_account_id")} value={draft.actor_account_id} onChange={set("actor_account_id")}>
            <option value="">{t("Everyone")}</option>
            {colleagues.map((c) => (
              <option key={c.account_id} value={c.account_id}>
                {colleagueLabel(c)}
              </option>
            ))}
          </select>
          {fieldError("actor_account_id")}
        </div>
        <div>
          <label for="audit-since">{t("From")}</label>
          <input {...field("since")} type="date" value={draft.since} onInput={set("since")} />
          {fieldError("since")}
        </div>
        <div>
          <label for="audit-until">{t("Until")}</label>
          <input {...field("until")} type="date" value={draft.until} onInput={set("until")} />
          {fieldError("until")}
        </div>
        <div class="filter-actions">
          <button type="submit" class="primary">
            {t("Apply filters")}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              void load(NO_FILTERS);
            }}
          >
            {t("Clear filters")}
          </button>
        </div>
      </form>
      <p class="meta">{t("Filtering on a resident is itself recorded in the audit log.")}</p>
      <ListStatus items={items} error={errors.form} empty={t("No entries.")} more={next ? () => void load(filters, next) : null}>
        {(items) => (
          <table class="inbox" data-testid="audit-events" data-filtered={filters === NO_FILTERS ? "no" : "yes"}>
            <thead>
              <tr>
                <th scope="col">{t("When")}</th>
                <th scope="col">{t("Who")}</th>
                <th scope="col">{t("What")}</th>
                <th scope="col">{t("Purpose")}</th>
                <th scope="col">{t("Resident (id)")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-actor={e.actor_account_id} data-resident={e.resident_id}>
                  <td>
                    <time dateTime={e.occurred_at}>{formatDate(e.occurred_at)}</time>
                  </td>
                  <td dir="auto">
                    {e.actor_name}
                    <br />
                    <span class="meta">{roleLabel(e.actor_role)}</span>
                  </td>
                  <td>
                    {actionLabel(e.action)}: <code>{e.resource}</code>
                    {e.fields.length > 0 && (
                      <>
                        <br />
                        <span class="meta">{e.fields.map(fieldGroupLabel).join(", ")}</span>
                      </>
                    )}
                  </td>
                  <td dir="auto">{e.purpose}</td>
                  <td>
                    <code class="id">{e.resident_id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}
