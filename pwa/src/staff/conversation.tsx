// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * One conversation: the question in the resident's language (shown prominently), its machine
 * translation where the municipality runs a translation server, answers and internal notes,
 * assignment and "waiting for" (with If-Match: a conflict is shown and the choice kept).
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, request, type Schemas, type Session } from "../api";
import { direction, formatDate, LANGUAGES } from "../i18n";
import { failure, KeyPerBody, submitErrors } from "./forms";
import { t } from "./i18n";
import type { Conversation } from "./inbox";
import { languageLabel, WAITING_FOR, type WaitingFor, waitingForLabel } from "./labels";

type Translation = Schemas["QuestionTranslationOut"];

export function ConversationView({ id, session }: { id: string; session: Session }) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [translation, setTranslation] = useState<Translation | null>(null);
  const [status, setStatus] = useState("");

  const load = useCallback(async () => {
    try {
      const r = await request<Conversation>(`/api/v1/admin/conversations/${id}`);
      setConversation(r.data);
      setLoadError(null);
      return r.data;
    } catch (e) {
      setLoadError(failure(e, t("No connection. Try again.")));
      return null;
    }
  }, [id]);

  useEffect(() => {
    setConversation(null);
    setTranslation(null);
    void load();
    // Only where the municipality runs its own translation server; otherwise nothing is shown.
    request<Translation>(`/api/v1/admin/conversations/${id}/translation`).then(
      (r) => setTranslation(r.data),
      () => setTranslation(null),
    );
  }, [id, load]);

  if (loadError && !conversation) {
    return (
      <section>
        <h1 tabIndex={-1}>{t("Conversations")}</h1>
        <p class="error" role="alert">
          {loadError}
        </p>
        <a href="#/">{t("Back to the conversations")}</a>
      </section>
    );
  }
  if (!conversation) return <p aria-busy="true">{t("Loading…")}</p>;

  const q = conversation.question;
  const language = languageLabel(q.language);
  return (
    <section aria-labelledby="conversation-title" class="conversation">
      <p>
        <a href="#/">{t("Back to the conversations")}</a>
      </p>
      <h1 id="conversation-title" tabIndex={-1}>
        {t("Question {reference}", { reference: q.reference })}
      </h1>
      <p class="resident-language" data-testid="resident-language">
        {t("Resident's language:")} <strong>{language.name}</strong>
        {language.own !== language.name && (
          <>
            {" "}
            <strong lang={q.language} dir={direction(q.language)}>
              ({language.own})
            </strong>
          </>
        )}
      </p>
      <div class="columns">
        <div>
          <article class="card question" aria-labelledby="question-heading">
            <h2 id="question-heading">{t("The question")}</h2>
            <p class="text" lang={q.language} dir={direction(q.language)} data-testid="question-text">
              {q.text}
            </p>
            <p class="meta">
              {t("Asked on {date}", { date: formatDate(q.created_at) })}
              {q.registration.zaak_identificatie && <> · {t("Case {number}", { number: q.registration.zaak_identificatie })}</>}
            </p>
            {translation && (
              <div class="machine" lang={translation.translation.language}>
                <p class="label">{t("Machine translation, not checked by a person")}</p>
                <p class="text">{translation.translation.text}</p>
              </div>
            )}
          </article>
          <h2>{t("Answers and notes")}</h2>
          {conversation.messages.length === 0 && <p>{t("No answers or notes yet.")}</p>}
          <ol class="messages" data-testid="messages">
            {conversation.messages.map((m) => (
              <li key={m.id} class={`card ${m.kind}`}>
                <p class="label">{m.kind === "note" ? t("Internal note (never shown to the resident)") : t("Answer")}</p>
                <p class="text" lang={m.language} dir={direction(m.language)}>
                  {m.text}
                </p>
                {m.translation && (
                  <div class="machine" lang={m.translation.language} dir={direction(m.translation.language)}>
                    <p class="label">{t("Machine translation, not checked by a person")}</p>
                    <p class="text">{m.translation.text}</p>
                  </div>
                )}
                <p class="meta">
                  {m.author} · <time dateTime={m.created_at}>{formatDate(m.created_at)}</time>
                </p>
              </li>
            ))}
          </ol>
          <AnswerForm
            conversation={conversation}
            onSent={async (message) => {
              await load();
              setStatus(message);
            }}
          />
          <NoteForm
            questionId={q.id}
            onSent={async (message) => {
              await load();
              setStatus(message);
            }}
          />
        </div>
        <aside aria-labelledby="handling-title">
          <h2 id="handling-title">{t("Handling")}</h2>
          <Handling conversation={conversation} session={session} reload={load} setConversation={setConversation} />
        </aside>
      </div>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

function AnswerForm({ conversation, onSent }: { conversation: Conversation; onSent: (message: string) => Promise<void> }) {
  const q = conversation.question;
  const [text, setText] = useState("");
  const [language, setLanguage] = useState(q.language);
  const [then, setThen] = useState<WaitingFor>("nobody");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"text" | "language" | "then_waiting_for", string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  const keys = useRef(new KeyPerBody());

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { text, language, then_waiting_for: then };
    setBusy(true);
    try {
      await request(`/api/v1/admin/conversations/${q.id}/answers`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": keys.current.for(body) },
      });
      keys.current.reset();
      setText("");
      setErrors({ fields: {}, form: "" });
      await onSent(t("The answer was sent."));
    } catch (e) {
      // Nothing typed is lost: the text stays in the field.
      setErrors(submitErrors(e, ["text", "language", "then_waiting_for"] as const));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" aria-labelledby="answer-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="answer-title">{t("Answer the resident")}</h2>
      <label for="answer-text">{t("Your answer")}</label>
      <textarea
        id="answer-text"
        rows={6}
        value={text}
        lang={language}
        dir="auto"
        aria-invalid={errors.fields.text ? true : undefined}
        aria-describedby={errors.fields.text ? "answer-text-error" : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {errors.fields.text && (
        <p id="answer-text-error" class="error">
          {errors.fields.text}
        </p>
      )}
      <div class="row">
        <div>
          <label for="answer-language">{t("Language of the answer")}</label>
          <select
            id="answer-language"
            value={language}
            aria-invalid={errors.fields.language ? true : undefined}
            aria-describedby={errors.fields.language ? "answer-language-error" : undefined}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {languageLabel(l.code).name === l.name ? l.name : `${languageLabel(l.code).name} (${l.name})`}
              </option>
            ))}
          </select>
          {errors.fields.language && (
            <p id="answer-language-error" class="error">
              {errors.fields.language}
            </p>
          )}
        </div>
        <div>
          <label for="answer-then">{t("Then waiting for")}</label>
          <select id="answer-then" value={then} onChange={(e) => setThen(e.currentTarget.value as WaitingFor)}>
            {WAITING_FOR.map((w) => (
              <option key={w} value={w}>
                {waitingForLabel(w)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {errors.form && (
        <p class="error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t("Send answer")}
      </button>
    </form>
  );
}

function NoteForm({ questionId, onSent }: { questionId: string; onSent: (message: string) => Promise<void> }) {
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ fields: Partial<Record<"text", string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  const keys = useRef(new KeyPerBody());

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { text };
    setBusy(true);
    try {
      await request(`/api/v1/admin/conversations/${questionId}/notes`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": keys.current.for(body) },
      });
      keys.current.reset();
      setText("");
      setErrors({ fields: {}, form: "" });
      await onSent(t("The note was saved."));
    } catch (e) {
      setErrors(submitErrors(e, ["text"] as const));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card note-form" aria-labelledby="note-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="note-title">{t("Internal note")}</h2>
      <label for="note-text">{t("Note for colleagues (never shown to the resident)")}</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        aria-invalid={errors.fields.text ? true : undefined}
        aria-describedby={errors.fields.text ? "note-text-error" : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {errors.fields.text && (
        <p id="note-text-error" class="error">
          {errors.fields.text}
        </p>
      )}
      {errors.form && (
        <p class="error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t("Save note")}
      </button>
    </form>
  );
}

/** Assignment and "waiting for", each a compare-and-set on the conversation's version. */
function Handling({
  conversation,
  session,
  reload,
  setConversation,
}: {
  conversation: Conversation;
  session: Session;
  reload: () => Promise<Conversation | null>;
  setConversation: (c: Conversation) => void;
}) {
  const [waitingFor, setWaitingFor] = useState(conversation.waiting_for);
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new version (an answer sent here, a reload) shows its state, except after a conflict:
  // then the user's choice stays selected until they save it or choose again.
  const keepChoice = useRef(false);
  useEffect(() => {
    if (keepChoice.current) keepChoice.current = false;
    else setWaitingFor(conversation.waiting_for);
  }, [conversation.version, conversation.waiting_for]);

  const change = async (path: string, body: unknown) => {
    setError(null);
    setConflict(null);
    try {
      const r = await request<Conversation>(`/api/v1/admin/conversations/${conversation.question.id}/${path}`, {
        method: "PUT",
        body,
        headers: { "If-Match": `"v${conversation.version}"` },
      });
      setConversation(r.data);
      setWaitingFor(r.data.waiting_for);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // Someone else changed it: show what it is now; the choice made here stays selected.
        keepChoice.current = true;
        const now = await reload();
        if (now) {
          setConflict(
            t("A colleague changed this conversation in the meantime. Now: {waiting}, {assigned}. Your choice is kept; save again to apply it.", {
              waiting: waitingForLabel(now.waiting_for),
              assigned: now.assigned_to ? (now.assigned_to.name ?? t("A colleague")) : t("Unassigned"),
            }),
          );
        }
      } else {
        setError(failure(e, t("No connection. Nothing was sent; try again.")));
      }
    }
  };

  const mine = conversation.assigned_to?.account_id === session.account_id;
  return (
    <div class="handling">
      <p>
        {t("Assigned")}:{" "}
        <strong data-testid="assigned">
          {conversation.assigned_to ? (conversation.assigned_to.name ?? t("A colleague")) : t("Unassigned")}
        </strong>
      </p>
      {mine ? (
        <button type="button" onClick={() => void change("assignment", { account_id: null })}>
          {t("Release")}
        </button>
      ) : (
        <button type="button" onClick={() => void change("assignment", { account_id: session.account_id })}>
          {t("Assign to me")}
        </button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void change("waiting-for", { waiting_for: waitingFor });
        }}
      >
        <label for="waiting-for">{t("Waiting for")}</label>
        <select id="waiting-for" value={waitingFor} onChange={(e) => setWaitingFor(e.currentTarget.value)}>
          {WAITING_FOR.map((w) => (
            <option key={w} value={w}>
              {waitingForLabel(w)}
            </option>
          ))}
        </select>
        <button type="submit">{t("Save")}</button>
      </form>
      {conflict && (
        <p class="error" role="alert" data-testid="conflict">
          {conflict}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
