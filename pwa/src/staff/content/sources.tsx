// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The Dutch source texts of the journey and the consent texts: `#/content/journey` each step of
 * the active template (title and explanation), `#/content/consent` each purpose's current consent
 * text (title and body). Saving sends `PUT /admin/journey-texts/{step}/nl` or
 * `PUT /admin/consent-texts/{purpose}/nl` with `If-Match` naming the version read; translations
 * made from the older text are then marked outdated (a consent text's new wording is a new
 * version that residents read in Dutch until it is translated). On a 412 the text as it is now is
 * loaded and the user's changes merged onto it field by field (merge.ts); nothing typed is lost.
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../../api";
import { failure } from "../forms";
import { t } from "../i18n";
import { ListStatus } from "../list-view";
import { MergeNotice } from "../merge-notice";
import { Alert, FieldError, invalid } from "../messages";
import { useVersionedSave } from "../versioned-save";

type StepText = Schemas["StepTranslationOut"];
type ConsentText = Schemas["ConsentTranslationOut"];

/** One source text as this view edits it: two fields, the second multiline. */
interface Source {
  key: string;
  version: number;
  values: [string, string];
}

interface Kind<T> {
  /** Any target language lists the Dutch source beside it; the source is what is edited here. */
  list: string;
  put: (key: string) => string;
  names: readonly [string, string];
  read: (row: T) => Source;
  heading: () => string;
  intro: () => string;
  conflict: () => string;
}

const JOURNEY: Kind<StepText> = {
  list: "/api/v1/admin/journey-texts?language=en",
  put: (key) => `/api/v1/admin/journey-texts/${key}/nl`,
  names: ["title", "text"],
  read: (s) => ({ key: s.key, version: s.version ?? 0, values: [s.source_title, s.source_text] }),
  heading: () => t("Journey"),
  intro: () => t("The Dutch text of each step, the source of every translation. A change marks the translations outdated until they are updated."),
  conflict: () => t("Someone else changed this step in the meantime. Your changes are kept on top of theirs; check and save again."),
};

const CONSENT: Kind<ConsentText> = {
  list: "/api/v1/admin/consent-texts?language=en",
  put: (key) => `/api/v1/admin/consent-texts/${key}/nl`,
  names: ["title", "body"],
  read: (c) => ({ key: c.purpose, version: c.version, values: [c.source_title, c.source_body] }),
  heading: () => t("Consent texts"),
  intro: () =>
    t("The Dutch text residents agree to, the source of every translation. New wording is a new version: residents who agreed are asked to read it again, and read it in Dutch until it is translated."),
  conflict: () => t("Someone else changed this text in the meantime. Your changes are kept on top of theirs; check and save again."),
};

type Draft = Record<string, string>;

function SourceForm<T>({ kind, row, refresh }: { kind: Kind<T>; row: T; refresh: () => Promise<T | null> }) {
  const draftOf = (source: Source): Draft => ({ [kind.names[0]]: source.values[0], [kind.names[1]]: source.values[1] });
  const [draft, setDraft] = useState<Draft>(draftOf(kind.read(row)));
  const { saved, save, busy, errors, merge, choose, status } = useVersionedSave<Source, string>(kind.read(row), {
    fields: kind.names,
    valuesOf: draftOf,
    draft,
    fill: setDraft,
    current: async () => {
      const fresh = await refresh();
      return fresh ? kind.read(fresh) : null;
    },
  });
  const source = saved ?? kind.read(row);
  const id = `source-${source.key}`;
  const label = (name: string) => (name === kind.names[0] ? t("Title") : t("Text"));

  const submit = (event: Event) => {
    event.preventDefault();
    void save(async (ifMatch) => kind.read((await request<T>(kind.put(source.key), { method: "PUT", body: draft, headers: ifMatch })).data), t("Saved."));
  };

  const input = (name: string, multiline: boolean) => {
    const inputId = `${id}-${name}`;
    const error = errors.fields[name];
    const props = {
      id: inputId,
      value: draft[name],
      lang: "nl",
      ...invalid(inputId, error),
      onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <>
        <label for={inputId}>{label(name)}</label>
        {multiline ? <textarea rows={multiline && draft[name].length > 300 ? 10 : 4} {...props} /> : <input type="text" class="wide" {...props} />}
        <FieldError id={inputId} error={error} />
      </>
    );
  };

  return (
    <form class="card" aria-labelledby={`${id}-heading`} data-step={source.key} onSubmit={submit} noValidate>
      <h2 id={`${id}-heading`} lang="nl">
        {source.values[0]}
      </h2>
      {input(kind.names[0], false)}
      {input(kind.names[1], true)}
      <Alert message={errors.form} />
      {merge && (
        <MergeNotice
          merge={merge}
          draft={draft}
          idPrefix={`${id}-merge`}
          message={kind.conflict()}
          fieldName={label}
          choose={choose}
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

function SourcesView<T>({ kind }: { kind: Kind<T> }) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (): Promise<T[] | null> => {
    try {
      const r = await request<T[]>(kind.list);
      setError(null);
      return r.data;
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
      return null;
    }
  };
  useEffect(() => {
    setRows(null);
    void load().then((data) => data && setRows(data));
  }, [kind]);

  return (
    <section aria-labelledby="sources-title">
      <h1 id="sources-title" tabIndex={-1}>
        {kind.heading()}
      </h1>
      <p>{kind.intro()}</p>
      <ListStatus items={rows} error={error} empty={t("No texts here.")}>
        {(rows) =>
          rows.map((row) => {
            const key = kind.read(row).key;
            return <SourceForm key={key} kind={kind} row={row} refresh={async () => (await load())?.find((r) => kind.read(r).key === key) ?? null} />;
          })
        }
      </ListStatus>
    </section>
  );
}

export function JourneySourceView() {
  return <SourcesView kind={JOURNEY} />;
}

export function ConsentSourceView() {
  return <SourcesView kind={CONSENT} />;
}
