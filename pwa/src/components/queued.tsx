// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/** How a request waiting in the offline queue is shown in its view's "Not sent yet" list. */
import { t } from "../i18n";
import { queue } from "../outbox";
import type { QueuedRequest } from "../queue";
import { MachineNotice } from "./in-language";

/** Waiting for a connection, or refused by the server: its reason and a way to remove it. */
export function QueuedState({ item }: { item: QueuedRequest }) {
  if (!item.failed)
    return (
      <p class="badge" data-state="queued">
        {t("Waiting for a connection. It will be sent automatically.")}
      </p>
    );
  return (
    <>
      <p class="badge warn">
        {t("Could not be sent: {reason}", { reason: item.failed.message || String(item.failed.status) })}
      </p>
      {item.failed.machine && <MachineNotice />}
      <button type="button" class="danger" onClick={() => void queue.remove(item.id)}>
        {t("Remove")}
      </button>
    </>
  );
}
