// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * A new service item: its category and Dutch title, summary and markdown body, with the item
 * page's preview. Sent with an Idempotency-Key that stays the same while the form does (a retry
 * after a lost answer creates one item); the API's field errors appear at their fields and what
 * was typed stays. On success the new (draft) item's page opens.
 */
import { useState } from "preact/hooks";
import { request } from "../../api";
import { CATEGORIES, categoryLabel } from "../../components/services";
import { KeyPerBody, submitErrors } from "../forms";
import { t } from "../i18n";
import { Alert, FieldError, invalid } from "../messages";
import { type AdminItem, fieldLabel, PreviewPanel, renderPreview } from "./items";

const INPUTS = ["category", "title", "summary", "body"] as const;
type Input = (typeof INPUTS)[number];

const keys = new KeyPerBody();

export function NewItemView() {
  const [draft, setDraft] = useState<Record<Input, string>>({ category: CATEGORIES[0], title: "", summary: "", body: "" });
  const [errors, setErrors] = useState<{ fields: Partial<Record<Input, string>>; form: string }>({ fields: {}, form: "" });
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const body = { ...draft };
    try {
      const r = await request<AdminItem>("/api/v1/admin/services", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": keys.for(body) },
      });
      keys.reset();
      location.hash = `#/content/items/${r.data.id}`;
    } catch (e) {
      setErrors(submitErrors(e, INPUTS));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async () => {
    try {
      setPreview(await renderPreview(draft.body));
      setErrors((current) => ({ ...current, fields: { ...current.fields, body: undefined } }));
    } catch (e) {
      setPreview(null);
      setErrors(submitErrors(e, INPUTS));
    }
  };

  const described = (field: Input) => {
    const error = errors.fields[field];
    return {
      id: `item-${field}`,
      value: draft[field],
      ...invalid(`item-${field}`, error),
      onInput: (e: Event) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
  };
  const message = (field: Input) => <FieldError id={`item-${field}`} error={errors.fields[field]} />;
  const text = (field: "title" | "summary" | "body") => (
    <>
      <label for={`item-${field}`}>{fieldLabel(field)}</label>
      {field === "title" ? (
        <input type="text" class="wide" lang="nl" {...described(field)} />
      ) : (
        <textarea rows={field === "body" ? 14 : 3} lang="nl" {...described(field)} />
      )}
      {message(field)}
    </>
  );

  return (
    <section aria-labelledby="new-item-heading">
      <p>
        <a href="#/content">{t("Back to the service information")}</a>
      </p>
      <h1 id="new-item-heading" tabIndex={-1}>
        {t("New service item")}
      </h1>
      <div class="columns">
        <form class="card" aria-labelledby="new-item-heading" onSubmit={(e) => void create(e)} noValidate>
          <label for="item-category">{t("Category")}</label>
          <select {...described("category")}>
            {CATEGORIES.map((code) => (
              <option key={code} value={code}>
                {categoryLabel(code)}
              </option>
            ))}
          </select>
          {message("category")}
          {text("title")}
          {text("summary")}
          {text("body")}
          <Alert message={errors.form} />
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t("Create")}
            </button>
            <button type="button" onClick={() => void showPreview()}>
              {t("Preview")}
            </button>
          </div>
        </form>
        <PreviewPanel html={preview} />
      </div>
    </section>
  );
}
