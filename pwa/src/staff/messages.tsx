// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * How the back office shows what went wrong: a message for the whole form or view as an alert,
 * an input's message under it, tied to the input by `aria-describedby` (`<id>-error`).
 */

/** A message for the whole form or view (`role="alert"`); nothing without one. */
export function Alert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

/** The attributes of the input `id` while `error` stands under it (`FieldError`). */
export function invalid(id: string, error: string | null | undefined): { "aria-invalid": true | undefined; "aria-describedby": string | undefined } {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}

/** The message of the input `id`, under it; nothing without one. */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="error">
      {error}
    </p>
  );
}
