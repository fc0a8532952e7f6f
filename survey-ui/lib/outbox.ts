// Never lose an answer: a response is kept in localStorage from the moment it is submitted until the server
// has answered it for good, and is sent again (same id: the server's idempotency makes that harmless) after
// a network failure, a server error, or when the page is opened again.

const STORAGE_KEY = "hailong.outbox";
// Waits between attempts; the last one repeats. An `online` event cuts a wait short.
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];
// A phone on a weak signal may never get an answer; give up on an attempt after this and try again.
const ATTEMPT_TIMEOUT_MS = 20_000;

/** A submission body as POST /api/v1/responses takes it. */
export type PendingResponse = { id: string } & Record<string, unknown>;

/** The server's last word on a response: accepted (stored now or before), or refused with its error code. */
export type Delivery = { accepted: true } | { accepted: false; code: string };

export type WaitReason = "offline" | "retrying";

function read(): PendingResponse[] {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function write(list: PendingResponse[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage refused (a private window, a full disk): the response still goes out while the page is open.
  }
}

/** The responses submitted on this device that the server has not answered yet. */
export function pendingResponses(): PendingResponse[] {
  return read();
}

/** Keeps a response until `forget` is called for it. */
export function keep(response: PendingResponse): void {
  write([...read().filter((r) => r.id !== response.id), response]);
}

/** Drops a response the server has answered for good (stored, repeated or refused). */
export function forget(id: string): void {
  write(read().filter((r) => r.id !== id));
}

/**
 * Sends a response until the server gives a final answer: retries with growing pauses on a network failure,
 * a timeout, a 5xx, 408 or 429, and reports each wait (offline or retrying) so the page can say so.
 */
export async function deliver(
  response: PendingResponse,
  onWait: (reason: WaitReason) => void,
): Promise<Delivery> {
  for (let attempt = 0; ; attempt++) {
    if (navigator.onLine !== false) {
      const answer = await attemptOnce(response);
      if (answer) return answer;
    }
    onWait(navigator.onLine === false ? "offline" : "retrying");
    await pause(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] as number);
  }
}

async function attemptOnce(response: PendingResponse): Promise<Delivery | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
  try {
    const res = await fetch("/api/v1/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(response),
      signal: abort.signal,
    });
    if (res.ok) return { accepted: true };
    if (res.status >= 500 || res.status === 408 || res.status === 429) return undefined;
    const body = await res.json().catch(() => null);
    return { accepted: false, code: body?.error?.code ?? String(res.status) };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    addEventListener("online", done);
  });
}
