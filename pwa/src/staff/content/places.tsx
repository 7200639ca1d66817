// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The municipality's places: name (a link to change the place), address, phone, accessibility; a link to add one. */
import type { Schemas } from "../../api";
import { useLoaded } from "../forms";
import { t } from "../i18n";
import { ListStatus } from "../list-view";
import { sourceText } from "./labels";

type Place = Schemas["AdminPlace"];

export function PlacesView() {
  const { data: places, error } = useLoaded<Place[]>("/api/v1/admin/services/places");
  return (
    <section aria-labelledby="places-title">
      <h1 id="places-title" tabIndex={-1}>
        {t("Places")}
      </h1>
      <p>
        <a href="#/content/places/new">{t("New place")}</a>
      </p>
      <ListStatus items={places} error={error}>
        {(places) => (
          <table class="inbox" data-testid="places">
            <thead>
              <tr>
                <th scope="col">{t("Name")}</th>
                <th scope="col">{t("Address")}</th>
                <th scope="col">{t("Phone")}</th>
                <th scope="col">{t("Accessibility")}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((place) => (
                <tr key={place.id} data-place-id={place.id}>
                  <td lang="nl">
                    <a href={`#/content/places/${place.id}`}>{sourceText(place.texts, "name")}</a>
                  </td>
                  <td lang="nl">
                    {place.street} {place.house_number}, {place.postal_code} {place.city}
                  </td>
                  <td>{place.phone ?? "—"}</td>
                  <td lang="nl">{sourceText(place.texts, "accessibility") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}
