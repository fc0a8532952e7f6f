import { type LoadAnswer, type LoadCall, runLoad } from "../../../bench/lib/load.js";

/**
 * Sends again every call that got no answer (or was never sent), as the survey's outbox does after a lost
 * connection, for a few rounds at most. Returns the latest answer of every call, index for index.
 */
export async function resendUnanswered(
  url: string,
  calls: readonly LoadCall[],
  answers: readonly (LoadAnswer | undefined)[],
): Promise<(LoadAnswer | undefined)[]> {
  const latest = [...answers];
  for (let round = 0; round < 3; round++) {
    const again = calls.flatMap((_, index) => (latest[index] && latest[index].status !== 0 ? [] : [index]));
    if (again.length === 0) break;
    const run = await runLoad(
      url,
      again.map((index) => calls[index]!),
      { concurrency: 64 },
    );
    again.forEach((index, i) => {
      latest[index] = run.answers[i];
    });
  }
  return latest;
}
