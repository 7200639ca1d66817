// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Service items: the list with their status, and one item's Dutch texts to edit, the body in
 * markdown with a preview rendered by the API exactly as residents get it (and shown with the
 * resident app's own renderer), its links, phone numbers and opening hours (item-contact.tsx),
 * the places and journey steps it belongs to (item-places.tsx), publish and unpublish. Saving names the version read (`If-Match`); on a conflict (412) the
 * new version is loaded and the user's changes merged onto it field by field (merge.ts, shown by
 * MergeNotice), nothing typed is lost.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { request, type Schemas } from "../../api";
import { categoryLabel } from "../../components/services";
import { SafeHtml } from "../../components/safe-html";
import { formatDate } from "../../i18n";
import { failure, submitErrors, useLoaded } from "../forms";
import { t } from "../i18n";
import { ListStatus } from "../list-view";
import { MergeNotice } from "../merge-notice";
import { Alert, FieldError, invalid } from "../messages";
import { NO_ERRORS, useVersionedSave } from "../versioned-save";
import {
  CONTACT_FIELDS,
  type Contact,
  type ContactField,
  changedContact,
  ContactFields,
  contactBody,
  contactInputs,
  contactLabel,
  contactOf,
  contactSummary,
} from "./item-contact";
import {
  changedTargets,
  type Choices,
  TARGET_FIELDS,
  type TargetField,
  TargetFields,
  type Targets,
  targetInputs,
  targetLabel,
  targetSummary,
  targetsOf,
  targetValue,
  useChoices,
} from "./item-places";
import { sourceText, statusLabel } from "./labels";

export type AdminItem = Schemas["AdminItem"];
export const FIELDS = ["title", "summary", "body"] as const;
export type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;
/** Every field a conflict is merged by: the texts, and each contact list, the places and the journey steps as one value each. */
const MERGED = [...FIELDS, ...CONTACT_FIELDS, ...TARGET_FIELDS] as const;
type Merged = (typeof MERGED)[number];
type Values = Record<Merged, string>;

const isContact = (field: Merged): field is ContactField => (CONTACT_FIELDS as readonly string[]).includes(field);
const isTarget = (field: Merged): field is TargetField => (TARGET_FIELDS as readonly string[]).includes(field);

/** The texts and lists as strings to merge (a list as its JSON; places and steps in sorted order). */
function valuesOf(draft: Draft, contact: Contact, targets: Targets): Values {
  return {
    ...draft,
    links: JSON.stringify(contact.links),
    phones: JSON.stringify(contact.phones),
    opening_hours: JSON.stringify(contact.opening_hours),
    place_ids: targetValue(targets.place_ids),
    journey_steps: targetValue(targets.journey_steps),
  };
}

function contactOfValues(values: Values): Contact {
  return { links: JSON.parse(values.links), phones: JSON.parse(values.phones), opening_hours: JSON.parse(values.opening_hours) } as Contact;
}

function targetsOfValues(values: Values): Targets {
  return { place_ids: JSON.parse(values.place_ids), journey_steps: JSON.parse(values.journey_steps) };
}

function mergedName(field: Merged): string {
  return isContact(field) ? contactLabel(field) : isTarget(field) ? targetLabel(field) : fieldLabel(field);
}

function mergedValue(field: Merged, value: string, choices: Choices): string {
  if (isContact(field)) return contactSummary(field, { links: [], phones: [], opening_hours: [], [field]: JSON.parse(value) });
  return isTarget(field) ? targetSummary(field, JSON.parse(value), choices) : value;
}

