// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from "preact/hooks";
import type { AppContext } from "../app";
import { language, t } from "../i18n";
import { flush, queue } from "../outbox";

const MAX_LENGTH = 4000;

/** Ask the municipality a question. It goes into the offline queue first, so it is never lost. */
export function AskView(_: { ctx: AppContext }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  /** After sending: a confirmation where the form was (sent, waiting for a connection, refused). */
  const [done, setDone] = useState<"" | "sent" | "queued" | "failed">("");
  const [reason, setReason] = useState("");
  const confirmation = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t("Write your question first."));
      return;
    }
    setBusy(true);
    try {
      const entry = await queue.add({
        kind: "question",
        method: "POST",
        path: "/api/v1/me/questions",
        body: { text: text.trim(), language: language() },
      });
      await flush();
      const mine = (await queue.list()).find((i) => i.id === entry.id);
      setText("");
      setReason(mine?.failed ? mine.failed.message || String(mine.failed.status) : "");
      setDone(!mine ? "sent" : mine.failed ? "failed" : "queued");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ask-title">
      <h1 id="ask-title" tabIndex={-1}>
        {t("Ask a question")}
      </h1>
      {done && (
        <div class="confirmation" data-testid="ask-confirmation" data-done={done}>
          <h2 tabIndex={-1} ref={confirmation}>
            {done === "sent"
              ? t("Your question has been sent.")
              : done === "queued"
                ? t("You are offline. Your question will be sent when you are online again.")
                : t("Could not be sent: {reason}", { reason })}
          </h2>
          {done !== "failed" && (
            <p>
              <strong>{t("What happens next")}</strong>{" "}
              {t("The municipality answers it. You get a message in Welkom when there is news.")}
            </p>
          )}
          <div class="actions">
            <a class="button primary" href="#/questions">
              {t("My questions")}
            </a>
            <button
              type="button"
              onClick={() => {
                setDone("");
                setTimeout(() => document.getElementById("question")?.focus());
              }}
            >
              {t("Ask a question")}
            </button>
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate hidden={done !== ""}>
        <label for="question">{t("Your question")}</label>
        <p id="question-hint" class="hint">
          {t("Write in your own language. The municipality answers as soon as possible.")}
        </p>
        <textarea
          id="question"
          name="question"
          rows={6}
          maxLength={MAX_LENGTH}
          aria-describedby={error ? "question-hint question-error" : "question-hint"}
          aria-invalid={error ? "true" : undefined}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            setError("");
          }}
        />
        {error && (
          <p id="question-error" class="error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t("Send question")}
        </button>
      </form>
    </section>
  );
}
