import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { HTTPException } from "hono/http-exception";
import type * as z from "../../shared/contract/zod.js";
import { ApiError, invalid, validationHook } from "../errors.js";

/**
 * zod validation of one part of the request, answering failures with the shared error envelope. A body
 * that cannot be read at all (Hono throws a bare 400) is named here: INVALID_JSON for JSON, and
 * VALIDATION_FAILED for a broken form.
 */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const check = zValidator(target, schema, validationHook);
  const named: typeof check = async (c, next) => {
    let passed = false;
    try {
      return await check(c, async () => {
        passed = true;
        await next();
      });
    } catch (error) {
      // Only the validator's own refusal: what the routes after it throw is theirs to name.
      if (passed || !(error instanceof HTTPException)) throw error;
      throw target === "json"
        ? new ApiError("INVALID_JSON", "The request body is not valid JSON.")
        : invalid("The form body cannot be read.");
    }
  };
  return named;
}
