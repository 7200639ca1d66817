// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * One conversation: the question in the resident's language (shown prominently), its machine
 * translation where the municipality runs a translation server, answers and internal notes,
 * assignment and "waiting for" (with If-Match: a conflict is shown and the choice kept).
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { request, type Schemas, type Session } from "../api";
import { direction, formatDate, LANGUAGES } from "../i18n";
import { colleagueLabel, useCaseworkers } from "./colleagues";
import { failure, KeyPerBody, submitErrors } from "./forms";
import { t } from "./i18n";
import type { Conversation } from "./inbox";
import { languageLabel, WAITING_FOR, type WaitingFor, waitingForLabel } from "./labels";
import { changedFields } from "./merge";
import { MergeNotice } from "./merge-notice";
import { Alert, FieldError, invalid } from "./messages";
import { useVersionedSave, versionTag } from "./versioned-save";

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
        <Alert message={loadError} />
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
      {conversation.needs_interpreter && (
        <p class="notice" data-testid="interpreter">
          {t("This resident needs an interpreter for this question.")}
        </p>
      )}
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
            translator={translation !== null}
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

type DraftTranslation = Schemas["DraftTranslationOut"];
const ANSWER_INPUTS = ["text", "language", "then_waiting_for", "send_translation"] as const;

/**
 * The answer. Where the municipality runs a translation server (`translator`) and the answer is
 * written in another language than the resident's, the draft can be machine-translated to check
 * it (`POST …/answer-translation`, nothing stored) and the translation sent along with the
 * original (`send_translation`), marked as machine translation for the resident.
 */
function AnswerForm({ conversation, translator, onSent }: { conversation: Conversation; translator: boolean; onSent: (message: string) => Promise<void> }) {
  const q = conversation.question;
  const [text, setText] = useState("");
  const [language, setLanguage] = useState(q.language);
  const [then, setThen] = useState<WaitingFor>("nobody");
  const [sendTranslation, setSendTranslation] = useState(false);
  const [preview, setPreview] = useState<DraftTranslation | null>(null);
  const [errors, setErrors] = useState<{ fields: Partial<Record<(typeof ANSWER_INPUTS)[number], string>>; form: string }>({ fields: {}, form: "" });
  const [busy, setBusy] = useState(false);
  const keys = useRef(new KeyPerBody());
  const translatable = translator && language !== q.language;

  const translate = async () => {
    setBusy(true);
    try {
      const r = await request<DraftTranslation>(`/api/v1/admin/conversations/${q.id}/answer-translation`, {
        method: "POST",
        body: { text, language },
      });
      setPreview(r.data);
      setErrors({ fields: {}, form: "" });
    } catch (e) {
      setPreview(null);
      setErrors(submitErrors(e, ANSWER_INPUTS));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { text, language, then_waiting_for: then, ...(translatable && sendTranslation ? { send_translation: true } : {}) };
    setBusy(true);
    try {
      await request(`/api/v1/admin/conversations/${q.id}/answers`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": keys.current.for(body) },
      });
      keys.current.reset();
      setText("");
      setPreview(null);
      setErrors({ fields: {}, form: "" });
      await onSent(t("The answer was sent."));
    } catch (e) {
      // Nothing typed is lost: the text stays in the field.
      setErrors(submitErrors(e, ANSWER_INPUTS));
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
        {...invalid("answer-text", errors.fields.text)}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setPreview(null);
        }}
      />
      <FieldError id="answer-text" error={errors.fields.text} />
      <div class="row">
        <div>
          <label for="answer-language">{t("Language of the answer")}</label>
          <select
            id="answer-language"
            value={language}
            {...invalid("answer-language", errors.fields.language)}
            onChange={(e) => {
              setLanguage(e.currentTarget.value);
              setPreview(null);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {languageLabel(l.code).name === l.name ? l.name : `${languageLabel(l.code).name} (${l.name})`}
              </option>
            ))}
          </select>
          <FieldError id="answer-language" error={errors.fields.language} />
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
      {translatable && (
        <div class="translate" data-testid="draft-translation">
          <button type="button" disabled={busy || !text.trim()} onClick={() => void translate()}>
            {t("Show the machine translation")}
          </button>
          {preview && (
            <div class="machine">
              <p class="label">{t("Machine translation, not checked by a person")}</p>
              <p class="text" lang={preview.translation.language} dir={direction(preview.translation.language)}>
                {preview.translation.text}
              </p>
            </div>
          )}
          <div class="check">
            <input
              id="send-translation"
              type="checkbox"
              checked={sendTranslation}
              {...invalid("send-translation", errors.fields.send_translation)}
              onChange={(e) => setSendTranslation(e.currentTarget.checked)}
            />
            <label for="send-translation">{t("Also send the machine translation (the resident sees both, the translation marked)")}</label>
          </div>
          <FieldError id="send-translation" error={errors.fields.send_translation} />
        </div>
      )}
      <Alert message={errors.form} />
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
        {...invalid("note-text", errors.fields.text)}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <FieldError id="note-text" error={errors.fields.text} />
      <Alert message={errors.form} />
      <button type="submit" disabled={busy}>
        {t("Save note")}
      </button>
    </form>
  );
}


/** The handling fields, as strings for the form and the merge. */
export const HANDLING_FIELDS = ["assigned", "waiting_for", "needs_interpreter"] as const;
type HandlingField = (typeof HANDLING_FIELDS)[number];
type Handled = Record<HandlingField, string>;

