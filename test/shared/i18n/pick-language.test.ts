import { describe, expect, it } from "vitest";
import { pickLanguage } from "../../../shared/i18n/index.js";

describe("pickLanguage", () => {
  it("takes ?lang= first when it names a shipped language", () => {
    expect(pickLanguage("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(pickLanguage("ZH")).toBe("zh");
    expect(pickLanguage("zh-CN", "en")).toBe("zh");
  });

  it("ignores an unknown ?lang= and negotiates instead", () => {
    expect(pickLanguage("fr", "en-US,en;q=0.9")).toBe("en");
    expect(pickLanguage("", "zh-Hans")).toBe("zh");
  });

  it("maps regional and script variants to the shipped language", () => {
    expect(pickLanguage(undefined, "zh-CN")).toBe("zh");
    expect(pickLanguage(undefined, "zh-Hans-CN")).toBe("zh");
    expect(pickLanguage(undefined, "en-US")).toBe("en");
    expect(pickLanguage(undefined, "vi-VN")).toBe("vi");
  });

  it("honours q-values over header order", () => {
    expect(pickLanguage(undefined, "en;q=0.5, zh-CN;q=0.8")).toBe("zh");
    expect(pickLanguage(undefined, "fr-FR, en;q=0.3, zh;q=0.2")).toBe("en");
    expect(pickLanguage(undefined, "zh;q=0.7, en;q=0.7")).toBe("zh");
  });

  it("skips q=0 and malformed weights", () => {
    expect(pickLanguage(undefined, "en;q=0, zh;q=0.1")).toBe("zh");
    expect(pickLanguage(undefined, "en;q=abc, zh;q=0.1")).toBe("zh");
  });

  it("falls back to Vietnamese", () => {
    expect(pickLanguage()).toBe("vi");
    expect(pickLanguage(null, null)).toBe("vi");
    expect(pickLanguage(undefined, "fr-FR,de;q=0.9,*;q=0.1")).toBe("vi");
    expect(pickLanguage(undefined, ";;,,")).toBe("vi");
  });
});
