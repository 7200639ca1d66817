// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * One place to create or change: its Dutch name, address, coordinates, phone, accessibility
 * text and opening hours (the service item's editor, item-contact.tsx). Changing sends the whole
 * place (the API replaces it) with `If-Match` naming the version read. On a conflict (412) the
 * new version is loaded
 * and the user's changes merged onto it field by field (merge.ts), nothing typed is lost. The
 * API's field errors appear at their fields and what was typed stays.
 */
import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, request, type Schemas } from "../../api";
import { failure } from "../forms";
import { t } from "../i18n";
import { MergeNotice } from "../merge-notice";
import { Alert, FieldError, invalid } from "../messages";
import { useVersionedSave } from "../versioned-save";
import { type HoursDraft, HoursFields, hoursBody, hoursInputs, hoursOf, hoursSummary } from "./item-contact";
import { sourceText } from "./labels";

type Place = Schemas["AdminPlace"];
const INPUTS = ["name", "street", "house_number", "postal_code", "city", "latitude", "longitude", "phone", "accessibility"] as const;
type Input = (typeof INPUTS)[number];
type Draft = Record<Input, string>;
/** The fields a conflict is merged by: the inputs, and the opening hours as one value (JSON). */
const MERGED = [...INPUTS, "opening_hours"] as const;
type Merged = (typeof MERGED)[number];
type Values = Record<Merged, string>;

function valuesOf(draft: Draft, hours: HoursDraft[]): Values {
  return { ...draft, opening_hours: JSON.stringify(hours) };
}

function splitValues({ opening_hours, ...draft }: Values): [Draft, HoursDraft[]] {
  return [draft, JSON.parse(opening_hours) as HoursDraft[]];
}

const EMPTY: Draft = { name: "", street: "", house_number: "", postal_code: "", city: "", latitude: "", longitude: "", phone: "", accessibility: "" };

export function draftOfPlace(place: Place): Draft {
  return {
    name: sourceText(place.texts, "name"),
    street: place.street,
    house_number: place.house_number,
    postal_code: place.postal_code,
    city: place.city,
    latitude: String(place.latitude),
    longitude: String(place.longitude),
    phone: place.phone ?? "",
    accessibility: sourceText(place.texts, "accessibility"),
  };
}

/** The body the API takes: numbers as numbers (text that is not one goes as is, for the API to refuse at its field), no phone as null. */
export function placeBody(draft: Draft, hours: HoursDraft[]): Record<string, unknown> {
  const number = (value: string) => (value.trim() !== "" && Number.isFinite(Number(value.replace(",", "."))) ? Number(value.replace(",", ".")) : value);
  return {
    ...draft,
    latitude: number(draft.latitude),
    longitude: number(draft.longitude),
    phone: draft.phone.trim() || null,
    opening_hours: hoursBody(hours),
  };
}

function label(field: Merged): string {
  switch (field) {
    case "opening_hours":
      return t("Opening hours");
    case "name":
      return t("Name");
    case "street":
      return t("Street");
    case "house_number":
      return t("House number");
    case "postal_code":
      return t("Postcode");
    case "city":
      return t("City");
    case "latitude":
      return t("Latitude");
    case "longitude":
      return t("Longitude");
    case "phone":
      return t("Phone");
    case "accessibility":
      return t("Accessibility");
  }
}

/** `id` null: a new place. */
export function PlaceView({ id }: { id: string | null }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [hours, setHours] = useState<HoursDraft[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = async (placeId: string): Promise<Place | null> => {
    try {
      return (await request<Place>(`/api/v1/admin/services/places/${placeId}`)).data;
    } catch (e) {
      setLoadError(e instanceof ApiError && e.status === 404 ? t("This place does not exist (any more).") : failure(e, t("No connection. Try again.")));
      return null;
    }
  };

  const fill = (values: Values) => {
    const [mergedDraft, mergedHours] = splitValues(values);
    setDraft(mergedDraft);
    setHours(mergedHours);
  };
  const { saved: place, show, save, busy, errors, merge, choose, status } = useVersionedSave<Place, Merged>(null, {
    fields: MERGED,
    valuesOf: (version) => valuesOf(draftOfPlace(version), hoursOf(version.opening_hours)),
    draft: valuesOf(draft, hours),
    fill,
    current: async () => (id ? load(id) : null),
    inputs: [...INPUTS, ...hoursInputs(hours)],
  });

  useEffect(() => {
    show(null);
    fill(valuesOf(EMPTY, []));
    if (!id) return;
    void load(id).then((found) => found && show(found));
  }, [id]);

  if (loadError) {
    return (
      <section>
        <h1 tabIndex={-1}>{t("Places")}</h1>
        <Alert message={loadError} />
      </section>
    );
  }
  if (id && !place) return <p aria-busy="true">{t("Loading…")}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    const body = placeBody(draft, hours);
    void save(
      async (ifMatch, saved) => {
        if (saved) return (await request<Place>(`/api/v1/admin/services/places/${saved.id}`, { method: "PUT", body, headers: ifMatch })).data;
        const r = await request<Place>("/api/v1/admin/services/places", { method: "POST", body });
        location.hash = `#/content/places/${r.data.id}`;
        return null;
      },
      place ? t("Saved.") : undefined,
    );
  };

  const input = (field: Input) => {
    const error = errors.fields[field];
    const props = {
      id: `place-${field}`,
      value: draft[field],
      ...invalid(`place-${field}`, error),
      onInput: (e: Event) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <Fragment key={field}>
        <label for={`place-${field}`}>{label(field)}</label>
        {field === "accessibility" ? (
          <textarea rows={3} lang="nl" {...props} />
        ) : (
          <input
            type={field === "phone" ? "tel" : "text"}
            lang={["name", "street", "city"].includes(field) ? "nl" : undefined}
            inputMode={field === "latitude" || field === "longitude" ? "decimal" : undefined}
            autoComplete="off"
            {...props}
          />
        )}
        <FieldError id={`place-${field}`} error={error} />
      </Fragment>
    );
  };

  return (
    <section aria-labelledby="place-heading">
      <p>
        <a href="#/content/places">{t("Back to the places")}</a>
      </p>
      <h1 id="place-heading" tabIndex={-1}>
        {place ? sourceText(place.texts, "name") : t("New place")}
      </h1>
      <form class="card" aria-labelledby="place-heading" onSubmit={submit} noValidate>
        {INPUTS.map((field) => input(field))}
        <HoursFields hours={hours} onChange={setHours} errors={errors.fields} prefix="place" />
        <Alert message={errors.form} />
        {merge && (
          <MergeNotice
            merge={merge}
            draft={valuesOf(draft, hours)}
            message={t("Someone else changed this place in the meantime. Your changes are kept on top of theirs; check and save again.")}
            fieldName={label}
            valueLabel={(field, value) => (field === "opening_hours" ? hoursSummary(JSON.parse(value) as HoursDraft[]) : value)}
            choose={choose}
          />
        )}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {place ? t("Save") : t("Create")}
          </button>
          {merge && place && (
            <button
              type="button"
              onClick={() => show(place)}
            >
              {t("Discard my changes")}
            </button>
          )}
        </div>
      </form>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
