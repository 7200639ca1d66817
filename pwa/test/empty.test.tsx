// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../src/app";

// Every read answers with nothing: a new resident's first look at each view.
const answers: Record<string, unknown> = {
  "/api/v1/me/cases": { items: [], next_cursor: null },
  "/api/v1/me/questions": { items: [], next_cursor: null },
  "/api/v1/me/notifications": { items: [], next_cursor: null, unread_count: 0 },
  "/api/v1/me/journey": { steps: [], done: 0, total: 0 },
};
vi.mock("../src/api", async (original) => ({
  ...(await original<typeof import("../src/api")>()),
  request: vi.fn(async (path: string) => ({
    data: answers[path.split("?")[0]],
    fromCache: false,
    headers: new Headers(),
  })),
}));
vi.mock("../src/outbox", () => ({
  queue: { list: async () => [], addEventListener: () => undefined, removeEventListener: () => undefined },
  flush: async () => undefined,
}));

const { CasesView } = await import("../src/views/cases");
const { QuestionsView } = await import("../src/views/questions");
const { NotificationsView } = await import("../src/views/notifications");
const { JourneyView } = await import("../src/views/journey");

const ctx = { offline: false, announce: () => undefined, session: null } as unknown as AppContext;
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("main");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(view: preact.JSX.Element) {
  await act(async () => render(view, root));
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

describe("empty views say what will appear and what to do", () => {
  it("my cases: what a case is, what will appear, and how to start one", async () => {
    await show(<CasesView ctx={ctx} waiting={0} />);
    const empty = root.querySelector(".empty")!;
    expect(empty.textContent).toContain("You have no cases yet.");
    expect(empty.textContent).toContain("Every question or document you send becomes a case.");
    expect([...empty.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#/ask", "#/documents"]);
    const explain = root.querySelector("details[data-testid=what-is-a-case]")!;
    expect(explain.querySelector("summary")!.textContent).toBe("What is a case?");
    expect(explain.querySelector("p")!.textContent).toContain("(in Dutch: zaak)");
  });

  it("my questions: what will appear and a way to ask", async () => {
    await show(<QuestionsView ctx={ctx} />);
    const empty = root.querySelector(".empty")!;
    expect(empty.textContent).toContain("Your questions appear here, with their status.");
    expect(empty.querySelector('a[href="#/ask"]')).not.toBeNull();
  });

  it("messages: no 'Unread updates: 0', but what will arrive here", async () => {
    await show(<NotificationsView ctx={ctx} />);
    expect(root.querySelector("[data-unread]")).toBeNull();
    expect(root.querySelector(".empty")!.textContent).toContain("you get a message here");
  });

  it("my journey: no 'Steps done: 0 of 0', but who adds the steps", async () => {
    await show(<JourneyView ctx={ctx} waiting={0} />);
    expect(root.querySelector("[data-testid=journey-progress]")).toBeNull();
    expect(root.querySelector("progress")).toBeNull();
    expect(root.querySelector(".empty")!.textContent).toContain("Your caseworker adds the steps of your journey here.");
  });
});
