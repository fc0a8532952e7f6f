import { useState } from "preact/hooks";
import { TextField } from "../components/field.js";
import { FormError } from "../components/form-error.js";
import { LanguageSwitch } from "../components/language-switch.js";
import { Page } from "../components/page.js";
import { Notice } from "../components/status.js";
import { type Me, signIn } from "../lib/console-api.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./sign-in.css";

/** The sign-in form; after an expired session it says so, and the shell returns the user where they were. */
export function SignInPage(props: {
  reason: "none" | "expired" | "signed-out";
  onSignedIn: (me: Me) => void;
}) {
  const { tr } = useT();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const form = useSubmit(() => signIn(username, password), props.onSignedIn);
  return (
    <main id="main" class="sign-in">
      <div class="sign-in-top">
        <span class="shell-name">{tr("console.app.name")}</span>
        <LanguageSwitch />
      </div>
      <Page title={tr("console.signIn.title")} intro={tr("console.signIn.intro")}>
        {props.reason === "expired" && (
          <p class="status status-error" role="alert">
            {tr("console.session.expired")}
          </p>
        )}
        {props.reason === "signed-out" && <Notice>{tr("console.session.signedOut")}</Notice>}
        <FormError error={form.error} />
        <form onSubmit={form.submit}>
          <TextField
            name="username"
            label={tr("console.signIn.username")}
            value={username}
            onValue={setUsername}
            autoComplete="username"
            required
          />
          <TextField
            name="password"
            type="password"
            label={tr("console.signIn.password")}
            value={password}
            onValue={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" disabled={form.pending}>
            {form.pending ? tr("console.signIn.submitting") : tr("console.signIn.submit")}
          </button>
        </form>
      </Page>
    </main>
  );
}
