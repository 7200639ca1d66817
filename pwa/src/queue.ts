// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The offline outbox: what the resident sends waits in IndexedDB with its Idempotency-Key until
 * the server has answered. Entries are written before the first attempt (so nothing is lost when
 * the tab closes), sent oldest first, one flush at a time across tabs (Web Locks), and removed only
 * after an answer; a retry reuses the key, so the server never makes the same thing twice.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/**
 * A file in a multipart body, stored as bytes: an ArrayBuffer survives IndexedDB's structured
 * clone everywhere (a FormData does not), so a photo taken offline is still there after a reload.
 */
export interface QueuedFile {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

/** A `multipart/form-data` body: text fields and files, rebuilt as FormData when sent. */
export interface MultipartBody {
  multipart: Record<string, string | QueuedFile>;
}

export function isMultipart(body: unknown): body is MultipartBody {
  return typeof body === "object" && body !== null && "multipart" in body;
}

/** Read a picked file into a body part the queue can keep. */
export async function queuedFile(file: Blob & { name?: string }): Promise<QueuedFile> {
  return { name: file.name || "document", type: file.type || "application/octet-stream", bytes: await file.arrayBuffer() };
}

/** The FormData to send for a multipart body. */
export function toFormData(body: MultipartBody): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body.multipart)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value.bytes], { type: value.type }), value.name);
  }
  return form;
}

export interface QueuedRequest {
  /** Order of arrival: IndexedDB's key generator, monotonic across tabs. */
  seq?: number;
  id: string;
  /** Whose it is: only sent, and only shown, while that account is signed in on this device. */
  account: string;
  /** Sent as `Idempotency-Key` on every attempt. */
  key: string;
  /** What the resident sent, for showing it while it waits ("question", …). */
  kind: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** JSON, or a {@link MultipartBody} (files kept as bytes); undefined: no body. */
  body: unknown;
  createdAt: string;
  attempts: number;
  /** Set when the server refused it for good (a 4xx other than 401/403/408/425/429, or a final 409). */
  failed?: { status: number; message: string; machine?: boolean };
}

/** What a send attempt came to. */
export type Outcome =
  | { kind: "sent"; status: number }
  | { kind: "retry" } // offline, server busy or not signed in: keep and try again later
  | { kind: "failed"; status: number; message: string; machine?: boolean };

export type Sender = (item: QueuedRequest) => Promise<Outcome>;

interface Schema extends DBSchema {
  requests: { key: number; value: QueuedRequest; indexes: { id: string } };
}

const LOCK = "welkom-queue-flush";

export function newId(): string {
  return crypto.randomUUID();
}

/** The one conflict that says "try again": two writes met. Other 409s are a final no. */
const RETRY_CONFLICT = "urn:welkom:problem:changed-concurrently";

/**
 * Classify an HTTP answer: which ones are worth a retry with the same key. A 409 is retried only
 * when the problem says so (or names no type); a conflict such as "already agreed" or "this
 * request is closed" would never pass and must not block what waits behind it.
 */
export function outcomeFor(status: number, message = "", problemType = "", machine = false): Outcome {
  if (status >= 200 && status < 300) return { kind: "sent", status };
  // `machine`: the server's message was translated by a computer and not checked yet.
  const failed: Outcome = machine ? { kind: "failed", status, message, machine } : { kind: "failed", status, message };
  if (status === 409 && problemType && problemType !== RETRY_CONFLICT) return failed;
  if ([401, 403, 408, 409, 425, 429].includes(status) || status >= 500) return { kind: "retry" };
  return failed;
}

export class Queue extends EventTarget {
  private db: Promise<IDBPDatabase<Schema>>;
  private running: Promise<void> | null = null;
  private account: string | null = null;

  constructor(name = "welkom-queue") {
    super();
    this.db = openDB<Schema>(name, 1, {
      upgrade(db) {
        const store = db.createObjectStore("requests", { keyPath: "seq", autoIncrement: true });
        store.createIndex("id", "id", { unique: true });
      },
    });
  }

  /**
   * The signed-in account. Another person signing in on a shared phone neither sees nor sends
   * what the previous one left waiting; it waits for its own account.
   */
  setAccount(account: string | null): void {
    if (account === this.account) return;
    this.account = account;
    this.changed();
  }

  async add(
    item: Pick<QueuedRequest, "kind" | "method" | "path" | "body">,
  ): Promise<QueuedRequest> {
    if (!this.account) throw new Error("sign in before sending");
    const entry: QueuedRequest = {
      ...item,
      account: this.account,
      id: newId(),
      key: newId(),
      createdAt: new Date().toISOString(),
      attempts: 0,
    };
    entry.seq = await (await this.db).add("requests", entry);
    this.changed();
    return entry;
  }

  /** What the signed-in account still has waiting (or refused), oldest first. */
  async list(): Promise<QueuedRequest[]> {
    const account = this.account;
    if (!account) return [];
    return (await (await this.db).getAll("requests")).filter((item) => item.account === account);
  }

  /** Remove the signed-in account's entries (on sign-out). */
  async clear(): Promise<void> {
    // A send under way would write its entry back (attempt count) after we deleted it: wait.
    await this.running?.catch(() => undefined);
    const db = await this.db;
    for (const item of await this.list()) await db.delete("requests", item.seq!);
    this.changed();
  }

  async remove(id: string): Promise<void> {
    const db = await this.db;
    const seq = await db.getKeyFromIndex("requests", "id", id);
    if (seq !== undefined) await db.delete("requests", seq);
    this.changed();
  }

  /**
   * Send what waits, oldest first, stopping at the first entry that must wait. Concurrent calls
   * share one run; across tabs the Web Locks API keeps it to one sender.
   */
  flush(send: Sender): Promise<void> {
    if (!this.running) {
      const run = () => this.sendAll(send);
      const locks = (globalThis.navigator as Navigator | undefined)?.locks;
      const started: Promise<void> = locks ? locks.request(LOCK, run).then(() => undefined) : run();
      this.running = started.finally(() => {
        this.running = null;
      });
      return this.running;
    }
    return this.running;
  }

  private async sendAll(send: Sender): Promise<void> {
    const db = await this.db;
    for (const listed of await this.list()) {
      const item = await db.get("requests", listed.seq!); // another tab may have sent it
      if (!item || item.failed || item.account !== this.account) continue;
      item.attempts += 1;
      await db.put("requests", item);
      let outcome: Outcome;
      try {
        outcome = await send(item);
      } catch {
        outcome = { kind: "retry" }; // network error: the answer is unknown, the key makes a resend safe
      }
      if (outcome.kind === "retry") {
        this.changed();
        return;
      }
      if (outcome.kind === "sent") {
        await db.delete("requests", item.seq!);
      } else {
        item.failed = { status: outcome.status, message: outcome.message };
        if (outcome.machine) item.failed.machine = true;
        await db.put("requests", item);
      }
      this.dispatchEvent(new CustomEvent("sent", { detail: { item, outcome } }));
      this.changed();
    }
  }

  private changed(): void {
    this.dispatchEvent(new Event("change"));
  }
}
