import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { serveWithLimits } from "../../server/node-server.js";
import { createTestApp } from "../helpers/create-test-app.js";
import { makePoint, makeUnit, makeUser } from "../helpers/factories.js";

// The app behind a real Node HTTP server on 127.0.0.1: what only sockets show (framing, slow clients).
const t = await createTestApp();
const servers: Server[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function start(limits: Parameters<typeof serveWithLimits>[0]["limits"] = {}) {
  const server = serveWithLimits({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0, limits });
  servers.push(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0 };
}

/** Sends raw bytes and resolves with everything the server answered once it closes (or after ms). */
function raw(port: number, text: string, ms = 5_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    sockets.push(socket);
    let answer = "";
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on("data", (chunk) => {
      answer += chunk;
      if (/\r\n\r\n/.test(answer)) setTimeout(done, 50);
    });
    socket.on("close", done);
    socket.on("error", done);
    setTimeout(done, ms);
    socket.write(text);
  });
}

describe("a request without a body (no Content-Length, no Transfer-Encoding)", () => {
  it("is not refused with 415: curl -X DELETE revokes the token, a bare POST archives a point", async () => {
    const { port } = await start();
    const staff = await makeUser(t, { role: "staff" });
    const token = (staff.auth as { token: string }).token;
    const id = token.split("_")[1] as string;
    const revoked = await raw(
      port,
      `DELETE /api/v1/tokens/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    expect(revoked).toMatch(/^HTTP\/1\.1 2\d\d/);
    const after = await t.request("GET", "/api/v1/auth/me", { auth: staff.auth });
    expect(after.status).toBe(401);

    await makeUnit(t, { code: "NS1" });
    const admin = await makeUser(t, { role: "admin" });
    const point = await makePoint(t, { unit: "NS1" });
    const archived = await raw(
      port,
      `POST /api/v1/points/${point.code}/archive HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${(admin.auth as { token: string }).token}\r\nConnection: close\r\n\r\n`,
    );
    expect(archived).toMatch(/^HTTP\/1\.1 200/);
    expect(archived).toContain('"archived":true');
  });

  it("still refuses a body that is there and not JSON", async () => {
    const { port } = await start();
    const answer = await raw(
      port,
      "POST /api/v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 415/);
  });
});

describe("slow clients", () => {
  it("cannot starve /healthz, and are cut off after the request timeout", async () => {
    const { port } = await start({ requestTimeoutMs: 2_000, headersTimeoutMs: 1_500, checkIntervalMs: 250 });
    // 250 sockets trickle a POST body a byte at a time (the attack), and 50 trickle their headers.
    const closed: Promise<string>[] = [];
    const timers: NodeJS.Timeout[] = [];
    for (let i = 0; i < 300; i++) {
      closed.push(
        new Promise((resolve) => {
          const socket = connect(port, "127.0.0.1");
          sockets.push(socket);
          let answer = "";
          socket.on("data", (chunk) => {
            answer += chunk;
          });
          socket.on("close", () => resolve(answer || "closed"));
          socket.on("error", () => resolve(answer || "closed"));
          socket.write(
            i < 250
              ? "POST /api/v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{"
              : "GET /healthz HTTP/1.1\r\n",
          );
          timers.push(setInterval(() => socket.writable && socket.write(i < 250 ? " " : "X"), 200));
        }),
      );
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    // Every slow socket is answered 408 or closed by the server, while it was still sending.
    const ends = await Promise.all(closed);
    for (const timer of timers) clearInterval(timer);
    expect(ends).toHaveLength(300);
    expect(ends.every((end) => end === "closed" || /^HTTP\/1\.1 408/.test(end))).toBe(true);
  }, 30_000);

  it("closes connections beyond the cap at once", async () => {
    const { port } = await start({ maxConnections: 3 });
    const held: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const socket = connect(port, "127.0.0.1");
      sockets.push(socket);
      held.push(socket);
      await new Promise((resolve) => socket.once("connect", resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3_000);
    expect(extra).toBe("");
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = await raw(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(later).toMatch(/^HTTP\/1\.1 200/);
  });
});
