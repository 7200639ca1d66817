// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { render } from "preact";
import { useState } from "preact/hooks";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../src/api";
import { ListStatus } from "../src/staff/list-view";
import { type IfMatch, useVersionedSave, type VersionedSave } from "../src/staff/versioned-save";

type Field = "title" | "text";
interface Version {
  version: number;
  values: Record<Field, string>;
}

const READ: Version = { version: 1, values: { title: "Hallo", text: "Welkom" } };

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("main");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** A form of two fields saved through the hook; `form` is its state after each render. */
function harness(current: () => Promise<Version | null>) {
  const form: { save?: VersionedSave<Version, Field>; draft?: Record<Field, string>; type?: (field: Field, value: string) => void } = {};
  function Form() {
    const [draft, setDraft] = useState(READ.values);
    form.save = useVersionedSave<Version, Field>(READ, { fields: ["title", "text"], valuesOf: (v) => v.values, draft, fill: setDraft, current });
    form.draft = draft;
    form.type = (field, value) => setDraft({ ...draft, [field]: value });
    return null;
  }
  return { form, mount: () => act(() => render(<Form />, root)) };
}

async function save(form: { save?: VersionedSave<Version, Field> }, send: (ifMatch: IfMatch) => Promise<Version | null>) {
  await act(async () => {
    await form.save!.save(send, "Saved.");
  });
}

describe("saving with If-Match", () => {
  it("names the version read and keeps the answer as the next one", async () => {
    const { form, mount } = harness(async () => null);
    await mount();
    act(() => form.type!("title", "Goedendag"));
    const sent: IfMatch[] = [];
    await save(form, async (ifMatch) => {
      sent.push(ifMatch);
      return { version: 2, values: { title: "Goedendag", text: "Welkom" } };
    });
    await save(form, async (ifMatch) => {
      sent.push(ifMatch);
      return null;
    });
    expect(sent).toEqual([{ "If-Match": '"v1"' }, { "If-Match": '"v2"' }]);
    expect(form.save!.status).toBe("Saved.");
    expect(form.save!.merge).toBeNull();
  });

  it("after a 412 merges the user's changes onto the version stored now", async () => {
    const now: Version = { version: 3, values: { title: "Hallo", text: "Welkom in de gemeente" } };
    const current = vi.fn(async () => now);
    const { form, mount } = harness(current);
    await mount();
    act(() => form.type!("title", "Goedendag"));
    await save(form, async () => {
      throw new ApiError(412, { title: "Precondition Failed" });
    });
    expect(current).toHaveBeenCalledOnce();
    expect(form.draft).toEqual({ title: "Goedendag", text: "Welkom in de gemeente" });
    expect(form.save!.merge).toMatchObject({ applied: ["title"], conflicts: [] });
    expect(form.save!.saved).toBe(now);
    const sent: IfMatch[] = [];
    await save(form, async (ifMatch) => {
      sent.push(ifMatch);
      return null;
    });
    expect(sent).toEqual([{ "If-Match": '"v3"' }]);
    expect(form.save!.merge).toBeNull();
  });

  it("offers a choice where both changed a field, and says so when the new version cannot be read", async () => {
    const { form, mount } = harness(async () => ({ version: 2, values: { title: "Dag", text: "Welkom" } }));
    await mount();
    act(() => form.type!("title", "Goedendag"));
    await save(form, async () => {
      throw new ApiError(412, {});
    });
    expect(form.save!.merge!.conflicts).toEqual([{ field: "title", mine: "Goedendag", theirs: "Dag" }]);
    act(() => form.save!.choose("title", "Dag"));
    expect(form.draft!.title).toBe("Dag");

    const lost = harness(async () => null);
    await lost.mount();
    await save(lost.form, async () => {
      throw new ApiError(412, {});
    });
    expect(lost.form.save!.errors.form).toBe("No connection. Try again.");
    expect(lost.form.save!.merge).toBeNull();
  });

  it("puts a refusal's field errors at their inputs and the rest at the form", async () => {
    const { form, mount } = harness(async () => null);
    await mount();
    await save(form, async () => {
      throw new ApiError(422, { detail: "Check the text.", errors: [{ field: "$.title", message: "Too long." }] });
    });
    expect(form.save!.errors).toEqual({ fields: { title: "Too long." }, form: "Check the text." });
    expect(form.save!.status).toBe("");
  });
});

describe("a list's state", () => {
  const rows = (items: string[]) => (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
  const shown = (props: { items: string[] | null; error: string | null; more?: () => void }) => {
    render(
      <ListStatus {...props} empty="Nothing here." emptyTestId="none">
        {rows}
      </ListStatus>,
      root,
    );
    return root;
  };

  it("shows Loading, then the rows or the empty message, and Show more while there is more", () => {
    expect(shown({ items: null, error: null }).querySelector("[aria-busy=true]")!.textContent).toBe("Loading…");
    expect(shown({ items: [], error: null }).querySelector("[data-testid=none]")!.textContent).toBe("Nothing here.");
    const more = vi.fn();
    const page = shown({ items: ["a", "b"], error: null, more });
    expect([...page.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["a", "b"]);
    page.querySelector("button")!.click();
    expect(more).toHaveBeenCalledOnce();
  });

  it("shows an error as an alert instead of Loading, and keeps rows loaded before it", () => {
    const failed = shown({ items: null, error: "No connection. Try again." });
    expect(failed.querySelector("[role=alert]")!.textContent).toBe("No connection. Try again.");
    expect(failed.querySelector("[aria-busy]")).toBeNull();
    expect(shown({ items: ["a"], error: "No connection. Try again." }).querySelectorAll("li")).toHaveLength(1);
  });
});
