// A catalogue made through the API on a running server, as an admin would make it; used by the survey's
// browser tests and by the survey benchmarks.

/** The password startServer() gives the first admin. */
const ADMIN_PASSWORD = "admin-password-e2e";

export type AdminApi = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/** Signs in as the first admin of a server and returns a JSON caller that throws on any non-2xx answer. */
export async function adminApi(serverUrl: string): Promise<AdminApi> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  return async (method, path, body) => {
    const res = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        cookie,
        origin: serverUrl,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** A unit offering the given services, and points at it; returns the points' codes in order. */
export async function makeSurveyPoints(
  api: AdminApi,
  setup: {
    unit: { code: string; name: string };
    services: Array<{ code: string; name: string }>;
    points: Array<{ label: string; form?: "full" | "quick"; service?: string; tokenRequired?: boolean }>;
  },
): Promise<string[]> {
  await api("POST", "/api/v1/units", setup.unit);
  for (const service of setup.services) {
    await api("POST", "/api/v1/services", { ...service, units: [setup.unit.code] });
  }
  const codes: string[] = [];
  for (const point of setup.points) {
    codes.push((await api("POST", "/api/v1/points", { unit: setup.unit.code, ...point })).code as string);
  }
  return codes;
}
