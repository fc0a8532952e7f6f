import type { Logger } from "../logger.js";
import { runScheduledWork, type ScheduleDeps } from "./scheduler.js";

// Node's scheduler (issue 17): the scheduled work every minute, once at start (what waited in the outbox
// across a restart goes out at once), and soon after a case opens. Runs never overlap.

const EVERY_MS = 60_000;
const SOON_MS = 1_000;

/** Starts the timer loop; returns `wake` (run soon) and `stop`. */
export function startScheduleTimer(deps: ScheduleDeps & { log: Logger }) {
  let running = false;
  let again = false;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await runScheduledWork(deps);
      } while (again);
    } catch (error) {
      deps.log.error("scheduled_work_failed", { error: (error as Error).name });
    } finally {
      running = false;
    }
  };
  const interval = setInterval(run, EVERY_MS);
  interval.unref();
  void run();
  return {
    wake() {
      if (soon) return;
      soon = setTimeout(() => {
        soon = undefined;
        void run();
      }, SOON_MS);
      soon.unref();
    },
    stop() {
      clearInterval(interval);
      if (soon) clearTimeout(soon);
    },
  };
}
