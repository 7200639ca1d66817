// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from "preact/hooks";
import type { AppContext } from "../app";
import { formatDate, language, t } from "../i18n";
import { flush, queue } from "../outbox";
import { queuedFile, type MultipartBody, type QueuedRequest } from "../queue";
import { QueuedState } from "../components/queued";
import { shrinkPhoto } from "../photo";

/** Above this the server refuses anyway; say so before it waits in the queue. */
const MAX_BYTES = 10 * 1024 * 1024;

/** What this phone sent (from its queue, not an API answer: `id` is the queued request's). */
interface SentDocument {
  id: string;
  name: string;
  content_type: string;
  size: number;
  created_at: string;
}

/**
 * Send the municipality a document: a photo (the camera on a phone) or a PDF. It goes into the
 * offline queue first with its own Idempotency-Key, so it is never lost and never sent twice.
 */
export function DocumentsView(_: { ctx: AppContext }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState("");
  /** What the send is doing now, shown at the button: preparing a photo, then sending. */
  const [step, setStep] = useState<"" | "preparing" | "sending">("");
  /** The confirmation at the button once it is done: sent, or waiting for a connection. */
  const [done, setDone] = useState<"" | "sent" | "queued" | "failed">("");
  const busy = step !== "";
  const confirmation = useRef<HTMLDivElement>(null);
  // The confirmation is where the eye is: scrolled into view above the bottom bar.
  useEffect(() => {
    if (done) confirmation.current?.scrollIntoView({ block: "nearest" });
  }, [done]);
  const [queued, setQueued] = useState<QueuedRequest[]>([]);
  const [sent, setSent] = useState<SentDocument[]>([]);

  useEffect(() => {
    const onQueue = () => void queue.list().then((all) => setQueued(all.filter((i) => i.kind === "document")));
    const onSent = (e: Event) => {
      const { item, outcome } = (e as CustomEvent<{ item: QueuedRequest; outcome: { kind: string } }>).detail;
      if (item.kind === "document" && outcome.kind === "sent") {
        const f = fileOf(item);
        setSent((list) => [
          { id: item.id, name: f.name, content_type: f.type, size: f.bytes.byteLength, created_at: item.createdAt },
          ...list,
        ]);
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
    setDone("");
    setStep(file.type.startsWith("image/") ? "preparing" : "sending");
    try {
      const upload = await shrinkPhoto(file);
      if (upload.size > MAX_BYTES) return setError(t("This file is too large. Send a smaller photo or PDF."));
      const body: MultipartBody = { multipart: { file: await queuedFile(upload), language: language() } };
      const entry = await queue.add({ kind: "document", method: "POST", path: "/api/v1/me/documents", body });
      setFile(null);
      (document.getElementById("document-file") as HTMLInputElement | null)?.form?.reset();
      setStep("sending");
      await flush();
      // Refused: its reason is on its card under "Not sent yet", with Remove.
      const mine = (await queue.list()).find((i) => i.id === entry.id);
      setDone(!mine ? "sent" : mine.failed ? "failed" : "queued");
    } finally {
      setStep("");
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
        <button type="submit" class="primary" disabled={busy} aria-describedby="document-progress">
          {t("Send document")}
        </button>
        <div id="document-progress" class="progress" aria-live="polite" data-testid="document-progress">
          {busy && (
            <>
              <progress aria-hidden="true" />
              <p data-step={step}>{step === "preparing" ? t("Preparing the photo…") : t("Sending…")}</p>
            </>
          )}
          {(done === "sent" || done === "queued") && (
            <div class="confirmation" data-done={done} ref={confirmation}>
              <p>
                <strong>
                  {done === "sent"
                    ? t("Your document has been sent.")
                    : t("You are offline. Your document will be sent when you are online again.")}
                </strong>
              </p>
              <p>
                <strong>{t("What happens next")}</strong>{" "}
                {t("It is added to your file and appears under My cases.")}
              </p>
            </div>
          )}
        </div>
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
                <p class="text" dir="auto">
                  {d.name}
                </p>
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
