// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The coordinator's help requests: those nobody took for too long (the API's ageing list, oldest
 * first) and all requests by state (newest first), with how long each waited. An open or held
 * request can go to another vetted volunteer who speaks its language, or be opened again. The API
 * never sends the resident's contact details here.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Page, request, type Schemas } from "../../api";
import { formatDate } from "../../i18n";
import { failure, submitErrors } from "../forms";
import { t } from "../i18n";
import { languageLabel } from "../labels";
import { FilterSelect, Filters, ListStatus } from "../list-view";
import { Alert, FieldError, invalid } from "../messages";
import { ageText, canReassign, categoryLabel, HELP_STATES, helpStateLabel } from "./labels";
import type { Volunteer } from "./volunteers";

export type HelpRequest = Schemas["CoordinatorHelpRequestOut"];

/** Vetted, not suspended volunteers who speak the request's language: who it can go to. */
export function candidatesFor(request: HelpRequest, volunteers: Volunteer[]): Volunteer[] {
  return volunteers.filter(
    (v) => v.vetting.state === "vetted" && v.languages.includes(request.language) && v.id !== request.volunteer_id,
  );
}

function RequestsTable({
  items,
  caption,
  testid,
  onReassign,
}: {
  items: HelpRequest[];
  caption: string;
  testid: string;
  onReassign: (r: HelpRequest) => void;
}) {
  return (
    <table class="inbox" data-testid={testid}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("Help with")}</th>
          <th scope="col">{t("Language")}</th>
          <th scope="col">{t("Neighbourhood")}</th>
          <th scope="col">{t("Asked")}</th>
          <th scope="col">{t("Waited")}</th>
          <th scope="col">{t("Status")}</th>
          <th scope="col">{t("Volunteer")}</th>
          <th scope="col">
            <span class="visually-hidden">{t("Actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-request-id={r.id} data-state={r.state}>
            <td>{categoryLabel(r.category)}</td>
            <td>{languageLabel(r.language).name}</td>
            <td dir="auto">{r.neighbourhood}</td>
            <td>
              <time dateTime={r.created_at}>{formatDate(r.created_at)}</time>
            </td>
            <td>{ageText(r.age_hours)}</td>
            <td>{helpStateLabel(r.state)}</td>
            <td dir="auto">{r.volunteer_name ?? "—"}</td>
            <td>
              {canReassign(r.state) && (
                <button type="button" onClick={() => onReassign(r)}>
                  {t("Reassign")}
                  <span class="visually-hidden">
                    {" "}
                    {categoryLabel(r.category)}, {formatDate(r.created_at)}
                  </span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Choices for the ageing list besides the configured time: waited longer than a day, three days, a week. */
export const AGEING_HOURS = ["24", "72", "168"] as const;

/** The ageing list's path: the configured time, or longer than `hours` when one is chosen. */
export function ageingPath(hours: string): string {
  const params = new URLSearchParams({ limit: "50" });
  if (hours) params.set("older_than_hours", hours);
  return `/api/v1/admin/volunteers/help-requests/ageing?${params}`;
}

export function HelpRequestsView() {
  const [state, setState] = useState("");
  const [olderThan, setOlderThan] = useState<"" | (typeof AGEING_HOURS)[number]>("");
  const [ageing, setAgeing] = useState<HelpRequest[] | null>(null);
  const [items, setItems] = useState<HelpRequest[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [volunteers, setVolunteers] = useState<Volunteer[]>([]);
  const [selected, setSelected] = useState<HelpRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const load = async (cursor?: string) => {
    const params = new URLSearchParams({ limit: "50" });
    if (state) params.set("state", state);
    if (cursor) params.set("cursor", cursor);
    try {
      const r = await request<Page<HelpRequest>>(`/api/v1/admin/volunteers/help-requests?${params}`);
      setItems((old) => [...(cursor ? (old ?? []) : []), ...r.data.items]);
      setNext(r.data.next_cursor);
      setError(null);
      return r.data.items;
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
      return [];
    }
  };

  const loadAgeing = async () => {
    try {
      const r = await request<Page<HelpRequest>>(ageingPath(olderThan));
      setAgeing(r.data.items);
    } catch (e) {
      setError(failure(e, t("No connection. Try again.")));
    }
  };

  useEffect(() => {
    setItems(null);
    void load();
  }, [state]);

  useEffect(() => {
    setAgeing(null);
    void loadAgeing();
  }, [olderThan]);

  useEffect(() => {
    request<Page<Volunteer>>("/api/v1/admin/volunteers?state=vetted&limit=100").then(
      (r) => setVolunteers(r.data.items),
      () => undefined,
    );
  }, []);

  const reassigned = async (message: string) => {
    setSelected(null);
    setStatus(message);
    await Promise.all([load(), loadAgeing()]);
  };

  // Someone changed the request meanwhile (a volunteer claimed or finished it): show it as it is
  // now in the lists and in the form, which keeps the choice made.
  const changedMeanwhile = async (id: string) => {
    const [listed] = await Promise.all([load(), loadAgeing()]);
    const now = listed.find((r) => r.id === id);
    if (now) setSelected(now);
  };

  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title" tabIndex={-1}>
        {t("Help requests")}
      </h1>
      <Alert message={error} />
      <h2 id="ageing-title">{t("Nobody took these yet")}</h2>
      <p class="meta">{t("Open requests no volunteer took for longer than the set time, the oldest first.")}</p>
      <Filters>
        <FilterSelect id="ageing-older-than" label={t("Waiting longer than")} value={olderThan} onChange={setOlderThan} all={t("The set time")} options={AGEING_HOURS} optionLabel={(hours) => ageText(Number(hours))} />
      </Filters>
      <ListStatus items={ageing} error={error} showError={false} empty={t("None waiting too long.")}>
        {(ageing) => <RequestsTable items={ageing} caption={t("Nobody took these yet")} testid="ageing" onReassign={setSelected} />}
      </ListStatus>
      <h2 id="all-title">{t("All help requests")}</h2>
      <Filters>
        <FilterSelect id="filter-help-state" label={t("Status")} value={state} onChange={setState} all={t("All")} options={HELP_STATES} optionLabel={helpStateLabel} />
      </Filters>
      <ListStatus items={items} error={error} showError={false} empty={t("No help requests.")} more={next ? () => void load(next) : null}>
        {(items) => <RequestsTable items={items} caption={t("All help requests")} testid="help-requests" onReassign={setSelected} />}
      </ListStatus>
      {selected && (
        <ReassignForm
          key={selected.id}
          request={selected}
          candidates={candidatesFor(selected, volunteers)}
          onDone={(m) => void reassigned(m)}
          onConflict={() => void changedMeanwhile(selected.id)}
          onCancel={() => setSelected(null)}
        />
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

function ReassignForm({
  request: help,
  candidates,
  onDone,
  onConflict,
  onCancel,
}: {
  request: HelpRequest;
  candidates: Volunteer[];
  onDone: (message: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const [volunteer, setVolunteer] = useState(candidates[0]?.id ?? "");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"volunteer_id", string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the lists: the focus goes to it, so keyboard users land there.
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await request(`/api/v1/admin/volunteers/help-requests/${help.id}/volunteer`, {
        method: "PUT",
        body: { volunteer_id: volunteer || null },
      });
      onDone(volunteer ? t("The request was given to another volunteer.") : t("The request is open again."));
    } catch (e) {
      setErrors(submitErrors(e, ["volunteer_id"] as const));
      if (e instanceof ApiError && e.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card reassign" aria-labelledby="reassign-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="reassign-title" tabIndex={-1} ref={heading}>
        {t("Reassign: {category}, asked on {date}", { category: categoryLabel(help.category), date: formatDate(help.created_at) })}
      </h2>
      <p>
        {t("Now")}: {helpStateLabel(help.state)}
        {help.volunteer_name && <> ({help.volunteer_name})</>}. {t("Language")}: {languageLabel(help.language).name}
      </p>
      <label for="reassign-volunteer">{t("Give it to")}</label>
      <select
        id="reassign-volunteer"
        value={volunteer}
        {...invalid("reassign-volunteer", errors.fields.volunteer_id)}
        onChange={(e) => setVolunteer(e.currentTarget.value)}
      >
        {candidates.map((v) => (
          <option key={v.id} value={v.id}>
            {v.display_name}
          </option>
        ))}
        <option value="">{t("Nobody: open it again for every volunteer")}</option>
      </select>
      <FieldError id="reassign-volunteer" error={errors.fields.volunteer_id} />
      <Alert message={errors.form} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t("Reassign")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("Cancel")}
        </button>
      </div>
    </form>
  );
}
