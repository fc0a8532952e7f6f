import { useEffect, useState } from "preact/hooks";
import { currentPath, currentQuery, subscribe } from "./router.js";

export type Route = { path: string; query: URLSearchParams };

/** The current console path and query; re-renders on every navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => ({ path: currentPath(), query: currentQuery() }));
  useEffect(() => subscribe(() => setRoute({ path: currentPath(), query: currentQuery() })), []);
  return route;
}
