// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The coordinator's volunteers: the list by vetting state, and one volunteer's page where the
 * coordinator records the VOG they saw (vetting), suspends with a reason or lifts a suspension.
 * The API answers a bad date or a missing reason with field errors, shown at their inputs; what
 * was typed stays.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../../api";
import { formatDate, formatDay } from "../../i18n";
import { failure, submitErrors, useList } from "../forms";
import { t } from "../i18n";
import { languageLabel } from "../labels";
import { FilterSelect, Filters, ListStatus, LoadStatus } from "../list-view";
import { Alert, FieldError, invalid } from "../messages";
import { categoryLabel, VOLUNTEER_STATES, vettingLabel } from "./labels";

export type Volunteer = Schemas["CoordinatorProfileOut"];

function languages(codes: string[]): string {
  return codes.map((code) => languageLabel(code).name).join(", ");
}

export function VolunteersView() {
  const [state, setState] = useState("");
  const { items, error, more } = useList<Volunteer>(`/api/v1/admin/volunteers${state ? `?${new URLSearchParams({ state })}` : ""}`);

  return (
    <section aria-labelledby="volunteers-title">
      <h1 id="volunteers-title" tabIndex={-1}>
        {t("Volunteers")}
      </h1>
      <Filters>
        <FilterSelect id="filter-vetting" label={t("Vetting")} value={state} onChange={setState} all={t("Everyone")} options={VOLUNTEER_STATES} optionLabel={vettingLabel} />
      </Filters>
      <ListStatus items={items} error={error} empty={t("No volunteers.")} more={more}>
        {(items) => (
          <table class="inbox" data-testid="volunteers">
            <thead>
              <tr>
                <th scope="col">{t("Name")}</th>
                <th scope="col">{t("Vetting")}</th>
                <th scope="col">{t("Languages")}</th>
                <th scope="col">{t("Neighbourhoods")}</th>
                <th scope="col">{t("Requests held")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr key={v.id} data-volunteer-id={v.id} data-state={v.vetting.state}>
                  <td>
                    <a href={`#/volunteers/${v.id}`} dir="auto">
                      {v.display_name}
                    </a>
                  </td>
                  <td>{vettingLabel(v.vetting.state)}</td>
                  <td>{languages(v.languages)}</td>
                  <td dir="auto">{v.areas.join(", ") || "—"}</td>
                  <td>{v.open_claims}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}

export function VolunteerView({ id }: { id: string }) {
  const [volunteer, setVolunteer] = useState<Volunteer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const load = useCallback(async () => {
    try {
      const r = await request<Volunteer>(`/api/v1/admin/volunteers/${id}`);
      setVolunteer(r.data);
      setError(null);
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
    }
  }, [id]);

  useEffect(() => {
    setVolunteer(null);
    void load();
  }, [load]);

  const changed = (v: Volunteer, message: string) => {
    setVolunteer(v);
    setStatus(message);
  };

  return (
    <section aria-labelledby="volunteer-title">
      <p>
        <a href="#/volunteers">{t("Back to the volunteers")}</a>
      </p>
      <h1 id="volunteer-title" tabIndex={-1} dir="auto">
        {volunteer?.display_name ?? t("Volunteers")}
      </h1>
      <LoadStatus loaded={!!volunteer} error={error} />
      {volunteer && (
        <div class="columns">
          <div>
            <dl class="facts" data-testid="volunteer-facts">
              <dt>{t("Vetting")}</dt>
              <dd data-testid="vetting-state" data-state={volunteer.vetting.state}>{vettingLabel(volunteer.vetting.state)}</dd>
              {volunteer.vetting.vog_date && (
                <>
                  <dt>{t("VOG issued on")}</dt>
                  <dd data-testid="vog-date">{formatDay(volunteer.vetting.vog_date)}</dd>
                </>
              )}
              {volunteer.vetting.suspended_at && (
                <>
                  <dt>{t("Suspended since")}</dt>
                  <dd>{formatDate(volunteer.vetting.suspended_at)}</dd>
                  <dt>{t("Reason")}</dt>
                  <dd dir="auto">{volunteer.suspension_reason}</dd>
                </>
              )}
              <dt>{t("Languages")}</dt>
              <dd>{languages(volunteer.languages)}</dd>
              <dt>{t("Can help with")}</dt>
              <dd>{volunteer.skills.map(categoryLabel).join(", ") || "—"}</dd>
              <dt>{t("Neighbourhoods")}</dt>
              <dd dir="auto">{volunteer.areas.join(", ") || "—"}</dd>
              <dt>{t("Organisation")}</dt>
              <dd dir="auto">{volunteer.organisation ?? "—"}</dd>
              <dt>{t("Requests held")}</dt>
              <dd>{volunteer.open_claims}</dd>
            </dl>
          </div>
          <div>
            <VettingForm volunteer={volunteer} onDone={changed} />
            <SuspensionForm volunteer={volunteer} onDone={changed} />
          </div>
        </div>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

type Done = (v: Volunteer, message: string) => void;

function VettingForm({ volunteer, onDone }: { volunteer: Volunteer; onDone: Done }) {
  const [date, setDate] = useState(volunteer.vetting.vog_date ?? "");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"vog_date", string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const r = await request<Volunteer>(`/api/v1/admin/volunteers/${volunteer.id}/vetting`, {
        method: "PUT",
        body: { vog_date: date },
      });
      setErrors({ fields: {}, form: "" });
      onDone(r.data, t("The vetting was recorded."));
    } catch (e) {
      setErrors(submitErrors(e, ["vog_date"] as const));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" aria-labelledby="vetting-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="vetting-title">{t("Vetting")}</h2>
      <p class="meta">{t("Record the issue date of the VOG (certificate of conduct) you saw.")}</p>
      <label for="vog-date">{t("VOG issued on")}</label>
      <input
        id="vog-date"
        type="date"
        value={date}
        {...invalid("vog-date", errors.fields.vog_date)}
        onInput={(e) => setDate(e.currentTarget.value)}
      />
      <FieldError id="vog-date" error={errors.fields.vog_date} />
      <Alert message={errors.form} />
      <button type="submit" class="primary" disabled={busy}>
        {t("Record vetting")}
      </button>
    </form>
  );
}

function SuspensionForm({ volunteer, onDone }: { volunteer: Volunteer; onDone: Done }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"reason", string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  const suspended = volunteer.vetting.state === "suspended";

  const send = async (method: "PUT" | "DELETE", event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    try {
      const r = await request<Volunteer>(`/api/v1/admin/volunteers/${volunteer.id}/suspension`, {
        method,
        body: method === "PUT" ? { reason } : undefined,
      });
      setErrors({ fields: {}, form: "" });
      setReason("");
      onDone(r.data, method === "PUT" ? t("The volunteer is suspended.") : t("The suspension was lifted."));
    } catch (e) {
      setErrors(submitErrors(e, ["reason"] as const));
    } finally {
      setBusy(false);
    }
  };

  if (suspended) {
    return (
      <div class="card">
        <h2>{t("Suspension")}</h2>
        <p>{t("Suspended volunteers see nothing about residents.")}</p>
        <Alert message={errors.form} />
        <button type="button" disabled={busy} onClick={() => void send("DELETE")}>
          {t("Lift the suspension")}
        </button>
      </div>
    );
  }
  return (
    <form class="card" aria-labelledby="suspension-title" onSubmit={(e) => void send("PUT", e)} noValidate>
      <h2 id="suspension-title">{t("Suspension")}</h2>
      <p class="meta">{t("A suspended volunteer sees nothing about residents; the requests they hold open again.")}</p>
      <label for="suspension-reason">{t("Reason")}</label>
      <textarea
        id="suspension-reason"
        rows={3}
        value={reason}
        {...invalid("suspension-reason", errors.fields.reason)}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <FieldError id="suspension-reason" error={errors.fields.reason} />
      <Alert message={errors.form} />
      <button type="submit" disabled={busy}>
        {t("Suspend")}
      </button>
    </form>
  );
}
