import { useCallback, useEffect, useRef, useState } from "preact/hooks";

export type Resource<T> =
  | { state: "loading"; data?: T | undefined; reload: () => void }
  | { state: "ready"; data: T; reload: () => void }
  | { state: "error"; error: unknown; data?: T | undefined; reload: () => void };

/**
 * Loads data for a screen and says where it stands (loading, ready, failed). A new `key` loads again;
 * an answer that arrives after a newer request started is dropped, so a slow old answer never wins.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [result, setResult] = useState<
    { state: "loading" | "ready"; data?: T } | { state: "error"; error: unknown; data?: T }
  >({ state: "loading" });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const run = useCallback(() => {
    const ticket = ++latest.current;
    setResult((previous) => ({ state: "loading", data: previous.data }));
    loader.current().then(
      (data) => {
        if (ticket === latest.current) setResult({ state: "ready", data });
      },
      (error: unknown) => {
        if (ticket === latest.current)
          setResult((previous) => ({ state: "error", error, data: previous.data }));
      },
    );
  }, []);

  useEffect(run, [key]);
  return { ...result, reload: run } as Resource<T>;
}
