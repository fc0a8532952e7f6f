import { useState } from "preact/hooks";
import { TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { type ApiToken, createToken, listTokens, revokeAllTokens, revokeToken } from "../lib/console-api.js";
import { formatDateTime } from "../lib/format-date.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";

/** The caller's API tokens: create one (its secret is shown once), see when each was used and expires, revoke. */
export function ApiTokens() {
  const { lang, tr } = useT();
  const tokens = useResource(listTokens, "tokens");
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [fresh, setFresh] = useState<string | null>(null);
  const [revokedAll, setRevokedAll] = useState<number | null>(null);
  const form = useSubmit(
    () => createToken(name, Number(days)),
    (created) => {
      setFresh(created.token);
      setRevokedAll(null);
      setName("");
      tokens.reload();
    },
  );
  const revoke = useSubmit((id: string) => revokeToken(id), tokens.reload);
  const revokeAll = useSubmit(
    () => revokeAllTokens(),
    (answer) => {
      setFresh(null);
      setRevokedAll(answer.revoked);
      tokens.reload();
    },
  );
  const live = (token: ApiToken) => !token.revokedAt && !(token.expiresAt && token.expiresAt <= Date.now());
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
      {revokedAll !== null && <Notice>{tr("console.access.revokedAll", { count: revokedAll })}</Notice>}
      <FormError error={form.error ?? revoke.error ?? revokeAll.error} fields={["name", "expiresInDays"]} />
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
        <TextField
          name="expiresInDays"
          type="number"
          label={tr("console.access.tokenDays")}
          hint={tr("console.access.tokenDaysHint")}
          value={days}
          onValue={setDays}
          min={1}
          max={3650}
          invalid={form.invalid("expiresInDays")}
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
                <th scope="col">{tr("console.access.expires")}</th>
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
                    {token.expiresAt ? formatDateTime(lang, token.expiresAt) : tr("console.access.noExpiry")}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      tr("console.tokens.revoked")
                    ) : !live(token) ? (
                      tr("console.access.expired")
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
      {tokens.data?.some(live) && (
        <p>
          <button
            type="button"
            class="button-danger"
            disabled={revokeAll.pending}
            onClick={() => {
              if (window.confirm(tr("console.access.confirmRevokeAll"))) void revokeAll.run(undefined);
            }}
          >
            {tr("console.access.revokeAll")}
          </button>
        </p>
      )}
    </section>
  );
}
