import { get, queryString } from "../lib/api.js";
import { useResource } from "../lib/use-resource.js";
import { useT } from "../lib/use-t.js";
import { ErrorNotice } from "./status.js";

/** How the figures are computed, in the reader's language, from the API (GET /api/v1/reports/method). */
export function MethodNote() {
  const { lang } = useT();
  const method = useResource(
    () => get<{ title: string; paragraphs: string[] }>(`/reports/method${queryString({ lang })}`),
    lang,
  );
  if (method.state === "error") return <ErrorNotice error={method.error} onRetry={method.reload} />;
  if (!method.data) return null;
  return (
    <details class="panel method">
      <summary>
        <h2>{method.data.title}</h2>
      </summary>
      {method.data.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </details>
  );
}
