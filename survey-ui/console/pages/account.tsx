import { useState } from "preact/hooks";
import { CheckField, TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { Page } from "../components/page.js";
import { Notice } from "../components/status.js";
import { changePassword } from "../lib/console-api.js";
import type { ScreenProps } from "../lib/screens.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import { ApiTokens } from "./api-tokens.js";

/** My account: who I am, my password, and the API tokens that act for me. */
export function AccountPage({ me }: ScreenProps) {
  const { tr } = useT();
  // A password change may revoke the API keys: the list below is read again after one.
  const [changes, setChanges] = useState(0);
  return (
    <Page title={tr("console.account.title")}>
      <dl class="facts">
        <dt>{tr("console.fields.username")}</dt>
        <dd>{me.username}</dd>
        <dt>{tr("console.fields.role")}</dt>
        <dd>{tr(`console.roles.${me.role}`)}</dd>
        <dt>{tr("console.account.scope")}</dt>
        <dd>{me.unit ?? tr("console.account.wholeTree")}</dd>
      </dl>
      <PasswordChange onChanged={() => setChanges(changes + 1)} />
      <ApiTokens key={changes} />
    </Page>
  );
}

function PasswordChange({ onChanged }: { onChanged: () => void }) {
  const { tr } = useT();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [keepTokens, setKeepTokens] = useState(false);
  const [done, setDone] = useState<"kept" | "revoked" | false>(false);
  const mismatch = repeat !== "" && next !== repeat;
  const form = useSubmit(
    () => changePassword(current, next, keepTokens),
    () => {
      setDone(keepTokens ? "kept" : "revoked");
      setKeepTokens(false);
      onChanged();
      setCurrent("");
      setNext("");
      setRepeat("");
    },
  );
  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">{tr("console.account.passwordTitle")}</h2>
      {done && (
        <Notice>
          {done === "kept"
            ? tr("console.account.passwordChanged")
            : tr("console.access.passwordChangedTokensRevoked")}
        </Notice>
      )}
      <FormError
        error={form.error}
        fields={["currentPassword", "newPassword"]}
        messages={{ INVALID_CREDENTIALS: "console.account.wrongPassword" }}
      />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          if (!mismatch) void form.submit();
        }}
      >
        <TextField
          name="currentPassword"
          type="password"
          label={tr("console.fields.currentPassword")}
          value={current}
          onValue={setCurrent}
          autoComplete="current-password"
          invalid={form.invalid("currentPassword")}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          label={tr("console.fields.newPassword")}
          hint={tr("console.hints.password")}
          value={next}
          onValue={setNext}
          autoComplete="new-password"
          invalid={form.invalid("newPassword")}
          required
        />
        <TextField
          name="repeatPassword"
          type="password"
          label={tr("console.fields.repeatPassword")}
          hint={mismatch ? tr("console.account.mismatch") : undefined}
          value={repeat}
          onValue={setRepeat}
          autoComplete="new-password"
          invalid={mismatch}
          required
        />
        <CheckField
          name="keepTokens"
          label={tr("console.access.keepTokens")}
          hint={tr("console.access.keepTokensHint")}
          checked={keepTokens}
          onChecked={setKeepTokens}
        />
        <button type="submit" disabled={form.pending || mismatch}>
          {tr("console.account.passwordSubmit")}
        </button>
      </form>
    </section>
  );
}
