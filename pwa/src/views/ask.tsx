// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useState } from "preact/hooks";
import type { AppContext } from "../app";
import { go } from "../app";
import { language, t } from "../i18n";
import { flush, queue } from "../outbox";

const MAX_LENGTH = 4000;

/** Ask the municipality a question. It goes into the offline queue first, so it is never lost. */
export function AskView({ ctx }: { ctx: AppContext }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t("Write your question first."));
      return;
    }
    setBusy(true);
    try {
      await queue.add({
        kind: "question",
        method: "POST",
        path: "/api/v1/me/questions",
        body: { text: text.trim(), language: language() },
      });
      await flush();
      const left = await queue.list();
      ctx.announce(
        left.length > 0
          ? t("You are offline. Your question will be sent when you are online again.")
          : t("Your question has been sent."),
      );
      go("questions");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ask-title">
      <h1 id="ask-title" tabIndex={-1}>
        {t("Ask a question")}
      </h1>
      <form onSubmit={submit} noValidate>
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
