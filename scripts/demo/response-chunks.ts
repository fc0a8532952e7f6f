import { Worker } from "node:worker_threads";
import { responseRowValues } from "../../server/db/queries/responses.js";
import { rollupFold, rollupIncrements } from "../../server/db/queries/rollups.js";
import { contentHash } from "../../server/submit/content-hash.js";
import { INSTRUMENT_VERSION } from "../../shared/instrument/index.js";
import { type RollupBatches, rollupBatches } from "../lib/month-rollups.js";
import { DEMO_POINTS, type DemoPoint, demoServicesOf } from "./catalogue.js";
import { demoOfficerOf } from "./officers.js";
import { createRandom } from "./random.js";
import { demoInstant, generateResponse } from "./responses.js";

// The demo seeder's responses, made chunk by chunk as rows ready to insert, with the rollup rows they add.

/** The stored ids of the demo catalogue, by code (units, points, services) and username (officers). */
export type DemoIds = {
  units: Map<string, number>;
  points: Map<string, number>;
  services: Map<string, number>;
  officers: Map<string, number>;
};

export type ChunkOptions = {
  total: number;
  seed: number;
  /** The responses fall in the `days` days before this instant (ms). */
  until: number;
  days: number;
  /** Responses per chunk. */
  chunk: number;
  ids: DemoIds;
};

/**
 * `rows` responses as JSON arrays of rows for the submit path's INSERT_RESPONSES, RESPONSES_PER_BATCH to
 * an array, and what they add to the daily and monthly rollups (rollupBatches).
 */
export type ResponseChunk = { rows: number; responses: string[]; rollups: RollupBatches };

const RESPONSES_PER_BATCH = 500;

/**
 * The demo responses in time order, as a live server receives them: every instant is drawn first (eight
 * bytes a response: 8 MB at a million), then the rest of each response. Their ids (UUID v7, time first)
 * and days then only grow, and each insert appends to the indexes on id and on (day, id) instead of
 * landing on a random page of each. The same options give the same chunks.
 */
export function* responseChunks(options: ChunkOptions): Generator<ResponseChunk> {
  const { total, until, days, ids } = options;
  const random = createRandom(options.seed);
  const instants = new Float64Array(total);
  for (let i = 0; i < total; i++) instants[i] = demoInstant(random, { until, days });
  instants.sort();
  // Looked up once a unit, not once a response.
  const offered = new Map(DEMO_POINTS.map((point) => [point.unit, demoServicesOf(point.unit)]));
  const servicesOf = (point: DemoPoint) => offered.get(point.unit) ?? [];
  for (let start = 0; start < total; start += options.chunk) {
    const rows = Math.min(options.chunk, total - start);
    const responses: string[] = [];
    let batch: unknown[][] = [];
    const rollups = rollupFold();
    for (let i = start; i < start + rows; i++) {
      const r = generateResponse(
        random,
        { points: DEMO_POINTS, servicesOf, until, days },
        instants[i] as number,
      );
      const unitId = ids.units.get(r.point.unit) as number;
      const pointId = ids.points.get(r.point.code) as number;
      const serviceId = r.serviceCode ? (ids.services.get(r.serviceCode) as number) : null;
      const officer = demoOfficerOf(r);
      const officerId = officer === null ? null : (ids.officers.get(officer) as number);
      const { answers, expectations, respondent, comment, channel, lang } = r;
      rollups.add(
        rollupIncrements({
          day: r.localDay,
          unitId,
          pointId,
          serviceId,
          officerId,
          channel,
          answers,
          expectations,
        }),
      );
      batch.push(
        responseRowValues({
          id: r.id,
          pointId,
          unitId,
          serviceId,
          form: r.point.form,
          instrument: INSTRUMENT_VERSION,
          lang,
          channel,
          submittedAt: r.submittedAt,
          localDay: r.localDay,
          answers: JSON.stringify(answers),
          expectations: expectations ? JSON.stringify(expectations) : null,
          gender: respondent.gender ?? null,
          ageBand: respondent.ageBand ?? null,
          ethnicity: respondent.ethnicity ?? null,
          education: respondent.education ?? null,
          occupation: respondent.occupation ?? null,
          comment,
          commentHasPii: r.commentHasPii,
          contentHash: contentHash({
            point: r.point.code,
            service: r.serviceCode,
            lang,
            answers,
            expectations,
            respondent,
            comment,
            channel,
          }),
          tokenId: null,
          dossierHash: null,
          officerId,
        }),
      );
      if (batch.length === RESPONSES_PER_BATCH || i === start + rows - 1) {
        responses.push(JSON.stringify(batch));
        batch = [];
      }
    }
    const { daily, monthly } = rollups.rows();
    yield { rows, responses, rollups: { daily: rollupBatches(daily), monthly: rollupBatches(monthly) } };
  }
}

/**
 * responseChunks made in a worker thread, one chunk ahead: the next chunk is made on the other core while
 * the caller writes this one. Making a response (drawing it, hashing it, folding its rollups) costs nearly
 * as much as SQLite's writing it.
 */
export async function* responseChunksAhead(options: ChunkOptions): AsyncGenerator<ResponseChunk> {
  // The scripts run through tsx, whose hooks Node 20 does not carry into a worker thread: the worker loads
  // its TypeScript module through tsx's own import.
  const entry = new URL("./chunk-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
    // Without a limit a million responses peaked at 1.2 GB of RSS (the worker's garbage collector in no
    // hurry), with it at ~670 MB: a chunk in the making needs far less.
    { eval: true, workerData: options, resourceLimits: { maxOldGenerationSizeMb: 320 } },
  );
  const next = () =>
    new Promise<ResponseChunk | null>((resolve, reject) => {
      const done = () => worker.off("message", take).off("error", fail).off("exit", stopped);
      const take = (chunk: ResponseChunk | null) => {
        done();
        resolve(chunk);
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const stopped = (code: number) => fail(new Error(`the demo data worker stopped (exit code ${code})`));
      worker.on("message", take).on("error", fail).on("exit", stopped);
      worker.postMessage("next");
    });
  try {
    let coming = next();
    for (;;) {
      const chunk = await coming;
      if (chunk === null) return;
      coming = next();
      // The caller may stop on an error of its own without awaiting it.
      coming.catch(() => {});
      yield chunk;
    }
  } finally {
    await worker.terminate();
  }
}
