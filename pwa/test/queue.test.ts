// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { Queue, outcomeFor, type QueuedRequest, type Outcome } from "../src/queue";

let n = 0;
const fresh = (account = "amal") => {
  const queue = new Queue(`test-${++n}`);
  queue.setAccount(account);
  return queue;
};
const question = (text: string) => ({
  kind: "question",
  method: "POST" as const,
  path: "/api/v1/me/questions",
  body: { text, language: "nl" },
});

/** A fake server that honours Idempotency-Key the way Welkom's API does. */
function server(online: () => boolean) {
  const made = new Map<string, unknown>();
  const calls: string[] = [];
  const send = async (item: QueuedRequest): Promise<Outcome> => {
    if (!online()) throw new TypeError("Failed to fetch");
    calls.push(item.key);
    if (!made.has(item.key)) made.set(item.key, item.body);
    return { kind: "sent", status: 201 };
  };
  return { made, calls, send };
}

describe("offline queue", () => {
  it("keeps requests while offline and sends each exactly once when back online", async () => {
    const queue = fresh();
    let online = false;
    const api = server(() => online);
    await queue.add(question("first"));
    await queue.add(question("second"));

    await queue.flush(api.send);
    expect(api.made.size).toBe(0);
    const waiting = await queue.list();
    expect(waiting.map((i) => (i.body as { text: string }).text)).toEqual(["first", "second"]);
    expect(waiting[0].attempts).toBe(1);

    online = true;
    await Promise.all([queue.flush(api.send), queue.flush(api.send)]);
    expect([...api.made.values()].map((b) => (b as { text: string }).text)).toEqual([
      "first",
      "second",
    ]);
    expect(api.calls).toHaveLength(2);
    expect(await queue.list()).toEqual([]);
  });

  it("reuses the same Idempotency-Key on every attempt", async () => {
    const queue = fresh();
    const keys: string[] = [];
    let fail = true;
    const item = await queue.add(question("again"));
    const send = async (i: QueuedRequest): Promise<Outcome> => {
      keys.push(i.key);
      if (fail) return { kind: "retry" };
      return { kind: "sent", status: 201 };
    };
    await queue.flush(send);
    fail = false;
    await queue.flush(send);
    expect(keys).toEqual([item.key, item.key]);
    expect(await queue.list()).toEqual([]);
  });

  it("stops at the first request that must wait, keeping the order", async () => {
    const queue = fresh();
    await queue.add(question("a"));
    await queue.add(question("b"));
    const seen: string[] = [];
    await queue.flush(async (i) => {
      seen.push((i.body as { text: string }).text);
      return { kind: "retry" };
    });
    expect(seen).toEqual(["a"]);
    expect((await queue.list()).map((i) => i.attempts)).toEqual([1, 0]);
  });

  it("keeps a refused request visible as failed and does not send it again", async () => {
    const queue = fresh();
    await queue.add(question("bad"));
    await queue.add(question("good"));
    const seen: string[] = [];
    const send = async (i: QueuedRequest): Promise<Outcome> => {
      const text = (i.body as { text: string }).text;
      seen.push(text);
      return text === "bad" ? outcomeFor(422, "Not valid") : outcomeFor(201);
    };
    await queue.flush(send);
    await queue.flush(send);
    expect(seen).toEqual(["bad", "good"]);
    const left = await queue.list();
    expect(left).toHaveLength(1);
    expect(left[0].failed).toEqual({ status: 422, message: "Not valid" });
    await queue.remove(left[0].id);
    expect(await queue.list()).toEqual([]);
  });

  it("survives a reload: a new Queue on the same database sees what waits", async () => {
    const name = `reload-${++n}`;
    const first = new Queue(name);
    first.setAccount("amal");
    const item = await first.add(question("kept"));
    const again = new Queue(name);
    expect(await again.list()).toEqual([]); // nobody signed in yet
    again.setAccount("amal");
    expect((await again.list()).map((i) => i.key)).toEqual([item.key]);
  });

  it("never shows or sends one person's waiting requests while another is signed in", async () => {
    const name = `shared-${++n}`;
    const queue = new Queue(name);
    queue.setAccount("amal");
    await queue.add(question("from Amal"));
    queue.setAccount("pieter");
    expect(await queue.list()).toEqual([]);
    const sent: string[] = [];
    const send = async (i: QueuedRequest): Promise<Outcome> => {
      sent.push(i.account);
      return { kind: "sent", status: 201 };
    };
    await queue.flush(send);
    expect(sent).toEqual([]);
    await queue.clear(); // Pieter signs out: Amal's question stays for Amal
    queue.setAccount("amal");
    await queue.flush(send);
    expect(sent).toEqual(["amal"]);
  });

  it("refuses to queue anything without a signed-in account", async () => {
    const queue = new Queue(`anon-${++n}`);
    await expect(queue.add(question("x"))).rejects.toThrow();
  });

  it("keeps the order of arrival even within one millisecond", async () => {
    const queue = fresh();
    const texts = Array.from({ length: 20 }, (_, i) => `q${i}`);
    for (const text of texts) await queue.add(question(text));
    expect((await queue.list()).map((i) => (i.body as { text: string }).text)).toEqual(texts);
  });

  it("retries on conflict, rate limits, sign-in and server errors, fails on other 4xx", () => {
    for (const status of [401, 409, 429, 500, 503]) expect(outcomeFor(status).kind).toBe("retry");
    for (const status of [400, 404, 413, 422]) expect(outcomeFor(status).kind).toBe("failed");
    expect(outcomeFor(201)).toEqual({ kind: "sent", status: 201 });
  });

  it("retries only the conflict that says so; a final 409 does not block what waits behind it", async () => {
    expect(outcomeFor(409, "", "urn:welkom:problem:changed-concurrently").kind).toBe("retry");
    expect(outcomeFor(409, "Already agreed", "urn:welkom:problem:consent-already-granted")).toEqual({
      kind: "failed",
      status: 409,
      message: "Already agreed",
    });
    const queue = fresh();
    await queue.add({ kind: "consent", method: "POST", path: "/api/v1/me/consents", body: { purpose: "p" } });
    await queue.add(question("after"));
    const sent: string[] = [];
    await queue.flush(async (item) => {
      if (item.kind === "consent") return outcomeFor(409, "Nothing to withdraw", "urn:welkom:problem:consent-not-granted");
      sent.push((item.body as { text: string }).text);
      return outcomeFor(201);
    });
    expect(sent).toEqual(["after"]);
    const left = await queue.list();
    expect(left.map((i) => [i.kind, i.failed?.status])).toEqual([["consent", 409]]);
  });

  it("announces changes so the screen can show what waits", async () => {
    const queue = fresh();
    let changes = 0;
    queue.addEventListener("change", () => changes++);
    const item = await queue.add(question("x"));
    await queue.remove(item.id);
    expect(changes).toBe(2);
  });
});
