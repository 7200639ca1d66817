// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Web Push on this device: subscribe with the server's VAPID key and register the subscription
 * with the API; unsubscribe removes it in both places. The id the API gave is kept locally
 * (the API never returns the endpoint, a device secret, so it cannot be matched later).
 */
import { request, type Schemas } from "./api";

const STORED = "welkom.push-subscription";

export function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function storedId(): string | null {
  try {
    return localStorage.getItem(STORED);
  } catch {
    return null;
  }
}

function b64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Whether this device receives pushes for the signed-in person. */
export async function pushEnabled(): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== "granted") return false;
  const registration = await navigator.serviceWorker.ready;
  return !!(await registration.pushManager.getSubscription()) && !!storedId();
}

export class PushRefused extends Error {}

export async function enablePush(): Promise<void> {
  if ((await Notification.requestPermission()) !== "granted") throw new PushRefused("permission");
  const key = (await request<Schemas["PublicKeyOut"]>("/api/v1/push/public-key")).data.public_key;
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  const current = subscription?.options.applicationServerKey;
  if (subscription && current && !sameKey(new Uint8Array(current), b64urlToBytes(key))) {
    await subscription.unsubscribe(); // the server's key changed: the old subscription is useless
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: b64urlToBytes(key),
  });
  const saved = await request<Schemas["SubscriptionOut"]>("/api/v1/me/push-subscriptions", {
    method: "POST",
    body: subscription.toJSON(),
  });
  try {
    localStorage.setItem(STORED, saved.data.id);
  } catch {
    /* private mode */
  }
}

export async function disablePush(): Promise<void> {
  const id = storedId();
  if (id) await request(`/api/v1/me/push-subscriptions/${id}`, { method: "DELETE" }).catch(() => undefined);
  try {
    localStorage.removeItem(STORED);
  } catch {
    /* private mode */
  }
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.ready;
  await (await registration.pushManager.getSubscription())?.unsubscribe();
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
