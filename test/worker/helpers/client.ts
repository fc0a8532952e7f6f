// Real HTTP against a running entry (Node or workerd): the same requests a browser or script sends.

/** The first admin's password in the suite's servers (HAILONG_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = "admin-password-worker-suite";

export type Credentials = { token: string } | { cookie: string; origin: string };

export type Client = ReturnType<typeof httpClient>;

/** Requests to one server, JSON in and out, with optional credentials. */
export function httpClient(base: string) {
  const request = (
    method: string,
    path: string,
    options: { body?: unknown; auth?: Credentials; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...credentialHeaders(options.auth), ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    return fetch(`${base}${path}`, { method, headers, body, redirect: "manual" });
  };
  return {
    base,
    request,
    /** A request whose answer is JSON: status and parsed body. */
    async json<T = Record<string, unknown>>(
      method: string,
      path: string,
      options: Parameters<typeof request>[2] = {},
    ): Promise<{ status: number; body: T; headers: Headers }> {
      const res = await request(method, path, options);
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) as T, headers: res.headers };
      } catch {
        throw new Error(`${method} ${path} answered ${res.status} without JSON: ${text.slice(0, 300)}`);
      }
    },
  };
}

function credentialHeaders(auth: Credentials | undefined): Record<string, string> {
  if (!auth) return {};
  if ("token" in auth) return { authorization: `Bearer ${auth.token}` };
  return { cookie: auth.cookie, origin: auth.origin };
}

/** Signs in through the API and returns the session cookie as credentials. */
export async function signIn(client: Client, username: string, password: string): Promise<Credentials> {
  const res = await client.request("POST", "/api/v1/auth/login", { body: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, origin: client.base };
}

/** A bearer token of the first admin, made the way a script's owner makes one. */
export async function adminToken(client: Client, name: string): Promise<Credentials> {
  const session = await signIn(client, "admin", ADMIN_PASSWORD);
  const { status, body } = await client.json<{ token: string }>("POST", "/api/v1/tokens", {
    body: { name },
    auth: session,
  });
  if (status !== 201) throw new Error(`token creation failed: ${status}`);
  return { token: body.token };
}
