// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from "preact/hooks";
import { API_BASE, type Page, type Schemas } from "../api";
import type { ViewProps } from "../routes";
import { direction, formatDate, formatList, language, t } from "../i18n";
import { flush, queue } from "../outbox";
import type { QueuedRequest } from "../queue";
import { ReadState, useRead } from "../components/read";
import { changeBody, grantText, type Change, type ConsentState, type ConsentText } from "../components/consent";
import {
  FallbackNotice,
  fill,
  InLanguage,
  isMachine,
  LanguageName,
  MachineNotice,
  sameLanguage,
  withTerms,
} from "../components/in-language";

type Entry = Schemas["ConsentEntryOut"];

const STATES = "/api/v1/me/consents";
const LEDGER = "/api/v1/me/consents/entries?limit=50";
const QUESTIONS = "/api/v1/me/questions";

/** The text of a consent: marked as another language where it is one, with its review notice. */
function ConsentTextBlock({ text, heading: H = "h3" }: { text: ConsentText; heading?: "h3" | "h4" }) {
  return (
    <InLanguage lang={text.language} machine={isMachine(text.translation_state)} unreviewed={!text.reviewed}>
      <div class="consent-text">
        <H>{withTerms(text.title, text.language)}</H>
        <p class="text">{withTerms(text.body, text.language)}</p>
      </div>
    </InLanguage>
  );
}

