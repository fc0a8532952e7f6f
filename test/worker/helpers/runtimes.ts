import { inject } from "vitest";
import { type Client, httpClient } from "./client.js";

export type Runtime = { name: "node" | "workerd"; client: Client };

/** Both entries of the run, so that one test asserts the same contract answer on each. */
export function runtimes(): Runtime[] {
  return [
    { name: "node", client: httpClient(inject("nodeUrl")) },
    { name: "workerd", client: httpClient(inject("workerdUrl")) },
  ];
}
