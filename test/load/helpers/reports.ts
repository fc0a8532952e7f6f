import { parse } from "csv-parse/sync";
import { EXPECTATION_CODES, ITEM_CODES } from "../../../shared/instrument/index.js";
import { DAY_MS, localDay } from "../../../shared/time/index.js";
import type { Ledger } from "./ledger.js";

// What an analyst downloads after a load run, held against what the clients were told: the raw export
// (GET /api/v1/reports/responses.csv) and the respondents of the SIPAS report by point.

/** The days around now, so a run that crosses midnight in Hanoi is still covered. */
function aroundToday(): string {
  const now = Date.now();
  return `from=${localDay(now - DAY_MS)}&to=${localDay(now + DAY_MS)}`;
}

async function download(url: string, token: string, path: string): Promise<string> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.text();
}

/**
 * Differences between the raw export and the acknowledged responses: each acknowledged id exported once,
 * at its point, with its service, language and answers; nothing else exported.
 */
export async function checkExport(url: string, token: string, ledger: Ledger): Promise<string[]> {
  const csv = await download(url, token, `/api/v1/reports/responses.csv?${aroundToday()}`);
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.id as string;
    const body = ledger.acknowledged.get(id);
    if (seen.has(id)) problems.push(`${id}: exported twice`);
    seen.add(id);
    if (!body) {
      problems.push(`${id}: exported, never acknowledged`);
      continue;
    }
    const differs = [
      row.point_code !== body.point,
      // A point with a fixed service stores it without being told: compare only services chosen.
      body.service !== undefined && row.service_code !== body.service,
      row.lang !== body.lang,
      ...ITEM_CODES.map((code) => row[code] !== String(body.answers[code] ?? "")),
      ...EXPECTATION_CODES.map((code) => row[code] !== String(body.expectations?.[code] ?? "")),
    ].some(Boolean);
    if (differs) problems.push(`${id}: the exported row is not the acknowledged content`);
  }
  for (const id of ledger.acknowledged.keys())
    if (!seen.has(id)) problems.push(`${id}: acknowledged, not exported`);
  return problems;
}

/**
 * Differences between the respondents the SIPAS report counts per point (GET /api/v1/reports/sipas?by=point)
 * and the acknowledged responses per point.
 */
export async function checkReportedRespondents(
  url: string,
  token: string,
  ledger: Ledger,
): Promise<string[]> {
  const report = JSON.parse(
    await download(url, token, `/api/v1/reports/sipas?by=point&${aroundToday()}`),
  ) as { rows: { point_code: string; respondents: number }[] };
  const acknowledged = new Map<string, number>();
  for (const body of ledger.acknowledged.values())
    acknowledged.set(body.point, (acknowledged.get(body.point) ?? 0) + 1);
  const reported = new Map(report.rows.map((row) => [row.point_code, row.respondents]));
  const problems: string[] = [];
  for (const point of new Set([...acknowledged.keys(), ...reported.keys()])) {
    if ((reported.get(point) ?? 0) !== (acknowledged.get(point) ?? 0))
      problems.push(
        `${point}: reported ${reported.get(point) ?? 0} respondents, acknowledged ${acknowledged.get(point) ?? 0}`,
      );
  }
  return problems;
}
