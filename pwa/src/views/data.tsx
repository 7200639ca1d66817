// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import { ApiError, formErrors, optional, request, type Schemas } from "../api";
import type { ViewProps } from "../routes";
import { t } from "../i18n";
import { ReadState, useRead } from "../components/read";
import { Household, type Member } from "../components/household";
import { MachineNotice } from "../components/in-language";
import { type Erasure, ErasureStatus } from "../components/erasure";

type Address = Schemas["residents_schemas_Address"];

type Me = Schemas["MeOut"];

type Field = "preferred_name" | "full_name" | "email" | "phone" | keyof Address;
type Form = Record<Field, string>;
const ADDRESS: (keyof Address)[] = ["street", "house_number", "postcode", "city"];
const FIELDS: Field[] = ["preferred_name", "full_name", "email", "phone", ...ADDRESS];

function formOf(me: Me): Form {
  return {
    preferred_name: me.preferred_name,
    full_name: me.full_name ?? "",
    email: me.email ?? "",
    phone: me.phone ?? "",
    street: me.address?.street ?? "",
    house_number: me.address?.house_number ?? "",
    postcode: me.address?.postcode ?? "",
    city: me.address?.city ?? "",
  };
}

/** Only what changed; an emptied optional field becomes null, the address goes as a whole. */
function patchOf(before: Form, after: Form): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const name of ["preferred_name", "full_name", "email", "phone"] as const) {
    const value = after[name].trim();
    if (value !== before[name].trim()) patch[name] = value || (name === "preferred_name" ? "" : null);
  }
  if (ADDRESS.some((name) => after[name].trim() !== before[name].trim())) {
    patch.address = ADDRESS.every((name) => !after[name].trim())
      ? null
      : Object.fromEntries(ADDRESS.map((name) => [name, after[name].trim()]));
  }
  return patch;
}

/** Which input a problem's field error belongs to (`address.postcode`, `$.email`, …). */
function inputFor(field: string | undefined): Field | "address" | null {
  const name = (field ?? "").replace(/^\$?\.?/, "").split(".").pop() ?? "";
  if ((FIELDS as string[]).includes(name)) return name as Field;
  return field?.startsWith("address") ? "address" : null;
}

function label(name: Field): string {
  switch (name) {
    case "preferred_name":
      return t("What we call you");
    case "full_name":
      return t("Full name");
    case "email":
      return t("Email address");
    case "phone":
      return t("Phone number");
    case "street":
      return t("Street");
    case "house_number":
      return t("House number");
    case "postcode":
      return t("Postcode");
    case "city":
      return t("Town or city");
  }
}

const INPUT_TYPE: Partial<Record<Field, string>> = { email: "email", phone: "tel" };
const AUTOCOMPLETE: Record<Field, string> = {
  preferred_name: "nickname",
  full_name: "name",
  email: "email",
  phone: "tel",
  street: "address-line1",
  house_number: "address-line2",
  postcode: "postal-code",
  city: "address-level2",
};

