import { Link } from "../components/link.js";
import { Page } from "../components/page.js";
import { useT } from "../lib/use-t.js";

/** A console address that names no screen. */
export function NotFoundPage({ home }: { home: string }) {
  const { tr } = useT();
  return (
    <Page title={tr("console.notFound.title")}>
      <p>{tr("console.notFound.text")}</p>
      <Link to={home}>{tr("console.notFound.home")}</Link>
    </Page>
  );
}

/** A screen the user's role does not include (an old bookmark, a link from a colleague). */
export function NotAllowedPage({ home }: { home: string }) {
  const { tr } = useT();
  return (
    <Page title={tr("console.notAllowed.title")}>
      <p>{tr("console.notAllowed.text")}</p>
      <Link to={home}>{tr("console.notFound.home")}</Link>
    </Page>
  );
}
