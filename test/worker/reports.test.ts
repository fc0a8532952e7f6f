import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../server/reports/read-xlsx.js";
import { makeCounterSetup } from "./helpers/catalogue.js";
import { adminToken, type Client, type Credentials } from "./helpers/client.js";
import { runtimes } from "./helpers/runtimes.js";

// Reports read what the submit path wrote: the same responses go to Node and to workerd + D1, and both must
// answer the same report, figure for figure.
const RESPONSES = [
  { answers: { TC1: 5, TC2: 4, CC1: 4, KQ1: 5 }, comment: "=SUM(A1) nhanh gọn" },
  { answers: { TC1: 3, CC1: 4, PA1: 2 } },
  { answers: { TC1: 4, TT1: 1 }, expectations: { E1: 3 } },
];

type Side = { name: string; client: Client; admin: Credentials; unit: string };
const sides: Side[] = [];

// Local days around now: whichever day the responses fall on in Hanoi, the period holds it.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const period = `from=${day(-1)}&to=${day(1)}`;

beforeAll(async () => {
  for (const { name, client } of runtimes()) {
    const admin = await adminToken(client, "reports suite");
    const setup = await makeCounterSetup(client, admin, "RP", [{ label: "Quầy số 1" }]);
    for (const response of RESPONSES) {
      const res = await client.json("POST", "/api/v1/responses", {
        body: {
          id: crypto.randomUUID(),
          point: setup.points[0],
          service: setup.service,
          lang: "vi",
          ...response,
        },
      });
      if (res.status !== 201) throw new Error(`${name}: submission answered ${res.status}`);
    }
    sides.push({ name, client, admin, unit: setup.unit });
  }
});

/** The same GET on both runtimes. */
const both = (path: (side: Side) => string) =>
  Promise.all(sides.map((side) => side.client.request("GET", path(side), { auth: side.admin })));

describe("reports on Node and on workerd + D1", () => {
  it("answer the SIPAS report as JSON with the same figures", async () => {
    const answers = await both((s) => `/api/v1/reports/sipas?${period}&by=unit&unit=${s.unit}`);
    const [node, workerd] = await Promise.all(answers.map((res) => res.json()));
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    expect(node.rows).toHaveLength(1);
    expect(node.rows[0]).toMatchObject({ unit_code: "RP.UNIT", respondents: 3, TC_mean: 4, CC_mean: 4 });
    expect(workerd).toEqual(node);
  });

  it("answer the items report by service with the same counts", async () => {
    const answers = await both((s) => `/api/v1/reports/items?${period}&by=service&unit=${s.unit}`);
    const [node, workerd] = await Promise.all(answers.map((res) => res.json()));
    expect(node.rows.find((row: { item: string }) => row.item === "TC1")).toMatchObject({
      n: 3,
      count_3: 1,
      count_4: 1,
      count_5: 1,
    });
    expect(workerd).toEqual(node);
  });

  it("send the same CSV: UTF-8 with BOM, CRLF, the contract's columns", async () => {
    const answers = await both((s) => `/api/v1/reports/sipas?${period}&by=unit&unit=${s.unit}&format=csv`);
    const [node, workerd] = await Promise.all(
      answers.map(async (res) => new Uint8Array(await res.arrayBuffer())),
    );
    for (const res of answers) expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect([...node!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM.
    const text = new TextDecoder().decode(node);
    expect(text.startsWith("period_from,period_to,unit_code,unit_name,respondents,sipas_index")).toBe(true);
    expect(text).toContain("\r\n");
    expect(parse(text, { columns: true })).toHaveLength(1);
    expect(workerd).toEqual(node);
  });

  it("send an XLSX workbook", async () => {
    const answers = await both((s) => `/api/v1/reports/sipas?${period}&by=unit&unit=${s.unit}&format=xlsx`);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
      expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 2))).toBe("PK");
    }
  });

  it("stream the raw responses as CSV, one row per response, formulas neutralised", async () => {
    const answers = await both((s) => `/api/v1/reports/responses.csv?${period}&unit=${s.unit}`);
    const [node, workerd] = await Promise.all(
      // text() drops the BOM.
      answers.map(async (res) => parse(await res.text(), { columns: true }) as Record<string, string>[]),
    );
    expect(node).toHaveLength(3);
    expect(workerd).toHaveLength(3);
    // Ids, instants and point codes differ between the two servers; the answers do not.
    const content = (rows: Record<string, string>[]) =>
      rows
        .map(({ id: _id, submitted_at: _at, point_code: _point, ...rest }) => rest)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(content(workerd!)).toEqual(content(node!));
    expect(node!.map((row) => row.comment)).toContain("'=SUM(A1) nhanh gọn");
  });

  it("send the same report pack, sheet for sheet, and the same printable report", async () => {
    const answers = await both((s) => `/api/v1/reports/pack?${period}&unit=${s.unit}`);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    const [node, workerd] = await Promise.all(
      answers.map(async (res) => readWorkbook(new Uint8Array(await res.arrayBuffer()))),
    );
    // Seven sheets of issue 15, and by officer, by channel and the follow-through of cases.
    expect(node!.map((sheet) => sheet.name)).toHaveLength(10);
    // The figures must be identical; comments carry their minute of arrival and the method its author.
    const figures = (sheets: typeof node) => sheets!.slice(0, 5).map((sheet) => [sheet.name, sheet.rows]);
    expect(figures(workerd)).toEqual(figures(node));
    const html = await both((s) => `/api/v1/reports/pack?${period}&unit=${s.unit}&format=html`);
    for (const res of html) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<svg");
    }
  });

  it("show an opted-in unit's results to citizens", async () => {
    for (const side of sides) {
      expect((await side.client.request("GET", `/p/${side.unit}`)).status).toBe(404);
      const patch = await side.client.json("PATCH", `/api/v1/units/${side.unit}`, {
        auth: side.admin,
        body: { publicResults: true },
      });
      expect(patch.status).toBe(200);
      const res = await side.client.request("GET", `/p/${side.unit}?lang=zh`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("群众满意度评价结果");
    }
  });
});
