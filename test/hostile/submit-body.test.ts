import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { maskPersonalData } from "../../server/submit/pii.js";
import { errorEnvelopeSchema } from "../../shared/contract/errors.js";
import { createTestApp } from "../helpers/create-test-app.js";
import { makePoint, makeService, makeUnit } from "../helpers/factories.js";
import { runDbCheck } from "../load/helpers/db-check.js";
import { rollupDisagreements, storeSnapshot } from "./helpers/store-state.js";
import {
  deeplyNested,
  NASTY_KEYS,
  NASTY_NUMBER_TEXTS,
  type Point,
  validSubmission,
} from "./helpers/submissions.js";
import { asUtf8, nastyText } from "./helpers/text.js";

// Whatever arrives at POST /api/v1/responses: never a 5xx, every refusal in the one error envelope and
// without a trace in the database, every acceptance exactly one response with rollups that still agree.

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "STP", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["STP"] });
await makeService(t, { code: "2.000488", units: ["STP"] });
const full = await makePoint(t, { unit: "STP" });
const quick = await makePoint(t, { unit: "STP", form: "quick" });
const fixed = await makePoint(t, { unit: "STP", service: "1.001193" });
const points: Point[] = [
  { code: full.code, form: "full", services: ["1.001193", "2.000488"] },
  { code: quick.code, form: "quick", services: ["2.000488"] },
  { code: fixed.code, form: "full", services: ["1.001193"] },
];
const BODY_LIMIT = 64 * 1024;

let prototypeKeys: string[];
beforeAll(() => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
});

function submit(body: string | Uint8Array<ArrayBuffer>, contentType: string | null = "application/json") {
  const headers: Record<string, string> = contentType === null ? {} : { "content-type": contentType };
  return t.app.request("/api/v1/responses", { method: "POST", headers, body });
}

type Outcome = "refused" | "stored" | "repeat" | "dropped";

/**
 * The promise for any request: no 5xx; an error in the envelope and nothing written; a 201 writes its one
 * response (none for a bot caught by the honeypot), whose answers are those of the body as JSON.parse
 * reads it, and the rollups still agree with the raw responses; a 200 (a retry) writes nothing.
 */
async function expectSafe(res: Response, before: string, sent?: string): Promise<Outcome> {
  expect(res.status).toBeLessThan(500);
  const text = await res.text();
  if (res.status >= 400) {
    expect(errorEnvelopeSchema.safeParse(JSON.parse(text)).error).toBeUndefined();
    expect(await storeSnapshot(t)).toBe(before);
    return "refused";
  }
  if (res.status === 200) {
    expect(await storeSnapshot(t)).toBe(before);
    return "repeat";
  }
  expect(res.status).toBe(201);
  const { id } = JSON.parse(text) as { id: string };
  const rows = (await t.client.execute({ sql: "SELECT answers FROM responses WHERE id = ?", args: [id] }))
    .rows;
  const body = sent === undefined ? undefined : (JSON.parse(sent) as Record<string, unknown>);
  if (rows.length === 0) {
    expect(body?.website).toBeTruthy();
    expect(await storeSnapshot(t)).toBe(before);
    return "dropped";
  }
  // zod never assigns a record's "__proto__" key: it is dropped rather than refused (and pollutes nothing).
  const answers = Object.entries(body?.answers as object).filter(([item]) => item !== "__proto__");
  expect(JSON.parse(String(rows[0]?.answers))).toEqual(Object.fromEntries(answers));
  expect(await rollupDisagreements(t)).toEqual([]);
  return "stored";
}

async function sendAndCheck(body: string, contentType?: string | null): Promise<Outcome> {
  const before = await storeSnapshot(t);
  return expectSafe(await submit(body, contentType), before, body);
}

const anySubmission = validSubmission(points);

