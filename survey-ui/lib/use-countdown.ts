import { useEffect, useState } from "preact/hooks";

/** Counts down from `seconds` once a second while `active`, and calls `onZero` when it gets there. */
export function useCountdown(seconds: number, active: boolean, onZero: () => void): number {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (!active) return;
    if (left <= 0) {
      onZero();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [active, left]);
  return left;
}
