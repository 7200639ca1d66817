// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The parts every back-office list shows the same way: the filters above it (a form of labelled
 * selects that applies on change), and around its rows the error, "Loading…" until the first
 * answer, the message for an empty list and "Show more" while there is a next page.
 */
import type { ComponentChildren } from "preact";
import { t } from "./i18n";
import { Alert } from "./messages";

/** The error (unless `showError` is false: the page shows it elsewhere), or "Loading…" until `loaded`. */
export function LoadStatus({ loaded, error, showError = true }: { loaded: boolean; error: string | null | undefined; showError?: boolean }) {
  return (
    <>
      {showError && <Alert message={error} />}
      {!loaded && !error && <p aria-busy="true">{t("Loading…")}</p>}
    </>
  );
}

/** "Show more" while the list has a next page. */
export function ShowMore({ more }: { more: (() => void) | null | undefined }) {
  if (!more) return null;
  return (
    <button type="button" onClick={more}>
      {t("Show more")}
    </button>
  );
}

interface ListStatusProps<T> {
  /** The rows loaded so far; null until the first answer. */
  items: T[] | null;
  error: string | null | undefined;
  /** False when the page shows the error elsewhere (one error for several lists). */
  showError?: boolean;
  /** The message for an empty list; without one an empty list shows its rows (none). */
  empty?: string;
  /** The empty message's test id. */
  emptyTestId?: string;
  more?: (() => void) | null;
  /** The rows: the table or list of `items`. */
  children: (items: T[]) => ComponentChildren;
}

/** A list with its state: error, "Loading…", the empty message or the rows, and "Show more". */
export function ListStatus<T>({ items, error, showError = true, empty, emptyTestId, more, children }: ListStatusProps<T>) {
  const isEmpty = items !== null && items.length === 0 && empty !== undefined;
  return (
    <>
      <LoadStatus loaded={items !== null} error={error} showError={showError} />
      {isEmpty && <p data-testid={emptyTestId}>{empty}</p>}
      {items !== null && !isEmpty && children(items)}
      <ShowMore more={more} />
    </>
  );
}

/** The filters above a list: they apply as they change, so the form is never submitted. */
export function Filters({ children }: { children: ComponentChildren }) {
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

interface FilterSelectProps<V extends string> {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** The first option, the value "" (no filter), when given. */
  all?: string;
  options: readonly V[];
  optionLabel: (option: V) => string;
}

/** One labelled filter: a select of `options`, after an "all" option when given. */
export function FilterSelect<V extends string>({ id, label, value, onChange, all, options, optionLabel }: FilterSelectProps<V>) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
