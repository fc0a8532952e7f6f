import { useState } from "preact/hooks";
import { localDay } from "../../../shared/time/index.js";
import { type IssuedLink, issueLinks, type Point } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { TextField } from "./field.js";
import { FormError } from "./form-error.js";

/**
 * One-time links for a point, tied to a dossier or not. "Print slips" posts this same form to the
 * server's slip page (/links/:code) in a new tab, which signs the links and lays them out for printing;
 * "Get links" asks the API for links to send by message. Either way the tokens are never stored.
 */
export function LinkIssuer({ point }: { point: Point }) {
  const { tr } = useT();
  const [dossier, setDossier] = useState("");
  const [count, setCount] = useState("1");
  const [links, setLinks] = useState<IssuedLink[]>([]);
  const request = useSubmit(
    () => issueLinks(point.code, { ...(dossier.trim() ? { dossier } : {}), count: Number(count) }),
    setLinks,
  );
  const id = `links-${point.code}`;
  return (
    <section class="link-issuer" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{tr("console.links.title")}</h3>
      <p class="muted">{tr("console.links.intro")}</p>
      <FormError error={request.error} fields={["dossier", "count"]} />
      <form
        method="post"
        action={`/links/${encodeURIComponent(point.code)}`}
        target="_blank"
        onSubmit={(event) => {
          // The print button submits the form natively (new tab); the other one stays here.
          const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value === "print") return;
          event.preventDefault();
          void request.submit();
        }}
        rel="noopener"
      >
        <TextField
          name="dossier"
          label={tr("poster.slips.dossier")}
          hint={tr("poster.slips.dossierHint")}
          value={dossier}
          onValue={(value) => {
            setDossier(value);
            if (value.trim()) setCount("1");
          }}
          maxLength={100}
          invalid={request.invalid("dossier")}
        />
        <TextField
          name="count"
          type="number"
          label={tr("poster.slips.count")}
          value={count}
          onValue={setCount}
          min={1}
          max={100}
          invalid={request.invalid("count")}
          required
        />
        <div class="actions">
          <button type="submit" name="action" value="print">
            {tr("console.links.print")}
          </button>
          <button type="submit" name="action" value="get" class="button-secondary" disabled={request.pending}>
            {tr("console.links.get")}
          </button>
        </div>
      </form>
      {links.length > 0 && (
        <div role="status">
          <p>
            {tr("console.links.issued", {
              count: links.length,
              date: lastValidDay(links[0]?.expiresAt ?? ""),
            })}
          </p>
          <ul class="issued-links">
            {links.map((link) => (
              <li key={link.token}>
                <code>{link.url}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The last day a link works, as the printed slip says it (DD/MM/YYYY, Hanoi time): it ends at midnight. */
function lastValidDay(expiresAt: string): string {
  const [year, month, day] = localDay(Date.parse(expiresAt) - 1).split("-");
  return `${day}/${month}/${year}`;
}
