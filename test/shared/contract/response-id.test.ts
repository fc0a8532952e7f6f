import { describe, expect, it } from "vitest";
import { newResponseId } from "../../../shared/contract/response-id.js";
import { responseSubmissionSchema } from "../../../shared/contract/submission.js";

const instantOf = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16);

describe("newResponseId", () => {
  it("is a UUID v7 that the submission schema accepts as it is", () => {
    const id = newResponseId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const parsed = responseSubmissionSchema.safeParse({
      id,
      point: "K7F3QM",
      lang: "vi",
      answers: { TC1: 5 },
    });
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.id).toBe(id);
  });

  it("begins with its instant in milliseconds, all 48 bits of it", () => {
    for (const at of [0, 1, Date.UTC(2026, 11, 7, 9, 30, 15, 123), 2 ** 32 - 1, 2 ** 32, 2 ** 48 - 1]) {
      expect(instantOf(newResponseId(at))).toBe(at);
    }
  });

  it("sorts by its instant, so that new responses are written at the end of the id index", () => {
    const start = Date.UTC(2026, 11, 7);
    const ids = Array.from({ length: 1000 }, (_, i) => newResponseId(start + i * 7));
    expect([...ids].sort()).toEqual(ids);
  });

  it("takes its random bits from the bytes given, keeping the version, variant and instant its own", () => {
    const at = Date.UTC(2026, 11, 7, 9, 30);
    const random = new Uint8Array(16).fill(0xff);
    expect(newResponseId(at, random)).toBe(newResponseId(at, random));
    expect(newResponseId(at, random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7fff-bfff-ffffffffffff$/);
    expect(instantOf(newResponseId(at, random))).toBe(at);
    expect(random.every((byte) => byte === 0xff)).toBe(true);
  });

  it("differs between responses of the same millisecond", () => {
    const at = Date.UTC(2026, 11, 7);
    expect(new Set(Array.from({ length: 20_000 }, () => newResponseId(at))).size).toBe(20_000);
  });
});
