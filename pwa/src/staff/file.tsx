// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident's file as a caseworker reads it: their data, household, journey (overdue steps
 * marked), consent state and who looked at their data. Each part is its own GET, and the API
 * records each read in the processing log (so this very visit shows up under "who looked").
 * The registered data (name, BSN, V-number, their sources and the legal basis) can be corrected
 * here, with `If-Match` and the field-by-field merge after a 412 (merge.ts), as can a journey
 * step (status, due date, who acts next, case reference, note). A caseworker can become the
 * resident's caseworker here, or hand the resident over to a colleague.
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas, type Session } from "../api";
import { formatDate, formatDay } from "../i18n";
import { colleagueLabel, useCaseworkers } from "./colleagues";
import { failure, submitErrors, useList, useLoaded } from "./forms";
import { t } from "./i18n";
import { LoadStatus, ShowMore } from "./list-view";
import { changedFields } from "./merge";
import { MergeNotice } from "./merge-notice";
import { Alert, FieldError, invalid } from "./messages";
import { useVersionedSave } from "./versioned-save";

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

/** The field groups the processing log names (`fields` of an access-log entry), in words. */
export function fieldGroupLabel(field: string): string {
  switch (field) {
    case "profile":
      return t("profile");
    case "contact":
      return t("contact details");
    case "registered_data":
      return t("registered data");
    case "household":
      return t("household");
    case "journey":
      return t("journey");
    case "consent":
    case "consents":
      return t("consent");
    case "access_log":
      return t("who looked");
    case "history":
      return t("data changes");
    case "caseworker":
      return t("caseworker");
    case "summary":
      return t("overview");
    case "questions":
    case "question":
      return t("questions");
    case "answers":
    case "answer":
      return t("answers");
    case "notes":
    case "note":
      return t("internal notes");
    case "documents":
      return t("documents");
    case "language":
      return t("language");
    case "reference":
      return t("case reference");
    case "registration":
      return t("registration in the case system");
    case "assignment":
      return t("assignment");
    case "waiting_for":
      return t("waiting for");
    case "needs_interpreter":
      return t("interpreter");
    case "activation_code":
      return t("activation code");
    case "erasure":
      return t("erasure");
    case "report":
      return t("help request report");
    default:
      return field;
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

function Part({ id, title, error, loaded, children }: { id: string; title: string; error: string | null; loaded: boolean; children: preact.ComponentChildren }) {
  return (
    <section class="card file-part" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <LoadStatus loaded={loaded} error={error} />
      {loaded && children}
    </section>
  );
}

/**
 * "Make me the caseworker" (`PUT …/caseworker`) with how the resident reaches you, shown to
 * them; hidden when the signed-in caseworker already is the resident's.
 */
export function BecomeCaseworker({ resident, session, setResident }: { resident: Detail; session: Session; setResident: (r: Detail) => void }) {
  const [contact, setContact] = useState("");
  const [error, setError] = useState<{ field: string; form: string }>({ field: "", form: "" });
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  if (resident.caseworker?.account_id === session.account_id) {
    return (
      <p role="status" data-testid="caseworker-status">
        {status || t("You are this resident's caseworker.")}
      </p>
    );
  }
  const become = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError({ field: "", form: "" });
    try {
      const r = await request<Detail>(`/api/v1/admin/residents/${resident.id}/caseworker`, { method: "PUT", body: { contact: contact.trim() || null } });
      setStatus(t("You are now this resident's caseworker."));
      setResident(r.data);
    } catch (e) {
      const found = submitErrors(e, ["contact"]);
      setError({ field: found.fields.contact ?? "", form: found.form });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void become(e)} noValidate data-testid="become-caseworker">
      <label for="caseworker-contact">{t("How the resident reaches you (optional)")}</label>
      <input
        id="caseworker-contact"
        type="text"
        value={contact}
        autoComplete="off"
        {...invalid("caseworker-contact", error.field)}
        onInput={(e) => setContact(e.currentTarget.value)}
      />
      <FieldError id="caseworker-contact" error={error.field} />
      <Alert message={error.form} />
      <p>
        <button type="submit" disabled={busy}>
          {t("Make me the caseworker")}
        </button>
      </p>
    </form>
  );
}

/**
 * Hand the resident over to a colleague (`PUT …/caseworker` with their `account_id`): one of the
 * municipality's caseworkers other than the resident's caseworker now. A refusal of the choice
 * shows at the field.
 */
export function AssignColleague({ resident, session, setResident }: { resident: Detail; session: Session; setResident: (r: Detail) => void }) {
  const colleagues = useCaseworkers().filter((c) => c.account_id !== resident.caseworker?.account_id);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<{ field: string; form: string }>({ field: "", form: "" });
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const assign = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError({ field: "", form: "" });
    setStatus("");
    try {
      const r = await request<Detail>(`/api/v1/admin/residents/${resident.id}/caseworker`, { method: "PUT", body: { account_id: chosen || null } });
      setStatus(t("{name} is now this resident's caseworker.", { name: r.data.caseworker?.name ?? t("A colleague") }));
      setChosen("");
      setResident(r.data);
    } catch (e) {
      const found = submitErrors(e, ["account_id"]);
      setError({ field: found.fields.account_id ?? "", form: found.form });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void assign(e)} noValidate data-testid="assign-caseworker">
      <label for="caseworker-colleague">{t("Hand over to a colleague")}</label>
      <select id="caseworker-colleague" value={chosen} {...invalid("caseworker-colleague", error.field)} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">{t("Choose a colleague")}</option>
        {colleagues.map((c) => (
          <option key={c.account_id} value={c.account_id}>
            {colleagueLabel(c, session.account_id)}
          </option>
        ))}
      </select>
      <FieldError id="caseworker-colleague" error={error.field} />
      <Alert message={error.form} />
      {status && <p role="status">{status}</p>}
      <p>
        <button type="submit" disabled={busy || !chosen}>
          {t("Assign")}
        </button>
      </p>
    </form>
  );
}