export function handlingValues(c: Conversation): Handled {
  return {
    assigned: c.assigned_to?.account_id ?? "",
    waiting_for: c.waiting_for,
    needs_interpreter: c.needs_interpreter ? "yes" : "no",
  };
}

/** Each field is its own compare-and-set on the conversation's version. */
function change(field: HandlingField, value: string): [string, unknown] {
  switch (field) {
    case "assigned":
      return ["assignment", { account_id: value || null }];
    case "waiting_for":
      return ["waiting-for", { waiting_for: value }];
    case "needs_interpreter":
      return ["interpreter", { needs_interpreter: value === "yes" }];
  }
}

/**
 * Assignment (to anyone of the team), "waiting for" and "needs interpreter", saved with
 * `If-Match`. On a conflict (412) the new version is loaded and merged field by field (merge.ts):
 * the user's own changes stay on top, and where a colleague changed the same field both values
 * are shown to choose from; the next Save applies the result to the new version.
 */
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
  const [draft, setDraft] = useState<Handled>(handlingValues(conversation));
  const colleagues = useCaseworkers();
  // A new version (an answer sent here, a reload) shows its state, except while a merge is
  // open: then the merged values stay until the user saves them or chooses again.
  const merging = useRef(false);
  const { setSaved, save, busy, errors, merge, choose } = useVersionedSave<Conversation, HandlingField>(conversation, {
    fields: HANDLING_FIELDS,
    valuesOf: handlingValues,
    draft,
    fill: setDraft,
    current: async () => {
      merging.current = true;
      const now = await reload();
      if (!now) merging.current = false;
      return now;
    },
    // Every refusal is about the whole form: it has no messages at its inputs.
    inputs: [],
  });
  useEffect(() => {
    if (merging.current) return;
    setSaved(conversation);
    setDraft(handlingValues(conversation));
  }, [conversation.version, conversation.waiting_for]);

  const labelOf = (field: HandlingField, value: string): string => {
    switch (field) {
      case "assigned":
        if (!value) return t("Unassigned");
        return colleagues.find((c) => c.account_id === value)?.name ?? (value === conversation.assigned_to?.account_id ? conversation.assigned_to?.name : null) ?? t("A colleague");
      case "waiting_for":
        return waitingForLabel(value);
      case "needs_interpreter":
        return value === "yes" ? t("Needs an interpreter") : t("No interpreter needed");
    }
  };
  const fieldName = (field: HandlingField): string =>
    field === "assigned" ? t("Assigned to") : field === "waiting_for" ? t("Waiting for") : t("Interpreter");

  const submit = async (event: Event) => {
    event.preventDefault();
    const saved = await save(async (ifMatch, base) => {
      // One request per changed field, each naming the version the previous one answered.
      const start = base ?? conversation;
      let current = start;
      let headers = ifMatch;
      try {
        for (const field of changedFields(HANDLING_FIELDS, handlingValues(current), draft)) {
          const [path, body] = change(field, draft[field]);
          current = (await request<Conversation>(`/api/v1/admin/conversations/${current.question.id}/${path}`, { method: "PUT", body, headers })).data;
          headers = { "If-Match": versionTag(current.version) };
        }
      } catch (e) {
        // What was saved before the failure shows as the version it made.
        if (current !== start) setConversation(current);
        throw e;
      }
      return current;
    });
    if (saved) {
      merging.current = false;
      setConversation(saved);
    }
  };

  const mine = session.account_id;
  const options = colleagues.some((c) => c.account_id === draft.assigned) || !draft.assigned
    ? colleagues
    : [...colleagues, { account_id: draft.assigned, name: labelOf("assigned", draft.assigned) }];
  return (
    <form class="handling" onSubmit={(e) => void submit(e)}>
      <p>
        {t("Assigned")}:{" "}
        <strong data-testid="assigned">
          {conversation.assigned_to ? (conversation.assigned_to.name ?? t("A colleague")) : t("Unassigned")}
        </strong>
      </p>
      <label for="assign-to">{t("Assigned to")}</label>
      <select id="assign-to" value={draft.assigned} onChange={(e) => setDraft({ ...draft, assigned: e.currentTarget.value })}>
        <option value="">{t("Unassigned")}</option>
        {options.map((c) => (
          <option key={c.account_id} value={c.account_id}>
            {colleagueLabel(c, mine)}
          </option>
        ))}
      </select>
      <label for="waiting-for">{t("Waiting for")}</label>
      <select id="waiting-for" value={draft.waiting_for} onChange={(e) => setDraft({ ...draft, waiting_for: e.currentTarget.value })}>
        {WAITING_FOR.map((w) => (
          <option key={w} value={w}>
            {waitingForLabel(w)}
          </option>
        ))}
      </select>
      <div class="check">
        <input
          id="needs-interpreter"
          type="checkbox"
          checked={draft.needs_interpreter === "yes"}
          onChange={(e) => setDraft({ ...draft, needs_interpreter: e.currentTarget.checked ? "yes" : "no" })}
        />
        <label for="needs-interpreter">{t("Needs an interpreter")}</label>
      </div>
      {merge && (
        <MergeNotice
          merge={merge}
          draft={draft}
          message={t("A colleague changed this conversation in the meantime. Your changes are kept on top of theirs; check and save again.")}
          fieldName={fieldName}
          valueLabel={labelOf}
          choose={choose}
        />
      )}
      <Alert message={errors.form} />
      <button type="submit" class="primary" disabled={busy}>
        {t("Save")}
      </button>
    </form>
  );
}