/** Sets an own, enumerable property, even "__proto__" (which plain assignment would treat as the prototype). */
function setOwn(target: object, key: string, value: unknown): object {
  return Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// Hundreds of requests per property, each checked against the database: bounded by count, not by time.
describe("POST /api/v1/responses against hostile bodies", { timeout: 60_000 }, () => {
  it("answers any JSON value that is not a submission with the envelope, writing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await sendAndCheck(JSON.stringify(value) ?? "null")).toBe("refused");
      }),
      { numRuns: 150 },
    );
  });

  it("survives wrong types, missing and unknown fields and nasty keys at every level", async () => {
    const hostileValue = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(null, true, 0, -1, 1e308, "", [], {}, "x".repeat(70_000)),
      nastyText(),
    );
    const edit = fc.oneof(
      fc.record({ op: fc.constant("replace"), key: fc.string(), value: hostileValue }),
      fc.record({
        op: fc.constant("replace"),
        key: fc.constantFrom(
          "id",
          "point",
          "lang",
          "answers",
          "service",
          "expectations",
          "respondent",
          "comment",
          "token",
          "channel",
          "website",
        ),
        value: hostileValue,
      }),
      fc.record({ op: fc.constant("delete"), key: fc.constantFrom("id", "point", "lang", "answers") }),
      fc.record({
        op: fc.constant("nest"),
        at: fc.constantFrom(null, "answers", "expectations", "respondent"),
        key: fc.constantFrom(...NASTY_KEYS),
        value: hostileValue,
      }),
    );
    await fc.assert(
      fc.asyncProperty(anySubmission, fc.array(edit, { minLength: 1, maxLength: 3 }), async (base, edits) => {
        const body: Record<string, unknown> = structuredClone(base);
        for (const e of edits) {
          if (e.op === "delete") delete body[e.key];
          else if (e.op === "replace") setOwn(body, e.key, e.value);
          else if (e.at === null) setOwn(body, e.key, e.value);
          else {
            const inner = body[e.at];
            if (typeof inner === "object" && inner !== null) setOwn(inner, e.key, e.value);
            else setOwn(body, e.at, setOwn({}, e.key, e.value));
          }
        }
        await sendAndCheck(JSON.stringify(body));
      }),
      { numRuns: 300 },
    );
  });

  it("accepts a scale value only when JSON.parse reads it as a whole number from 1 to 5", async () => {
    await fc.assert(
      fc.asyncProperty(anySubmission, fc.constantFrom(...NASTY_NUMBER_TEXTS), async (base, number) => {
        const [item] = Object.keys(base.answers);
        const text = JSON.stringify({ ...base, answers: { ...base.answers, [item!]: 0 } }).replace(
          `"${item}":0`,
          `"${item}":${number}`,
        );
        const read: unknown = JSON.parse(number);
        const fits = typeof read === "number" && Number.isInteger(read) && read >= 1 && read <= 5;
        expect(await sendAndCheck(text)).toBe(fits ? "stored" : "refused");
      }),
      { numRuns: 150 },
    );
  });

  it("reads duplicate keys as JSON.parse does (the last one wins), never half of each", async () => {
    const duplicate = fc.record({
      key: fc.constantFrom("id", "point", "lang", "answers", "comment", "service", "website"),
      value: fc.oneof(fc.jsonValue(), fc.uuid({ version: 4 }), fc.constantFrom(...points.map((p) => p.code))),
      first: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(anySubmission, duplicate, async (base, d) => {
        const text = JSON.stringify(base);
        const extra = `${JSON.stringify(d.key)}:${JSON.stringify(d.value) ?? "null"}`;
        await sendAndCheck(d.first ? `{${extra},${text.slice(1)}` : `${text.slice(0, -1)},${extra}}`);
      }),
      { numRuns: 150 },
    );
  });

  it("stores unicode comments (lone surrogates, bidi marks, NUL, emoji) as sent, and knows their retry", async () => {
    await fc.assert(
      fc.asyncProperty(anySubmission, nastyText(), async (base, comment) => {
        const text = JSON.stringify({ ...base, comment });
        const outcome = await sendAndCheck(text);
        expect(outcome).toBe("stored");
        const stored = (
          await t.client.execute({ sql: "SELECT comment FROM responses WHERE id = ?", args: [base.id] })
        ).rows[0]?.comment;
        // NUL dropped, trimmed, NFC, personal numbers masked; a lone surrogate stored as U+FFFD.
        const kept = comment.replaceAll("\u0000", "").trim().normalize("NFC");
        const expected = asUtf8(maskPersonalData(kept).text);
        expect(stored).toBe(kept === "" ? null : expected);
        expect(await sendAndCheck(text)).toBe("repeat");
      }),
      { numRuns: 150 },
    );
  });

  it("refuses bytes that are not JSON with 400 INVALID_JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        const before = await storeSnapshot(t);
        const res = await submit(new Uint8Array(bytes));
        let parses = true;
        try {
          JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          parses = false;
        }
        if (!parses) expect(res.status).toBe(400);
        expect(await expectSafe(res, before)).toBe("refused");
      }),
      { numRuns: 150 },
    );
  });

  it("refuses other media types with 415, whatever the body", async () => {
    const type = fc.oneof(
      fc.constantFrom(
        null,
        "text/plain",
        "text/csv",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/jsonx",
        "json",
        "APPLICATION/JSON",
        "application/json; charset=utf-16",
      ),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(anySubmission, type, async (base, contentType) => {
        const before = await storeSnapshot(t);
        let res: Response;
        try {
          res = await submit(JSON.stringify(base), contentType);
        } catch {
          return; // A header value the Fetch API itself refuses never reaches a server.
        }
        const json = contentType !== null && /^application\/json\b/i.test(contentType);
        if (!json) expect(res.status).toBe(415);
        await expectSafe(res, before, JSON.stringify(base));
      }),
      { numRuns: 150 },
    );
  });

  it("refuses deep nesting anywhere in the body without a stack overflow", async () => {
    await fc.assert(
      fc.asyncProperty(
        anySubmission,
        deeplyNested(),
        fc.constantFrom(null, "answers", "comment", "respondent", "id"),
        async (base, nested, at) => {
          const text =
            at === null
              ? nested
              : JSON.stringify({ ...base, [at]: 0 }).replace(`"${at}":0`, `"${at}":${nested}`);
          expect(await sendAndCheck(text)).toBe("refused");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers 413 exactly when the body is over 64 KiB", async () => {
    const size = fc.oneof(
      fc.integer({ min: BODY_LIMIT - 200, max: BODY_LIMIT + 200 }),
      fc.integer({ min: BODY_LIMIT, max: 1024 * 1024 }),
    );
    await fc.assert(
      fc.asyncProperty(anySubmission, size, async (base, bytes) => {
        const json = JSON.stringify(base);
        // Whitespace after the value is still JSON: the same submission, at exactly the size wanted.
        const text = json + " ".repeat(Math.max(0, bytes - new TextEncoder().encode(json).length));
        const before = await storeSnapshot(t);
        const res = await submit(text);
        expect(res.status).toBe(new TextEncoder().encode(text).length > BODY_LIMIT ? 413 : 201);
        await expectSafe(res, before, text);
      }),
      { numRuns: 60 },
    );
  });

  it("leaves rollups that npm run db:check agrees with, and Object.prototype as it was", () => {
    const check = runDbCheck(join(t.dir, "test.db"));
    expect(check.status, check.output).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
