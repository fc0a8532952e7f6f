import { useCallback, useEffect, useRef, useState } from "preact/hooks";

type Resource<T> =
  | { state: "loading"; data?: T | undefined; reload: () => Promise<void> }
  | { state: "ready"; data: T; reload: () => Promise<void> }
  | { state: "error"; error: unknown; data?: T | undefined; reload: () => Promise<void> };

type Result<T> = { key: string } & (
  | { state: "loading" | "ready"; data?: T }
  | { state: "error"; error: unknown; data?: T }
);

/**
 * Loads data for a screen and says where it stands (loading, ready, failed). A reload keeps showing the
 * data it replaces; a new `key` (another period, another unit) does not, so figures never sit under the
 * wrong heading. An answer that arrives after a newer request started is dropped. `reload` settles once
 * its answer is in (or dropped), so a screen can say "saved" only when the list below shows it.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [result, setResult] = useState<Result<T>>({ key, state: "loading" });
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const keyRef = useRef(key);
  keyRef.current = key;

  const run = useCallback(() => {
    const ticket = ++latest.current;
    const runKey = keyRef.current;
    const kept = (previous: Result<T>) => (previous.key === runKey ? previous.data : undefined);
    setResult((previous) => ({ key: runKey, state: "loading", data: kept(previous) }));
    return loader.current().then(
      (data) => {
        if (ticket === latest.current) setResult({ key: runKey, state: "ready", data });
      },
      (error: unknown) => {
        if (ticket === latest.current)
          setResult((previous) => ({ key: runKey, state: "error", error, data: kept(previous) }));
      },
    );
  }, []);

  // A new key is what asks for a new load.
  useEffect(() => {
    void run();
  }, [key]);
  const current: Result<T> = result.key === key ? result : { key, state: "loading" };
  return { ...current, reload: run } as Resource<T>;
}
