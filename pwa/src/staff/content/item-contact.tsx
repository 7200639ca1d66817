// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The structured part of a service item that residents read beside its texts: links (address
 * and Dutch label), phone numbers and opening hours. Rows are added and removed; the API's field
 * errors (`links[0].url`, `phones[1]`, `opening_hours[2].opens`) appear at their inputs.
 */
import { Fragment } from "preact";
import type { Schemas } from "../../api";
import { formatWeekday } from "../../i18n";
import { t } from "../i18n";
import { sourceText } from "./labels";

type AdminItem = Schemas["AdminItem"];
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
    opening_hours: item.opening_hours.map((h) => ({ day: String(h.day), opens: h.opens, closes: h.closes })),
  };
}

/** The contact fields whose value differs between two versions. */
export function changedContact(before: Contact, after: Contact): ContactField[] {
  return CONTACT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A contact field as the API takes it (`PATCH /admin/services/{id}`). */
export function contactBody(contact: Contact, field: ContactField): unknown {
  if (field === "links") return contact.links.map((l) => ({ url: l.url.trim(), label: l.label.trim() }));
  if (field === "phones") return contact.phones.map((p) => p.trim());
  return contact.opening_hours.map((h) => ({ day: Number(h.day), opens: h.opens, closes: h.closes }));
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
    ...contact.opening_hours.flatMap((_, n) => [`opening_hours[${n}]`, `opening_hours[${n}].day`, `opening_hours[${n}].opens`, `opening_hours[${n}].closes`]),
  ];
}

function inputId(name: string): string {
  return `item-${name.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
}

export function ContactFields({
  contact,
  onChange,
  errors,
}: {
  contact: Contact;
  onChange: (contact: Contact) => void;
  errors: Partial<Record<string, string>>;
}) {
  const field = (name: string, label: string, value: string, set: (value: string) => void, type = "text", lang?: string) => {
    const id = inputId(name);
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const listError = (name: string) =>
    errors[name] && (
      <p id={`${inputId(name)}-error`} class="error">
        {errors[name]}
      </p>
    );
  const replaceAt = <T,>(list: T[], n: number, value: T): T[] => list.map((old, i) => (i === n ? value : old));
  const without = <T,>(list: T[], n: number): T[] => list.filter((_, i) => i !== n);

  return (
    <>
      <fieldset data-testid="item-links">
        <legend>{t("Links")}</legend>
        {listError("links")}
        {contact.links.map((link, n) => (
          <div class="row contact-row" key={`link-${n}`} role="group" aria-label={t("Link {number}", { number: n + 1 })}>
            {field(`links[${n}].url`, t("Web address"), link.url, (url) => onChange({ ...contact, links: replaceAt(contact.links, n, { ...link, url }) }), "url")}
            {field(`links[${n}].label`, t("Label (Dutch)"), link.label, (label) => onChange({ ...contact, links: replaceAt(contact.links, n, { ...link, label }) }), "text", "nl")}
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
        {listError("phones")}
        {contact.phones.map((phone, n) => (
          <div class="row contact-row" key={`phone-${n}`}>
            {field(`phones[${n}]`, t("Phone number {number}", { number: n + 1 }), phone, (value) => onChange({ ...contact, phones: replaceAt(contact.phones, n, value) }), "tel")}
            <button type="button" onClick={() => onChange({ ...contact, phones: without(contact.phones, n) })}>
              {t("Remove phone number {number}", { number: n + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={contact.phones.length >= 5} onClick={() => onChange({ ...contact, phones: [...contact.phones, ""] })}>
          {t("Add a phone number")}
        </button>
      </fieldset>
      <fieldset data-testid="item-hours">
        <legend>{t("Opening hours")}</legend>
        {listError("opening_hours")}
        {contact.opening_hours.map((hours, n) => {
          const dayId = inputId(`opening_hours[${n}].day`);
          const set = (value: HoursDraft) => onChange({ ...contact, opening_hours: replaceAt(contact.opening_hours, n, value) });
          return (
            <Fragment key={`hours-${n}`}>
              <div class="row contact-row" role="group" aria-label={t("Opening period {number}", { number: n + 1 })}>
                <div class="field">
                  <label for={dayId}>{t("Day")}</label>
                  <select id={dayId} value={hours.day} onChange={(e) => set({ ...hours, day: e.currentTarget.value })}>
                    {DAYS.map((day) => (
                      <option key={day} value={String(day)}>
                        {formatWeekday(day)}
                      </option>
                    ))}
                  </select>
                </div>
                {field(`opening_hours[${n}].opens`, t("Opens"), hours.opens, (opens) => set({ ...hours, opens }), "time")}
                {field(`opening_hours[${n}].closes`, t("Closes"), hours.closes, (closes) => set({ ...hours, closes }), "time")}
                <button type="button" onClick={() => onChange({ ...contact, opening_hours: without(contact.opening_hours, n) })}>
                  {t("Remove opening period {number}", { number: n + 1 })}
                </button>
              </div>
            </Fragment>
          );
        })}
        <button
          type="button"
          disabled={contact.opening_hours.length >= 21}
          onClick={() => onChange({ ...contact, opening_hours: [...contact.opening_hours, { day: "1", opens: "09:00", closes: "17:00" }] })}
        >
          {t("Add opening hours")}
        </button>
      </fieldset>
    </>
  );
}
