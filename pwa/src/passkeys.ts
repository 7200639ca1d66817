// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Passkeys through the browser's WebAuthn API (navigator.credentials.create/get). The server's
 * options carry binary fields as base64url; the browser wants ArrayBuffers, and its answer goes
 * back as JSON with base64url fields (the PublicKeyCredential.toJSON shape).
 */
import { request, type Session, type Schemas } from "./api";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

/** `public_key`: WebAuthn options as JSON, opaque to the API's schema (an object). */
type Ceremony = Omit<Schemas["PasskeyCeremonyOut"], "public_key"> & { public_key: Json };

export type PasskeyItem = Schemas["PasskeyOut"];

function fromBase64url(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return bytes.buffer;
}

function toBase64url(buffer: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const descriptors = (list: Json[] | undefined) => (list ?? []).map((c) => ({ ...c, id: fromBase64url(c.id) }));

/** Whether this browser can create and use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && "PublicKeyCredential" in window && !!navigator.credentials;
}

function credentialJson(credential: PublicKeyCredential): Json {
  const response = credential.response as any;
  const out: Json = {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
    response: { clientDataJSON: toBase64url(response.clientDataJSON) },
  };
  if (response.attestationObject) out.response.attestationObject = toBase64url(response.attestationObject);
  if (response.authenticatorData) {
    out.response.authenticatorData = toBase64url(response.authenticatorData);
    out.response.signature = toBase64url(response.signature);
    out.response.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
  }
  return out;
}

/** Adds a passkey for the signed-in resident; throws when the person cancels or it fails. */
export async function addPasskey(name: string): Promise<PasskeyItem> {
  const ceremony = (await request<Ceremony>("/api/v1/auth/passkeys/registration-options", { method: "POST" })).data;
  const options = ceremony.public_key;
  const created = (await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      user: { ...options.user, id: fromBase64url(options.user.id) },
      excludeCredentials: descriptors(options.excludeCredentials),
    } as PublicKeyCredentialCreationOptions,
  })) as PublicKeyCredential | null;
  if (!created) throw new Error("no passkey");
  return (
    await request<PasskeyItem>("/api/v1/auth/passkeys", {
      method: "POST",
      body: { ceremony_id: ceremony.ceremony_id, name, credential: credentialJson(created) },
    })
  ).data;
}

/** Signs in with a passkey on this phone; the server sets the session cookies. */
export async function signInWithPasskey(): Promise<Session> {
  const ceremony = (await request<Ceremony>("/api/v1/auth/passkey-login/options", { method: "POST", body: {} })).data;
  const options = ceremony.public_key;
  const got = (await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      allowCredentials: descriptors(options.allowCredentials),
    } as PublicKeyCredentialRequestOptions,
  })) as PublicKeyCredential | null;
  if (!got) throw new Error("no passkey");
  return (
    await request<Session>("/api/v1/auth/passkey-login", {
      method: "POST",
      body: { ceremony_id: ceremony.ceremony_id, credential: credentialJson(got) },
    })
  ).data;
}

/** Set after an activation: the home view then offers to add a passkey. */
export const OFFER_PASSKEY = "welkom.offer-passkey";
