// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { Fragment } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, problemText, request, type Page, type Schemas } from "../api";
import type { AppContext } from "../app";
import { categoryLabel, stateLabel, windowText } from "../help-labels";
import { t } from "../i18n";
import { LanguageName } from "../components/in-language";

type VolunteerRequest = Schemas["VolunteerHelpRequestOut"];

/**
 * Volunteers: open requests they may see (their languages and areas), claim one, and their own
 * requests (release, done). These act at once and need a connection: a claim must know whether
 * another volunteer was first. The API returns only what the resident consented to; shown as is.
 */
export function VolunteerView({ ctx }: { ctx: AppContext }) {
  const [open, setOpen] = useState<VolunteerRequest[] | null>(null);
  const [mine, setMine] = useState<VolunteerRequest[] | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [o, m] = await Promise.all([
        request<Page<VolunteerRequest>>("/api/v1/volunteer/help-requests?limit=50"),
        request<Page<VolunteerRequest>>("/api/v1/volunteer/help-requests/mine?state=claimed&limit=50"),
      ]);
      setOpen(o.data.items);
      setMine(m.data.items);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 403
          ? problemText(e, "")
          : t("The requests could not be loaded. Try again later."),
      );
    }
  }, []);

  useEffect(() => void load(), [load]);

  const act = async (id: string, action: "claim" | "release" | "done") => {
    setBusy(id);
    setError("");
    try {
      await request(`/api/v1/volunteer/help-requests/${id}/${action}`, { method: "POST", body: {} });
      ctx.announce(
        action === "claim"
          ? t("You will help with this request.")
          : action === "done"
            ? t("Marked as done. Thank you!")
            : t("You gave the request back."),
      );
    } catch (e) {
      setError(problemText(e, t("There is no connection. Try again when you are online.")));
    } finally {
      setBusy(null);
      await load();
    }
  };

  const card = (r: VolunteerRequest) => (
    <li key={r.id} class="card" data-help-id={r.id} data-state={r.state}>
      <h3>{categoryLabel(r.category)}</h3>
      <p class="text" dir="auto">
        {r.description}
      </p>
      <p class="meta">{windowText(r)}</p>
      <p class="meta">
        {r.neighbourhood} · <LanguageName code={r.language} />
      </p>
      <p class="badge" data-testid="volunteer-state">
        {stateLabel(r.state)}
      </p>
      {r.contact ? (
        <dl class="contact" data-testid="contact">
          <dt>{t("Name")}</dt>
          <dd dir="auto">{r.contact.preferred_name}</dd>
          {r.contact.phone && (
            <>
              <dt>{t("Phone")}</dt>
              <dd dir="ltr">
                <a href={`tel:${r.contact.phone.replace(/[^\d+]/g, "")}`}>{r.contact.phone}</a>
              </dd>
            </>
          )}
          {r.contact.email && (
            <>
              <dt>{t("E-mail")}</dt>
              <dd dir="ltr">{r.contact.email}</dd>
            </>
          )}
          {r.contact.languages.length > 0 && (
            <>
              <dt>{t("Languages")}</dt>
              <dd>
                {r.contact.languages.map((code, i) => (
                  <Fragment key={code}>
                    {i > 0 && ", "}
                    <LanguageName code={code} />
                  </Fragment>
                ))}
              </dd>
            </>
          )}
        </dl>
      ) : (
        r.mine && <p class="hint">{t("The resident has not agreed to share contact details. The coordinator can help.")}</p>
      )}
      <div class="actions">
        {r.state === "open" && (
          <button type="button" class="primary" disabled={busy !== null} onClick={() => void act(r.id, "claim")}>
            {t("I will help")}
          </button>
        )}
        {r.mine && r.state === "claimed" && (
          <>
            <button type="button" class="primary" disabled={busy !== null} onClick={() => void act(r.id, "done")}>
              {t("Mark as done")}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void act(r.id, "release")}>
              {t("Give back")}
            </button>
          </>
        )}
      </div>
    </li>
  );

  return (
    <section aria-labelledby="volunteer-title">
      <h1 id="volunteer-title" tabIndex={-1}>
        {t("Requests for help")}
      </h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h2>{t("I help with")}</h2>
      {mine === null && !error && <p aria-busy="true">{t("Loading…")}</p>}
      {mine && mine.length === 0 && <p>{t("You are not helping with a request now.")}</p>}
      {mine && mine.length > 0 && (
        <ul class="list" data-testid="mine">
          {mine.map(card)}
        </ul>
      )}
      <h2>{t("Open requests")}</h2>
      {open && open.length === 0 && <p>{t("There are no open requests in your languages and neighbourhoods.")}</p>}
      {open && open.length > 0 && (
        <ul class="list" data-testid="open">
          {open.map(card)}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={() => void load()}>
          {t("Refresh")}
        </button>
      </div>
    </section>
  );
}
