import { render } from "preact";
import { App } from "./app";
import { browserLanguage, setLanguage, storedLanguage } from "./i18n";
import { startFlushing } from "./outbox";
import { registerServiceWorker } from "./sw-client";
import "./styles.css";

async function boot(): Promise<void> {
  const chosen = storedLanguage();
  await setLanguage(chosen ?? browserLanguage(), false);
  render(<App languageChosen={chosen !== null} />, document.getElementById("app")!);
  startFlushing();
  registerServiceWorker();
}

void boot();
