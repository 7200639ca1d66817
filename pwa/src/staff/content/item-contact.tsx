// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The structured part of a service item that residents read beside its texts: links (address
 * and Dutch label), phone numbers and opening hours. Rows are added and removed; the API's field
 * errors (`links[0].url`, `phones[1]`, `opening_hours[2].opens`) appear at their inputs. The
 * opening hours editor (`HoursFields`) is also a place's (place.tsx).
 */
import type { Schemas } from "../../api";
import { formatWeekday } from "../../i18n";
import { t } from "../i18n";
import { FieldError, invalid } from "../messages";
import { sourceText } from "./labels";

type AdminItem = Schemas["AdminItem"];
type OpeningHours = Schemas["OpeningHours"];
export interface LinkDraft {
  url: string;
  label: string;
}
export interface HoursDraft {
  day: string;
  opens: string;
  closes: string;
}
export interface Contact {
  links: LinkDraft[];
  phones: string[];
  opening_hours: HoursDraft[];
}
export const CONTACT_FIELDS = ["links", "phones", "opening_hours"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function contactOf(item: AdminItem): Contact {
  return {
    links: item.links.map((url, n) => ({ url, label: sourceText(item.texts, `link.${n}`) })),
    phones: [...item.phones],
    opening_hours: hoursOf(item.opening_hours),
  };
}

/** Opening hours as the form edits them (the day as the select's value). */
export function hoursOf(hours: OpeningHours[]): HoursDraft[] {
  return hours.map((h) => ({ day: String(h.day), opens: h.opens, closes: h.closes }));
}

/** Opening hours as the API takes them. */
export function hoursBody(hours: HoursDraft[]): OpeningHours[] {
  return hours.map((h) => ({ day: Number(h.day), opens: h.opens, closes: h.closes }));
}

/** A contact field's value in one line of text, for a conflict's "yours" and "now". */
export function contactSummary(field: ContactField, contact: Contact): string {
  if (field === "links") return contact.links.map((l) => (l.label ? `${l.label} (${l.url})` : l.url)).join("; ");
  if (field === "phones") return contact.phones.join(", ");
  return hoursSummary(contact.opening_hours);
}

/** Opening hours in one line of text ("maandag 09:00–17:00; …"). */
export function hoursSummary(hours: HoursDraft[]): string {
  return hours.map((h) => `${formatWeekday(Number(h.day))} ${h.opens}–${h.closes}`).join("; ");
}

/** The contact fields whose value differs between two versions. */
export function changedContact(before: Contact, after: Contact): ContactField[] {
  return CONTACT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A contact field as the API takes it (`PATCH /admin/services/{id}`). */
export function contactBody(contact: Contact, field: ContactField): unknown {
  if (field === "links") return contact.links.map((l) => ({ url: l.url.trim(), label: l.label.trim() }));
  if (field === "phones") return contact.phones.map((p) => p.trim());
  return hoursBody(contact.opening_hours);
}

export function contactLabel(field: ContactField): string {
  return field === "links" ? t("Links") : field === "phones" ? t("Phone numbers") : t("Opening hours");
}

/** Every input name the API's field errors may name, for `submitErrors`. */
export function contactInputs(contact: Contact): string[] {
  return [
    "links",
    "phones",
    "opening_hours",
    ...contact.links.flatMap((_, n) => [`links[${n}]`, `links[${n}].url`, `links[${n}].label`]),
    ...contact.phones.map((_, n) => `phones[${n}]`),
    ...hoursInputs(contact.opening_hours),
  ];
}

/** Every input name the API's field errors may name for opening hours. */
export function hoursInputs(hours: HoursDraft[]): string[] {
  return ["opening_hours", ...hours.flatMap((_, n) => [`opening_hours[${n}]`, `opening_hours[${n}].day`, `opening_hours[${n}].opens`, `opening_hours[${n}].closes`])];
}

function inputId(name: string, prefix = "item"): string {
  return `${prefix}-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
}

type Errors = Partial<Record<string, string>>;

/** One labelled text input with the API's error for it. */
function TextField({
  name,
  label,
  value,
  set,
  errors,
  type = "text",
  lang,
  prefix,
}: {
  name: string;
  label: string;
  value: string;
  set: (value: string) => void;
  errors: Errors;
  type?: string;
  lang?: string;
  prefix?: string;
}) {
  const id = inputId(name, prefix);
  const error = errors[name];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        lang={lang}
        value={value}
        autoComplete="off"
        {...invalid(id, error)}
        onInput={(e) => set(e.currentTarget.value)}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

function ListError({ name, errors, prefix }: { name: string; errors: Errors; prefix?: string }) {
  return <FieldError id={inputId(name, prefix)} error={errors[name]} />;
}

const replaceAt = <T,>(list: T[], n: number, value: T): T[] => list.map((old, i) => (i === n ? value : old));
const without = <T,>(list: T[], n: number): T[] => list.filter((_, i) => i !== n);

/** Opening hours: a row per period (day, opens, closes); input ids start with `prefix`. */
export function HoursFields({
  hours,
  onChange,
  errors,
  prefix = "item",
}: {
  hours: HoursDraft[];
  onChange: (hours: HoursDraft[]) => void;
  errors: Errors;
  prefix?: string;
}) {
  return (
    <fieldset data-testid={`${prefix}-hours`}>
      <legend>{t("Opening hours")}</legend>
      <ListError name="opening_hours" errors={errors} prefix={prefix} />
      {hours.map((period, n) => {
        const dayId = inputId(`opening_hours[${n}].day`, prefix);
        const set = (value: HoursDraft) => onChange(replaceAt(hours, n, value));
        return (
          <div class="row contact-row" key={`hours-${n}`} role="group" aria-label={t("Opening period {number}", { number: n + 1 })}>
            <div class="field">
              <label for={dayId}>{t("Day")}</label>
              <select id={dayId} value={period.day} onChange={(e) => set({ ...period, day: e.currentTarget.value })}>
                {DAYS.map((day) => (
                  <option key={day} value={String(day)}>
                    {formatWeekday(day)}
                  </option>
                ))}
              </select>
            </div>
            <TextField name={`opening_hours[${n}].opens`} label={t("Opens")} value={period.opens} set={(opens) => set({ ...period, opens })} errors={errors} type="time" prefix={prefix} />
            <TextField name={`opening_hours[${n}].closes`} label={t("Closes")} value={period.closes} set={(closes) => set({ ...period, closes })} errors={errors} type="time" prefix={prefix} />
            <button type="button" onClick={() => onChange(without(hours, n))}>
              {t("Remove opening period {number}", { number: n + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" disabled={hours.length >= 21} onClick={() => onChange([...hours, { day: "1", opens: "09:00", closes: "17:00" }])}>
        {t("Add opening hours")}
      </button>
    </fieldset>
  );
}

export function ContactFields({
  contact,
  onChange,
  errors,
}: {
  contact: Contact;
  onChange: (contact: Contact) => void;
  errors: Errors;
}) {
  return (
    <>
      <fieldset data-testid="item-links">
        <legend>{t("Links")}</legend>
        <ListError name="links" errors={errors} />
        {contact.links.map((link, n) => (
          <div class="row contact-row" key={`link-${n}`} role="group" aria-label={t("Link {number}", { number: n + 1 })}>
            <TextField
              name={`links[${n}].url`}
              label={t("Web address")}
              value={link.url}
              set={(url) => onChange({ ...contact, links: replaceAt(contact.links, n, { ...link, url }) })}
              errors={errors}
              type="url"
            />
            <TextField
              name={`links[${n}].label`}
              label={t("Label (Dutch)")}
              value={link.label}
              set={(label) => onChange({ ...contact, links: replaceAt(contact.links, n, { ...link, label }) })}
              errors={errors}
              lang="nl"
            />
            <button type="button" onClick={() => onChange({ ...contact, links: without(contact.links, n) })}>
              {t("Remove link {number}", { number: n + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={contact.links.length >= 10} onClick={() => onChange({ ...contact, links: [...contact.links, { url: "https://", label: "" }] })}>
          {t("Add a link")}
        </button>
      </fieldset>
      <fieldset data-testid="item-phones">
        <legend>{t("Phone numbers")}</legend>
        <ListError name="phones" errors={errors} />
        {contact.phones.map((phone, n) => (
          <div class="row contact-row" key={`phone-${n}`}>
            <TextField
              name={`phones[${n}]`}
              label={t("Phone number {number}", { number: n + 1 })}
              value={phone}
              set={(value) => onChange({ ...contact, phones: replaceAt(contact.phones, n, value) })}
              errors={errors}
              type="tel"
            />
            <button type="button" onClick={() => onChange({ ...contact, phones: without(contact.phones, n) })}>
              {t("Remove phone number {number}", { number: n + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={contact.phones.length >= 5} onClick={() => onChange({ ...contact, phones: [...contact.phones, ""] })}>
          {t("Add a phone number")}
        </button>
      </fieldset>
      <HoursFields hours={contact.opening_hours} onChange={(opening_hours) => onChange({ ...contact, opening_hours })} errors={errors} />
    </>
  );
}
