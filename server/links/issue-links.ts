import type { Context } from "hono";
import { currentUser } from "../auth/guard.js";
import { isDossierRated } from "../db/queries/responses.js";
import type { AppEnv } from "../deps.js";
import { conflict } from "../errors.js";
import { audit } from "../lib/audit.js";
import { dossierKeyedHash } from "./dossier.js";
import { linkExpiry } from "./link-expiry.js";
import type { LinkRequest } from "./link-request.js";
import { signLinkToken } from "./link-token.js";
import { surveyUrl } from "./survey-url.js";

export type IssuedLinks = { expiresAt: number; links: Array<{ url: string; token: string }> };

/**
 * Signs `count` one-time links to a point's survey (one, tied to the dossier's keyed hash, when a dossier
 * is given) and records the issue in the audit log: who, which point, how many, whether a dossier was
 * named; never the dossier code nor a token. Each link carries its issuer: a response through it is
 * attributed to that officer.
 */
export async function issueLinks(
  c: Context<AppEnv>,
  pointCode: string,
  request: LinkRequest,
): Promise<IssuedLinks> {
  const { deps } = c.var;
  const user = currentUser(c);
  const { secret, publicUrl, linkDays } = deps.config;
  const now = deps.now();
  const expiresAt = linkExpiry(now, linkDays);
  const dossierHash = request.dossier === undefined ? null : dossierKeyedHash(secret, request.dossier);
  // A dossier is rated once: a new link for a rated one would only show "already used" to the citizen.
  if (dossierHash !== null && (await isDossierRated(deps.db, dossierHash)))
    throw conflict("This dossier has been rated already: a new link for it would not work.");
  const links: IssuedLinks["links"] = [];
  for (let i = 0; i < request.count; i++) {
    const signed = await signLinkToken({ secret, pointCode, expiresAt, dossierHash, issuerId: user.id });
    links.push({ url: surveyUrl(publicUrl, pointCode, signed.token), token: signed.token });
  }
  await audit(
    c,
    {
      action: "issue_links",
      entity: "point",
      entityCode: pointCode,
      detail: {
        count: links.length,
        dossier: dossierHash !== null,
        expiresAt: new Date(expiresAt).toISOString(),
      },
    },
    now,
  );
  return { expiresAt, links };
}
