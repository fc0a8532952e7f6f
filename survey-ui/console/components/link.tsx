import type { ComponentChildren } from "preact";
import { href, navigate } from "../lib/router.js";

/**
 * A link to a console screen: a real <a href> (open in a new tab, copy the address) that changes screens
 * without reloading the page on a plain click.
 */
export function Link(props: { to: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a
      href={href(props.to)}
      class={props.class}
      aria-current={props.current ? "page" : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
