// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Where a service item leads residents: the municipality's places where it is offered
 * (`place_ids`, from `GET /admin/services/places`, shown by name and address) and the journey
 * steps it belongs to (`journey_steps`, the step keys of `GET /admin/journey-texts`, shown by
 * their Dutch title). Each is a fieldset of checkboxes; the API's field errors (`place_ids`,
 * `journey_steps[0]`) appear at the top of their fieldset. A key that is no longer offered (a step
 * left out of the template) stays listed while the item names it, so it can be unticked.
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../../api";
import { failure } from "../forms";
import { t } from "../i18n";
import { Alert } from "../messages";
import { sourceText } from "./labels";

type AdminItem = Schemas["AdminItem"];
type Place = Schemas["AdminPlace"];
type StepText = Schemas["StepTranslationOut"];

export interface Targets {
  place_ids: string[];
  journey_steps: string[];
}
export const TARGET_FIELDS = ["place_ids", "journey_steps"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** One checkbox: the value sent, its label and an optional second line. */
export interface Choice {
  value: string;
  label: string;
  detail?: string;
}
export type Choices = Record<TargetField, Choice[]>;

export function targetsOf(item: AdminItem): Targets {
  return { place_ids: [...item.place_ids], journey_steps: [...item.journey_steps] };
}

/** A list as compared and merged: the order ticked in does not count. */
export function targetValue(list: readonly string[]): string {
  return JSON.stringify([...list].sort());
}

/** The fields whose set of values differs between two versions. */
export function changedTargets(before: Targets, after: Targets): TargetField[] {
  return TARGET_FIELDS.filter((field) => targetValue(before[field]) !== targetValue(after[field]));
}

export function targetLabel(field: TargetField): string {
  return field === "place_ids" ? t("Places") : t("Journey steps");
}

/** A field's values in one line of text, for a conflict's "yours" and "now". */
export function targetSummary(field: TargetField, values: readonly string[], choices: Choices): string {
  return values.map((value) => choices[field].find((c) => c.value === value)?.label ?? value).join("; ");
}

/** Every input name the API's field errors may name, for `submitErrors`. */
export function targetInputs(targets: Targets): string[] {
  return TARGET_FIELDS.flatMap((field) => [field, ...targets[field].map((_, n) => `${field}[${n}]`)]);
}

/** The first error the API gave for a field or one of its values. */
function fieldError(field: TargetField, errors: Partial<Record<string, string>>): string | undefined {
  const key = Object.keys(errors).find((name) => errors[name] && (name === field || name.startsWith(`${field}[`)));
  return key ? errors[key] : undefined;
}

/** The places and journey steps to choose from, loaded once per form. */
export function useChoices(): { choices: Choices; error: string | null } {
  const [choices, setChoices] = useState<Choices>({ place_ids: [], journey_steps: [] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([request<Place[]>("/api/v1/admin/services/places"), request<StepText[]>("/api/v1/admin/journey-texts?language=en")]).then(
      ([places, steps]) =>
        setChoices({
          place_ids: places.data.map((p) => ({
            value: p.id,
            label: sourceText(p.texts, "name"),
            detail: `${p.street} ${p.house_number}, ${p.postal_code} ${p.city}`,
          })),
          journey_steps: steps.data.map((s) => ({ value: s.key, label: s.source_title || s.key })),
        }),
      (e) => setError(failure(e, t("No connection. Try again."))),
    );
  }, []);
  return { choices, error };
}

function TargetFieldset({
  field,
  values,
  choices,
  onChange,
  error,
}: {
  field: TargetField;
  values: string[];
  choices: Choice[];
  onChange: (values: string[]) => void;
  error: string | undefined;
}) {
  const errorId = `item-${field}-error`;
  // Values the item names that are not offered any more, listed so they can be unticked.
  const shown: Choice[] = [...choices, ...values.filter((v) => !choices.some((c) => c.value === v)).map((v) => ({ value: v, label: v }))];
  return (
    <fieldset data-testid={`item-${field}`} aria-describedby={error ? errorId : undefined}>
      <legend>{targetLabel(field)}</legend>
      {error && (
        <p id={errorId} class="error">
          {error}
        </p>
      )}
      {shown.length === 0 && <p class="meta">{field === "place_ids" ? t("There are no places yet.") : t("There are no journey steps.")}</p>}
      {shown.map((choice) => {
        const id = `item-${field}-${choice.value}`;
        const checked = values.includes(choice.value);
        return (
          <div class="check" key={choice.value}>
            <input
              id={id}
              type="checkbox"
              value={choice.value}
              checked={checked}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(e.currentTarget.checked ? [...values, choice.value] : values.filter((v) => v !== choice.value))}
            />
            <label for={id} lang={choice.detail !== undefined || choice.label !== choice.value ? "nl" : undefined}>
              {choice.label}
              {choice.detail && <span class="meta"> · {choice.detail}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TargetFields({
  targets,
  onChange,
  choices,
  loadError,
  errors,
}: {
  targets: Targets;
  onChange: (targets: Targets) => void;
  choices: Choices;
  loadError: string | null;
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <Alert message={loadError} />
      {TARGET_FIELDS.map((field) => (
        <TargetFieldset
          key={field}
          field={field}
          values={targets[field]}
          choices={choices[field]}
          onChange={(values) => onChange({ ...targets, [field]: values })}
          error={fieldError(field, errors)}
        />
      ))}
    </>
  );
}