export function ResidentData({ resident, children }: { resident: Detail; children?: preact.ComponentChildren }) {
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
      {children}
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

/** What a caseworker changes of a step, as strings for the form and the merge (`""`: none). */
export const STEP_FIELDS = ["status", "due_date", "next_actor", "next_actor_name", "zaak_identificatie", "note"] as const;
type StepField = (typeof STEP_FIELDS)[number];
type StepValues = Record<StepField, string>;
const STEP_STATUSES = ["not_started", "in_progress", "waiting_for_municipality", "done", "not_applicable"] as const;
const ACTORS = ["", "resident", "municipality", "other"] as const;

export function stepValues(step: Step): StepValues {
  return {
    status: step.status,
    due_date: step.due_date ?? "",
    next_actor: step.next_actor ?? "",
    next_actor_name: step.next_actor_name ?? "",
    zaak_identificatie: step.zaak_identificatie ?? "",
    note: step.note ?? "",
  };
}

function actorLabel(actor: string): string {
  if (actor === "resident") return t("The resident");
  if (actor === "municipality") return t("The municipality");
  if (actor === "other") return t("Someone else");
  return t("Not set");
}

/** The body of the step's `PATCH`: what changed, an emptied due date or note as `null`. */
export function stepBody(saved: StepValues, draft: StepValues): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const field of changedFields(STEP_FIELDS, saved, draft)) body[field] = field === "status" ? draft.status : draft[field].trim() || null;
  return body;
}

function stepFieldName(field: StepField): string {
  if (field === "status") return t("Status");
  if (field === "due_date") return t("Due date");
  if (field === "next_actor") return t("Who acts next");
  if (field === "next_actor_name") return t("Name of who acts next");
  if (field === "zaak_identificatie") return t("Case reference");
  return t("Note for the resident");
}

/**
 * One step's status, due date and note for the resident, saved with `If-Match: "v<version>"` of
 * the step; field errors at their inputs; after a 412 the journey is read again and the draft
 * merged field by field, as for the registered data.
 */
