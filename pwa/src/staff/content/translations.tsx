// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Translations: the languages (only a reviewer's own, as the API lists them) with their
 * progress, and one language side by side: each Dutch source beside its translation, with its
 * state (machine, translated, reviewed), outdated marks, save and approve; service information,
 * consent texts and the journey; the PO file for an agency (download and upload with the API's report).
 * Every save names the version read (`If-Match`); on a conflict (412) the text as it is now is
 * loaded and the user's wording merged onto it field by field (merge.ts), nothing typed is lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { API_BASE, ApiError, request, requestHeaders, type Schemas } from "../../api";
import { direction } from "../../i18n";
import { failure, useLoaded } from "../forms";
import { t } from "../i18n";
import { languageLabel } from "../labels";
import { FilterSelect, ListStatus } from "../list-view";
import { MergeNotice } from "../merge-notice";
import { Alert, FieldError, invalid } from "../messages";
import { type IfMatch, useVersionedSave, versionTag } from "../versioned-save";
import { fieldName, fieldOrder, sourceText, stateLabel } from "./labels";
import { type Kind, KINDS, languageHash, type Status, STATUSES } from "./routes";

type Progress = Schemas["LanguageProgress"];
type Entry = Schemas["TranslationEntry"];
type ConsentText = Schemas["ConsentTranslationOut"];
type StepText = Schemas["StepTranslationOut"];

function LanguageName({ code }: { code: string }) {
  const label = languageLabel(code);
  return (
    <>
      {label.name}
      {label.own !== label.name && (
        <>
          {" "}
          (
          <span lang={code} dir={direction(code)}>
            {label.own}
          </span>
          )
        </>
      )}
    </>
  );
}

export function LanguagesView() {
  const { data: rows, error } = useLoaded<Progress[]>("/api/v1/admin/translations/progress");
  return (
    <section aria-labelledby="languages-title">
      <h1 id="languages-title" tabIndex={-1}>
        {t("Translations")}
      </h1>
      <p>{t("Progress of the service information per language. Open a language to review its texts.")}</p>
      <ListStatus items={rows} error={error}>
        {(rows) => (
          <table class="inbox" data-testid="languages">
            <thead>
              <tr>
                <th scope="col">{t("Language")}</th>
                <th scope="col">{t("Reviewed")}</th>
                <th scope="col">{t("Translated, not reviewed")}</th>
                <th scope="col">{t("Machine translation")}</th>
                <th scope="col">{t("Missing")}</th>
                <th scope="col">{t("Outdated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.language} data-language={row.language}>
                  <th scope="row">
                    <a href={languageHash(row.language, "services")}>
                      <LanguageName code={row.language} />
                    </a>
                    <div class="progress-bar" aria-hidden="true">
                      <span style={{ inlineSize: `${row.total ? (100 * row.reviewed) / row.total : 0}%` }} />
                    </div>
                  </th>
                  <td>{t("{count} of {total}", { count: row.reviewed, total: row.total })}</td>
                  <td>{row.translated}</td>
                  <td>{row.machine}</td>
                  <td>{row.missing}</td>
                  <td>{row.outdated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}

function kindLabel(kind: Kind): string {
  return kind === "services" ? t("Service information") : kind === "consent" ? t("Consent texts") : t("Journey");
}

function statusFilterLabel(status: Status): string {
  switch (status) {
    case "missing":
      return t("Missing");
    case "outdated":
      return t("Outdated");
    case "unreviewed":
      return t("Not reviewed");
    case "reviewed":
      return t("Reviewed");
    default:
      return t("All");
  }
}

export function LanguageView({ language, kind, status, reviewer }: { language: string; kind: Kind; status: Status; reviewer: boolean }) {
  return (
    <section aria-labelledby="language-title" class="translations">
      <p>
        <a href="#/translations">{t("Back to the languages")}</a>
      </p>
      <h1 id="language-title" tabIndex={-1}>
        {t("Translations")}: <LanguageName code={language} />
      </h1>
      <nav aria-label={t("Kind of text")} class="tabs">
        {KINDS.map((k) => (
          <a key={k} href={languageHash(language, k)} aria-current={k === kind ? "page" : undefined}>
            {kindLabel(k)}
          </a>
        ))}
      </nav>
      <PoFile language={language} />
      {kind === "services" && <ServiceTexts language={language} status={status} reviewer={reviewer} />}
      {kind === "consent" && <ConsentTexts language={language} reviewer={reviewer} />}
      {kind === "journey" && <JourneyTexts language={language} reviewer={reviewer} />}
    </section>
  );
}

/** One text in Dutch beside its translation (one or two fields), its state, save and approve. */
interface PairField {
  name: string;
  label: string;
  source: string;
  value: string | null;
  multiline: boolean;
}

/** A translation as a save names it: the version read and the values of its fields. */
interface PairVersion {
  version: number;
  values: Record<string, string>;
}

function Pair({
  id,
  heading,
  language,
  fields,
  version,
  state,
  outdated,
  reviewer,
  onSave,
  onApprove,
  refresh,
}: {
  id: string;
  heading: string;
  language: string;
  fields: PairField[];
  /** The version read, named by `If-Match`. */
  version: number;
  state: string | null;
  outdated: boolean;
  reviewer: boolean;
  onSave: (values: Record<string, string>, ifMatch: IfMatch) => Promise<void>;
  onApprove: (values: Record<string, string>, changed: boolean, ifMatch: IfMatch) => Promise<void>;
  /** After a 412: reload, and answer this text's translation as stored now. */
  refresh: () => Promise<PairVersion | null>;
}) {
  const stored = (): PairVersion => ({ version, values: Object.fromEntries(fields.map((f) => [f.name, f.value ?? ""])) });
  const [values, setValues] = useState<Record<string, string>>(() => stored().values);
  // While a 412 is merged, the reloaded text must not replace the merge being made.
  const merging = useRef(false);
  const { show, save, busy, errors, merge, choose, status } = useVersionedSave<PairVersion, string>(stored(), {
    fields: fields.map((f) => f.name),
    valuesOf: (v) => v.values,
    draft: values,
    fill: setValues,
    current: async () => {
      merging.current = true;
      const now = await refresh();
      if (!now) merging.current = false;
      return now;
    },
    etag: (v) => versionTag(v.version),
  });
  const key = [version, ...fields.map((f) => f.value)].join("\u0000");
  useEffect(() => {
    // A saved or reviewed text shows as stored; a merge keeps the user's wording on top.
    if (merging.current) merging.current = false;
    else show(stored());
  }, [key]);
  const changed = fields.some((f) => values[f.name] !== (f.value ?? ""));
  const dir = direction(language);

  const act = (action: (ifMatch: IfMatch) => Promise<void>, done: string) =>
    void save(async (ifMatch) => {
      await action(ifMatch);
      return null;
    }, done);

  return (
    <article class="card pair" aria-labelledby={`${id}-heading`} data-pair={id} data-state={state ?? "missing"}>
      <h3 id={`${id}-heading`}>
        <span lang="nl">{heading}</span>{" "}
        <span class="state" data-testid="state">
          {stateLabel(state)}
        </span>
        {outdated && (
          <span class="outdated" data-testid="outdated">
            {t("Outdated: the Dutch text changed")}
          </span>
        )}
      </h3>
      {fields.map((f) => {
        const inputId = `${id}-${f.name}`;
        const error = errors.fields[f.name];
        const props = {
          id: inputId,
          value: values[f.name],
          lang: language,
          dir,
          ...invalid(inputId, error),
          onInput: (e: Event) => setValues({ ...values, [f.name]: (e.currentTarget as HTMLInputElement).value }),
        };
        return (
          <div class="side-by-side" key={f.name}>
            <div>
              <p class="label">
                {f.label} · {t("Dutch (source)")}
              </p>
              <p class="text source" lang="nl" dir="ltr">
                {f.source}
              </p>
            </div>
            <div>
              <label for={inputId}>
                {f.label} · {t("Translation")}
              </label>
              {f.multiline ? <textarea rows={Math.min(12, 2 + Math.ceil(f.source.length / 70))} {...props} /> : <input type="text" class="wide" {...props} />}
              <FieldError id={inputId} error={error} />
            </div>
          </div>
        );
      })}
      <Alert message={errors.form} />
      {merge && (
        <MergeNotice
          merge={merge}
          draft={values}
          idPrefix={`${id}-merge`}
          message={t("Someone else changed this translation in the meantime. Your wording is kept on top of theirs; check and save again.")}
          fieldName={(name) => fields.find((f) => f.name === name)?.label ?? name}
          choose={choose}
        />
      )}
      <div class="row">
        <button type="button" disabled={busy || !changed} onClick={() => act((ifMatch) => onSave(values, ifMatch), t("Saved."))}>
          {t("Save translation")}
        </button>
        {reviewer && (state || changed) && (
          <button type="button" class="primary" disabled={busy || (state === "reviewed" && !changed)} onClick={() => act((ifMatch) => onApprove(values, changed, ifMatch), t("Approved."))}>
            {changed ? t("Approve with my correction") : t("Approve")}
          </button>
        )}
      </div>
      <p role="status" class="meta">
        {status}
      </p>
    </article>
  );
}

function useList<T>(url: string) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A reload after a save keeps the list on screen (and the focus where it was) until the answer.
  const load = useCallback(
    (): Promise<T[] | null> =>
      request<T[]>(url).then(
        (r) => {
          setItems(r.data);
          setError(null);
          return r.data;
        },
        (e) => {
          setError(failure(e, t("No connection. Try again.")));
          return null;
        },
      ),
    [url],
  );
  useEffect(() => {
    setItems(null);
    setError(null);
    void load();
  }, [load]);
  return { items, setItems, error, load };
}

function ServiceTexts({ language, status, reviewer }: { language: string; status: Status; reviewer: boolean }) {
  const { items: entries, setItems, error } = useList<Entry>(`/api/v1/admin/translations?language=${language}&status=${status}`);
  const [owners, setOwners] = useState<Record<string, string>>({});
  useEffect(() => {
    // The Dutch title of each item and the name of each place head their texts.
    void Promise.all([
      request<Schemas["AdminItem"][]>("/api/v1/admin/services").then((r) => r.data.map((i) => [i.id, sourceText(i.texts, "title")])),
      request<Schemas["AdminPlace"][]>("/api/v1/admin/services/places").then((r) => r.data.map((p) => [p.id, sourceText(p.texts, "name")])),
    ]).then(
      ([items, places]) => setOwners(Object.fromEntries([...items, ...places])),
      () => undefined,
    );
  }, []);
  const groups = useMemo(() => {
    const byOwner = new Map<string, Entry[]>();
    for (const entry of entries ?? []) byOwner.set(entry.owner_id, [...(byOwner.get(entry.owner_id) ?? []), entry]);
    return [...byOwner.entries()].map(([owner, list]) => [owner, [...list].sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field))] as const);
  }, [entries]);

  const replace = (updated: Entry) =>
    setItems((all) => (all ?? []).map((e) => (e.owner_id === updated.owner_id && e.field === updated.field ? updated : e)));
  const url = (e: Entry) => `/api/v1/admin/translations/${e.owner_id}/${e.field}/${language}`;

  return (
    <>
      <div class="filters">
        <FilterSelect
          id="status-filter"
          label={t("Show")}
          value={status}
          onChange={(s) => (location.hash = languageHash(language, "services", s))}
          options={STATUSES}
          optionLabel={statusFilterLabel}
        />
      </div>
      <ListStatus items={entries} error={error} empty={t("No texts here.")}>
        {() =>
          groups.map(([owner, list]) => (
            <section key={owner} class="owner" aria-labelledby={`owner-${owner}`} data-owner-id={owner}>
              <h2 id={`owner-${owner}`} lang="nl">
                {owners[owner] ?? list[0].source_text}
              </h2>
              {list.map((e) => (
                <Pair
                  key={e.field}
                  id={`${owner}-${e.field.replace(".", "-")}`}
                  heading={fieldName(e.field)}
                  language={language}
                  fields={[{ name: "text", label: fieldName(e.field), source: e.source_text, value: e.text, multiline: e.field !== "title" && e.field !== "name" }]}
                  version={e.version ?? 0}
                  state={e.state}
                  outdated={e.outdated}
                  reviewer={reviewer}
                  onSave={async (values, ifMatch) =>
                    replace((await request<Entry>(url(e), { method: "PUT", body: { text: values.text, state: "translated" }, headers: ifMatch })).data)
                  }
                  onApprove={async (values, changed, ifMatch) =>
                    replace(
                      (
                        await request<Entry>(`${url(e)}/review`, {
                          method: "POST",
                          body: changed ? { text: values.text } : {},
                          headers: ifMatch,
                        })
                      ).data,
                    )
                  }
                  refresh={async () => {
                    // The text as stored now (whatever the filter shows), in place of the one read.
                    const all = (await request<Entry[]>(`/api/v1/admin/translations?language=${language}&status=all`)).data;
                    const now = all.find((x) => x.owner_id === e.owner_id && x.field === e.field);
                    if (!now) return null;
                    replace(now);
                    return { version: now.version ?? 0, values: { text: now.text ?? "" } };
                  }}
                />
              ))}
            </section>
          ))
        }
      </ListStatus>
    </>
  );
}

function ConsentTexts({ language, reviewer }: { language: string; reviewer: boolean }) {
  const { items, error, load } = useList<ConsentText>(`/api/v1/admin/consent-texts?language=${language}`);
  const base = "/api/v1/admin/consent-texts";
  // Adding a language keeps the text's version: "add, never replace" (412 if someone else's is there by now).
  const adding = (c: ConsentText): Record<string, string> => (c.title == null || c.outdated ? { "If-None-Match": "*" } : {});
  return (
    <ListStatus items={items} error={error} empty={t("No texts here.")}>
      {(items) =>
        items.map((c) => (
          <Pair
            key={c.purpose}
            id={`consent-${c.purpose}`}
            heading={c.source_title}
            language={language}
            fields={[
              { name: "title", label: t("Title"), source: c.source_title, value: c.title, multiline: false },
              { name: "body", label: t("Text"), source: c.source_body, value: c.body, multiline: true },
            ]}
            version={c.version}
            state={c.translation_state}
            outdated={c.outdated ?? false}
            reviewer={reviewer}
            onSave={async (values, ifMatch) => {
              await request(`${base}/${c.purpose}/${language}`, { method: "PUT", body: { ...values, state: "translated" }, headers: { ...ifMatch, ...adding(c) } });
              void load();
            }}
            onApprove={async (values, changed, ifMatch) => {
              // A correction is new wording (a new version): saved first, then that version approved.
              // An outdated text (from an earlier version) is saved for the current one first too.
              const version = changed || c.outdated
                ? (
                    await request<ConsentText>(`${base}/${c.purpose}/${language}`, {
                      method: "PUT",
                      body: { ...values, state: "translated" },
                      headers: { ...ifMatch, ...adding(c) },
                    })
                  ).data.version
                : c.version;
              await request(`${base}/${c.purpose}/${version}/${language}/review`, { method: "POST", body: {} });
              void load();
            }}
            refresh={async () => {
              const now = (await load())?.find((x) => x.purpose === c.purpose);
              return now ? { version: now.version, values: { title: now.title ?? "", body: now.body ?? "" } } : null;
            }}
          />
        ))
      }
    </ListStatus>
  );
}

function JourneyTexts({ language, reviewer }: { language: string; reviewer: boolean }) {
  const { items, error, load } = useList<StepText>(`/api/v1/admin/journey-texts?language=${language}`);
  const base = "/api/v1/admin/journey-texts";
  return (
    <ListStatus items={items} error={error} empty={t("No texts here.")}>
      {(items) =>
        items.map((s) => (
          <Pair
            key={s.key}
            id={`journey-${s.key}`}
            heading={s.source_title}
            language={language}
            fields={[
              { name: "title", label: t("Title"), source: s.source_title, value: s.title, multiline: false },
              { name: "text", label: t("Text"), source: s.source_text, value: s.text, multiline: true },
            ]}
            version={s.version ?? 0}
            state={s.translation_state}
            outdated={s.outdated ?? false}
            reviewer={reviewer}
            onSave={async (values, ifMatch) => {
              await request(`${base}/${s.key}/${language}`, { method: "PUT", body: { ...values, state: "translated" }, headers: ifMatch });
              void load();
            }}
            onApprove={async (values, changed, ifMatch) => {
              if (changed) {
                await request(`${base}/${s.key}/${language}`, { method: "PUT", body: { ...values, state: "translated" }, headers: ifMatch });
              }
              await request(`${base}/${s.key}/${language}/review`, { method: "POST", body: {} });
              void load();
            }}
            refresh={async () => {
              const now = (await load())?.find((x) => x.key === s.key);
              return now ? { version: now.version ?? 0, values: { title: now.title ?? "", text: now.text ?? "" } } : null;
            }}
          />
        ))
      }
    </ListStatus>
  );
}

type ImportResult = Schemas["ImportResult"];

/** The PO file for a translation agency: download this language's, upload the agency's. */
function PoFile({ language }: { language: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (event: Event) => {
    event.preventDefault();
    setReport(null);
    setError(null);
    if (!file) {
      setError(t("Choose a PO file first."));
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`${API_BASE}/api/v1/admin/translations/import?language=${language}`, {
        method: "POST",
        headers: requestHeaders("POST", { "Content-Type": "text/x-gettext-translation; charset=utf-8" }),
        body: await file.text(),
        credentials: API_BASE ? "include" : "same-origin",
      });
      const parsed: unknown = await response.json().catch(() => ({}));
      if (!response.ok) throw new ApiError(response.status, parsed as ApiError["problem"]);
      setReport(parsed as ImportResult);
    } catch (e) {
      setError(failure(e, t("No connection. Nothing was sent; try again.")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card po">
      <summary>{t("PO file for a translation agency")}</summary>
      <p>
        <a class="button" href={`${API_BASE}/api/v1/admin/translations/export?language=${language}`} download={`welkom-content-${language}.po`}>
          {t("Download the PO file")}
        </a>
      </p>
      <form onSubmit={(e) => void upload(e)} noValidate>
        <label for="po-file">{t("Upload a translated PO file")}</label>
        <input
          id="po-file"
          type="file"
          accept=".po,text/x-gettext-translation"
          {...invalid("po-file", error)}
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        {error && (
          <p id="po-file-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("Import")}
        </button>
      </form>
      {report && (
        <p role="status" data-testid="import-report">
          {t("Imported: {imported}. Unchanged: {unchanged}. Skipped because the Dutch text changed: {stale}. Unknown: {unknown}. Empty: {empty}.", {
            imported: report.imported,
            unchanged: report.unchanged,
            stale: report.skipped_stale,
            unknown: report.skipped_unknown,
            empty: report.empty,
          })}
        </p>
      )}
    </details>
  );
}
