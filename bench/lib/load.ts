import { Agent, request } from "node:http";

// A bounded load generator for requests whose answers matter one by one (which id was acknowledged, which
// was refused), where wrk only counts. Node's own HTTP client over keep-alive connections: lighter than
// fetch, and a killed server shows up as a failed request (status 0), never as a hang.

/** One request to send: a path on the server and, for a POST, its JSON text. */
export type LoadCall = { method: "GET" | "POST"; path: string; body?: string };

/** What came back: the HTTP status (0 when no answer arrived, with the error as body), the body, the time. */
export type LoadAnswer = { status: number; body: string; ms: number };

export type LoadOptions = {
  /** Requests in flight at once (each on its own keep-alive connection). */
  concurrency: number;
  /** No request starts after this many milliseconds; those left unsent have no answer. */
  deadlineMs?: number;
  /** A request that has no answer after this long counts as unanswered (status 0). */
  timeoutMs?: number;
  /** Once aborted, no further request starts (requests in flight finish or fail). */
  signal?: AbortSignal;
  /** Called as each answer arrives, in arrival order (e.g. to kill the server after N acknowledgements). */
  onAnswer?: (index: number, answer: LoadAnswer) => void;
};

/** The answers of a run, index for index with its calls (undefined: never sent), and its wall time. */
export type LoadRun = { answers: (LoadAnswer | undefined)[]; sent: number; elapsedMs: number };

/**
 * Sends `calls` in order with at most `concurrency` in flight, bounded by the list's length, the deadline
 * and the signal. Never throws for a failed request: a refused or reset connection is status 0.
 */
export async function runLoad(baseUrl: string, calls: readonly LoadCall[], options: LoadOptions) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const answers: (LoadAnswer | undefined)[] = calls.map(() => undefined);
  const started = performance.now();
  const deadline = started + (options.deadlineMs ?? Number.POSITIVE_INFINITY);
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < calls.length && performance.now() < deadline && !options.signal?.aborted) {
      const index = next++;
      sent++;
      const answer = await send(agent, baseUrl, calls[index] as LoadCall, options.timeoutMs ?? 30_000);
      answers[index] = answer;
      options.onAnswer?.(index, answer);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return { answers, sent, elapsedMs: performance.now() - started } satisfies LoadRun;
}

function send(agent: Agent, baseUrl: string, call: LoadCall, timeoutMs: number): Promise<LoadAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, body: string) => resolve({ status, body, ms: performance.now() - started });
    const req = request(
      new URL(call.path, baseUrl),
      {
        method: call.method,
        agent,
        timeout: timeoutMs,
        headers: call.body === undefined ? {} : { "content-type": "application/json" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
        res.on("error", (error) => done(0, describe(error)));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (error) => done(0, describe(error)));
    req.end(call.body);
  });
}

const describe = (error: Error & { code?: string }) => error.code ?? error.message;

/** Throughput, latency percentiles and answers per status of a run (status 0: no answer). */
export function summariseLoad(run: LoadRun) {
  const answered = run.answers.filter((a): a is LoadAnswer => a !== undefined);
  const times = answered.map((a) => a.ms).sort((a, b) => a - b);
  const percentile = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  const byStatus: Record<number, number> = {};
  for (const a of answered) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  return {
    requests: answered.length,
    requestsPerSecond: answered.length / (run.elapsedMs / 1000),
    p50Ms: percentile(50),
    p99Ms: percentile(99),
    byStatus,
  };
}
