// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * The main menu as a bottom bar, within reach of a thumb: the first four views a user may open
 * (routes.tsx `BAR`), each with a pictogram and its label, and "More", which opens the others
 * above the bar. Every link is in the DOM (the closed list is `hidden`), so a screen reader's list
 * of links and the keyboard reach them after "More".
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { allowed, BAR, VIEWS, type RouteDef } from "../routes";

const MORE = "M5 12h1M11.5 12h1M18 12h1";

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

/**
 * Which labelled views go in the bar and which under "More", for a user with these roles: all of
 * them when they fit in the bar's five places, else the first four of `BAR` and "More".
 */
export function split(roles: string[]): { bar: RouteDef[]; more: RouteDef[] } {
  const views = VIEWS.filter((v) => v.label && allowed(v, roles));
  // Five places: everything when it fits, else four and "More".
  if (views.length <= 5) return { bar: views, more: [] };
  const bar = BAR.map((name) => views.find((v) => v.name === name))
    .filter((v): v is RouteDef => v !== undefined)
    .slice(0, 4);
  return { bar, more: views.filter((v) => !bar.includes(v)) };
}

export function BottomNav({ view, roles }: { view: string; roles: string[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { bar, more } = split(roles);
  const current = (name: string) => (view === name ? "page" : undefined);
  // Choosing the view already shown changes no route: its heading takes the focus all the same.
  const choose = (name: string) => {
    setOpen(false);
    if (name === view) document.querySelector<HTMLElement>("main h1")?.focus();
  };

  useEffect(() => setOpen(false), [view]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <nav class="bar" aria-label={t("Main menu")}>
      <ul class="tabs">
        {bar.map((v) => (
          <li key={v.name}>
            <a href={`#/${v.name}`} aria-current={current(v.name)} onClick={() => choose(v.name)}>
              <Icon d={v.icon ?? MORE} />
              <span>{v.label!()}</span>
            </a>
          </li>
        ))}
        {more.length > 0 && (
          <li>
            <button
              type="button"
              ref={button}
              aria-expanded={open}
              aria-controls="more-menu"
              class={more.some((v) => v.name === view) ? "current" : undefined}
              onClick={() => setOpen(!open)}
            >
              <Icon d={MORE} />
              <span>{t("More")}</span>
            </button>
          </li>
        )}
      </ul>
      <ul id="more-menu" class="more" hidden={!open}>
        {more.map((v) => (
          <li key={v.name}>
            <a href={`#/${v.name}`} aria-current={current(v.name)} onClick={() => choose(v.name)}>
              {v.label!()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
