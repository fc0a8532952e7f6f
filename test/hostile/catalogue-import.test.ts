import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "../../shared/contract/errors.js";
import { createTestApp } from "../helpers/create-test-app.js";
import { makeService, makeUnit, makeUser } from "../helpers/factories.js";
import { nastyText } from "./helpers/text.js";

// Random CSV text against the catalogue imports: never a 5xx; a refused file (400) changes nothing at all
// (all-or-nothing); an accepted one creates exactly the codes it reports, and a dry run writes nothing.

const t = await createTestApp();
await makeUnit(t, { code: "H35" });
await makeUnit(t, { code: "H35.STP", parent: "H35" });
await makeService(t, { code: "1.001193", units: ["H35.STP"] });
const admin = await makeUser(t, { role: "admin" });

/** Everything an import can write, as one text: equal before and after means nothing was written. */
async function catalogueSnapshot(): Promise<string> {
  const result = await t.client.execute(`SELECT
    (SELECT json_group_array(json_array(code, name, parent_id, path, archived_at)) FROM (SELECT * FROM units ORDER BY id)),
    (SELECT json_group_array(json_array(code, name, field, local_code)) FROM (SELECT * FROM services ORDER BY id)),
    (SELECT json_group_array(json_array(unit_id, service_id)) FROM (SELECT * FROM unit_services ORDER BY 1, 2)),
    (SELECT count(*) FROM audit_log)`);
  return JSON.stringify(Object.values(result.rows[0] ?? {}));
}

async function codesOf(table: "units" | "services"): Promise<Set<string>> {
  return new Set((await t.client.execute(`SELECT code FROM ${table}`)).rows.map((r) => String(r.code)));
}

/** One CSV field: plain, or quoted with its quotes doubled (whether it needs it or not). */
const field = (cell: fc.Arbitrary<string>) =>
  fc.tuple(cell, fc.boolean()).map(([text, quote]) => (quote ? `"${text.replace(/"/g, '""')}"` : text));

/** Mostly a value the import takes, sometimes a hostile one: files with one bad row among good ones. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });

const unitCode = mostly(
  fc.oneof(fc.constantFrom("H35", "h35.stp", " H35.NEW "), fc.stringMatching(/^[0-9A-Z.]{1,12}$/)),
  fc.oneof(fc.constantFrom("", "A B", "Đ1", "X".repeat(36), "=1+1"), nastyText(8)),
);
const parentCode = mostly(fc.constantFrom("", "H35", "H35.STP"), fc.oneof(unitCode, fc.constant("NOPE")));
const serviceCode = mostly(
  fc.oneof(fc.constantFrom("1.001193", " 2.000489 "), fc.stringMatching(/^\d\.\d{6}$/)),
  fc.constantFrom("1.00119", "1.0011933", "", "1,001193", "１.００１１９３"),
);
const name = mostly(
  fc.constantFrom(
    "Sở Tư pháp",
    "Phòng Hộ tịch",
    "=cmd|' /C calc'!A0",
    'Quầy "số 3", tầng 1',
    "Dòng 1\r\nDòng 2",
  ),
  fc.oneof(fc.constantFrom("", "  ", "x".repeat(600), "\u0000x", "x\u0000"), nastyText(30)),
);

/**
 * CSV text: a header (usually the import's columns in any order, sometimes a stray or missing one, maybe a
 * BOM) and a few rows, fields quoted or not, any line end.
 */
function csvFile(required: string[], columns: Record<string, fc.Arbitrary<string>>) {
  const optional = Object.keys(columns).filter((c) => !required.includes(c));
  const header = mostly(
    fc
      .shuffledSubarray(optional)
      .chain((extra) =>
        fc.shuffledSubarray([...required, ...extra], { minLength: required.length + extra.length }),
      ),
    fc.shuffledSubarray([...Object.keys(columns), "extra", "CODE"], { minLength: 1 }),
  );
  return fc
    .record({ header, bom: fc.boolean(), newline: fc.constantFrom("\n", "\r\n", "\r") })
    .chain(({ header, bom, newline }) =>
      fc
        .array(
          fc.tuple(...header.map((h) => field(columns[h.toLowerCase()] ?? fc.string({ maxLength: 5 })))),
          {
            minLength: 1,
            maxLength: 5,
          },
        )
        .map(
          (body) =>
            `${bom ? "\uFEFF" : ""}${[header, ...body].map((r) => r.join(",")).join(newline)}${newline}`,
        ),
    );
}

const files = {
  units: mostly(
    csvFile(["code", "name"], { code: unitCode, name, parent: parentCode }),
    fc.string({ unit: "binary", maxLength: 200 }),
  ),
  services: mostly(
    csvFile(["code", "name"], {
      code: serviceCode,
      name,
      field: name,
      local_code: mostly(
        fc.constantFrom("", "1.001193.000.00.00.H35"),
        fc.string({ minLength: 61, maxLength: 70 }),
      ),
      units: fc.array(unitCode, { maxLength: 3 }).map((codes) => codes.join(";")),
    }),
    fc.string({ unit: "binary", maxLength: 200 }),
  ),
};

describe.each(["units", "services"] as const)(
  "POST /api/v1/%s/import with random CSV",
  { timeout: 60_000 },
  (what) => {
    it("never answers 5xx, writes nothing when it refuses, and exactly what it reports when it accepts", async () => {
      await fc.assert(
        fc.asyncProperty(files[what], fc.boolean(), async (csv, dryRun) => {
          const before = await catalogueSnapshot();
          const codesBefore = await codesOf(what);
          const res = await t.request("POST", `/api/v1/${what}/import${dryRun ? "?dryRun=true" : ""}`, {
            auth: admin.auth,
            body: csv,
            headers: { "content-type": "text/csv; charset=utf-8" },
          });
          expect(res.status).toBeLessThan(500);
          const body = await res.json();
          if (res.status !== 200 || dryRun) {
            if (res.status !== 200) expect(errorEnvelopeSchema.safeParse(body).error).toBeUndefined();
            expect(await catalogueSnapshot()).toBe(before);
            return;
          }
          const { created } = body as { created: string[] };
          const codesAfter = await codesOf(what);
          expect(codesAfter.size).toBe(codesBefore.size + created.length);
          for (const code of created) expect(codesBefore.has(code) || !codesAfter.has(code)).toBe(false);
        }),
        { numRuns: 200 },
      );
    });

    it("refuses a name that starts with NUL (SQLite would read it as empty) with 400, writing nothing", async () => {
      const before = await catalogueSnapshot();
      const csv = what === "units" ? "code,name\nNUL.1,\u0000Sở\n" : "code,name\n2.000999,\u0000Thủ tục\n";
      const res = await t.request("POST", `/api/v1/${what}/import`, {
        auth: admin.auth,
        body: csv,
        headers: { "content-type": "text/csv" },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.issues[0]).toMatchObject({
        path: ["name"],
        code: "invalid_value",
        params: { column: "name" },
      });
      expect(await catalogueSnapshot()).toBe(before);
    });
  },
);
