import { useEffect, useState } from "preact/hooks";
import { deliver, forget, pendingResponses } from "./outbox.js";

/**
 * Sends the responses an earlier visit left on this device (the page was closed before the server answered).
 * Returns "sending" while it does, "sent" once all are answered, null when there were none.
 */
export function useEarlierAnswers(): "sending" | "sent" | null {
  const [state, setState] = useState<"sending" | "sent" | null>(null);
  useEffect(() => {
    const earlier = pendingResponses();
    if (earlier.length === 0) return;
    setState("sending");
    (async () => {
      for (const response of earlier) {
        await deliver(response, () => {});
        forget(response.id);
      }
      setState("sent");
    })();
  }, []);
  return state;
}
