import type { ComponentChildren } from "preact";
import type { Me } from "../lib/console-api.js";
import { screensFor } from "../lib/screens.js";
import { useT } from "../lib/use-t.js";
import { LanguageSwitch } from "./language-switch.js";
import { Link } from "./link.js";
import "./shell.css";

/** The frame of every signed-in screen: who is signed in, the screens their role offers, and the content. */
export function Shell(props: { me: Me; path: string; onSignOut: () => void; children: ComponentChildren }) {
  const { tr } = useT();
  const screens = screensFor(props.me.role).filter((screen) => screen.nav !== null);
  return (
    <>
      <a class="skip-link" href="#main">
        {tr("console.nav.skip")}
      </a>
      <header class="shell-header">
        <div class="shell-brand">
          <span class="shell-name">{tr("console.app.name")}</span>
          <span class="shell-tagline">{tr("console.app.tagline")}</span>
        </div>
        <div class="shell-user">
          <span>
            <strong>{props.me.username}</strong> · {tr(`console.roles.${props.me.role}`)}
            {props.me.unit ? ` · ${props.me.unit}` : ""}
          </span>
          <Link to="account" current={props.path === "account"}>
            {tr("console.nav.account")}
          </Link>
          <button type="button" class="button-link" onClick={props.onSignOut}>
            {tr("console.nav.signOut")}
          </button>
          <LanguageSwitch />
        </div>
        <nav class="shell-nav" aria-label={tr("console.nav.label")}>
          <ul>
            {screens.map((screen) => (
              <li key={screen.path}>
                <Link to={screen.path} current={props.path === screen.path}>
                  {screen.nav ? tr(screen.nav) : screen.path}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
