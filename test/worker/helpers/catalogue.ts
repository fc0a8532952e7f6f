import type { Client, Credentials } from "./client.js";

/**
 * A unit offering one service, with points made through the API as an admin would make them; codes come
 * from the prefix, so that test files sharing a server never collide.
 */
export async function makeCounterSetup(
  client: Client,
  admin: Credentials,
  prefix: string,
  points: { label: string; form?: "full" | "quick"; tokenRequired?: boolean; service?: boolean }[],
) {
  const unit = `${prefix}.UNIT`;
  // From the prefix, so that the same set-up on two servers makes the same codes (only points differ).
  const service = `9.${[...prefix]
    .map((ch) => ch.charCodeAt(0))
    .join("")
    .slice(-6)
    .padStart(6, "0")}`;
  await expectCreated(client, "/api/v1/units", admin, { code: unit, name: `Bộ phận một cửa ${prefix}` });
  await expectCreated(client, "/api/v1/services", admin, {
    code: service,
    name: "Cấp bản sao trích lục hộ tịch",
    units: [unit],
  });
  const codes: string[] = [];
  for (const point of points) {
    const body = await expectCreated(client, "/api/v1/points", admin, {
      unit,
      label: point.label,
      form: point.form ?? "full",
      tokenRequired: point.tokenRequired ?? false,
      ...(point.service ? { service } : {}),
    });
    codes.push(body.code as string);
  }
  return { unit, service, points: codes };
}

async function expectCreated(client: Client, path: string, auth: Credentials, body: unknown) {
  const res = await client.json("POST", path, { auth, body });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
