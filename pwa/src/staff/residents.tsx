// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Residents of the municipality (newest first, as the API lists them; each row shown is audited
 * by the API) and one resident's file (file.tsx) with the activation codes: issue a new one and
 * print the letter. The code exists only in this page's memory until the letter view closes (see
 * letter.tsx).
 */
import { useEffect, useState } from "preact/hooks";
import { request, type Schemas, type Session } from "../api";
import { direction, formatDate } from "../i18n";
import { AssignColleague, BecomeCaseworker, ConsentPart, HouseholdPart, JourneyPart, RegisteredPart, ResidentData, WhoLookedPart } from "./file";
import { failure, useList } from "./forms";
import { t } from "./i18n";
import { languageLabel } from "./labels";
import { keepIssuedCode } from "./letter";
import { ListStatus, LoadStatus } from "./list-view";

type Summary = Schemas["ResidentSummary"];
type Detail = Schemas["ResidentDetail"];
type CodeState = Schemas["ActivationCodeState"];
type Issued = Schemas["ActivationCodeOut"];

function LanguageCell({ code }: { code: string }) {
  const label = languageLabel(code);
  return (
    <>
      {label.name}
      {label.own !== label.name && (
        <>
          {" "}
          <span lang={code} dir={direction(code)}>
            ({label.own})
          </span>
        </>
      )}
    </>
  );
}

export function ResidentsView() {
  const { items, error, more } = useList<Summary>("/api/v1/admin/residents");

  return (
    <section aria-labelledby="residents-title">
      <h1 id="residents-title" tabIndex={-1}>
        {t("Residents")}
      </h1>
      <p>
        <a class="button" href="#/residents/new">
          {t("New resident (intake)")}
        </a>
      </p>
      <ListStatus items={items} error={error} empty={t("No residents.")} more={more}>
        {(items) => (
          <table class="inbox" data-testid="residents">
            <thead>
              <tr>
                <th scope="col">{t("Name")}</th>
                <th scope="col">{t("Language")}</th>
                <th scope="col">{t("Caseworker")}</th>
                <th scope="col">{t("Last activity")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-resident-id={r.id}>
                  <td>
                    <a href={`#/residents/${r.id}`} dir="auto">
                      {r.preferred_name}
                    </a>
                  </td>
                  <td>
                    <LanguageCell code={r.preferred_language} />
                  </td>
                  <td>{r.caseworker?.name ?? "—"}</td>
                  <td>
                    <time dateTime={r.last_activity_at}>{formatDate(r.last_activity_at)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStatus>
    </section>
  );
}

function stateLabel(state: string): string {
  switch (state) {
    case "active":
      return t("Usable");
    case "spent":
      return t("Used");
    case "expired":
      return t("Expired");
    case "revoked":
      return t("Stopped");
    default:
      return state;
  }
}

/** Issue a code for the resident and open the printable letter (the code kept in memory only). */
export async function issueCodeAndOpenLetter(resident: Detail): Promise<void> {
  // Not idempotent on purpose (the API's choice): a retry issues a fresh code and stops this one.
  const r = await request<Issued>(`/api/v1/admin/residents/${resident.id}/activation-codes`, { method: "POST", body: {} });
  keepIssuedCode(resident, r.data);
  location.hash = `#/residents/${resident.id}/letter`;
}

export function ResidentView({ id, session }: { id: string; session: Session }) {
  const [resident, setResident] = useState<Detail | null>(null);
  const [codes, setCodes] = useState<CodeState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<Detail>(`/api/v1/admin/residents/${id}`).then(
      (r) => setResident(r.data),
      (e) => setError(failure(e, t("No connection. Try again."))),
    );
    request<CodeState[]>(`/api/v1/admin/residents/${id}/activation-codes`).then(
      (r) => setCodes(r.data),
      () => undefined,
    );
  }, [id]);

  const issue = async () => {
    if (!resident) return;
    setBusy(true);
    setError(null);
    try {
      await issueCodeAndOpenLetter(resident);
    } catch (e) {
      setError(failure(e, t("No connection. Nothing was sent; try again.")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="resident-title">
      <p>
        <a href="#/residents">{t("Residents")}</a>
      </p>
      <h1 id="resident-title" tabIndex={-1} dir="auto">
        {resident?.preferred_name ?? t("Residents")}
      </h1>
      <LoadStatus loaded={!!resident} error={error} />
      {resident && (
        <>
          <p class="resident-language">
            {t("Resident's language:")}{" "}
            <strong>
              <LanguageCell code={resident.preferred_language} />
            </strong>
          </p>
          <div class="file">
            <ResidentData resident={resident}>
              <BecomeCaseworker resident={resident} session={session} setResident={setResident} />
              <AssignColleague resident={resident} session={session} setResident={setResident} />
            </ResidentData>
            <RegisteredPart resident={resident} setResident={setResident} />
            <section class="card file-part" aria-labelledby="codes-title">
              <h2 id="codes-title">{t("Activation codes")}</h2>
              {codes.length > 0 && (
                <ul data-testid="codes">
                  {codes.map((c) => (
                    <li key={c.id}>
                      {t("Issued on {date}", { date: formatDate(c.created_at) })}: <strong>{stateLabel(c.state)}</strong>
                    </li>
                  ))}
                </ul>
              )}
              <p class="meta">{t("A new code stops earlier codes that were not used.")}</p>
              <button type="button" class="primary" disabled={busy} onClick={() => void issue()}>
                {t("Issue activation code")}
              </button>
            </section>
            <HouseholdPart id={id} />
            <JourneyPart id={id} />
            <ConsentPart id={id} />
          </div>
          {/* The API records its own read first: this visit is in the list. */}
          <WhoLookedPart id={id} />
        </>
      )}
    </section>
  );
}
