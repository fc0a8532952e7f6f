import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Screen, ScreenProps } from "../lib/screens.js";
import { ErrorNotice, Loading } from "./status.js";

/** Loads a screen's chunk, then shows it; a failed download (an update was deployed meanwhile) can be retried. */
export function LazyScreen({ screen, ...props }: ScreenProps & { screen: Screen }) {
  const [loaded, setLoaded] = useState<{ path: string; component: FunctionComponent<ScreenProps> } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    screen.load().then(
      (component) => live && setLoaded({ path: screen.path, component }),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [screen]);
  if (error) return <ErrorNotice error={error} onRetry={() => window.location.reload()} />;
  if (!loaded || loaded.path !== screen.path) return <Loading />;
  const Component = loaded.component;
  return <Component {...props} />;
}
