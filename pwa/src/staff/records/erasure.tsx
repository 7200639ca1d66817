// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Residents' erasure requests for records management: the list by state (oldest first) and one
 * request (the read is audited by the API) with what completing it keeps under a legal duty and
 * why, and the questions it still waits for. Carry it out (after a confirmation: it cannot be
 * undone) or refuse it with a reason the resident reads.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Schemas } from "../../api";
import { formatDate } from "../../i18n";
import { failure, submitErrors, useList } from "../forms";
import { t } from "../i18n";
import { FilterSelect, Filters, ListStatus, LoadStatus } from "../list-view";
import { Alert, FieldError, invalid } from "../messages";

type Summary = Schemas["ErasureRequestSummary"];
type Detail = Schemas["ErasureRequestDetail"];

export const ERASURE_STATES = ["requested", "completed", "refused"] as const;

export function erasureStateLabel(state: string): string {
  switch (state) {
    case "requested":
      return t("Waiting for a decision");
    case "completed":
      return t("Carried out");
    case "refused":
      return t("Refused");
    default:
      return state;
  }
}

export function ErasureRequestsView() {
  const [state, setState] = useState("requested");
  const { items, error, more } = useList<Summary>(`/api/v1/admin/erasure-requests${state ? `?${new URLSearchParams({ state })}` : ""}`);

  return (
    <section aria-labelledby="erasure-title">
      <h1 id="erasure-title" tabIndex={-1}>
        {t("Erasure requests")}
      </h1>
      <Filters>
        <FilterSelect id="filter-erasure-state" label={t("Status")} value={state} onChange={setState} all={t("All")} options={ERASURE_STATES} optionLabel={erasureStateLabel} />
      </Filters>
      <ListStatus items={items} error={error} empty={t("No erasure requests.")} more={more}>
        {(items) => (
          <table class="inbox" data-testid="erasure-requests">
            <thead>
              <tr>
                <th scope="col">{t("Requested")}</th>
                <th scope="col">{t("Resident (id)")}</th>
                <th scope="col">{t("Status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-request-id={r.id}>
                  <td>
                    <a href={`#/records/erasure/${r.id}`}>{formatDate(r.requested_at)}</a>
                  </td>
                  <td>
                    <code class="id">{r.resident_id}</code>
                  </td>
                  <td>{erasureStateLabel(r.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}

export function ErasureRequestView({ id }: { id: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"reason", string>>; form: string }>({ fields: {}, form: "" });

  const load = useCallback(async () => {
    try {
      const r = await request<Detail>(`/api/v1/admin/erasure-requests/${id}`);
      setDetail(r.data);
      setError(null);
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      await request(`/api/v1/admin/erasure-requests/${id}/complete`, { method: "POST", body: {} });
      setConfirming(false);
      setStatus(t("The erasure was carried out."));
      await load();
    } catch (e) {
      setError(failure(e, t("No connection. Nothing was sent; try again.")));
    } finally {
      setBusy(false);
    }
  };

  const refuse = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await request(`/api/v1/admin/erasure-requests/${id}/refuse`, { method: "POST", body: { reason } });
      setErrors({ fields: {}, form: "" });
      setStatus(t("The request was refused; the resident is told why."));
      await load();
    } catch (e) {
      setErrors(submitErrors(e, ["reason"] as const));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="erasure-request-title">
      <p>
        <a href="#/records/erasure">{t("Back to the erasure requests")}</a>
      </p>
      <h1 id="erasure-request-title" tabIndex={-1}>
        {t("Erasure request")}
      </h1>
      <LoadStatus loaded={!!detail} error={error} />
      {detail && (
        <>
          <dl class="facts">
            <dt>{t("Requested")}</dt>
            <dd>{formatDate(detail.requested_at)}</dd>
            <dt>{t("Resident (id)")}</dt>
            <dd>
              <code class="id">{detail.resident_id}</code>
            </dd>
            <dt>{t("Status")}</dt>
            <dd data-testid="erasure-state">{erasureStateLabel(detail.state)}</dd>
            {detail.reason && (
              <>
                <dt>{t("The resident's reason")}</dt>
                <dd dir="auto">{detail.reason}</dd>
              </>
            )}
            {detail.refusal_reason && (
              <>
                <dt>{t("Reason for refusal")}</dt>
                <dd dir="auto">{detail.refusal_reason}</dd>
              </>
            )}
          </dl>
          {detail.waiting_for_registration > 0 && (
            <p class="notice">
              {t("{count} questions are not registered in the case system yet; the erasure waits for them.", {
                count: detail.waiting_for_registration,
              })}
            </p>
          )}
          <h2>{t("Kept under a legal duty")}</h2>
          {detail.retained.length === 0 ? (
            <p>{t("Nothing is kept.")}</p>
          ) : (
            <table class="inbox">
              <thead>
                <tr>
                  <th scope="col">{t("Table")}</th>
                  <th scope="col">{t("Rows")}</th>
                  <th scope="col">{t("Why")}</th>
                </tr>
              </thead>
              <tbody>
                {detail.retained.map((r) => (
                  <tr key={r.table}>
                    <td>
                      <code>{r.table}</code>
                    </td>
                    <td>{r.rows}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {detail.state === "requested" && (
            <div class="columns">
              <div class="card">
                <h2>{t("Carry out the erasure")}</h2>
                <p>{t("Everything about the resident is deleted or made anonymous, except what is kept above. This cannot be undone.")}</p>
                {confirming ? (
                  <div class="row">
                    <button type="button" class="primary" disabled={busy} onClick={() => void complete()}>
                      {t("Yes, erase now")}
                    </button>
                    <button type="button" onClick={() => setConfirming(false)}>
                      {t("Cancel")}
                    </button>
                  </div>
                ) : (
                  <button type="button" onClick={() => setConfirming(true)}>
                    {t("Carry out the erasure")}
                  </button>
                )}
              </div>
              <form class="card" aria-labelledby="refuse-title" onSubmit={(e) => void refuse(e)} noValidate>
                <h2 id="refuse-title">{t("Refuse")}</h2>
                <label for="refusal-reason">{t("Reason (the resident reads it)")}</label>
                <textarea
                  id="refusal-reason"
                  rows={3}
                  value={reason}
                  {...invalid("refusal-reason", errors.fields.reason)}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
                <FieldError id="refusal-reason" error={errors.fields.reason} />
                <Alert message={errors.form} />
                <button type="submit" disabled={busy}>
                  {t("Refuse the request")}
                </button>
              </form>
            </div>
          )}
        </>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
