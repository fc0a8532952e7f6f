import type { ComponentChildren } from "preact";
import { failureText } from "../lib/failure-text.js";
import { useT } from "../lib/use-t.js";
import "./status.css";

/** The "still loading" line every screen shows before its data arrives. */
export function Loading({ label }: { label?: string }) {
  const { tr } = useT();
  return (
    <p class="status status-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label ?? tr("console.status.loading")}
    </p>
  );
}

/** An empty list, saying what to do next. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="status status-empty">{children}</div>;
}

/** A failed request in plain words, with a way to try again when trying again can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { tr } = useT();
  return (
    <div class="status status-error" role="alert">
      <p>{failureText(tr, error)}</p>
      {onRetry && (
        <button type="button" class="button-secondary" onClick={onRetry}>
          {tr("console.status.retry")}
        </button>
      )}
    </div>
  );
}

/** A short confirmation after a change ("Saved."), announced to screen readers. */
export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="status status-ok" role="status">
      {children}
    </p>
  );
}
