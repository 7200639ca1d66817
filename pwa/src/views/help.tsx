// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useState } from "preact/hooks";
import { request, type Page, type Schemas } from "../api";
import type { AppContext } from "../app";
import { CATEGORIES, categoryLabel, stateLabel, windowText } from "../help-labels";
import { LANGUAGES, language, t } from "../i18n";
import { flush, queue } from "../outbox";
import type { QueuedRequest } from "../queue";
import { QueuedState } from "../components/queued";
import { DateSelect, TimeSelect } from "../components/date-time-select";

const CONSENT_PURPOSE = "share_contact_with_volunteer";

type HelpRequest = Schemas["OwnHelpRequestOut"];

type ConsentState = Schemas["ConsentStateOut"];

type HelpBody = Schemas["HelpRequestIn"];

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * Ask a volunteer for help, and follow, cancel or rate what was asked. Everything the resident
 * sends goes through the offline queue (with its Idempotency-Key), so it waits while offline.
 */
export function HelpView({ ctx }: { ctx: AppContext }) {
  const [items, setItems] = useState<HelpRequest[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [queued, setQueued] = useState<QueuedRequest[]>([]);
  const [consent, setConsent] = useState<ConsentState | null>(null);
  const [share, setShare] = useState(false);
  const [form, setForm] = useState({
    category: "paperwork" as HelpBody["category"],
    description: "",
    date: tomorrow(),
    from: "10:00",
    until: "12:00",
    neighbourhood: "",
    language: language(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await request<Page<HelpRequest>>("/api/v1/me/help-requests?limit=50")).data.items);
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
    }
  }, []);

  useEffect(() => {
    const onQueue = () =>
      void queue.list().then((all) => setQueued(all.filter((i) => i.kind.startsWith("help") || i.kind === "consent")));
    const onSent = () => void load();
    onQueue();
    void load();
    request<ConsentState[]>("/api/v1/me/consents")
      .then((r) => {
        const c = r.data.find((s) => s.purpose === CONSENT_PURPOSE) ?? null;
        setConsent(c);
        setShare(c?.state === "granted");
      })
      .catch(() => undefined);
    queue.addEventListener("change", onQueue);
    queue.addEventListener("sent", onSent);
    return () => {
      queue.removeEventListener("change", onQueue);
      queue.removeEventListener("sent", onSent);
    };
  }, [load]);

  const field = (name: keyof typeof form) => ({
    id: `help-${name}`,
    name,
    value: form[name],
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": errors[name] ? `help-${name}-error` : undefined,
    onInput: (e: Event) => {
      setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
      setErrors({ ...errors, [name]: "" });
    },
  });
  // The day and the times share one error message ("date").
  const when = (name: "date" | "from" | "until") => ({
    id: `help-${name}`,
    value: form[name],
    invalid: !!errors.date,
    describedBy: errors.date ? "help-date-error" : undefined,
    onChange: (value: string) => {
      setForm({ ...form, [name]: value });
      setErrors({ ...errors, date: "" });
    },
  });
  const thisYear = new Date().getFullYear();
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`help-${name}-error`} class="error">
        {errors[name]}
      </p>
    ) : null;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.description.trim()) found.description = t("Write what you need help with.");
    if (!/^[^\d@/\\,;:<>]{2,60}$/.test(form.neighbourhood.trim()))
      found.neighbourhood = t("Write the name of your neighbourhood, without street or house number.");
    const from = new Date(`${form.date}T${form.from}`);
    const until = new Date(`${form.date}T${form.until}`);
    if (isNaN(from.getTime()) || isNaN(until.getTime()) || until <= from || from.getTime() < Date.now())
      found.date = t("Choose a day in the future and an end time after the start time.");
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      // The consent first: the queue keeps the order, so the volunteer who claims sees the contact.
      if (share && consent?.text && consent.state !== "granted") {
        await queue.add({
          kind: "consent",
          method: "POST",
          path: "/api/v1/me/consents",
          body: { purpose: CONSENT_PURPOSE, action: "grant", text_version: consent.text.version, language: consent.text.language },
        });
      }
      const body: HelpBody = {
        category: form.category,
        description: form.description.trim(),
        wanted_from: from.toISOString(),
        wanted_until: until.toISOString(),
        neighbourhood: form.neighbourhood.trim(),
        language: form.language,
      };
      await queue.add({ kind: "help", method: "POST", path: "/api/v1/me/help-requests", body });
      setForm({ ...form, description: "" });
      await flush();
      const left = (await queue.list()).some((i) => i.kind === "help" && !i.failed);
      ctx.announce(
        left
          ? t("You are offline. Your request will be sent when you are online again.")
          : t("Your request for help has been sent."),
      );
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (id: string) => {
    await queue.add({ kind: "help-cancel", method: "POST", path: `/api/v1/me/help-requests/${id}/cancel`, body: {} });
    await flush();
    ctx.announce(t("Your request for help has been cancelled."));
  };

  const rate = async (id: string, rating: number) => {
    await queue.add({ kind: "help-rating", method: "PUT", path: `/api/v1/me/help-requests/${id}/rating`, body: { rating } });
    await flush();
    ctx.announce(t("Thank you for your rating."));
  };

  const waitingHelp = queued.filter((q) => q.kind === "help");
  const pendingFor = (id: string) => queued.some((q) => q.path.includes(id) && !q.failed);
  const refused = queued.filter((q) => q.failed);

  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title" tabIndex={-1}>
        {t("Ask for help")}
      </h1>
      <p>{t("A volunteer from your neighbourhood can help you, for example with a letter or by going with you to an appointment.")}</p>
      <form onSubmit={submit} noValidate data-testid="help-form">
        <label for="help-category">{t("What do you need help with?")}</label>
        <select {...field("category")} onChange={(e) => setForm({ ...form, category: (e.target as HTMLSelectElement).value as HelpBody["category"] })}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
        <label for="help-description">{t("Tell a little more")}</label>
        <textarea rows={4} maxLength={1000} {...field("description")} />
        {fieldError("description")}
        <DateSelect legend={t("Which day?")} years={[thisYear, thisYear + 1]} {...when("date")} />
        <div class="row">
          <div>
            <TimeSelect legend={t("From")} {...when("from")} />
          </div>
          <div>
            <TimeSelect legend={t("Until")} {...when("until")} />
          </div>
        </div>
        {fieldError("date")}
        <label for="help-neighbourhood">{t("Your neighbourhood")}</label>
        <p id="help-neighbourhood-hint" class="hint">
          {t("Only the name of the neighbourhood. Never your address.")}
        </p>
        <input type="text" maxLength={60} autocomplete="off" {...field("neighbourhood")} aria-describedby={errors.neighbourhood ? "help-neighbourhood-hint help-neighbourhood-error" : "help-neighbourhood-hint"} />
        {fieldError("neighbourhood")}
        <label for="help-language">{t("Language you want to speak with the volunteer")}</label>
        <select {...field("language")} onChange={(e) => setForm({ ...form, language: (e.target as HTMLSelectElement).value })}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        {consent?.text && (
          <fieldset class="consent" data-testid="help-consent">
            <legend>{consent.text.title}</legend>
            <p class="text" lang={consent.text.language} dir="auto">
              {consent.text.body}
            </p>
            <label class="check">
              <input
                type="checkbox"
                name="share"
                checked={share}
                disabled={consent.state === "granted"}
                onChange={(e) => setShare((e.target as HTMLInputElement).checked)}
              />
              {consent.state === "granted"
                ? t("You already agreed. You can change this under My data.")
                : t("I agree that the volunteer who helps me sees this")}
            </label>
          </fieldset>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t("Ask for help")}
        </button>
      </form>

      {(waitingHelp.length > 0 || refused.length > 0) && (
        <>
          <h2>{t("Not sent yet")}</h2>
          <ul class="list" data-testid="queued-help">
            {[...waitingHelp.filter((q) => !q.failed), ...refused].map((q) => (
              <li key={q.id} class="card queued-item">
                {q.kind === "help" && <p class="text">{(q.body as HelpBody).description}</p>}
                <QueuedState item={q} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t("My requests for help")}</h2>
      {loadFailed && items === null && <p class="error">{t("Your requests could not be loaded. Try again later.")}</p>}
      {items === null && !loadFailed && <p aria-busy="true">{t("Loading…")}</p>}
      {items && items.length === 0 && <p>{t("You have not asked for help yet.")}</p>}
      {items && items.length > 0 && (
        <ul class="list" data-testid="help-requests">
          {items.map((r) => (
            <li key={r.id} class="card" data-help-id={r.id} data-state={r.state}>
              <h3>{categoryLabel(r.category)}</h3>
              <p class="text" dir="auto">
                {r.description}
              </p>
              <p class="meta">{windowText(r)}</p>
              <p class={`badge${r.state === "claimed" || r.state === "done" ? " ok" : ""}`} data-testid="help-state">
                {stateLabel(r.state)}
                {r.volunteer && (
                  <>
                    {" · "}
                    <bdi>{r.volunteer.display_name}</bdi>
                  </>
                )}
              </p>
              {(r.state === "open" || r.state === "claimed") && !pendingFor(r.id) && (
                <div class="actions">
                  <button type="button" class="danger" onClick={() => void cancel(r.id)}>
                    {t("Cancel this request")}
                  </button>
                </div>
              )}
              {r.state === "done" && (
                <fieldset class="rating">
                  <legend>{t("How was the help?")}</legend>
                  <div class="actions">
                    {[1, 2, 3, 4, 5].map((n) => (
                      <button
                        key={n}
                        type="button"
                        aria-pressed={r.feedback.rating === n}
                        aria-label={t("{count} out of 5", { count: n })}
                        onClick={() => void rate(r.id, n)}
                      >
                        {n}
                      </button>
                    ))}
                  </div>
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
