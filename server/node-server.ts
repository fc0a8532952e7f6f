import type { Server } from "node:http";
import { serve } from "@hono/node-server";

/**
 * Limits that keep slow or idle clients from holding the server: a client that trickles its headers or its
 * body is cut off, so a few hundred slow sockets cannot starve the health check or the survey.
 */
export type ConnectionLimits = {
  /** Whole request (headers and body) must arrive within this (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** Headers must arrive within this (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as they arrive (Node's `maxConnections`). */
  maxConnections: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let them run late). */
  checkIntervalMs: number;
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  checkIntervalMs: 1_000,
};

/** Serves a fetch handler over HTTP/1.1 with the connection limits above. */
export function serveWithLimits(options: {
  fetch: Parameters<typeof serve>[0]["fetch"];
  hostname: string;
  port: number;
  limits?: Partial<ConnectionLimits>;
}): Server {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server = serve({
    fetch: options.fetch,
    hostname: options.hostname,
    port: options.port,
    serverOptions: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  }) as Server;
  server.maxConnections = limits.maxConnections;
  return server;
}
