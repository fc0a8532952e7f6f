import { useState } from "preact/hooks";
import { FormError } from "../components/form-error.js";
import { Page } from "../components/page.js";
import { Empty, ErrorNotice, Loading, Notice } from "../components/status.js";
import { UserForm, type UserValues } from "../components/user-form.js";
import {
  createUser,
  listUnits,
  listUsers,
  patchUser,
  type Unit,
  type User,
  unlockUser,
} from "../lib/console-api.js";
import { formatDateTime } from "../lib/format-date.js";
import type { ScreenProps } from "../lib/screens.js";
import { useResource } from "../lib/use-resource.js";
import { useSubmit } from "../lib/use-submit.js";
import { useT } from "../lib/use-t.js";
import "./catalogue.css";

/** Console users (admin): who may do what, and for which part of the organisation tree. */
export function UsersPage({ me }: ScreenProps) {
  const { tr } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const users = useResource(listUsers, "users");
  const units = useResource(() => listUnits(), "units");
  const create = useSubmit(
    (values: UserValues) =>
      createUser({
        username: values.username,
        password: values.password,
        role: values.role,
        ...(values.unit ? { unit: values.unit } : {}),
      }),
    (created) => {
      setNotice(tr("console.users.created", { username: created.user.username }));
      users.reload();
    },
  );
  const unitList = units.data ?? [];
  return (
    <Page title={tr("console.users.title")} intro={tr("console.users.intro")}>
      {notice && <Notice>{notice}</Notice>}
      {users.state === "loading" && !users.data && <Loading />}
      {users.state === "error" && <ErrorNotice error={users.error} onRetry={users.reload} />}
      {units.state === "error" && <ErrorNotice error={units.error} onRetry={units.reload} />}
      {users.data?.length === 0 && <Empty>{tr("console.users.empty")}</Empty>}
      {users.data && users.data.length > 0 && (
        <div class="table-wrap">
          <table class="stack-on-phone">
            <caption class="sr-only">{tr("console.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{tr("console.fields.username")}</th>
                <th scope="col">{tr("console.fields.role")}</th>
                <th scope="col">{tr("console.fields.scopeUnit")}</th>
                <th scope="col">{tr("console.users.since")}</th>
                <th scope="col">{tr("console.form.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.username}
                  user={user}
                  self={user.username === me.username}
                  peer={
                    user.username !== me.username &&
                    me.unit !== null &&
                    user.unit === me.unit &&
                    user.role === "admin"
                  }
                  allowWholeTree={me.unit === null}
                  units={unitList}
                  onChanged={users.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{tr("console.users.createTitle")}</h2>
        <UserForm
          key={notice ?? ""}
          units={unitList}
          allowWholeTree={me.unit === null}
          initial={{ username: "", password: "", role: "analyst", unit: me.unit ?? "" }}
          creating
          labelledBy="new-user-title"
          submission={create}
        />
      </section>
    </Page>
  );
}

function UserRow(props: {
  user: User;
  self: boolean;
  /** Another admin at the caller's own unit: only an admin above both may change them. */
  peer: boolean;
  allowWholeTree: boolean;
  units: readonly Unit[];
  onChanged: () => void;
}) {
  const { lang, tr } = useT();
  const { user } = props;
  const [editing, setEditing] = useState(false);
  const save = useSubmit(
    (values: UserValues) =>
      patchUser(user.username, {
        ...(values.password ? { password: values.password } : {}),
        ...(props.self ? {} : { role: values.role, unit: values.unit || null }),
      }),
    () => {
      setEditing(false);
      props.onChanged();
    },
  );
  const access = useSubmit((disabled: boolean) => patchUser(user.username, { disabled }), props.onChanged);
  const [unlocked, setUnlocked] = useState(false);
  const unlock = useSubmit(
    () => unlockUser(user.username),
    () => {
      setUnlocked(true);
      props.onChanged();
    },
  );
  const id = `user-${user.username.replace(/[^a-z0-9]/g, "-")}`;
  return (
    <>
      <tr>
        <td id={`${id}-name`}>
          {user.username}
          {user.disabled && <span class="tag tag-warn">{tr("console.users.disabled")}</span>}
          {user.locked && <span class="tag tag-warn">{tr("console.access.locked")}</span>}
        </td>
        <td>{tr(`console.roles.${user.role}`)}</td>
        <td>{user.unit ? `${user.unitName ?? ""} (${user.unit})` : tr("console.account.wholeTree")}</td>
        <td>{formatDateTime(lang, user.createdAt)}</td>
        <td>
          {props.self && <p class="muted">{tr("console.access.selfPassword")}</p>}
          {props.peer && <p class="muted">{tr("console.access.peerNote")}</p>}
          {unlocked && !user.locked && (
            <p class="muted" role="status">
              {tr("console.access.unlocked", { username: user.username })}
            </p>
          )}
          <span class="actions">
            {!props.self && !props.peer && (
              <button
                type="button"
                class="button-secondary"
                aria-expanded={editing}
                aria-describedby={`${id}-name`}
                onClick={() => setEditing(!editing)}
              >
                {tr("console.form.edit")}
              </button>
            )}
            {user.locked && !props.peer && (
              <button
                type="button"
                class="button-secondary"
                aria-describedby={`${id}-name`}
                disabled={unlock.pending}
                onClick={() => void unlock.run(undefined)}
              >
                {tr("console.access.unlock")}
              </button>
            )}
            {!props.self && !props.peer && (
              <button
                type="button"
                class={user.disabled ? "button-secondary" : "button-danger"}
                aria-describedby={`${id}-name`}
                disabled={access.pending}
                onClick={() => void access.run(!user.disabled)}
              >
                {user.disabled ? tr("console.users.enable") : tr("console.users.disable")}
              </button>
            )}
          </span>
          <FormError error={access.error ?? unlock.error} />
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5}>
            <h2 class="panel-title" id={`${id}-edit`}>
              {tr("console.users.editTitle", { username: user.username })}
            </h2>
            {props.self && <p class="muted">{tr("console.users.selfNote")}</p>}
            <UserForm
              units={props.units}
              allowWholeTree={props.allowWholeTree}
              initial={{ username: user.username, password: "", role: user.role, unit: user.unit ?? "" }}
              creating={false}
              labelledBy={`${id}-edit`}
              submission={save}
              onCancel={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
