import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../../server/deps.js";
import { clientAddress } from "../../../server/submit/client-address.js";

// Over a real Node socket: the TCP peer is the address, and headers a client can forge are ignored.
function echoServer(trustProxy: boolean) {
  const app = new Hono<AppEnv>().get("/", (c) => c.text(clientAddress(c, trustProxy) ?? "unknown"));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  const url = new Promise<string>((resolve) =>
    server.once("listening", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)),
  );
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

const direct = echoServer(false);
const proxied = echoServer(true);
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

const forged = { "cf-connecting-ip": "198.51.100.66", "x-forwarded-for": "198.51.100.77" };

describe("clientAddress", () => {
  it("is the TCP peer on Node, whatever the request's headers say", async () => {
    expect(await (await fetch(await direct.url, { headers: forged })).text()).toBe("127.0.0.1");
  });

  it("is X-Forwarded-For's last hop behind a trusted proxy, and the peer without that header", async () => {
    const via = { "x-forwarded-for": "192.0.2.1, 203.0.113.5" };
    expect(await (await fetch(await proxied.url, { headers: via })).text()).toBe("203.0.113.5");
    expect(await (await fetch(await proxied.url)).text()).toBe("127.0.0.1");
  });

  it("is CF-Connecting-IP where there is no socket (Workers), set by Cloudflare", async () => {
    const app = new Hono<AppEnv>().get("/", (c) => c.text(clientAddress(c, false) ?? "unknown"));
    expect(await (await app.request("/", { headers: { "cf-connecting-ip": "203.0.113.9" } })).text()).toBe(
      "203.0.113.9",
    );
    expect(await (await app.request("/")).text()).toBe("unknown");
  });
});
