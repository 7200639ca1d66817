// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { formatDate, t } from "../i18n";
import type { Schemas } from "../api";

/** The resident's latest erasure request, as `GET /api/v1/me/erasure-request` gives it. */
export type Erasure = Schemas["ErasureRequestOut"];

/** Where an erasure request stands: its state, what that means and, if refused, why. */
export function ErasureStatus({ erasure }: { erasure: Erasure }) {
  return (
    <div class="card" data-testid="erasure" data-state={erasure.state}>
      <p>{t("You asked to erase your data on {date}.", { date: formatDate(erasure.requested_at) })}</p>
      <p>{erasure.what_happens}</p>
      {erasure.state === "refused" && erasure.refused_at && (
        <>
          <p>{t("Decided on {date}.", { date: formatDate(erasure.refused_at) })}</p>
          <p>
            <strong>{t("The municipality's reason:")}</strong>{" "}
            {/* Written by staff in a language the API does not name: isolated, direction from the text. */}
            <bdi lang="" dir="auto" data-testid="erasure-reason">
              {erasure.refusal_reason}
            </bdi>
          </p>
        </>
      )}
    </div>
  );
}
