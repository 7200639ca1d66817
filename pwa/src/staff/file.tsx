// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident's file as a caseworker reads it: their data, household, journey (overdue steps
 * marked), consent state and who looked at their data. Each part is its own GET, and the API
 * records each read in the processing log (so this very visit shows up under "who looked").
 */
import { useEffect, useState } from "preact/hooks";
import { type Page, request, type Schemas } from "../api";
import { formatDate, formatDay } from "../i18n";
import { failure } from "./forms";
import { t } from "./i18n";

type Detail = Schemas["ResidentDetail"];
type Member = Schemas["HouseholdMemberOut"];
type Journey = Schemas["JourneyOut"];
type Step = Schemas["StepOut"];
type Consent = Schemas["ConsentStateOut"];
type Access = Schemas["AccessLogEntry"];

/** A step is overdue when its due date is before today and it is not finished. */
export function isOverdue(step: Pick<Step, "due_date" | "status">, today: string): boolean {
  return !!step.due_date && step.due_date < today && !["done", "not_applicable"].includes(step.status);
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function stepStatusLabel(status: string): string {
  switch (status) {
    case "not_started":
      return t("Not started");
    case "in_progress":
      return t("In progress");
    case "waiting_for_municipality":
      return t("Waiting for us");
    case "done":
      return t("Done");
    case "not_applicable":
      return t("Not applicable");
    default:
      return status;
  }
}

function relationLabel(relation: string): string {
  if (relation === "partner") return t("Partner");
  if (relation === "child") return t("Child");
  return t("Other family member");
}

function consentLabel(state: string): string {
  switch (state) {
    case "granted":
      return t("Given");
    case "withdrawn":
      return t("Withdrawn");
    default:
      return t("Not asked yet");
  }
}

function actionLabel(action: string): string {
  switch (action) {
    case "read":
      return t("read");
    case "create":
      return t("created");
    case "update":
      return t("changed");
    case "delete":
      return t("deleted");
    case "export":
      return t("exported");
    default:
      return action;
  }
}

/** One part of the file: loads its own data; a failure shows in that part only. */
function useLoaded<T>(path: string): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setData(null);
    setError(null);
    request<T>(path).then(
      (r) => current && setData(r.data),
      (e) => current && setError(failure(e, t("No connection. Try again."))),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return { data, error };
}

function Part({ id, title, error, loaded, children }: { id: string; title: string; error: string | null; loaded: boolean; children: preact.ComponentChildren }) {
  return (
    <section class="card file-part" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {error && <p class="error">{error}</p>}
      {!loaded && !error && <p aria-busy="true">{t("Loading…")}</p>}
      {loaded && children}
    </section>
  );
}

export function ResidentData({ resident }: { resident: Detail }) {
  const rows: [string, string | null][] = [
    [t("Name used"), resident.preferred_name],
    [t("Full name"), resident.full_name],
    [t("Phone"), resident.phone],
    [t("Email"), resident.email],
    [t("Arrival date"), resident.arrival_date ? formatDay(resident.arrival_date) : null],
    [t("Caseworker"), resident.caseworker?.name ?? null],
    [t("Questions waiting for us"), String(resident.open_questions)],
  ];
  return (
    <section class="card file-part" aria-labelledby="data-title" data-testid="resident-data">
      <h2 id="data-title">{t("Data")}</h2>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd dir="auto">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function HouseholdPart({ id }: { id: string }) {
  const { data, error } = useLoaded<Member[]>(`/api/v1/admin/residents/${id}/household`);
  return (
    <Part id="household" title={t("Household")} error={error} loaded={!!data}>
      {data && data.length === 0 && <p>{t("No household members entered.")}</p>}
      {data && data.length > 0 && (
        <ul>
          {data.map((m) => (
            <li key={m.id}>
              <span dir="auto">{m.name}</span> ({relationLabel(m.relation)}
              {m.birth_year ? `, ${m.birth_year}` : ""})
              {m.school && (
                <>
                  {" "}
                  · <span dir="auto">{m.school}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}

export function JourneyPart({ id, today = localToday() }: { id: string; today?: string }) {
  const { data, error } = useLoaded<Journey>(`/api/v1/admin/residents/${id}/journey`);
  return (
    <Part id="journey" title={t("Journey")} error={error} loaded={!!data}>
      {data && data.steps.length === 0 && <p>{t("The journey has not started.")}</p>}
      {data && data.steps.length > 0 && (
        <>
          <p>{t("{done} of {total} steps done", { done: data.done, total: data.total })}</p>
          <ol class="steps">
            {data.steps.map((step) => {
              const overdue = isOverdue(step, today);
              return (
                <li key={step.id} data-overdue={overdue ? "yes" : "no"} class={overdue ? "overdue" : undefined}>
                  <span lang={step.language} dir="auto">
                    {step.title}
                  </span>
                  : {stepStatusLabel(step.status)}
                  {step.due_date && <> · {t("due {date}", { date: formatDay(step.due_date) })}</>}
                  {overdue && <strong class="error"> · {t("Overdue")}</strong>}
                  {step.is_next && <> · {t("Next step")}</>}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Part>
  );
}

export function ConsentPart({ id }: { id: string }) {
  const { data, error } = useLoaded<Consent[]>(`/api/v1/admin/residents/${id}/consents`);
  return (
    <Part id="consents" title={t("Consent")} error={error} loaded={!!data}>
      {data && (
        <ul>
          {data.map((c) => (
            <li key={c.purpose} data-purpose={c.purpose} data-state={c.state}>
              {c.label}: <strong>{consentLabel(c.state)}</strong>
              {c.since && <> {t("since {date}", { date: formatDate(c.since) })}</>}
              {c.text_changed && <> · {t("the text changed since")}</>}
            </li>
          ))}
        </ul>
      )}
    </Part>
  );
}

export function WhoLookedPart({ id }: { id: string }) {
  const [items, setItems] = useState<Access[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (cursor?: string) => {
    const params = new URLSearchParams({ limit: "20" });
    if (cursor) params.set("cursor", cursor);
    try {
      const r = await request<Page<Access>>(`/api/v1/admin/residents/${id}/access-log?${params}`);
      setItems((old) => [...(cursor ? (old ?? []) : []), ...r.data.items]);
      setNext(r.data.next_cursor);
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
    }
  };
  useEffect(() => {
    setItems(null);
    void load();
  }, [id]);
  return (
    <Part id="who-looked" title={t("Who looked")} error={error} loaded={!!items}>
      <p class="meta">{t("Every read or change of this resident's data by staff, newest first; the resident sees the same list in the app.")}</p>
      {items && (
        <table class="inbox">
          <thead>
            <tr>
              <th scope="col">{t("When")}</th>
              <th scope="col">{t("Who")}</th>
              <th scope="col">{t("What")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.occurred_at}>{formatDate(e.occurred_at)}</time>
                </td>
                <td dir="auto">{e.actor_name}</td>
                <td>
                  {actionLabel(e.action)}: {e.fields.join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t("Show more")}
        </button>
      )}
    </Part>
  );
}