function StepForm({ residentId, step, done, reloadJourney }: { residentId: string; step: Step; done: (j: Journey | null) => void; reloadJourney: () => Promise<Journey | null> }) {
  const [draft, setDraft] = useState<StepValues>(stepValues(step));
  const stepOf = (journey: Journey | null) => journey?.steps.find((s) => s.id === step.id) ?? null;
  const { save, busy, errors, merge, choose } = useVersionedSave<Step, StepField>(step, {
    fields: STEP_FIELDS,
    valuesOf: stepValues,
    draft,
    fill: setDraft,
    current: async () => stepOf(await reloadJourney()),
  });
  const prefix = `step-${step.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer: { journey?: Journey } = {};
    await save(async (ifMatch, saved) => {
      const base = saved ?? step;
      const r = await request<Journey>(`/api/v1/admin/residents/${residentId}/journey/steps/${base.id}`, {
        method: "PATCH",
        body: stepBody(stepValues(base), draft),
        headers: ifMatch,
      });
      answer.journey = r.data;
      return stepOf(r.data);
    });
    if (answer.journey) done(answer.journey);
  };

  const described = (field: StepField) => invalid(`${prefix}-${field}`, errors.fields[field]);
  const fieldError = (field: StepField) => <FieldError id={`${prefix}-${field}`} error={errors.fields[field]} />;

  /** A one-line text input with its label and error. */
  const textField = (field: "next_actor_name" | "zaak_identificatie", attributes: { dir?: "auto"; autoComplete?: "off" }) => (
    <div>
      <label for={`${prefix}-${field}`}>{stepFieldName(field)}</label>
      <input
        id={`${prefix}-${field}`}
        type="text"
        {...attributes}
        value={draft[field]}
        {...described(field)}
        onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
      />
      {fieldError(field)}
    </div>
  );

  return (
    <form class="step-form" onSubmit={(e) => void submit(e)} noValidate data-testid="step-form">
      <div>
        <label for={`${prefix}-status`}>{t("Status")}</label>
        <select id={`${prefix}-status`} value={draft.status} {...described("status")} onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}>
          {STEP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {stepStatusLabel(status)}
            </option>
          ))}
        </select>
        {fieldError("status")}
      </div>
      <div>
        <label for={`${prefix}-due_date`}>{t("Due date")}</label>
        <input id={`${prefix}-due_date`} type="date" value={draft.due_date} {...described("due_date")} onInput={(e) => setDraft({ ...draft, due_date: e.currentTarget.value })} />
        {fieldError("due_date")}
      </div>
      <div>
        <label for={`${prefix}-next_actor`}>{t("Who acts next")}</label>
        <select
          id={`${prefix}-next_actor`}
          value={draft.next_actor}
          {...described("next_actor")}
          onChange={(e) => {
            const actor = e.currentTarget.value;
            setDraft({ ...draft, next_actor: actor, next_actor_name: actor === "other" ? draft.next_actor_name : "" });
          }}
        >
          {ACTORS.map((actor) => (
            <option key={actor} value={actor}>
              {actorLabel(actor)}
            </option>
          ))}
        </select>
        {fieldError("next_actor")}
      </div>
      {draft.next_actor === "other" && textField("next_actor_name", { dir: "auto" })}
      {textField("zaak_identificatie", { autoComplete: "off" })}
      <div>
        <label for={`${prefix}-note`}>{t("Note for the resident")}</label>
        <textarea id={`${prefix}-note`} rows={3} dir="auto" value={draft.note} {...described("note")} onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })} />
        {fieldError("note")}
      </div>
      {merge && (
        <MergeNotice
          idPrefix={`${prefix}-merge`}
          testId={`${prefix}-conflict`}
          merge={merge}
          draft={draft}
          choose={choose}
          fieldName={stepFieldName}
          valueLabel={(field, value) => (field === "status" ? stepStatusLabel(value) : field === "next_actor" ? actorLabel(value) : value)}
          message={t("A colleague changed this step in the meantime. Your changes are kept on top of theirs; check and save again, or reload to drop yours.")}
          reload={() => done(null)}
        />
      )}
      <Alert message={errors.form} />
      <p>
        <button type="submit" class="primary" disabled={busy}>
          {t("Save")}
        </button>
        <button type="button" onClick={() => done(null)}>
          {t("Cancel")}
        </button>
      </p>
    </form>
  );
}

export function JourneyPart({ id, today = localToday() }: { id: string; today?: string }) {
  const [data, setData] = useState<Journey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const load = async (): Promise<Journey | null> => {
    try {
      const r = await request<Journey>(`/api/v1/admin/residents/${id}/journey`);
      setData(r.data);
      setError(null);
      return r.data;
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
      return null;
    }
  };
  useEffect(() => {
    setData(null);
    setEditing(null);
    void load();
  }, [id]);
  const finish = (journey: Journey | null) => {
    setEditing(null);
    if (journey) setData(journey);
    else void load();
  };
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
                <li key={step.id} data-step-key={step.key} data-overdue={overdue ? "yes" : "no"} class={overdue ? "overdue" : undefined}>
                  <span lang={step.language} dir="auto">
                    {step.title}
                  </span>
                  : {stepStatusLabel(step.status)}
                  {step.due_date && <> · {t("due {date}", { date: formatDay(step.due_date) })}</>}
                  {overdue && <strong class="error"> · {t("Overdue")}</strong>}
                  {step.is_next && <> · {t("Next step")}</>}{" "}
                  {editing !== step.id && (
                    <button type="button" aria-label={t("Change: step “{title}”", { title: step.title })} onClick={() => setEditing(step.id)}>
                      {t("Change")}
                    </button>
                  )}
                  {editing === step.id && <StepForm residentId={id} step={step} done={finish} reloadJourney={load} />}
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
  const { items, error, more } = useList<Access>(`/api/v1/admin/residents/${id}/access-log`, 20);
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
                  {actionLabel(e.action)}: {e.fields.map(fieldGroupLabel).join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore more={more} />
    </Part>
  );
}

/** The registered data as strings for the form and the merge (`""`: no value). */
export const REGISTERED_FIELDS = [
  "registered_name",
  "registered_name_source",
  "bsn",
  "bsn_source",
  "v_number",
  "v_number_source",
  "legal_basis",
] as const;
type RegisteredField = (typeof REGISTERED_FIELDS)[number];
type Registered = Record<RegisteredField, string>;

export function registeredValues(resident: Detail): Registered {
  const r = resident.registered;
  return {
    registered_name: r.registered_name ?? "",
    registered_name_source: r.registered_name_source ?? "",
    bsn: r.bsn ?? "",
    bsn_source: r.bsn_source ?? "",
    v_number: r.v_number ?? "",
    v_number_source: r.v_number_source ?? "",
    legal_basis: r.legal_basis ?? "",
  };
}

/**
 * The body of `PUT …/registered-data`: the legal basis (always required) and what changed; an
 * emptied value is `null` (cleared). A value sent goes with its source, which the API requires.
 */
export function registeredBody(saved: Registered, draft: Registered): Record<string, string | null> {
  const body: Record<string, string | null> = { legal_basis: draft.legal_basis.trim() };
  for (const field of changedFields(REGISTERED_FIELDS, saved, draft)) {
    if (field === "legal_basis") continue;
    body[field] = draft[field].trim() || null;
  }
  for (const field of ["registered_name", "bsn", "v_number"] as const) {
    if (typeof body[field] === "string") body[`${field}_source`] = draft[`${field}_source`].trim() || null;
  }
  return body;
}

function registeredLabel(field: RegisteredField): string {
  switch (field) {
    case "registered_name":
      return t("Registered name");
    case "bsn":
      return t("BSN");
    case "v_number":
      return t("V-number");
    case "legal_basis":
      return t("Legal basis for holding BSN and V-number");
    default:
      return t("Source (BRP, IND, COA …)");
  }
}

function registeredFieldName(field: RegisteredField): string {
  switch (field) {
    case "registered_name_source":
      return t("Source of the registered name");
    case "bsn_source":
      return t("Source of the BSN");
    case "v_number_source":
      return t("Source of the V-number");
    default:
      return registeredLabel(field);
  }
}

/**
 * The registered data, and a form to correct it. Saved with `If-Match: "v<version>"`; the API's
 * field errors appear at their inputs and what was typed stays. On a 412 the resident is read
 * again and the user's changes are merged into the new version (merge.ts): changes only the user
 * made are kept, a field both changed differently shows both values to choose from.
 */
export function RegisteredPart({ resident, setResident }: { resident: Detail; setResident: (r: Detail) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Registered>(registeredValues(resident));
  const [saved, setSaved] = useState(false);
  const { show, save, busy, errors, merge, choose } = useVersionedSave<Detail, RegisteredField>(resident, {
    fields: REGISTERED_FIELDS,
    valuesOf: registeredValues,
    draft,
    fill: setDraft,
    current: async () => {
      const now = (await request<Detail>(`/api/v1/admin/residents/${resident.id}`)).data;
      setResident(now);
      return now;
    },
  });
  const r = resident.registered;

  const open = () => {
    show(resident);
    setSaved(false);
    setEditing(true);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await save(async (ifMatch, version) => {
      const base = version ?? resident;
      const res = await request<Detail>(`/api/v1/admin/residents/${base.id}/registered-data`, {
        method: "PUT",
        body: registeredBody(registeredValues(base), draft),
        headers: ifMatch,
      });
      return res.data;
    });
    if (answer) {
      setResident(answer);
      setEditing(false);
      setSaved(true);
    }
  };

  const input = (field: RegisteredField, label = registeredLabel(field)) => (
    <div>
      <label for={`registered-${field}`}>{label}</label>
      <input
        id={`registered-${field}`}
        value={draft[field]}
        dir="auto"
        autoComplete="off"
        inputMode={field === "bsn" || field === "v_number" ? "numeric" : undefined}
        {...invalid(`registered-${field}`, errors.fields[field])}
        onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
      />
      <FieldError id={`registered-${field}`} error={errors.fields[field]} />
    </div>
  );

  const withSource = (value: string | null, source: string | null) =>
    value ? (source ? t("{value} (source: {source})", { value, source }) : value) : "—";

  return (
    <section class="card file-part" aria-labelledby="registered-title" data-testid="registered-data">
      <h2 id="registered-title">{t("Registered data")}</h2>
      <dl class="facts">
        <div>
          <dt>{t("Registered name")}</dt>
          <dd dir="auto">{withSource(r.registered_name, r.registered_name_source)}</dd>
        </div>
        <div>
          <dt>{t("BSN")}</dt>
          <dd>{withSource(r.bsn, r.bsn_source)}</dd>
        </div>
        <div>
          <dt>{t("V-number")}</dt>
          <dd>{withSource(r.v_number, r.v_number_source)}</dd>
        </div>
        <div>
          <dt>{t("Legal basis")}</dt>
          <dd dir="auto">{r.legal_basis ?? "—"}</dd>
        </div>
      </dl>
      {saved && (
        <p role="status" data-testid="registered-saved">
          {t("Saved.")}
        </p>
      )}
      {!editing && (
        <button type="button" onClick={open}>
          {t("Correct registered data")}
        </button>
      )}
      {editing && (
        <form class="narrow-form" onSubmit={(e) => void submit(e)} noValidate>
          <fieldset>
            <legend>{t("Registered name")}</legend>
            {input("registered_name")}
            {input("registered_name_source")}
          </fieldset>
          <fieldset>
            <legend>{t("BSN")}</legend>
            {input("bsn")}
            {input("bsn_source")}
          </fieldset>
          <fieldset>
            <legend>{t("V-number")}</legend>
            {input("v_number")}
            {input("v_number_source")}
          </fieldset>
          {input("legal_basis")}
          <p class="meta">{t("Leave a value empty to remove it.")}</p>
          {merge && (
            <MergeNotice
              idPrefix="registered-merge"
              testId="registered-conflict"
              merge={merge}
              draft={draft}
              choose={choose}
              fieldName={registeredFieldName}
              message={t("A colleague changed this resident's data in the meantime. Your changes are kept on top of theirs; check and save again, or reload to drop yours.")}
              reload={open}
            />
          )}
          <Alert message={errors.form} />
          <p>
            <button type="submit" class="primary" disabled={busy}>
              {t("Save")}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t("Cancel")}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
