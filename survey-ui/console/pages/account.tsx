import { useState } from "preact/hooks";
import { TextField } from "../components/field.js";
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
      <PasswordChange />
      <ApiTokens />
    </Page>
  );
}

function PasswordChange() {
  const { tr } = useT();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const mismatch = repeat !== "" && next !== repeat;
  const form = useSubmit(
    () => changePassword(current, next),
    () => {
      setDone(true);
      setCurrent("");
      setNext("");
      setRepeat("");
    },
  );
  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">{tr("console.account.passwordTitle")}</h2>
      {done && <Notice>{tr("console.account.passwordChanged")}</Notice>}
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
        <button type="submit" disabled={form.pending || mismatch}>
          {tr("console.account.passwordSubmit")}
        </button>
      </form>
    </section>
  );
}
