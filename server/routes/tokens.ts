import { Hono } from "hono";
import { tokenCreateSchema } from "../../shared/contract/catalogue.js";
import { issueApiToken } from "../auth/credentials.js";
import { currentUser, requireUser } from "../auth/guard.js";
import { runBatch } from "../db/database.js";
import {
  countLiveTokens,
  findApiToken,
  listApiTokens,
  revokeApiToken,
  revokeTokensOfUserStatement,
} from "../db/queries/access.js";
import type { AppEnv } from "../deps.js";
import { notFound } from "../errors.js";
import { audit } from "../lib/audit.js";
import { created } from "../lib/request.js";
import { validate } from "../lib/validate.js";

/** API tokens for scripts: each acts with its owner's role and scope; the secret is shown once. */
export const tokenRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get("/", async (c) => c.json({ tokens: await listApiTokens(c.var.deps.db, currentUser(c).id) }))
  .post("/", validate("json", tokenCreateSchema), async (c) => {
    const user = currentUser(c);
    const { name, expiresInDays } = c.req.valid("json");
    const token = await issueApiToken(c, user.id, name, expiresInDays);
    await runBatch(c.var.deps.db, [
      audit(c, {
        action: "create",
        entity: "api_token",
        entityCode: token.id,
        detail: { name, expiresInDays },
      }),
    ]);
    return created(c, token);
  })
  // "Revoke all": every live token of the caller stops working at once.
  .delete("/", async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const revoked = await countLiveTokens(db, user.id, now());
    await runBatch(db, [
      revokeTokensOfUserStatement(db, user.id, now()),
      audit(c, { action: "revoke_all", entity: "api_token", detail: { revoked } }),
    ]);
    return c.json({ revoked });
  })
  .delete("/:id", async (c) => {
    const { db, now } = c.var.deps;
    const user = currentUser(c);
    const token = await findApiToken(db, c.req.param("id"));
    if (!token || token.userId !== user.id) throw notFound("The token");
    if (token.revokedAt === null) {
      await revokeApiToken(db, token.id, now());
      await runBatch(db, [audit(c, { action: "revoke", entity: "api_token", entityCode: token.id })]);
    }
    return c.json({ ok: true });
  });
