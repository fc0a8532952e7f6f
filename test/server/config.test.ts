import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../server/config.js";

describe("parseConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    expect(parseConfig({})).toMatchObject({
      databaseUrl: "file:data/hailong.db",
      publicUrl: "http://localhost:8787",
      port: 8787,
      rateLimit: 10,
      rateLimitDay: 60,
      linkDays: 7,
      durability: "normal",
      trustProxy: false,
      secret: undefined,
      officerMinResponses: 10,
    });
  });

  it("treats empty variables as unset and strips a trailing slash from PUBLIC_URL", () => {
    expect(parseConfig({ PORT: "", PUBLIC_URL: "https://hailong.langson.gov.vn/" })).toMatchObject({
      port: 8787,
      publicUrl: "https://hailong.langson.gov.vn",
    });
  });

  it("points the default public URL at the port it listens on", () => {
    expect(parseConfig({ PORT: "18787" })).toMatchObject({
      port: 18787,
      publicUrl: "http://localhost:18787",
    });
    expect(parseConfig({ PORT: "0" })).toMatchObject({ publicUrl: "http://localhost:8787" });
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["PUBLIC_URL", "ftp://example.org"],
    ["DATABASE_URL", "postgres://x"],
    ["HAILONG_SECRET", "too-short"],
    ["HAILONG_OFFICER_MIN_RESPONSES", "0"],
    ["HAILONG_RATE_LIMIT", "-1"],
    ["HAILONG_DURABILITY", "sometimes"],
  ])("stops with a message naming %s when it is %j", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it("accepts 0 to turn the rate limit off", () => {
    expect(parseConfig({ HAILONG_RATE_LIMIT: "0" }).rateLimit).toBe(0);
  });
});
