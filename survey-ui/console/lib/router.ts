// A small history router: the console lives under /console/, every screen has its own address (so a
// page survives a reload and a return after sign-in), and the server answers every such address with
// index.html.

const BASE = "/console/";

type Listener = () => void;
const listeners = new Set<Listener>();

/** The console-relative path of the current address: "" for /console/, "points" for /console/points. */
export function currentPath(): string {
  const { pathname } = window.location;
  return pathname.startsWith(BASE) ? pathname.slice(BASE.length).replace(/\/+$/, "") : "";
}

/** The current query parameters. */
export function currentQuery(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** The full address of a console path with an optional query ("points?unit=X" → "/console/points?unit=X"). */
export function href(path: string): string {
  return `${BASE}${path}`;
}

/** Goes to a console path; `replace` keeps the history clean for redirects (sign-in, defaults). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = href(path);
  if (target === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, "", target);
  else window.history.pushState(null, "", target);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the address changes (links, back and forward); returns the unsubscribe. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}
