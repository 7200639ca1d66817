// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import type { AppContext } from "../app";
import { formatDate, language, t } from "../i18n";
import { flush, queue } from "../outbox";
import { queuedFile, type MultipartBody, type QueuedRequest } from "../queue";
import { QueuedState } from "../components/queued";

/** Above this the server refuses anyway; say so before it waits in the queue. */
const MAX_BYTES = 10 * 1024 * 1024;

/** What this phone sent (from its queue, not an API answer: `id` is the queued request's). */
interface SentDocument {
  id: string;
  content_type: string;
  size: number;
  created_at: string;
}

/**
 * Send the municipality a document: a photo (the camera on a phone) or a PDF. It goes into the
 * offline queue first with its own Idempotency-Key, so it is never lost and never sent twice.
 */
export function DocumentsView({ ctx }: { ctx: AppContext }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState<QueuedRequest[]>([]);
  const [sent, setSent] = useState<SentDocument[]>([]);

  useEffect(() => {
    const onQueue = () => void queue.list().then((all) => setQueued(all.filter((i) => i.kind === "document")));
    const onSent = (e: Event) => {
      const { item, outcome } = (e as CustomEvent<{ item: QueuedRequest; outcome: { kind: string } }>).detail;
      if (item.kind === "document" && outcome.kind === "sent") {
        setSent((list) => [{ id: item.id, content_type: fileOf(item).type, size: fileOf(item).bytes.byteLength, created_at: item.createdAt }, ...list]);
      }
    };
    onQueue();
    queue.addEventListener("change", onQueue);
    queue.addEventListener("sent", onSent);
    return () => {
      queue.removeEventListener("change", onQueue);
      queue.removeEventListener("sent", onSent);
    };
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setError(t("Choose a photo or a PDF first."));
    if (file.size > MAX_BYTES) return setError(t("This file is too large. Send a smaller photo or PDF."));
    setBusy(true);
    try {
      const body: MultipartBody = { multipart: { file: await queuedFile(file), language: language() } };
      await queue.add({ kind: "document", method: "POST", path: "/api/v1/me/documents", body });
      setFile(null);
      (document.getElementById("document-file") as HTMLInputElement | null)?.form?.reset();
      await flush();
      const left = (await queue.list()).some((i) => i.kind === "document" && !i.failed);
      ctx.announce(
        left
          ? t("You are offline. Your document will be sent when you are online again.")
          : t("Your document has been sent."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="documents-title">
      <h1 id="documents-title" tabIndex={-1}>
        {t("Send a document")}
      </h1>
      <form onSubmit={submit} noValidate>
        <label for="document-file">{t("Photo or PDF")}</label>
        <p id="document-hint" class="hint">
          {t("Take a photo of a letter or choose a PDF. The municipality adds it to your file.")}
        </p>
        <input
          id="document-file"
          name="file"
          type="file"
          accept="image/*,application/pdf"
          capture="environment"
          aria-describedby={error ? "document-hint document-error" : "document-hint"}
          aria-invalid={error ? "true" : undefined}
          onChange={(e) => {
            setFile((e.target as HTMLInputElement).files?.[0] ?? null);
            setError("");
          }}
        />
        {error && (
          <p id="document-error" class="error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t("Send document")}
        </button>
      </form>
      {queued.length > 0 && (
        <>
          <h2>{t("Not sent yet")}</h2>
          <ul class="list" data-testid="queued-documents">
            {queued.map((q) => (
              <li key={q.id} class="card queued-item">
                <p class="text" dir="auto">{fileOf(q).name}</p>
                <QueuedState item={q} />
              </li>
            ))}
          </ul>
        </>
      )}
      {sent.length > 0 && (
        <>
          <h2>{t("Sent")}</h2>
          <ul class="list" data-testid="sent-documents">
            {sent.map((d) => (
              <li key={d.id} class="card">
                <p class="badge ok" data-state="sent">
                  {t("Sent to the municipality")}
                </p>
                <p class="meta">
                  <time dateTime={d.created_at}>{formatDate(d.created_at)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function fileOf(item: QueuedRequest): { name: string; type: string; bytes: ArrayBuffer } {
  const part = (item.body as MultipartBody).multipart.file;
  return typeof part === "string" ? { name: part, type: "", bytes: new ArrayBuffer(0) } : part;
}
