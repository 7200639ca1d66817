// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Intake of a new resident (`#/residents/new`): the record (POST /admin/residents, with an
 * Idempotency-Key that stays the same for a retry of the same data), then an activation code and
 * the printable letter. The API's field errors appear at their inputs; nothing typed is lost.
 */
import { useRef, useState } from "preact/hooks";
import { request, type Schemas } from "../api";
import { LANGUAGES } from "../i18n";
import { failure, KeyPerBody, submitErrors } from "./forms";
import { t } from "./i18n";
import { languageLabel } from "./labels";
import { Alert, FieldError, invalid } from "./messages";
import { issueCodeAndOpenLetter } from "./residents";

type Detail = Schemas["ResidentDetail"];

export const INTAKE_FIELDS = ["preferred_name", "full_name", "preferred_language", "phone", "email", "arrival_date"] as const;
type Field = (typeof INTAKE_FIELDS)[number];

/** The request body: blank optional fields are left out (the API checks what is sent). */
export function intakeBody(values: Record<Field, string>): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = {
    preferred_name: values.preferred_name,
    preferred_language: values.preferred_language,
    become_caseworker: true,
  };
  for (const name of ["full_name", "phone", "email", "arrival_date"] as const) {
    if (values[name].trim()) body[name] = values[name].trim();
  }
  return body;
}

export function IntakeView() {
  const [values, setValues] = useState<Record<Field, string>>({
    preferred_name: "",
    full_name: "",
    preferred_language: "ar",
    phone: "",
    email: "",
    arrival_date: "",
  });
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  // After the record is made but the code failed: retry the code only, never a second record.
  const [created, setCreated] = useState<Detail | null>(null);
  const keys = useRef(new KeyPerBody());

  const set = (name: Field) => (e: Event) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      let resident = created;
      if (!resident) {
        const body = intakeBody(values);
        const r = await request<Detail>("/api/v1/admin/residents", {
          method: "POST",
          body,
          headers: { "Idempotency-Key": keys.current.for(body) },
        });
        resident = r.data;
        setCreated(resident);
        setErrors({ fields: {}, form: "" });
      }
      await issueCodeAndOpenLetter(resident);
    } catch (e) {
      if (created) setErrors({ fields: {}, form: failure(e, t("No connection. Nothing was sent; try again.")) });
      else setErrors(submitErrors(e, INTAKE_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: Field, label: string, type = "text", autocomplete = "off") => (
    <div>
      <label for={`intake-${name}`}>{label}</label>
      <input
        id={`intake-${name}`}
        type={type}
        value={values[name]}
        dir="auto"
        autoComplete={autocomplete}
        disabled={!!created}
        {...invalid(`intake-${name}`, errors.fields[name])}
        onInput={set(name)}
      />
      <FieldError id={`intake-${name}`} error={errors.fields[name]} />
    </div>
  );

  return (
    <section aria-labelledby="intake-title">
      <p>
        <a href="#/residents">{t("Residents")}</a>
      </p>
      <h1 id="intake-title" tabIndex={-1}>
        {t("New resident (intake)")}
      </h1>
      <form class="card narrow-form" onSubmit={(e) => void submit(e)} noValidate>
        {input("preferred_name", t("Name the resident wants to be called"))}
        {input("full_name", t("Full name (optional)"))}
        <div>
          <label for="intake-preferred_language">{t("Language of the letter and the app")}</label>
          <select
            id="intake-preferred_language"
            value={values.preferred_language}
            disabled={!!created}
            {...invalid("intake-preferred_language", errors.fields.preferred_language)}
            onChange={set("preferred_language")}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {languageLabel(l.code).name === l.name ? l.name : `${languageLabel(l.code).name} (${l.name})`}
              </option>
            ))}
          </select>
          <FieldError id="intake-preferred_language" error={errors.fields.preferred_language} />
        </div>
        {input("phone", t("Phone (optional)"), "tel")}
        {input("email", t("Email (optional)"), "email")}
        {input("arrival_date", t("Arrival date (optional)"), "date")}
        {created && (
          <p class="notice" role="status">
            {t("The resident was registered; the activation code could not be issued yet.")}
          </p>
        )}
        <Alert message={errors.form} />
        <button type="submit" class="primary" disabled={busy}>
          {created ? t("Issue activation code") : t("Register and issue activation code")}
        </button>
      </form>
    </section>
  );
}
