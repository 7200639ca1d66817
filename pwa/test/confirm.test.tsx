// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../src/app";
import type { QueuedRequest } from "../src/queue";

// The outbox as the views see it: what is added, and what still waits after a flush.
const waiting: Partial<QueuedRequest>[] = [];
const added: Partial<QueuedRequest>[] = [];
vi.mock("../src/outbox", () => ({
  queue: {
    add: vi.fn(async (item: Partial<QueuedRequest>) => {
      added.push(item);
      return { ...item, id: `entry-${added.length}` };
    }),
    list: vi.fn(async () => waiting),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  },
  flush: vi.fn(async () => undefined),
}));
// Photos are scaled in the browser (tested in photo.test.ts); here the file passes through.
vi.mock("../src/photo", () => ({ shrinkPhoto: vi.fn(async (file: File) => file) }));

const { AskView } = await import("../src/views/ask");
const { DocumentsView } = await import("../src/views/documents");

const ctx = { announce: vi.fn() } as unknown as AppContext;
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("main");
  document.body.append(root);
  waiting.length = 0;
  added.length = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Let the view's promises settle and Preact render. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

async function askQuestion(text: string) {
  await act(async () => render(<AskView ctx={ctx} />, root));
  const area = root.querySelector<HTMLTextAreaElement>("textarea#question")!;
  area.value = text;
  area.dispatchEvent(new Event("input", { bubbles: true }));
  await settle();
  root.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  await settle();
}

describe("after asking a question", () => {
  it("confirms it where the form was, with what happens next, and takes the focus there", async () => {
    await askQuestion("Waar vind ik de bibliotheek?");
    expect(added.map((i) => (i.body as { text: string }).text)).toEqual(["Waar vind ik de bibliotheek?"]);
    const confirmation = root.querySelector("[data-testid=ask-confirmation]")!;
    expect(confirmation.getAttribute("data-done")).toBe("sent");
    expect(confirmation.querySelector("h2")!.textContent).toBe("Your question has been sent.");
    expect(confirmation.textContent).toContain("What happens next");
    expect(document.activeElement).toBe(confirmation.querySelector("h2"));
    expect(root.querySelector("form")!.hidden).toBe(true);
    expect(confirmation.querySelector('a[href="#/questions"]')).not.toBeNull();
    // Not only in the footer, off-screen: the confirmation is in the view.
    expect(ctx.announce).not.toHaveBeenCalled();
    // "Ask a question" brings back an empty form.
    act(() => confirmation.querySelector("button")!.click());
    expect(root.querySelector("[data-testid=ask-confirmation]")).toBeNull();
    expect(root.querySelector("form")!.hidden).toBe(false);
    expect(root.querySelector<HTMLTextAreaElement>("textarea#question")!.value).toBe("");
  });

  it("says it waits on the phone when it could not be sent yet", async () => {
    waiting.push({ id: "entry-1", kind: "question" });
    await askQuestion("Offline vraag");
    const confirmation = root.querySelector("[data-testid=ask-confirmation]")!;
    expect(confirmation.getAttribute("data-done")).toBe("queued");
    expect(confirmation.querySelector("h2")!.textContent).toBe(
      "You are offline. Your question will be sent when you are online again.",
    );
  });
});

describe("a refused question", () => {
  it("says why when the server refused it, without promising an answer", async () => {
    waiting.push({ id: "entry-1", kind: "question", failed: { status: 422, message: "Te lang." } });
    await askQuestion("Vraag");
    const confirmation = root.querySelector("[data-testid=ask-confirmation]")!;
    expect(confirmation.getAttribute("data-done")).toBe("failed");
    expect(confirmation.querySelector("h2")!.textContent).toBe("Could not be sent: Te lang.");
    expect(confirmation.textContent).not.toContain("What happens next");
    expect(confirmation.querySelector('a[href="#/questions"]')).not.toBeNull(); // where it can be removed
  });
});

describe("after sending a document", () => {
  async function send(file: File) {
    await act(async () => render(<DocumentsView ctx={ctx} />, root));
    const input = root.querySelector<HTMLInputElement>("#document-file")!;
    Object.defineProperty(input, "files", { value: [file] });
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    root.querySelector("form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await settle();
  }

  it("confirms it in the live region at the button, with what happens next", async () => {
    await send(new File(["%PDF-1.7"], "brief.pdf", { type: "application/pdf" }));
    const progress = root.querySelector("[data-testid=document-progress]")!;
    expect(progress.getAttribute("aria-live")).toBe("polite");
    expect(root.querySelector('button[type="submit"]')!.getAttribute("aria-describedby")).toBe("document-progress");
    expect(progress.querySelector("[data-done]")!.getAttribute("data-done")).toBe("sent");
    expect(progress.textContent).toContain("Your document has been sent.");
    expect(progress.textContent).toContain("What happens next");
    const part = (added[0].body as { multipart: { file: { name: string } } }).multipart.file;
    expect(part.name).toBe("brief.pdf");
  });

  it("shows the step under way while a photo is prepared", async () => {
    const { shrinkPhoto } = await import("../src/photo");
    let release: (f: File) => void = () => undefined;
    vi.mocked(shrinkPhoto).mockImplementationOnce(() => new Promise<File>((r) => (release = r)));
    const photo = new File([new Uint8Array(10)], "foto.jpg", { type: "image/jpeg" });
    await send(photo);
    const step = root.querySelector("[data-testid=document-progress] [data-step]")!;
    expect(step.getAttribute("data-step")).toBe("preparing");
    expect(step.textContent).toBe("Preparing the photo…");
    expect(root.querySelector("[data-testid=document-progress] progress")).not.toBeNull();
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    release(photo);
    await settle();
    expect(root.querySelector("[data-testid=document-progress] [data-step]")).toBeNull();
    expect(root.querySelector("[data-testid=document-progress] [data-done]")).not.toBeNull();
  });
});
