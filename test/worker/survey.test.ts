import { beforeAll, describe, expect, it } from "vitest";
import { makeCounterSetup } from "./helpers/catalogue.js";
import { adminToken, type Credentials } from "./helpers/client.js";
import { runtimes } from "./helpers/runtimes.js";

// The citizen's path and one-time links: the same contract answers from Node and from workerd + D1.
describe.each(runtimes())("on $name", ({ client }) => {
  let admin: Credentials;
  let setup: Awaited<ReturnType<typeof makeCounterSetup>>;
  beforeAll(async () => {
    admin = await adminToken(client, "survey suite");
    setup = await makeCounterSetup(client, admin, "SV", [
      { label: "Quầy số 1" },
      { label: "Quầy hồ sơ đất đai", tokenRequired: true },
    ]);
  });
  const submission = (overrides: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    point: setup.points[0],
    service: setup.service,
    lang: "vi",
    answers: { TC1: 5, TT2: 4, CC1: 3, KQ1: 4, PA1: 2 },
    expectations: { E1: 2 },
    respondent: { gender: "female", ageBand: "35-49" },
    comment: "Cán bộ nhiệt tình",
    ...overrides,
  });
  const post = (body: unknown) => client.json("POST", "/api/v1/responses", { body });

  it("describes a point to the survey UI", async () => {
    const { status, body } = await client.json("GET", `/api/v1/points/${setup.points[0]}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      point: {
        code: setup.points[0],
        label: "Quầy số 1",
        labelZh: null,
        labelEn: null,
        tokenRequired: false,
      },
      unit: { code: setup.unit, name: "Bộ phận một cửa SV", nameZh: null, nameEn: null },
      services: [
        {
          code: setup.service,
          name: "Cấp bản sao trích lục hộ tịch",
          nameZh: null,
          nameEn: null,
          field: null,
        },
      ],
      form: "full",
      languages: ["vi", "zh", "en"],
    });
  });

  it("stores a response (201), answers a retry of it with 200 and the same receipt, and refuses the id reused (409)", async () => {
    const body = submission();
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: body.id, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const retry = await post(body);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    const reused = await post({ ...body, answers: { TC1: 1 } });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "DUPLICATE_ID" } } });
  });

  it("answers every one of many concurrent submissions and their concurrent retries", async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => submission({ answers: { TC1: (i % 5) + 1 } }));
    const firsts = await Promise.all(bodies.map(post));
    expect(firsts.map((res) => res.status)).toEqual(bodies.map(() => 201));
    const retries = await Promise.all(bodies.map(post));
    expect(retries.map((res) => res.status)).toEqual(bodies.map(() => 200));
    expect(retries.map((res) => res.body)).toEqual(firsts.map((res) => res.body));
  });

  it("refuses an unknown item, a value outside the scale, an unknown point and a missing token", async () => {
    const unknownItem = await post(submission({ answers: { ZZ9: 5 } }));
    expect(unknownItem).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    // zod/mini brings no messages of its own: shared/contract/zod.ts loads the English ones on the Worker too.
    expect(await post(submission({ answers: { TC1: 6 } }))).toMatchObject({
      status: 400,
      body: {
        error: { issues: [{ path: ["answers", "TC1"], message: "Too big: expected number to be <=5" }] },
      },
    });
    expect(await post(submission({ point: "ZZZZZZ" }))).toMatchObject({
      status: 404,
      body: { error: { code: "POINT_NOT_FOUND" } },
    });
    expect(await post(submission({ point: setup.points[1], service: undefined }))).toMatchObject({
      status: 403,
      body: { error: { code: "TOKEN_REQUIRED" } },
    });
  });

  it("issues a one-time link that a citizen can use exactly once", async () => {
    const issued = await client.json<{ links: { url: string; token: string; expiresAt: string }[] }>(
      "POST",
      `/api/v1/points/${setup.points[1]}/links`,
      { auth: admin, body: { dossier: "000.00.07.H35-260315-0001" } },
    );
    expect(issued.status).toBe(201);
    const [link] = issued.body.links;
    expect(link!.url).toContain(`/s/${setup.points[1]}`);
    const withToken = submission({ point: setup.points[1], service: undefined, token: link!.token });
    expect((await post(withToken)).status).toBe(201);
    const again = await post({ ...withToken, id: crypto.randomUUID() });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "TOKEN_USED" } } });
    const forged = await post({
      ...withToken,
      id: crypto.randomUUID(),
      token: `${link!.token.slice(0, -2)}xx`,
    });
    expect(forged).toMatchObject({ status: 403, body: { error: { code: "TOKEN_INVALID" } } });
  });

  it("renders the survey page in one response, in the language asked for, with the script under the CSP nonce", async () => {
    const res = await client.request("GET", `/s/${setup.points[0]}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toMatch(/<html[^>]+lang="en"/);
    expect(html).toContain("Bộ phận một cửa SV");
    expect(html).toContain(`action="/s/${setup.points[0]}"`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    // Data blocks (type="application/json") are not run; every script that runs carries the nonce.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)]
      .map((m) => m[1] as string)
      .filter((attributes) => !/type="application\/json"/.test(attributes));
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // The client script from dist/ is inlined (Node reads the file, workerd its assets binding).
    expect(scripts.length).toBeGreaterThan(0);
  });

  it("answers an unknown code with a friendly 404 page", async () => {
    const res = await client.request("GET", "/s/ZZZZZZ");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("ZZZZZZ");
  });

  it("takes the no-JS form post through the same pipeline and thanks the citizen", async () => {
    const id = crypto.randomUUID();
    const form = new URLSearchParams({ id, lang: "vi", service: setup.service, TC1: "5", CC2: "4" });
    const res = await client.request("POST", `/s/${setup.points[0]}`, {
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    const thanks = await client.request("GET", res.headers.get("location") ?? "");
    expect(thanks.status).toBe(200);
    expect(thanks.headers.get("content-type")).toMatch(/^text\/html/);
    // Stored once: the same id again through the JSON API is a retry of a different content.
    const again = await post({ id, point: setup.points[0], lang: "vi", answers: { TC1: 1 } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: "DUPLICATE_ID" } } });
  });
});
