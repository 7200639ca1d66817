// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The resident's household in "My data": add a member, correct one, remove one. */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, formErrors, newIdempotencyKey, request, type Schemas } from "../api";
import { MachineNotice } from "./in-language";
import { t } from "../i18n";
import type { Read } from "./read";

export type Member = Schemas["HouseholdMemberOut"];

const INPUTS = ["relation", "name", "birth_year", "school"] as const;
type Input = (typeof INPUTS)[number];
type Draft = Record<Input, string>;
type Errors = Partial<Record<Input, string>>;

const RELATIONS = ["partner", "child", "other"] as const;
const EMPTY: Draft = { relation: "child", name: "", birth_year: "", school: "" };

export function relationLabel(relation: string): string {
  if (relation === "partner") return t("Partner");
  if (relation === "child") return t("Child");
  return t("Other family member");
}

function draftOf(member: Member): Draft {
  return {
    relation: member.relation,
    name: member.name,
    birth_year: member.birth_year === null ? "" : String(member.birth_year),
    school: member.school ?? "",
  };
}

/** What the API takes: trimmed text, an empty optional field as null, the year as a number. */
function bodyOf(draft: Draft): Record<string, unknown> {
  const year = draft.birth_year.trim();
  return {
    relation: draft.relation,
    name: draft.name.trim(),
    birth_year: year ? Number(year) : null,
    school: draft.school.trim() || null,
  };
}

/** Field errors found before sending: the name is required, a year has four digits. */
function localErrors(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.name.trim()) errors.name = t("This field is required.");
  if (draft.birth_year.trim() && !/^\d{4}$/.test(draft.birth_year.trim()))
    errors.birth_year = t("Give the year as four digits, for example 2015.");
  return errors;
}

/** The input a problem's field (`name`, `$.birth_year`, …) belongs to. */
function inputFor(field: string | undefined): Input | null {
  const name = (field ?? "").replace(/^\$?\.?/, "");
  return (INPUTS as readonly string[]).includes(name) ? (name as Input) : null;
}

interface FormProps {
  id: string;
  title: string;
  initial: Draft;
  /** Sends the draft; throws an ApiError (shown with its field errors) or a TypeError (offline). */
  send(draft: Draft): Promise<void>;
  onCancel(): void;
}

function MemberForm({ id, title, initial, send, onCancel }: FormProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [draft, setDraftState] = useState<Draft>(initial);
  // What was typed, as of the last input event: a Save tapped before the next render (a slow
  // phone) sends it, not the draft of the previous render.
  const typed = useRef<Draft>(initial);
  const change = (patch: Partial<Draft>) => {
    typed.current = { ...typed.current, ...patch };
    setDraftState(typed.current);
  };
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState("");
  const [problemMachine, setProblemMachine] = useState(false); // a computer translated its text
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const draft = typed.current;
    const found = localErrors(draft);
    setErrors(found);
    setProblem("");
    setProblemMachine(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await send(draft);
    } catch (error) {
      if (error instanceof ApiError) {
        const [fieldErrors, message] = formErrors(error.problem, inputFor);
        setErrors(fieldErrors);
        setProblem(message);
        setProblemMachine(error.machine);
      } else {
        setProblem(t("You are offline. Your changes can be saved when you are online again."));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Exclude<Input, "relation">, label: string, extra: Record<string, string> = {}) => (
    <div class="field">
      <label for={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        value={draft[name]}
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        onInput={(e) => change({ [name]: (e.target as HTMLInputElement).value })}
        {...extra}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} class="error">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="member-form">
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {problem && problemMachine && <MachineNotice />}
      <div class="field">
        <label for={`${id}-relation`}>{t("Relation")}</label>
        <select
          id={`${id}-relation`}
          name="relation"
          value={draft.relation}
          onChange={(e) => change({ relation: (e.target as HTMLSelectElement).value })}
        >
          {RELATIONS.map((relation) => (
            <option key={relation} value={relation}>
              {relationLabel(relation)}
            </option>
          ))}
        </select>
      </div>
      {field("name", t("Name"), { autoComplete: "off" })}
      {field("birth_year", t("Birth year (optional)"), { inputMode: "numeric", maxLength: "4" })}
      {field("school", t("School (optional)"), { autoComplete: "off" })}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t("Save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("Cancel")}
        </button>
      </div>
    </form>
  );
}

/** Focus what follows a closed form once it is on screen (the form had the focus). */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** A confirmation before removing a member; its question takes the focus. */
function ConfirmRemove({ member, onConfirm, onCancel }: { member: Member; onConfirm(): void; onCancel(): void }) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={`remove-${member.id}`} data-testid="confirm-remove">
      <p id={`remove-${member.id}`} tabIndex={-1} ref={question}>
        {t("Remove {name} from your household?", { name: member.name })}
      </p>
      <div class="actions">
        <button type="button" class="primary danger" onClick={onConfirm}>
          {t("Remove")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("Cancel")}
        </button>
      </div>
    </div>
  );
}

