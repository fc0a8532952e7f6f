import { useState } from "preact/hooks";
import { ApiFailure } from "./api.js";

export type Submission<T, A> = {
  /** Runs the action without an argument; use as a form's onSubmit. */
  submit: (event?: Event) => Promise<T | undefined>;
  /** Runs the action for one thing (a row's button). A second call while one runs does nothing. */
  run: (arg: A) => Promise<T | undefined>;
  pending: boolean;
  error: unknown;
  /** True when the last failure named this body field (the first element of an issue's path). */
  invalid: (field: string) => boolean;
  clear: () => void;
};

/** The state of one form's or button's request: pending, the last failure, and which fields it blamed. */
export function useSubmit<T, A = undefined>(
  action: (arg: A) => Promise<T>,
  onDone?: (result: T, arg: A) => void,
): Submission<T, A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (arg: A) => {
    if (pending) return undefined;
    setPending(true);
    setError(null);
    try {
      const result = await action(arg);
      onDone?.(result, arg);
      return result;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setPending(false);
    }
  };
  const submit = (event?: Event) => {
    event?.preventDefault();
    return run(undefined as A);
  };
  const invalid = (field: string) =>
    error instanceof ApiFailure && error.issues.some((issue) => String(issue.path[0]) === field);
  return { submit, run, pending, error, invalid, clear: () => setError(null) };
}
