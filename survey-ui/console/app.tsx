import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { type Lang, t } from "../../shared/i18n/console/index.js";
import { LazyScreen } from "./components/lazy-screen.js";
import { Shell } from "./components/shell.js";
import { Loading } from "./components/status.js";
import { whenUnauthenticated } from "./lib/api.js";
import { fetchMe, type Me, signOut } from "./lib/console-api.js";
import { navigate } from "./lib/router.js";
import { homeOf, SCREENS } from "./lib/screens.js";
import { useRoute } from "./lib/use-route.js";
import { LangContext, rememberLang, storedLang } from "./lib/use-t.js";
import { NotAllowedPage, NotFoundPage } from "./pages/not-found.js";
import { SignInPage } from "./pages/sign-in.js";

type Session =
  | { state: "checking" }
  | { state: "out"; reason: "none" | "expired" | "signed-out" }
  | { state: "in"; me: Me };

/**
 * Where to go after sign-in: the console page asked for when this user's role has it (another person may
 * sign in on the same PC), else the role's home screen.
 */
function afterSignIn(query: URLSearchParams, me: Me): string {
  const next = query.get("next") ?? "";
  const screen = SCREENS.find((candidate) => candidate.path === next.split("?")[0]);
  return screen?.roles.includes(me.role) ? next : homeOf(me.role);
}

/** The console: language, session and the screen for the current address. */
export function App() {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const language = useMemo(
    () => ({
      lang,
      setLang: (next: Lang) => {
        rememberLang(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: "checking" });
  const sessionRef = useRef(session);
  sessionRef.current = session;

  useEffect(() => {
    // Tells the browser (fonts, screen readers) what language the page is in.
    document.documentElement.lang = t(lang, "common.languageTag");
  }, [lang]);

  useEffect(() => {
    // Any request that finds the session gone ends it here; the check at start-up is not an expiry.
    whenUnauthenticated(() => {
      if (sessionRef.current.state === "in") setSession({ state: "out", reason: "expired" });
    });
    fetchMe().then(
      (me) => setSession({ state: "in", me }),
      () => setSession({ state: "out", reason: "none" }),
    );
  }, []);

  // A layout effect, so the address changes in the same task as the screen: nobody (a person copying the
  // link, a test, a screen reader) sees the sign-in form under the old screen's address.
  useLayoutEffect(() => {
    if (session.state === "out" && route.path !== "sign-in") {
      const search = route.query.toString();
      const here = search ? `${route.path}?${search}` : route.path;
      navigate(here ? `sign-in?next=${encodeURIComponent(here)}` : "sign-in", { replace: true });
    } else if (session.state === "in" && (route.path === "sign-in" || route.path === "")) {
      navigate(afterSignIn(route.query, session.me), { replace: true });
    }
  }, [session, route]);

  const mainRef = useRef(route.path);
  useEffect(() => {
    // After a screen change, reading starts at the new content (as after a full page load).
    if (mainRef.current !== route.path) document.getElementById("main")?.focus();
    mainRef.current = route.path;
  }, [route.path]);

  let content = <Loading />;
  if (session.state === "out") {
    content = <SignInPage reason={session.reason} onSignedIn={(me) => setSession({ state: "in", me })} />;
  } else if (session.state === "in") {
    const screen = SCREENS.find((candidate) => candidate.path === route.path);
    const body = !screen ? (
      route.path === "sign-in" || route.path === "" ? (
        <Loading />
      ) : (
        <NotFoundPage home={homeOf(session.me.role)} />
      )
    ) : screen.roles.includes(session.me.role) ? (
      <LazyScreen screen={screen} me={session.me} />
    ) : (
      <NotAllowedPage home={homeOf(session.me.role)} />
    );
    content = (
      <Shell
        me={session.me}
        path={route.path}
        onSignOut={() => {
          signOut().finally(() => {
            // Signing out on purpose forgets the page: the next person starts at their own home screen.
            navigate("sign-in", { replace: true });
            setSession({ state: "out", reason: "signed-out" });
          });
        }}
      >
        {body}
      </Shell>
    );
  }
  return <LangContext.Provider value={language}>{content}</LangContext.Provider>;
}
