// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
import { expect, it } from "vitest";
import { language, loadFirstSteps, setLanguage, t } from "../src/i18n";

// The little of a browser i18n.ts touches.
const events: string[] = [];
Object.assign(globalThis, {
  document: { documentElement: {} },
  dispatchEvent: (event: Event) => (events.push(`${event.type}:${language()}`), true),
  localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
});

it("without the first-steps texts a language waits for its catalog", async () => {
  const pending = setLanguage("ar");
  expect(language()).toBe("nl"); // nothing switched before the catalog arrived
  await pending;
  expect(language()).toBe("ar");
  expect(t("Sign in")).not.toBe("Sign in");
});

it("with the first-steps texts a language switches at once, the full catalog follows", async () => {
  await loadFirstSteps();
  events.length = 0;
  const pending = setLanguage("ti");
  // At once, before any chunk could load: the sign-in view's texts, the rest still in English.
  expect(language()).toBe("ti");
  expect(document.documentElement.lang).toBe("ti");
  expect(t("Sign in")).toBe("እቶ");
  expect(t("Your latest question")).toBe("Your latest question");
  await pending;
  await expect.poll(() => t("Your latest question")).toBe("ናይ መወዳእታ ሕቶኻ");
  expect(events).toEqual(["welkom:language:ti", "welkom:language:ti"]);
  // Back to a language whose catalog is complete in this visit: no second, partial step.
  events.length = 0;
  await setLanguage("ar");
  await setLanguage("ti");
  expect(t("Your latest question")).toBe("ናይ መወዳእታ ሕቶኻ");
});
