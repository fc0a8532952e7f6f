import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/create-test-app.js";
import { makeUser } from "../helpers/factories.js";

// Sign-in attacks over real sockets on 127.0.0.1: parallel requests really overlap here (password hashing
// runs on Node's thread pool), which app.request() in sequence would never show.

const t = await createTestApp({ config: { trustProxy: true } });
const server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 });
const base = await new Promise<string>((resolve) =>
  server.once("listening", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
);
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A sign-in from a given client address (the trusted proxy's X-Forwarded-For). */
const login = (username: string, password: string, from: string) =>
  fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ username, password }),
  });

const attemptsOf = async (username: string) =>
  (
    await t.client.execute({
      sql: "SELECT attempts FROM sign_in_attempts WHERE username = ?",
      args: [username],
    })
  ).rows;

describe("sign-in under parallel guessing (real server)", () => {
  it("39 wrong passwords at once, then the right one: the lock-out holds (not 39 × 401 then 200)", async () => {
    const owner = await makeUser(t, { role: "admin", username: "flood.admin" });
    const statuses = await Promise.all(
      Array.from({ length: 39 }, () =>
        login(owner.username, "wrong-guess", "198.51.100.10").then((r) => r.status),
      ),
    );
    const right = await login(owner.username, owner.password, "198.51.100.10");
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    // Five attempts pass before the wait starts; every other guess was refused before any password check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(34);
    // The owner, from their own address, is not locked out by the flood.
    expect((await login(owner.username, owner.password, "203.0.113.20")).status).toBe(200);
  });

  it("100 parallel wrong guesses are each counted (none slips past the count)", async () => {
    const owner = await makeUser(t, { role: "staff", username: "flood.staff" });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        // From one /64: IPv6 addresses of one subscriber count as one address.
        login(owner.username, "wrong-guess", `2001:db8:0:7::${(i + 1).toString(16)}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    // One (address, username) row: the /64 is one address; its count stopped where the wait began.
    expect((await attemptsOf(owner.username)).map((r) => Number(r.attempts))).toEqual([5]);
  });

  it("a burst from one address over many usernames slows down before any account locks", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // Every name is new, so no (address, username) pair reaches its own limit.
      statuses.push((await login(`sprayed.${i}`, "Password123!", "192.0.2.55")).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await login("sprayed.0", "Password123!", "192.0.2.56")).status).toBe(401);
  });
});
