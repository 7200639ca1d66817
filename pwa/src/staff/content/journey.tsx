// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The journey's Dutch texts (`#/content/journey`): each step of the active template with its
 * Dutch title and explanation, the source of every translation. Saving sends
 * `PUT /admin/journey-texts/{step}/nl` with `If-Match` naming the step's version; translations
 * made from the older text are then marked outdated. On a 412 the step as it is now is loaded
 * and the user's changes merged onto it field by field (merge.ts); nothing typed is lost.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiError, request, type Schemas } from "../../api";
import { failure, submitErrors } from "../forms";
import { t } from "../i18n";
import { type Merge, mergeFields } from "../merge";
import { MergeNotice } from "../merge-notice";

type StepText = Schemas["StepTranslationOut"];
const FIELDS = ["title", "text"] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;
/** Any target language lists the Dutch source beside it; the source is what this view edits. */
const LIST = "/api/v1/admin/journey-texts?language=en";

function sourceOf(step: StepText): Draft {
  return { title: step.source_title, text: step.source_text };
}

function fieldLabel(field: Field): string {
  return field === "title" ? t("Title") : t("Text");
}

function StepSource({ step, refresh }: { step: StepText; refresh: () => Promise<StepText | null> }) {
  const [saved, setSaved] = useState(step);
  const [draft, setDraft] = useState<Draft>(sourceOf(step));
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form: string }>({ fields: {}, form: "" });
  const [merge, setMerge] = useState<Merge<Field> | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const id = `journey-source-${step.key}`;

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus("");
    try {
      const r = await request<StepText>(`/api/v1/admin/journey-texts/${step.key}/nl`, {
        method: "PUT",
        body: { title: draft.title, text: draft.text },
        headers: { "If-Match": `"v${saved.version ?? 0}"` },
      });
      const now = { ...saved, source_title: r.data.source_title, source_text: r.data.source_text, version: r.data.version };
      setSaved(now);
      setDraft(sourceOf(now));
      setMerge(null);
      setErrors({ fields: {}, form: "" });
      setStatus(t("Saved."));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        const now = await refresh();
        if (now) {
          const merged = mergeFields(FIELDS, sourceOf(saved), draft, sourceOf(now));
          setSaved(now);
          setMerge(merged);
          setDraft(merged.draft);
          setErrors({ fields: {}, form: "" });
        }
      } else {
        setErrors(submitErrors(e, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field) => {
    const inputId = `${id}-${field}`;
    const error = errors.fields[field];
    const props = {
      id: inputId,
      value: draft[field],
      lang: "nl",
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${inputId}-error` : undefined,
      onInput: (e: Event) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <>
        <label for={inputId}>{fieldLabel(field)}</label>
        {field === "text" ? <textarea rows={4} {...props} /> : <input type="text" class="wide" {...props} />}
        {error && (
          <p id={`${inputId}-error`} class="error">
            {error}
          </p>
        )}
      </>
    );
  };

  return (
    <form class="card" aria-labelledby={`${id}-heading`} data-step={step.key} onSubmit={(e) => void save(e)} noValidate>
      <h2 id={`${id}-heading`} lang="nl">
        {saved.source_title}
      </h2>
      {input("title")}
      {input("text")}
      {errors.form && (
        <p class="error" role="alert">
          {errors.form}
        </p>
      )}
      {merge && (
        <MergeNotice
          merge={merge}
          draft={draft}
          idPrefix={`${id}-merge`}
          message={t("Someone else changed this step in the meantime. Your changes are kept on top of theirs; check and save again.")}
          fieldName={fieldLabel}
          choose={(field, value) => setDraft({ ...draft, [field]: value })}
        />
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t("Save")}
        </button>
      </div>
      <p role="status" class="meta">
        {status}
      </p>
    </form>
  );
}

export function JourneySourceView() {
  const [steps, setSteps] = useState<StepText[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (): Promise<StepText[] | null> => {
    try {
      const r = await request<StepText[]>(LIST);
      setError(null);
      return r.data;
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
      return null;
    }
  };
  useEffect(() => {
    void load().then((data) => data && setSteps(data));
  }, []);

  return (
    <section aria-labelledby="journey-source-title">
      <h1 id="journey-source-title" tabIndex={-1}>
        {t("Journey")}
      </h1>
      <p>{t("The Dutch text of each step, the source of every translation. A change marks the translations outdated until they are updated.")}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!steps && !error && <p aria-busy="true">{t("Loading…")}</p>}
      {steps?.length === 0 && <p>{t("No texts here.")}</p>}
      {steps?.map((step) => (
        <StepSource
          key={step.key}
          step={step}
          refresh={async () => (await load())?.find((s) => s.key === step.key) ?? null}
        />
      ))}
    </section>
  );
}
