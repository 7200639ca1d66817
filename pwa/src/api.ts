// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** The Welkom API over the session cookie (never a token in storage), with CSRF and problem details. */
import { language } from "./i18n";

/** Empty: the API is on the same origin. Set VITE_API_BASE when the PWA is on another host. */
export const API_BASE: string = (import.meta.env.VITE_API_BASE as string | undefined) ?? "";

export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: { field?: string; message?: string }[];
  /** How the detail came to be in the request's language: "machine" (not checked) or "reviewed". */
  translation_state?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }

  /** The problem's text was translated by a computer and not checked yet. */
  get machine(): boolean {
    return this.problem.translation_state === "machine";
  }
}

/** Whether an error's text (a problem detail) was translated by a computer and not checked yet. */
export function problemIsMachine(error: unknown): boolean {
  return error instanceof ApiError && error.machine;
}

export interface Result<T> {
  data: T;
  /** The service worker answered from its cache: we are offline or the network was too slow. */
  fromCache: boolean;
  headers: Headers;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Headers every request carries: language, and the CSRF token on anything but GET. */
export function requestHeaders(method: string, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  headers.set("Accept", "application/json, application/problem+json");
  headers.set("Accept-Language", language());
  if (method !== "GET" && method !== "HEAD") {
    const csrf = readCookie("welkom_csrf");
    if (csrf) headers.set("X-CSRF-Token", csrf);
  }
  return headers;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Result<T>> {
  const method = options.method ?? "GET";
  const headers = requestHeaders(method, options.headers);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.body);
  }
  const response = await fetch(API_BASE + path, {
    method,
    headers,
    body,
    credentials: API_BASE ? "include" : "same-origin",
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed ?? {}) as Problem);
  return {
    data: parsed as T,
    fromCache: response.headers.get("X-Welkom-From-Cache") === "1",
    headers: response.headers,
  };
}

/** A GET for an API another part of Welkom may not offer yet: null when it is not there. */
export async function optional<T>(path: string): Promise<Result<T> | null> {
  try {
    return await request<T>(path);
  } catch (error) {
    if (error instanceof ApiError && [404, 405, 501].includes(error.status)) return null;
    throw error;
  }
}

export interface Session {
  account_id: string;
  display_name: string;
  roles: string[];
  municipality_id: string;
  resident_id: string | null;
}

export interface Registration {
  state: "pending" | "registered" | "parked" | string;
  zaak_identificatie: string | null;
  registered_at: string | null;
}

export interface Question {
  id: string;
  /** The short case reference (K7Q2-9MXA); missing in responses cached before it existed. */
  reference?: string;
  text: string;
  language: string;
  created_at: string;
  registration: Registration;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * What to tell the person about a failed request: the server's localized problem detail (and
 * its field errors), or `offline` when no answer came. The API localizes by Accept-Language.
 */
export function problemText(error: unknown, offline: string): string {
  if (!(error instanceof ApiError)) return offline;
  const fields = (error.problem.errors ?? []).map((e) => e.message).filter(Boolean);
  return [error.message, ...fields].filter((x, i, all) => x && all.indexOf(x) === i).join(" ");
}

/**
 * A form's view of a problem: the first field error for each input (`inputFor` names the input a
 * problem field such as `$.name` or `address.postcode` belongs to, or null), and the detail with
 * every other field error as one message.
 */
export function formErrors<K extends string>(
  problem: Problem,
  inputFor: (field: string | undefined) => K | null,
): [Partial<Record<K, string>>, string] {
  const found: Partial<Record<K, string>> = {};
  const rest: string[] = [];
  for (const error of problem.errors ?? []) {
    const input = inputFor(error.field);
    if (input && !found[input]) found[input] = error.message ?? "";
    else rest.push(error.message ?? "");
  }
  return [found, [problem.detail || problem.title || "", ...rest].filter(Boolean).join(" ")];
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
