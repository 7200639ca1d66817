// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Saving a form with `If-Match`, the one way every back-office editor does it: the change goes
 * with the ETag of the version read; on a 412 (a colleague saved in the meantime) the version as
 * stored now is read and the user's changes merged onto it field by field (merge.ts, shown by
 * MergeNotice), so nothing typed is lost and the next save names the new version; on success the
 * answer becomes the version read. Field errors go to their inputs, the rest to the form.
 */
import { useState } from "preact/hooks";
import { ApiError } from "../api";
import { failure, submitErrors } from "./forms";
import { t } from "./i18n";
import { type Merge, mergeFields } from "./merge";

export interface SaveErrors {
  /** Messages at their inputs, by input name. */
  fields: Partial<Record<string, string>>;
  /** A message for the whole form ("" for none). */
  form: string;
}

export const NO_ERRORS: SaveErrors = { fields: {}, form: "" };

/** The headers of a save: `If-Match` with the version read, none when nothing was read (a create). */
export type IfMatch = Record<string, string>;

/** The ETag of the API's versioned resources: `"v<version>"`. */
export function versionTag(version: number | null | undefined): string {
  return `"v${version ?? 0}"`;
}

export interface VersionedSaveOptions<T, K extends string> {
  /** The fields a conflict is merged by. */
  fields: readonly K[];
  /** A version's values of those fields, as strings. */
  valuesOf: (version: T) => Record<K, string>;
  /** The form's values now. */
  draft: Record<K, string>;
  /** Puts values into the form: a version shown, a merge's result, a value chosen. */
  fill: (values: Record<K, string>) => void;
  /** Reads the version as stored now (after a 412); null or a throw when it could not be read. */
  current: () => Promise<T | null>;
  /** The inputs a problem's field errors can name; the merged fields by default. */
  inputs?: readonly string[];
  /** A version's ETag; `versionTag` of its `version` by default. */
  etag?: (version: T) => string;
}

export interface VersionedSave<T, K extends string> {
  /** The version the form's values were typed on (after a merge, the new one); null before any. */
  saved: T | null;
  /** Keeps a version as the one read without touching the form (a publish answered it; null: none read). */
  setSaved: (version: T | null) => void;
  /** Shows a version: the form takes its values, a merge and errors go (null: none read, the form is left as it is). */
  show: (version: T | null) => void;
  busy: boolean;
  errors: SaveErrors;
  setErrors: (errors: SaveErrors | ((current: SaveErrors) => SaveErrors)) => void;
  /** The merge after a 412, until the next save succeeds or a version is shown. */
  merge: Merge<K> | null;
  /** A value chosen for a conflicting field (MergeNotice's `choose`). */
  choose: (field: K, value: string) => void;
  /** The message after a save (`role="status"`). */
  status: string;
  setStatus: (status: string) => void;
  /**
   * Sends the change: `send` gets the `If-Match` headers and the version read, and answers the
   * saved version (null when the view reads it again itself). `done` is the status afterwards.
   * Resolves to the saved version, or null when nothing was saved.
   */
  save: (send: (ifMatch: IfMatch, saved: T | null) => Promise<T | null>, done?: string) => Promise<T | null>;
}

function defaultTag(version: unknown): string {
  return versionTag((version as { version?: number | null }).version);
}

export function useVersionedSave<T, K extends string>(initial: T | null, options: VersionedSaveOptions<T, K>): VersionedSave<T, K> {
  const { fields, valuesOf, draft, fill, current, inputs = fields, etag = defaultTag } = options;
  const [saved, setSaved] = useState<T | null>(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<SaveErrors>(NO_ERRORS);
  const [merge, setMerge] = useState<Merge<K> | null>(null);
  const [status, setStatus] = useState("");

  const show = (version: T | null) => {
    setSaved(version);
    if (version) fill(valuesOf(version));
    setMerge(null);
    setErrors(NO_ERRORS);
  };

  const save = async (send: (ifMatch: IfMatch, saved: T | null) => Promise<T | null>, done?: string): Promise<T | null> => {
    setBusy(true);
    setStatus("");
    const base = saved;
    try {
      const answer = await send(base ? { "If-Match": etag(base) } : {}, base);
      if (answer) {
        setSaved(answer);
        fill(valuesOf(answer));
      }
      setMerge(null);
      setErrors(NO_ERRORS);
      if (done) setStatus(done);
      return answer;
    } catch (e) {
      if (base && e instanceof ApiError && e.status === 412) {
        try {
          const now = await current();
          if (!now) {
            setErrors({ fields: {}, form: t("No connection. Try again.") });
            return null;
          }
          const merged = mergeFields(fields, valuesOf(base), draft, valuesOf(now));
          setSaved(now);
          setMerge(merged);
          fill(merged.draft);
          setErrors(NO_ERRORS);
        } catch (again) {
          setErrors({ fields: {}, form: failure(again, t("No connection. Try again.")) });
        }
      } else {
        setErrors(submitErrors(e, inputs));
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  return {
    saved,
    setSaved,
    show,
    busy,
    errors,
    setErrors,
    merge,
    choose: (field, value) => fill({ ...draft, [field]: value }),
    status,
    setStatus,
    save,
  };
}
