import { type Context, Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { created } from "../lib/request.js";
import { clientAddress } from "../submit/client-address.js";
import type { Submitter } from "../submit/pipeline.js";
import { refusalError } from "../submit/refusal-error.js";

/**
 * POST /api/v1/responses: a citizen's answers as JSON (DESIGN.md §3). 201 when stored, 200 when the same id
 * comes again with the same content (a retry), the refusals with their codes otherwise.
 */
export function responseRoutes(submitter: Submitter) {
  return new Hono<AppEnv>().post("/", async (c) => {
    const { config } = c.var.deps;
    const result = await submitter.submit(await readJson(c), {
      address: clientAddress(c, config.trustProxy),
    });
    c.header("cache-control", "no-store");
    if (!result.ok) {
      if (result.refusal.code === "RATE_LIMITED") c.header("retry-after", "60");
      throw refusalError(result.refusal);
    }
    const body = {
      id: result.id,
      receivedAt: new Date(result.receivedAt).toISOString(),
      ...(result.caseRef ? { case: { ref: result.caseRef } } : {}),
    };
    return result.status === "repeat" ? c.json(body, 200) : created(c, body);
  });
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new ApiError("INVALID_JSON", "The request body is not valid JSON.");
  }
}
