import { useState } from "preact/hooks";
import { type Delivery, deliver, forget, keep, type PendingResponse, type WaitReason } from "./outbox.js";

/** Where the citizen's submission stands, for the page to say plainly. */
export type Phase =
  | { name: "idle" }
  | { name: "sending" }
  | { name: "waiting"; reason: WaitReason }
  | { name: "done" }
  | { name: "refused"; code: string };

/**
 * Submits a response through the outbox: kept on the device first, then sent until the server answers for
 * good. In the `background` (a kiosk) the citizen is thanked as soon as the response is kept, so that a
 * flaky network never holds up the next citizen; the sending goes on behind. `reset` starts over.
 */
export function useSubmission(background: boolean) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  // The response last sent: the thank-you names the case it opened (issue 17).
  const [sent, setSent] = useState<PendingResponse | null>(null);
  const send = async (response: PendingResponse) => {
    setSent(response);
    keep(response);
    if (background) {
      setPhase({ name: "done" });
      await deliver(response, () => {});
      forget(response.id);
      return;
    }
    setPhase({ name: "sending" });
    const delivery: Delivery = await deliver(response, (reason) => setPhase({ name: "waiting", reason }));
    forget(response.id);
    setPhase(delivery.accepted ? { name: "done" } : { name: "refused", code: delivery.code });
  };
  return { phase, sent, send, reset: () => setPhase({ name: "idle" }) };
}
