// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  Queue,
  isMultipart,
  queuedFile,
  toFormData,
  type MultipartBody,
  type Outcome,
  type QueuedRequest,
} from "../src/queue";

let n = 0;
const fresh = (name = `multipart-${++n}`) => {
  const queue = new Queue(name);
  queue.setAccount("amal");
  return queue;
};

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00, 0x80]);

async function upload(queue: Queue) {
  const file = new File([PDF], "letter.pdf", { type: "application/pdf" });
  return queue.add({
    kind: "document",
    method: "POST",
    path: "/api/v1/me/documents",
    body: { multipart: { file: await queuedFile(file), language: "ar" } } satisfies MultipartBody,
  });
}

describe("offline queue with files", () => {
  it("keeps a file's bytes, name and type across a reload (a new Queue on the same database)", async () => {
    const name = `multipart-reload-${++n}`;
    await upload(fresh(name));
    const [item] = await fresh(name).list();
    expect(isMultipart(item.body)).toBe(true);
    const part = (item.body as MultipartBody).multipart.file;
    expect(typeof part).toBe("object");
    if (typeof part === "string") throw new Error("file became text");
    expect(part.name).toBe("letter.pdf");
    expect(part.type).toBe("application/pdf");
    expect(new Uint8Array(part.bytes)).toEqual(PDF);
    expect((item.body as MultipartBody).multipart.language).toBe("ar");
  });

  it("rebuilds the same multipart form on every attempt, with the same key, and sends it once", async () => {
    const queue = fresh();
    const seen: { key: string; bytes: Uint8Array; fileName: string; type: string; language: string }[] = [];
    const made = new Set<string>();
    let online = false;
    const send = async (item: QueuedRequest): Promise<Outcome> => {
      if (!online) throw new TypeError("Failed to fetch");
      const form = toFormData(item.body as MultipartBody);
      const file = form.get("file") as File;
      seen.push({
        key: item.key,
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        type: file.type,
        language: String(form.get("language")),
      });
      const replay = made.has(item.key);
      made.add(item.key);
      return { kind: "sent", status: replay ? 200 : 201 };
    };
    const item = await upload(queue);
    await queue.flush(send);
    await queue.flush(send);
    expect(seen).toHaveLength(0);
    expect(await queue.list()).toHaveLength(1);

    online = true;
    await Promise.all([queue.flush(send), queue.flush(send)]);
    expect(seen).toEqual([
      { key: item.key, bytes: PDF, fileName: "letter.pdf", type: "application/pdf", language: "ar" },
    ]);
    expect(made.size).toBe(1);
    expect(await queue.list()).toEqual([]);
  });

  it("treats a conflict as final only where the problem type says so", async () => {
    const { outcomeFor } = await import("../src/queue");
    expect(outcomeFor(409, "busy").kind).toBe("retry");
    expect(outcomeFor(409, "Already closed", "urn:welkom:problem:help-request-closed")).toEqual({ kind: "failed", status: 409, message: "Already closed" });
    expect(outcomeFor(503, "", "urn:welkom:problem:unavailable").kind).toBe("retry");
  });

  it("clearing (sign-out) while a send is under way leaves nothing behind", async () => {
    const queue = fresh();
    await upload(queue);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const flushing = queue.flush(async () => {
      await gate; // the answer is slow; meanwhile the person signs out
      return { kind: "retry" };
    });
    const clearing = queue.clear();
    release();
    await Promise.all([flushing, clearing]);
    expect(await queue.list()).toEqual([]);
  });

  it("tells JSON bodies and multipart bodies apart", () => {
    expect(isMultipart({ text: "hello" })).toBe(false);
    expect(isMultipart(undefined)).toBe(false);
    expect(isMultipart({ multipart: {} })).toBe(true);
  });
});
