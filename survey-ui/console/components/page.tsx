import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useT } from "../lib/use-t.js";

/** A screen's heading (the one h1) and the window title, so tabs and history read well. */
export function Page({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  const { tr } = useT();
  const windowTitle = `${title} · ${tr("console.app.name")}`;
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);
  return (
    <>
      <h1>{title}</h1>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </>
  );
}