/** The authoritative Dutch text, folded away; the summary is in the app's language. */
function DutchText({ text }: { text: ConsentText }) {
  return (
    <details lang={text.language || "nl"} dir="ltr" data-testid="source-text">
      <summary lang={language()} dir={direction()}>
        {t("Read the official Dutch text (version {version})", { version: String(text.version) })}
      </summary>
      <div class="consent-text">
        <h3>{text.title}</h3>
        <p class="text">{text.body}</p>
      </div>
    </details>
  );
}

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
  text,
  onConfirm,
  onCancel,
}: {
  state: ConsentState;
  action: "grant" | "withdraw";
  /** The text agreed to or withdrawn from (for a grant, perhaps the Dutch text). */
  text: ConsentText;
  onConfirm(): void;
  onCancel(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `confirm-${state.purpose}`;
  // Agreeing to the Dutch text instead of an unreviewed translation: said, and marked as Dutch.
  const dutch = action === "grant" && text !== state.text;
  return (
    <div class="confirm" role="group" aria-labelledby={id} data-testid="confirm">
      <h3 id={id} tabIndex={-1} ref={heading}>
        {action === "grant" ? t("Do you agree to this?") : t("Do you want to withdraw your consent?")}
      </h3>
      {dutch ? (
        <>
          <p class="hint">{t("You agree to the official Dutch text.")}</p>
          <div class="consent-text source-language" lang={text.language || "nl"} dir="ltr">
            <h4>{text.title}</h4>
            <p class="text">{text.body}</p>
          </div>
        </>
      ) : (
        <ConsentTextBlock text={text} heading="h4" />
      )}
      <p class="meta" data-testid="text-version">
        {t("Text version {version}", { version: String(text.version) })}
      </p>
      {action === "withdraw" && (
        <p>{t("After this, {recipient} can no longer see this data.", { recipient: state.recipient_label })}</p>
      )}
      <div class="actions">
        <button type="button" class={action === "grant" ? "primary" : "primary danger"} data-confirm={action} onClick={onConfirm}>
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
 * A text the resident may not be able to rely on — a translation nobody has checked, or a text in
 * another language than theirs — said plainly, with the official Dutch text and a way to ask the
 * caseworker for an interpreter.
 */
function NotChecked({
  state,
  asked,
  onAsk,
}: {
  state: ConsentState;
  asked: boolean;
  onAsk(): void;
}) {
  const text = state.text!;
  const grantOnDutch = !text.reviewed && !!state.grant_requires_review && state.state !== "granted";
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asked) done.current?.focus(); // the button it replaces had the focus
  }, [asked]);
  return (
    <div class="not-checked" data-testid="consent-not-checked">
      {!sameLanguage(text.language) && <FallbackNotice shown={text.language} />}
      {!text.reviewed && (
        <p>
          <strong>{t("This translation has not been checked yet.")}</strong>{" "}
          {state.source_text && t("The Dutch text is the official text.")}
        </p>
      )}
      {grantOnDutch && (
        <p data-testid="grant-requires-review">
          {state.source_text
            ? t("The municipality only accepts consent on a checked text. You can agree to the Dutch text, or first ask for an interpreter to explain it.")
            : t("The municipality only accepts consent on a checked text. Ask for an interpreter to explain it.")}
        </p>
      )}
      {state.source_text && <DutchText text={state.source_text} />}
      {asked ? (
        <p class="badge ok" data-testid="interpreter-asked" tabIndex={-1} ref={done}>
          {fill(t("Your request for an interpreter is in {questions}."), {
            questions: <a href="#/questions">{t("My questions")}</a>,
          })}
        </p>
      ) : (
        <button type="button" data-testid="ask-interpreter" onClick={onAsk}>
          {t("Ask for an interpreter")}
        </button>
      )}
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
  const [asked, setAsked] = useState<Set<string>>(new Set());

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

  const change = async (s: ConsentState, action: "grant" | "withdraw", text: ConsentText) => {
    setConfirming(null);
    const body = changeBody(s.purpose, action, text);
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

  /** A question to the caseworker, through the offline queue like every question. */
  const askInterpreter = async (s: ConsentState) => {
    await queue.add({
      kind: "question",
      method: "POST",
      path: QUESTIONS,
      body: {
        text: t("I would like an interpreter to explain this consent text: {purpose}", { purpose: s.label }),
        language: language(),
      },
    });
    setAsked((before) => new Set(before).add(s.purpose));
    await flush();
    const waiting = (await queue.list()).some((i) => i.kind === "question" && !i.failed);
    ctx.announce(
      waiting
        ? t("You are offline. Your question will be sent when you are online again.")
        : t("Your question has been sent."),
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
            // Withdrawing is always on the current text; a grant may have to be on the Dutch one.
            const shown = action === "grant" ? grantText(s) : s.text;
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
                    <div key={q.id}>
                      <p class="badge warn" data-state="failed">
                        {t("Could not be sent: {reason}", { reason: q.failed!.message || String(q.failed!.status) })}{" "}
                        <button type="button" class="danger" onClick={() => void queue.remove(q.id)}>
                          {t("Remove")}
                        </button>
                      </p>
                      {q.failed!.machine && <MachineNotice />}
                    </div>
                  ))}
                {s.text && (
                  <details>
                    <summary>{t("Read the text (version {version})", { version: String(s.text.version) })}</summary>
                    <ConsentTextBlock text={s.text} />
                  </details>
                )}
                {s.text && (!s.text.reviewed || !sameLanguage(s.text.language)) && (
                  <NotChecked state={s} asked={asked.has(s.purpose)} onAsk={() => void askInterpreter(s)} />
                )}
                {confirming?.purpose === s.purpose && shown ? (
                  <Confirm
                    state={s}
                    action={confirming.action}
                    text={shown}
                    onConfirm={() => void change(s, confirming.action, shown)}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  !pending &&
                  shown && (
                    <button
                      type="button"
                      class={action === "grant" ? "primary" : "danger"}
                      data-action={action}
                      data-language={shown.language}
                      onClick={() => setConfirming({ purpose: s.purpose, action })}
                    >
                      {action === "withdraw"
                        ? t("Withdraw consent")
                        : shown === s.text
                          ? t("Give consent")
                          : t("Agree to the Dutch text")}
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
                {e.text_language && !sameLanguage(e.text_language) && (
                  <>
                    {" · "}
                    <LanguageName code={e.text_language} />
                  </>
                )}
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
