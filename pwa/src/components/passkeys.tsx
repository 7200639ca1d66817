// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "preact/hooks";
import { ApiError, problemText, request } from "../api";
import { formatDate, t } from "../i18n";
import { OFFER_PASSKEY, addPasskey, passkeysSupported, type PasskeyItem } from "../passkeys";

function failure(error: unknown): string {
  // A cancelled or impossible ceremony is a DOMException from the browser, not a problem.
  if (error instanceof ApiError) return problemText(error, "");
  if (error instanceof TypeError) return t("There is no connection. Try again when you are online.");
  return t("Adding the passkey was cancelled or is not possible on this phone.");
}

/** Settings: the resident's passkeys (name, added, last used), remove one, add one. */
export function PasskeySettings() {
  const [items, setItems] = useState<PasskeyItem[] | null>(null);
  const [name, setName] = useState(() => t("My phone"));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");

  const load = () =>
    request<PasskeyItem[]>("/api/v1/auth/passkeys")
      .then((r) => setItems(r.data))
      .catch(() => setItems([]));
  useEffect(() => void load(), []);

  const add = async () => {
    setBusy(true);
    setError("");
    setMessage("");
    try {
      await addPasskey(name.trim() || t("My phone"));
      setMessage(t("The passkey was added."));
      await load();
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (item: PasskeyItem) => {
    setBusy(true);
    setError("");
    setMessage("");
    try {
      await request(`/api/v1/auth/passkeys/${item.id}`, { method: "DELETE" });
      setMessage(t("The passkey was removed."));
      await load();
    } catch (e) {
      setError(problemText(e, t("There is no connection. Try again when you are online.")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="passkeys">
      <h3>{t("Passkeys")}</h3>
      <p>{t("With a passkey you sign in again with your phone's screen lock (PIN, fingerprint or face), without a new letter.")}</p>
      {items && items.length === 0 && <p>{t("You have no passkeys yet.")}</p>}
      {items && items.length > 0 && (
        <ul class="passkeys">
          {items.map((item) => (
            <li key={item.id} class="card" data-testid="passkey">
              <strong>{item.name}</strong>
              <p>{t("Added on {date}", { date: formatDate(item.created_at) })}</p>
              <p>
                {item.last_used_at
                  ? t("Last used on {date}", { date: formatDate(item.last_used_at) })
                  : t("Not used yet")}
              </p>
              <button type="button" class="danger" disabled={busy} onClick={() => void remove(item)}>
                {t("Remove {name}", { name: item.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {passkeysSupported() ? (
        <>
          <label for="passkey-name">{t("Name of this passkey")}</label>
          <input
            id="passkey-name"
            type="text"
            maxLength={100}
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
          <div class="actions">
            <button type="button" disabled={busy} data-testid="add-passkey" onClick={() => void add()}>
              {t("Add a passkey")}
            </button>
          </div>
        </>
      ) : (
        <p>{t("This phone cannot use passkeys.")}</p>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function offered(): boolean {
  try {
    return sessionStorage.getItem(OFFER_PASSKEY) === "1";
  } catch {
    return false;
  }
}

function stopOffering(): void {
  try {
    sessionStorage.removeItem(OFFER_PASSKEY);
  } catch {
    /* private mode */
  }
}

/** Right after activation: offer a passkey, so signing out does not lock the resident out. */
export function PasskeyOffer() {
  const [show, setShow] = useState(() => offered() && passkeysSupported());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState(false);
  if (!show && !done) return null;

  const add = async () => {
    setBusy(true);
    setError("");
    try {
      await addPasskey(t("My phone"));
      stopOffering();
      setShow(false);
      setDone(true);
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <p class="card" role="status" data-testid="passkey-added">
        {t("The passkey was added.")}
      </p>
    );
  return (
    <article class="card" aria-labelledby="passkey-offer-title" data-testid="passkey-offer">
      <h2 id="passkey-offer-title">{t("Add a passkey")}</h2>
      <p>{t("With a passkey you sign in again with your phone's screen lock (PIN, fingerprint or face), without a new letter.")}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} data-testid="add-passkey" onClick={() => void add()}>
          {t("Add a passkey")}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            stopOffering();
            setShow(false);
          }}
        >
          {t("Not now")}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
