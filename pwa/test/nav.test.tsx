// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BottomNav, split } from "../src/components/nav";
import { titleOf } from "../src/routes";

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement("div");
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const names = (list: { name: string }[]) => list.map((v) => v.name);

describe("the bottom bar", () => {
  it("puts four views in the bar and every other labelled view under More, by role", () => {
    const resident = split(["resident"]);
    expect(names(resident.bar)).toEqual(["home", "ask", "questions", "notifications"]);
    expect(names(resident.more)).toEqual(["journey", "services", "cases", "data", "documents", "help", "settings"]);
    const volunteer = split(["volunteer"]);
    // Five views fit in the bar's five places: no "More" with one link behind it.
    expect(names(volunteer.bar)).toEqual(["home", "services", "volunteer", "notifications", "settings"]);
    expect(names(volunteer.more)).toEqual([]);
    const both = split(["resident", "volunteer"]);
    expect(names(both.bar)).toEqual(["home", "ask", "volunteer", "questions"]);
    expect(names(both.more)).toContain("notifications");
    // Nothing a role may not open; nothing without a menu label (a service, consent, access).
    expect(names(volunteer.bar).concat(names(volunteer.more))).not.toContain("ask");
    expect(names(resident.more)).not.toContain("service");
  });

  it("marks the current view, with pictograms hidden from screen readers", () => {
    act(() => render(<BottomNav view="questions" roles={["resident"]} />, root));
    const nav = root.querySelector("nav")!;
    expect(nav.getAttribute("aria-label")).toBe("Main menu");
    const tabs = [...nav.querySelectorAll(".tabs a")];
    expect(tabs.map((a) => a.getAttribute("href"))).toEqual(["#/home", "#/ask", "#/questions", "#/notifications"]);
    expect(tabs.map((a) => a.textContent)).toEqual(["Home", "Ask a question", "My questions", "Messages"]);
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    expect(nav.querySelector('[aria-current="page"]')!.getAttribute("href")).toBe("#/questions");
    for (const svg of nav.querySelectorAll("svg")) expect(svg.getAttribute("aria-hidden")).toBe("true");
  });

  it("opens More and closes it with Escape, giving the focus back to its button", () => {
    act(() => render(<BottomNav view="home" roles={["resident"]} />, root));
    const more = root.querySelector<HTMLButtonElement>('button[aria-controls="more-menu"]')!;
    const menu = root.querySelector<HTMLUListElement>("#more-menu")!;
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(menu.hidden).toBe(true);
    // Closed, its links are still in the document (a screen reader's list of links has them).
    expect(menu.querySelectorAll("a")).toHaveLength(7);
    act(() => more.click());
    expect(more.getAttribute("aria-expanded")).toBe("true");
    expect(menu.hidden).toBe(false);
    act(() => {
      dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    });
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(more);
  });

  it("shows More as current when the view is one of its links, and closes on navigation", () => {
    act(() => render(<BottomNav view="home" roles={["resident"]} />, root));
    const more = root.querySelector<HTMLButtonElement>('button[aria-controls="more-menu"]')!;
    act(() => more.click());
    act(() => render(<BottomNav view="settings" roles={["resident"]} />, root));
    expect(root.querySelector<HTMLUListElement>("#more-menu")!.hidden).toBe(true);
    expect(more.classList.contains("current")).toBe(true);
    expect(root.querySelector('#more-menu a[aria-current="page"]')!.getAttribute("href")).toBe("#/settings");
  });

  it("has no More button when every view fits in the bar", () => {
    act(() => render(<BottomNav view="home" roles={[]} />, root));
    expect(root.querySelectorAll(".tabs a")).toHaveLength(4); // home, services, messages, settings
    expect(root.querySelector("button")).toBeNull();
  });
});

describe("titles", () => {
  it("gives every route its own title, also views without a menu label", () => {
    expect(titleOf("language")).toBe("Choose your language");
    expect(titleOf("login")).toBe("Sign in");
    expect(titleOf("cases")).toBe("My cases");
    expect(titleOf("consent")).toBe("My consent");
    expect(titleOf("access")).toBe("Who looked at my data");
    expect(titleOf("service")).toBe("Service");
    const all = ["language", "login", ...split(["resident", "volunteer"]).bar, ...split(["resident", "volunteer"]).more]
      .map((r) => titleOf(typeof r === "string" ? r : r.name));
    expect(new Set(all).size).toBe(all.length);
  });
});
