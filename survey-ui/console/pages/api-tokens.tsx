import { useState } from "preact/hooks";
import { TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Empty, ErrorNotice, Loading } from "../components/status.js";
import { createToken, listTokens, revokeToken } from "../lib/console-api.js";
import { formatDateTime } from "../lib/format-date.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";

/** The caller's API tokens: create one (its secret is shown once), see when each was used, revoke. */
export function ApiTokens() {
  const { lang, tr } = useT();
  const tokens = useResource(listTokens, "tokens");
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  const form = useSubmit(
    () => createToken(name),
    (created) => {
      setFresh(created.token);
      setName("");
      tokens.reload();
    },
  );
  const revoke = useSubmit((id: string) => revokeToken(id), tokens.reload);
  return (
    <section class="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{tr("console.tokens.title")}</h2>
      <p class="intro">{tr("console.tokens.intro")}</p>
      {fresh && (
        <div class="status status-ok" role="status">
          <p>{tr("console.tokens.shownOnce")}</p>
          <p>
            <code class="secret" data-testid="new-token">
              {fresh}
            </code>
          </p>
          <p class="muted">{tr("console.tokens.usage")}</p>
        </div>
      )}
      <FormError error={form.error ?? revoke.error} fields={["name"]} />
      <form onSubmit={form.submit}>
        <TextField
          name="name"
          label={tr("console.fields.tokenName")}
          hint={tr("console.hints.tokenName")}
          value={name}
          onValue={setName}
          maxLength={100}
          invalid={form.invalid("name")}
          required
        />
        <button type="submit" disabled={form.pending}>
          {tr("console.tokens.create")}
        </button>
      </form>
      {tokens.state === "loading" && !tokens.data && <Loading />}
      {tokens.state === "error" && <ErrorNotice error={tokens.error} onRetry={tokens.reload} />}
      {tokens.data?.length === 0 && <Empty>{tr("console.tokens.empty")}</Empty>}
      {tokens.data && tokens.data.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{tr("console.tokens.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr("console.fields.tokenName")}</th>
                <th scope="col">{tr("console.tokens.created")}</th>
                <th scope="col">{tr("console.tokens.lastUsed")}</th>
                <th scope="col">{tr("console.tokens.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{formatDateTime(lang, token.createdAt)}</td>
                  <td>
                    {token.lastUsedAt ? formatDateTime(lang, token.lastUsedAt) : tr("console.tokens.never")}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      tr("console.tokens.revoked")
                    ) : (
                      <button
                        type="button"
                        class="button-danger"
                        aria-label={tr("console.tokens.revokeNamed", { name: token.name })}
                        disabled={revoke.pending}
                        onClick={() => {
                          if (window.confirm(tr("console.tokens.confirmRevoke", { name: token.name })))
                            void revoke.run(token.id);
                        }}
                      >
                        {tr("console.tokens.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