/** My data: see and correct what the municipality has about me and my household; links to consent. */
export function DataView({ ctx }: ViewProps) {
  const read = useRead<Me>("/api/v1/me");
  const household = useRead<Member[]>("/api/v1/me/household");
  const [erasure, setErasure] = useState<Erasure | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [saved, setSaved] = useState<Form | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field | "address", string>>>({});
  const [problem, setProblem] = useState("");
  /** The server's problem text was translated by a computer and not checked yet. */
  const [problemMachine, setProblemMachine] = useState(false);
  const [busy, setBusy] = useState(false);

  // An erasure request, if the resident made one: where it stands (404: none).
  useEffect(() => {
    optional<Erasure>("/api/v1/me/erasure-request")
      .then((r) => setErasure(r?.data ?? null))
      .catch(() => undefined);
  }, []);

  // The ETag of what is on screen: a change made elsewhere in between is refused (412), not lost.
  useEffect(() => {
    if (!read.data || form) return;
    setSaved(formOf(read.data));
    setForm(formOf(read.data));
    setEtag(read.fromCache ? null : (read.headers?.get("ETag") ?? null));
  }, [read.data]);

  /** The ETag for the data the form started from; null if that is no longer what the server has. */
  const currentEtag = async (fresh = false): Promise<string | null> => {
    if (etag && !fresh) return etag;
    const r = await request<Me>("/api/v1/me");
    if (r.fromCache) throw new TypeError("offline");
    if (JSON.stringify(formOf(r.data)) !== JSON.stringify(saved)) {
      setSaved(formOf(r.data));
      setForm(formOf(r.data));
      setEtag(r.headers.get("ETag"));
      setProblem(t("Your data was changed in the meantime. Check what is shown now and try again."));
      return null;
    }
    setEtag(r.headers.get("ETag"));
    return r.headers.get("ETag");
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form || !saved) return;
    setErrors({});
    setProblem("");
    setProblemMachine(false);
    const patch = patchOf(saved, form);
    if (Object.keys(patch).length === 0) {
      ctx.announce(t("Nothing was changed."));
      return;
    }
    setBusy(true);
    try {
      const ifMatch = await currentEtag();
      if (!ifMatch) return;
      const r = await request<Me>("/api/v1/me", { method: "PATCH", body: patch, headers: { "If-Match": ifMatch } });
      setEtag(r.headers.get("ETag"));
      setSaved(formOf(r.data));
      setForm(formOf(r.data));
      await read.reload();
      ctx.announce(t("Your data has been saved."));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await currentEtag(true).catch(() => undefined);
        setProblem(t("Your data was changed in the meantime. Check what is shown now and try again."));
      } else if (error instanceof ApiError) {
        const [found, message] = formErrors(error.problem, inputFor);
        setErrors(found);
        setProblem(message);
        setProblemMachine(error.machine);
      } else {
        setProblem(t("You are offline. Your changes can be saved when you are online again."));
      }
    } finally {
      setBusy(false);
    }
  };

  const input = (name: Field) => {
    const error = errors[name] ?? (ADDRESS.includes(name as keyof Address) ? errors.address : undefined);
    return (
      <div class="field" key={name}>
        <label for={`me-${name}`}>{label(name)}</label>
        <input
          id={`me-${name}`}
          name={name}
          type={INPUT_TYPE[name] ?? "text"}
          autoComplete={AUTOCOMPLETE[name]}
          value={form![name]}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `me-${name}-error` : undefined}
          onInput={(e) => setForm({ ...form!, [name]: (e.target as HTMLInputElement).value })}
        />
        {error && (
          <p id={`me-${name}-error`} class="error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const me = read.data;
  const registered = me
    ? ([
        [t("Registered name"), me.registered.registered_name],
        [t("BSN"), me.registered.bsn],
        [t("V-number"), me.registered.v_number],
      ] as const).filter(([, v]) => v)
    : [];
  return (
    <section aria-labelledby="data-title">
      <h1 id="data-title" tabIndex={-1}>
        {t("My data")}
      </h1>
      <ReadState read={read} />
      <div class="actions">
        <a class="button" href="#/consent">
          {t("My consent")}
        </a>
        <a class="button" href="#/access">
          {t("Who looked at my data")}
        </a>
      </div>
      {form && (
        <form onSubmit={submit} noValidate aria-labelledby="data-form-title">
          <h2 id="data-form-title">{t("Correct your data")}</h2>
          {problem && (
            <p class="error" role="alert" data-testid="data-problem">
              {problem}
            </p>
          )}
          {problem && problemMachine && <MachineNotice />}
          {input("preferred_name")}
          {input("full_name")}
          {input("email")}
          {input("phone")}
          <fieldset>
            <legend>{t("Address")}</legend>
            {ADDRESS.map(input)}
          </fieldset>
          <button type="submit" class="primary" disabled={busy}>
            {t("Save")}
          </button>
        </form>
      )}
      {registered.length > 0 && (
        <>
          <h2>{t("Registered by the municipality")}</h2>
          <p class="hint">{t("Only the municipality can change these. Is something wrong? Ask a question.")}</p>
          <dl class="facts">
            {registered.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>
                  <bdi>{value!.value}</bdi>
                  {value!.source && <span class="meta"> ({t("source: {source}", { source: value!.source })})</span>}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {me?.caseworker && (
        <>
          <h2>{t("Your contact person")}</h2>
          <p>
            <bdi>{me.caseworker.name}</bdi>
            {/* Typed by the municipality in a language the API does not name: marked as unknown. */}
            {me.caseworker.contact && (
              <span class="meta">
                ,{" "}
                <bdi lang="" dir="auto">
                  {me.caseworker.contact}
                </bdi>
              </span>
            )}
          </p>
        </>
      )}
      {household.data && <Household read={household} announce={ctx.announce} />}
      {erasure && (
        <>
          <h2>{t("Your request to erase your data")}</h2>
          <ErasureStatus erasure={erasure} />
        </>
      )}
    </section>
  );
}
