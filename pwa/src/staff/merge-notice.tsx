// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * What a field-by-field merge (merge.ts) looks like after a 412: the fields only the user
 * changed (applied on top of the new version by the next save), and for each field both changed
 * differently a choice between "yours" and "now". Every form saved through useVersionedSave
 * (versioned-save.ts) shows a conflict this one way.
 */
import type { Merge } from "./merge";
import { t } from "./i18n";

interface Props<K extends string> {
  merge: Merge<K>;
  draft: Record<K, string>;
  /** The message above the fields: who changed what in the meantime. */
  message: string;
  fieldName: (field: K) => string;
  /** How a value reads (a label for a code); the value itself by default. */
  valueLabel?: (field: K, value: string) => string;
  choose: (field: K, value: string) => void;
  /** Prefix of the radio ids, unique on the page. */
  idPrefix?: string;
  /** The box's test id (`conflict` by default). */
  testId?: string;
  /** Offered as "Reload and drop my changes" when given. */
  reload?: () => void;
}

export function MergeNotice<K extends string>({
  merge,
  draft,
  message,
  fieldName,
  valueLabel,
  choose,
  idPrefix = "merge",
  testId = "conflict",
  reload,
}: Props<K>) {
  const shown = (field: K, value: string) => (valueLabel ? valueLabel(field, value) : value) || "—";
  return (
    <div class="error-box" role="alert" data-testid={testId}>
      <p class="error">{message}</p>
      {merge.applied.length > 0 && (
        <ul>
          {merge.applied.map((field) => (
            <li key={field}>
              {fieldName(field)}: {shown(field, merge.draft[field])}
            </li>
          ))}
        </ul>
      )}
      {merge.conflicts.map((c) => (
        <fieldset key={c.field} data-field={c.field}>
          <legend>{t("{field}: you and a colleague both changed it", { field: fieldName(c.field) })}</legend>
          <div class="check">
            <input
              type="radio"
              id={`${idPrefix}-${c.field}-mine`}
              name={`${idPrefix}-${c.field}`}
              checked={draft[c.field] === c.mine}
              onChange={() => choose(c.field, c.mine)}
            />
            <label for={`${idPrefix}-${c.field}-mine`}>{t("Yours: {value}", { value: shown(c.field, c.mine) })}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id={`${idPrefix}-${c.field}-theirs`}
              name={`${idPrefix}-${c.field}`}
              checked={draft[c.field] === c.theirs}
              onChange={() => choose(c.field, c.theirs)}
            />
            <label for={`${idPrefix}-${c.field}-theirs`}>{t("Now: {value}", { value: shown(c.field, c.theirs) })}</label>
          </div>
        </fieldset>
      ))}
      {reload && (
        <button type="button" onClick={reload}>
          {t("Reload and drop my changes")}
        </button>
      )}
    </div>
  );
}