/** The household list with its changes; ``announce`` tells screen readers what happened. */
export function Household({ read, announce }: { read: Read<Member[]>; announce(message: string): void }) {
  /** Which form is open: "new", a member's id (correcting), or `remove:<id>` (confirming). */
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState("");
  const [addKey, setAddKey] = useState(newIdempotencyKey);

  const show = (what: string) => {
    setProblem("");
    setOpen(what);
  };

  /** Close the open form; the focus returns to the member's buttons, or to "Add". */
  const close = (memberId?: string) => {
    setProblem("");
    setOpen(null);
    focusSoon(
      memberId ? `[data-member="${memberId}"] [data-action=correct]` : "[data-action=add-member]",
    );
  };

  const done = async (message: string, memberId?: string) => {
    await read.reload();
    close(memberId);
    announce(message);
  };

  const add = async (draft: Draft) => {
    await request<Member>("/api/v1/me/household", {
      method: "POST",
      body: bodyOf(draft),
      headers: { "Idempotency-Key": addKey },
    });
    setAddKey(newIdempotencyKey());
    await done(t("Household member added."));
  };

  /** Changed elsewhere meanwhile (412): show what is there now in the form, nothing overwritten. */
  const correct = (member: Member) => async (draft: Draft) => {
    try {
      await request<Member>(`/api/v1/me/household/${member.id}`, {
        method: "PATCH",
        body: bodyOf(draft),
        headers: { "If-Match": `"v${member.version}"` },
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 412)) throw error;
      await read.reload();
      setProblem(t("Your data was changed in the meantime. Check what is shown now and try again."));
      return;
    }
    await done(t("Household member saved."), member.id);
  };

  const remove = async (member: Member) => {
    try {
      await request(`/api/v1/me/household/${member.id}`, { method: "DELETE" });
      await done(t("Household member removed."));
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? error.problem.detail || error.problem.title || ""
          : t("You are offline. Your changes can be saved when you are online again."),
      );
    }
  };

  const members = read.data ?? [];
  return (
    <>
      <h2>{t("Your household")}</h2>
      {problem && (
        <p class="error" role="alert" data-testid="household-problem">
          {problem}
        </p>
      )}
      {members.length === 0 ? (
        <p>{t("No household members are known.")}</p>
      ) : (
        <ul class="list" data-testid="household">
          {members.map((m) => (
            <li key={m.id} class="card" data-member={m.id}>
              <p class="text">
                <strong>
                  <bdi>{m.name}</bdi>
                </strong>{" "}
                · {relationLabel(m.relation)}
              </p>
              {m.birth_year && <p class="meta">{t("Born in {year}", { year: String(m.birth_year) })}</p>}
              {m.school && (
                <p class="meta" dir="auto">
                  {m.school}
                </p>
              )}
              {open === m.id ? (
                <MemberForm
                  key={`${m.id}-v${m.version}`}
                  id={`member-${m.id}`}
                  title={t("Correct {name}", { name: m.name })}
                  initial={draftOf(m)}
                  send={correct(m)}
                  onCancel={() => close(m.id)}
                />
              ) : open === `remove:${m.id}` ? (
                <ConfirmRemove member={m} onConfirm={() => void remove(m)} onCancel={() => close(m.id)} />
              ) : (
                <div class="actions">
                  <button type="button" data-action="correct" onClick={() => show(m.id)}>
                    {t("Correct {name}", { name: m.name })}
                  </button>
                  <button type="button" data-action="remove" onClick={() => show(`remove:${m.id}`)}>
                    {t("Remove {name}", { name: m.name })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {open === "new" ? (
        <MemberForm
          id="member-new"
          title={t("Add a household member")}
          initial={EMPTY}
          send={add}
          onCancel={() => close()}
        />
      ) : (
        <button type="button" data-action="add-member" onClick={() => show("new")}>
          {t("Add a household member")}
        </button>
      )}
    </>
  );
}