export function ItemsView() {
  const { data: items, error } = useLoaded<AdminItem[]>("/api/v1/admin/services");
  return (
    <section aria-labelledby="items-title">
      <h1 id="items-title" tabIndex={-1}>
        {t("Service information")}
      </h1>
      <p>
        <a href="#/content/new">{t("New service item")}</a>
      </p>
      <ListStatus items={items} error={error}>
        {(items) => (
          <table class="inbox" data-testid="items">
            <thead>
              <tr>
                <th scope="col">{t("Title")}</th>
                <th scope="col">{t("Category")}</th>
                <th scope="col">{t("Status")}</th>
                <th scope="col">{t("Changed")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-item-id={item.id} data-status={item.status}>
                  <td>
                    <a href={`#/content/items/${item.id}`}>{sourceText(item.texts, "title")}</a>
                  </td>
                  <td>{categoryLabel(item.category)}</td>
                  <td>{statusLabel(item.status)}</td>
                  <td>
                    <time dateTime={item.updated_at}>{formatDate(item.updated_at)}</time>
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

/** The confirmation step before archiving: focus moves to its question; Escape or "Cancel" goes back to the button. */
function ConfirmArchive({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      class="notice"
      role="group"
      aria-labelledby="archive-question"
      tabIndex={-1}
      ref={ref}
      data-testid="confirm-archive"
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <p id="archive-question">{t("Archive this item? Residents no longer see it.")}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onConfirm}>
          {t("Yes, archive")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("Cancel")}
        </button>
      </div>
    </div>
  );
}

function draftOf(item: AdminItem): Draft {
  return { title: sourceText(item.texts, "title"), summary: sourceText(item.texts, "summary"), body: sourceText(item.texts, "body") };
}

/** The fields whose Dutch text differs between two versions of an item. */
export function changedFields(before: Draft, after: Draft): Field[] {
  return FIELDS.filter((field) => before[field] !== after[field]);
}

/** The preview column: the body as residents get it, rendered by the API. */
export function PreviewPanel({ html }: { html: string | null }) {
  return (
    <div>
      <h2>{t("Preview")}</h2>
      {html === null ? (
        <p class="meta">{t("The preview shows the text as residents see it.")}</p>
      ) : (
        <div class="card preview" data-testid="preview">
          <SafeHtml html={html} lang="nl" />
        </div>
      )}
    </div>
  );
}

/** The body's HTML as the API renders and cleans it on save. */
export async function renderPreview(body: string): Promise<string> {
  const r = await request<Schemas["PreviewOut"]>("/api/v1/admin/services/preview", { method: "POST", body: { body } });
  return r.data.html;
}

export function fieldLabel(field: Field): string {
  return field === "title" ? t("Title") : field === "summary" ? t("Summary") : t("Text (markdown)");
}

export function ItemView({ id }: { id: string }) {
  const [draft, setDraft] = useState<Draft>({ title: "", summary: "", body: "" });
  const [contact, setContact] = useState<Contact>({ links: [], phones: [], opening_hours: [] });
  const [targets, setTargets] = useState<Targets>({ place_ids: [], journey_steps: [] });
  const { choices, error: choicesError } = useChoices();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const archiveButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      const r = await request<AdminItem>(`/api/v1/admin/services/${id}`);
      setLoadError(null);
      return r.data;
    } catch (e) {
      setLoadError(failure(e, t("No connection. Try again.")));
      return null;
    }
  }, [id]);

  const { saved: item, setSaved: setItem, show, save, busy, errors, setErrors, merge, choose, status, setStatus } = useVersionedSave<AdminItem, Merged>(null, {
    fields: MERGED,
    valuesOf: (version) => valuesOf(draftOf(version), contactOf(version), targetsOf(version)),
    draft: valuesOf(draft, contact, targets),
    fill: (values) => {
      setDraft({ title: values.title, summary: values.summary, body: values.body });
      setContact(contactOfValues(values));
      setTargets(targetsOfValues(values));
    },
    current: load,
    inputs: [...FIELDS, ...contactInputs(contact), ...targetInputs(targets)],
  });

  useEffect(() => {
    setItem(null);
    void load().then((loaded) => loaded && show(loaded));
  }, [load]);

  if (loadError && !item) {
    return (
      <section>
        <h1 tabIndex={-1}>{t("Service information")}</h1>
        <Alert message={loadError} />
      </section>
    );
  }
  if (!item) return <p aria-busy="true">{t("Loading…")}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    const body = Object.fromEntries([
      ...changedFields(draftOf(item), draft).map((field) => [field, draft[field]]),
      ...changedContact(contactOf(item), contact).map((field) => [field, contactBody(contact, field)]),
      ...changedTargets(targetsOf(item), targets).map((field) => [field, targets[field]]),
    ]);
    void save(
      async (ifMatch) => (await request<AdminItem>(`/api/v1/admin/services/${id}`, { method: "PATCH", body, headers: ifMatch })).data,
      t("Saved."),
    );
  };

  const reload = async () => {
    const now = await load();
    if (now) show(now);
  };

  const showPreview = async () => {
    try {
      setPreview(await renderPreview(draft.body));
      setErrors((current) => ({ ...current, fields: { ...current.fields, body: undefined } }));
    } catch (e) {
      setPreview(null);
      setErrors(submitErrors(e, FIELDS));
    }
  };

  const visibility = async (action: "publish" | "unpublish") => {
    setStatus("");
    setErrors(NO_ERRORS);
    try {
      const r = await request<AdminItem>(`/api/v1/admin/services/${id}/${action}`, { method: "POST", body: {} });
      setItem(r.data);
      setStatus(action === "publish" ? t("Published: residents see this item.") : t("Unpublished: residents no longer see this item."));
    } catch (e) {
      setErrors({ fields: {}, form: failure(e, t("No connection. Nothing was sent; try again.")) });
    }
  };

  const archive = async () => {
    setStatus("");
    setErrors(NO_ERRORS);
    try {
      await request<AdminItem>(`/api/v1/admin/services/${id}/archive`, { method: "POST", body: {} });
      location.hash = "#/content";
    } catch (e) {
      setConfirming(false);
      setErrors({ fields: {}, form: failure(e, t("No connection. Nothing was sent; try again.")) });
    }
  };

  const input = (field: Field, multiline: boolean) => {
    const error = errors.fields[field];
    const props = {
      id: `item-${field}`,
      value: draft[field],
      lang: "nl",
      ...invalid(`item-${field}`, error),
      onInput: (e: Event) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <>
        <label for={`item-${field}`}>{fieldLabel(field)}</label>
        {multiline ? <textarea rows={field === "body" ? 14 : 3} {...props} /> : <input type="text" class="wide" {...props} />}
        <FieldError id={`item-${field}`} error={error} />
      </>
    );
  };

  return (
    <section aria-labelledby="item-heading">
      <p>
        <a href="#/content">{t("Back to the service information")}</a>
      </p>
      <h1 id="item-heading" tabIndex={-1}>
        {sourceText(item.texts, "title")}
      </h1>
      <p class="meta" data-testid="item-status">
        {t("Status")}: <strong>{statusLabel(item.status)}</strong> · {categoryLabel(item.category)} ·{" "}
        {t("Changed")} <time dateTime={item.updated_at}>{formatDate(item.updated_at)}</time>
      </p>
      <div class="row">
        {item.status === "published" ? (
          <button type="button" onClick={() => void visibility("unpublish")}>
            {t("Unpublish")}
          </button>
        ) : (
          <button type="button" onClick={() => void visibility("publish")}>
            {t("Publish")}
          </button>
        )}
        {item.status !== "archived" && (
          <button type="button" ref={archiveButton} aria-expanded={confirming} onClick={() => setConfirming(true)}>
            {t("Archive")}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmArchive
          onConfirm={() => void archive()}
          onCancel={() => {
            setConfirming(false);
            archiveButton.current?.focus();
          }}
        />
      )}
      <div class="columns">
        <form class="card" aria-labelledby="item-form-title" onSubmit={submit} noValidate>
          <h2 id="item-form-title">{t("Dutch text (the source of every translation)")}</h2>
          {input("title", false)}
          {input("summary", true)}
          {input("body", true)}
          <h2>{t("Links, phone numbers and opening hours")}</h2>
          <ContactFields contact={contact} onChange={setContact} errors={errors.fields} />
          <h2>{t("Places and journey steps")}</h2>
          <TargetFields targets={targets} onChange={setTargets} choices={choices} loadError={choicesError} errors={errors.fields} />
          <Alert message={errors.form} />
          {merge && (
            <MergeNotice
              merge={merge}
              draft={valuesOf(draft, contact, targets)}
              message={t("Someone else changed this item in the meantime. Your changes are kept on top of theirs; check and save again.")}
              fieldName={mergedName}
              valueLabel={(field, value) => mergedValue(field, value, choices)}
              choose={choose}
              reload={() => void reload()}
            />
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t("Save")}
            </button>
            <button type="button" onClick={() => void showPreview()}>
              {t("Preview")}
            </button>
          </div>
        </form>
        <PreviewPanel html={preview} />
      </div>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
