import { useEffect, useRef, useState } from "preact/hooks";
import { API_BASE, type Page } from "../api";
import type { ViewProps } from "../routes";
import { formatDate, formatList, t } from "../i18n";
import { flush, queue } from "../outbox";
import type { QueuedRequest } from "../queue";
import { ReadState, useRead } from "../components/read";

interface ConsentText {
  version: number;
  language: string;
  title: string;
  body: string;
  reviewed: boolean;
}

interface ConsentState {
  purpose: string;
  label: string;
  recipient_label: string;
  data_categories: string[];
  state: "granted" | "withdrawn" | "not_asked";
  since: string | null;
  granted_text_version: number | null;
  text: ConsentText | null;
  text_changed: boolean;
}

interface Entry {
  id: string;
  purpose: string;
  action: string;
  channel: string;
  text_version: number | null;
  text_language: string | null;
  recorded_at: string;
  receipt: string;
}

interface Change {
  purpose: string;
  action: "grant" | "withdraw";
  text_version: number;
  language: string;
}

const STATES = "/api/v1/me/consents";
const LEDGER = "/api/v1/me/consents/entries?limit=50";

function categoryLabel(code: string): string {
  switch (code) {
    case "name":
      return t("your name");
    case "contact_details":
      return t("your contact details");
    case "languages":
      return t("the languages you speak");
    case "household":
      return t("your household");
    case "push_subscription":
      return t("your phone's notification address");
    default:
      return code;
  }
}

function channelLabel(code: string): string {
  switch (code) {
    case "app":
      return t("in the app");
    case "in_person":
      return t("in person");
    case "paper":
      return t("on paper");
    case "erasure":
      return t("when your data was erased");
    default:
      return code;
  }
}

function stateLabel(s: ConsentState): string {
  const date = s.since ? formatDate(s.since) : "";
  if (s.state === "granted") return t("You agreed on {date}", { date });
  if (s.state === "withdrawn") return t("You withdrew your consent on {date}", { date });
  return t("You have not agreed");
}

