// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import type { ViewProps } from "../routes";
import { setTitle } from "../app";
import { formatTime, formatWeekday, t } from "../i18n";
import { ReadState, useRead } from "../components/read";
import { SafeHtml } from "../components/safe-html";
import { InLanguage, sameLanguage, withTerms } from "../components/in-language";
import { categoryLabel, hashParams, type OpeningHours, type Place, type ServiceDetail } from "../components/services";

/** Opening hours as a list of days, each with its periods, in the reader's notation. */
function Hours({ hours, label }: { hours: OpeningHours[]; label: string }) {
  if (hours.length === 0) return null;
  const days = [...new Set(hours.map((h) => h.day))].sort((a, b) => a - b);
  return (
    <dl class="hours" aria-label={label}>
      {days.map((day) => (
        <div key={day}>
          <dt>{formatWeekday(day)}</dt>
          <dd>
            {hours
              .filter((h) => h.day === day)
              .sort((a, b) => a.opens.localeCompare(b.opens))
              .map((h) => `${formatTime(h.opens)}–${formatTime(h.closes)}`)
              .join(", ")}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The category in the app's own words; the server's name only for a category the app does not know. */
function categoryName(s: ServiceDetail): string {
  const label = categoryLabel(s.category);
  return label !== s.category ? label : s.category_name || s.category;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

/** A place: address, hours, and plain links to the map, a route, and a call. No map library. */
function PlaceCard({ place }: { place: Place }) {
  const lat = place.latitude.toFixed(5);
  const lon = place.longitude.toFixed(5);
  const address = `${place.address.street} ${place.address.house_number}, ${place.address.postal_code} ${place.address.city}`;
  return (
    <li class="card place" data-place-id={place.id}>
      <InLanguage lang={place.language} unreviewed={place.unreviewed}>
        <h3>{withTerms(place.name, place.language)}</h3>
        {place.accessibility && <p class="text">{withTerms(place.accessibility, place.language)}</p>}
      </InLanguage>
      {/* A Dutch address is Dutch words and numbers: read and laid out as such on every page. */}
      <p class="text address" lang="nl" dir="ltr">
        {address}
      </p>
      <Hours hours={place.opening_hours ?? []} label={t("Opening hours of {place}", { place: place.name })} />
      <div class="actions">
        <a
          class="button"
          data-action="map"
          href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`}
          rel="noopener noreferrer"
        >
          {t("Show on map")}
        </a>
        <a
          class="button"
          data-action="route"
          href={`https://www.openstreetmap.org/directions?route=%3B${lat}%2C${lon}`}
          rel="noopener noreferrer"
        >
          {t("Route")}
        </a>
        {place.phone && (
          <a class="button" data-action="call" href={telHref(place.phone)}>
            {t("Call")} <bdi dir="ltr">{place.phone}</bdi>
          </a>
        )}
      </div>
    </li>
  );
}

/** One service (`#/service?id=…`): its text, contact options and places. */
export function ServiceView(_: ViewProps) {
  const [id, setId] = useState(() => hashParams().get("id"));
  useEffect(() => {
    const onHash = () => setId(hashParams().get("id"));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  const valid = !!id && /^[0-9a-f-]{36}$/i.test(id);
  const read = useRead<ServiceDetail>(valid ? `/api/v1/services/${id}` : null);
  const s = read.data;
  // The page's title is the service's own once it is known (the route's "Service" until then).
  const title = s?.title;
  useEffect(() => {
    if (title) setTitle(title);
  }, [title]);
  return (
    <section aria-labelledby="service-title">
      <p class="back">
        <a class="button" href="#/services">
          {t("All services")}
        </a>
        {s && <span class="badge">{categoryName(s)}</span>}
      </p>
      {/* Title, summary and (when in the same language) body: one block, so one notice at most. */}
      <InLanguage lang={s?.language} unreviewed={s?.unreviewed}>
        <h1 id="service-title" tabIndex={-1}>
          {s ? withTerms(s.title, s.language) : t("Service")}
        </h1>
        {s && <p class="text summary">{withTerms(s.summary, s.language)}</p>}
        {s?.body_html && sameLanguage(s.body_language ?? s.language, s.language) && (
          <SafeHtml html={s.body_html} lang={s.body_language ?? s.language} />
        )}
      </InLanguage>
      {valid ? <ReadState read={read} /> : <p class="error">{t("There is nothing here.")}</p>}
      {s && (
        <>
          {s.body_html && !sameLanguage(s.body_language ?? s.language, s.language) && (
            <InLanguage lang={s.body_language}>
              <SafeHtml html={s.body_html} lang={s.body_language!} />
            </InLanguage>
          )}
          {((s.phones?.length ?? 0) > 0 || (s.links?.length ?? 0) > 0) && (
            <>
              <h2>{t("Contact")}</h2>
              <div class="actions">
                {s.phones?.map((phone) => (
                  <a key={phone} class="button" data-action="call" href={telHref(phone)}>
                    {t("Call")} <bdi dir="ltr">{phone}</bdi>
                  </a>
                ))}
                {s.links?.map((link) => (
                  <a key={link.url} class="button" href={link.url} rel="noopener noreferrer">
                    {link.label}
                  </a>
                ))}
              </div>
            </>
          )}
          {(s.opening_hours?.length ?? 0) > 0 && (
            <>
              <h2 id="service-hours">{t("Opening hours")}</h2>
              <Hours hours={s.opening_hours!} label={t("Opening hours")} />
            </>
          )}
          {(s.places?.length ?? 0) > 0 && (
            <>
              <h2>{t("Places")}</h2>
              <ul class="list" data-testid="places">
                {s.places!.map((place) => (
                  <PlaceCard key={place.id} place={place} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