/** Give or withdraw: the exact text and its version on screen, then a clear yes or cancel. */
function Confirm({
  state,
  action,
  onConfirm,
  onCancel,
}: {
  state: ConsentState;
  action: "grant" | "withdraw";
  onConfirm(): void;
  onCancel(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const text = state.text!;
  const id = `confirm-${state.purpose}`;
  return (
    <div class="confirm" role="group" aria-labelledby={id} data-testid="confirm">
      <h3 id={id} tabIndex={-1} ref={heading}>
        {action === "grant" ? t("Do you agree to this?") : t("Do you want to withdraw your consent?")}
      </h3>
      <div class="consent-text" dir="auto" lang={text.language}>
        <h4>{text.title}</h4>
        <p class="text">{text.body}</p>
      </div>
      <p class="meta" data-testid="text-version">
        {t("Text version {version}", { version: String(text.version) })}
      </p>
      {!text.reviewed && <p class="hint">{t("This translation has not been checked yet.")}</p>}
      {action === "withdraw" && (
        <p>{t("After this, {recipient} can no longer see this data.", { recipient: state.recipient_label })}</p>
      )}
      <div class="actions">
        <button type="button" class="primary" data-confirm={action} onClick={onConfirm}>
          {action === "grant" ? t("Yes, I agree") : t("Yes, withdraw my consent")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("Cancel")}
        </button>
      </div>
    </div>
  );
}

/**
 * My consent: every purpose with its current answer, giving and withdrawing (through the offline
 * queue, so a change made without a connection waits on the phone and is sent once), and the
 * ledger of every change with its receipt.
 */
export function ConsentView({ ctx }: ViewProps) {
  const states = useRead<ConsentState[]>(STATES);
  const ledger = useRead<Page<Entry>>(LEDGER);
  const [queued, setQueued] = useState<QueuedRequest[]>([]);
  const [confirming, setConfirming] = useState<{ purpose: string; action: "grant" | "withdraw" } | null>(null);

  useEffect(() => {
    const onQueue = () => void queue.list().then((items) => setQueued(items.filter((i) => i.kind === "consent")));
    const onSent = (e: Event) => {
      if ((e as CustomEvent<{ item: QueuedRequest }>).detail?.item.kind !== "consent") return;
      void states.reload();
      void ledger.reload();
    };
    onQueue();
    queue.addEventListener("change", onQueue);
    queue.addEventListener("sent", onSent);
    return () => {
      queue.removeEventListener("change", onQueue);
      queue.removeEventListener("sent", onSent);
    };
  }, [states.reload, ledger.reload]);

  const change = async (s: ConsentState, action: "grant" | "withdraw") => {
    setConfirming(null);
    const body: Change = { purpose: s.purpose, action, text_version: s.text!.version, language: s.text!.language };
    // Written to IndexedDB with its Idempotency-Key before the first attempt: never lost, sent once.
    await queue.add({ kind: "consent", method: "POST", path: STATES, body });
    await flush();
    const waiting = (await queue.list()).some((i) => i.kind === "consent" && !i.failed);
    ctx.announce(
      waiting
        ? t("You are offline. Your choice will be sent when you are online again.")
        : action === "grant"
          ? t("Your consent has been recorded.")
          : t("Your consent has been withdrawn."),
    );
  };

  const labels = new Map((states.data ?? []).map((s) => [s.purpose, s.label]));
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title" tabIndex={-1}>
        {t("My consent")}
      </h1>
      <p>{t("You decide who may see your data. You can change this at any time.")}</p>
      <ReadState read={states} />
      {states.data && (
        <ul class="list" data-testid="consents">
          {states.data.map((s) => {
            const mine = queued.filter((q) => (q.body as Change).purpose === s.purpose);
            const pending = mine.find((q) => !q.failed);
            const action = s.state === "granted" ? "withdraw" : "grant";
            return (
              <li key={s.purpose} class="card" data-purpose={s.purpose} data-state={s.state}>
                <h2 class="card-title">{s.label}</h2>
                <p class="meta">{t("Who: {recipient}", { recipient: s.recipient_label })}</p>
                <p class="meta">
                  {t("What: {data}", { data: formatList(s.data_categories.map(categoryLabel)) })}
                </p>
                <p class={s.state === "granted" ? "badge ok" : "badge"} data-testid="consent-state">
                  {stateLabel(s)}
                </p>
                {s.text_changed && <p class="hint">{t("The text has changed since you agreed.")}</p>}
                {pending && (
                  <p class="badge warn" data-state="queued">
                    {(pending.body as Change).action === "grant"
                      ? t("Your consent is waiting to be sent.")
                      : t("Your withdrawal is waiting to be sent.")}
                  </p>
                )}
                {mine
                  .filter((q) => q.failed)
                  .map((q) => (
                    <p key={q.id} class="badge warn" data-state="failed">
                      {t("Could not be sent: {reason}", { reason: q.failed!.message || String(q.failed!.status) })}{" "}
                      <button type="button" onClick={() => void queue.remove(q.id)}>
                        {t("Remove")}
                      </button>
                    </p>
                  ))}
                {s.text && (
                  <details>
                    <summary>{t("Read the text (version {version})", { version: String(s.text.version) })}</summary>
                    <div class="consent-text" dir="auto" lang={s.text.language}>
                      <h3>{s.text.title}</h3>
                      <p class="text">{s.text.body}</p>
                    </div>
                  </details>
                )}
                {confirming?.purpose === s.purpose && s.text ? (
                  <Confirm
                    state={s}
                    action={confirming.action}
                    onConfirm={() => void change(s, confirming.action)}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  !pending &&
                  s.text && (
                    <button
                      type="button"
                      class={action === "grant" ? "primary" : undefined}
                      data-action={action}
                      onClick={() => setConfirming({ purpose: s.purpose, action })}
                    >
                      {action === "grant" ? t("Give consent") : t("Withdraw consent")}
                    </button>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2 id="ledger-title">{t("Your consent history")}</h2>
      {ledger.data && ledger.data.items.length === 0 && <p>{t("You have not given or withdrawn consent yet.")}</p>}
      {ledger.data && ledger.data.items.length > 0 && (
        <ol class="list" data-testid="ledger" aria-labelledby="ledger-title">
          {ledger.data.items.map((e) => (
            <li key={e.id} class="card" data-entry-id={e.id} data-action={e.action} data-purpose={e.purpose}>
              <p class="text">
                <strong>{e.action === "granted" ? t("Agreed") : t("Withdrawn")}</strong>
                {": "}
                {labels.get(e.purpose) ?? e.purpose}
              </p>
              <p class="meta">
                {formatDate(e.recorded_at)} · {channelLabel(e.channel)}
                {e.text_version ? ` · ${t("Text version {version}", { version: String(e.text_version) })}` : ""}
              </p>
              <a
                class="button"
                href={API_BASE + e.receipt}
                download={`consent-receipt-${e.id}.json`}
                data-testid="receipt"
              >
                {t("Download receipt")}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
