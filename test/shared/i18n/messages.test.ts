import { describe, expect, it } from "vitest";
import { CONSOLE_MESSAGES, t as consoleText } from "../../../shared/i18n/console/index.js";
import {
  DEFAULT_LANG,
  isLang,
  LANGUAGES,
  type Lang,
  MESSAGES,
  type MessageKey,
  type Messages,
  t,
} from "../../../shared/i18n/index.js";
import {
  ELEMENT_CODES,
  EXPECTATION_CODES,
  EXPECTATION_LEVELS,
  ITEM_CODES,
  RESPONDENT_FIELDS,
  RESPONDENT_QUESTIONS,
  SCALE_VALUES,
} from "../../../shared/instrument/index.js";

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

// Every text the instrument needs, as keys built from its codes: a new item, option or level without wording
// in every language fails here.
const INSTRUMENT_KEYS: MessageKey[] = [
  ...ELEMENT_CODES.map((code) => `instrument.elements.${code}` as const),
  ...ITEM_CODES.map((code) => `instrument.items.${code}` as const),
  ...SCALE_VALUES.map((value) => `instrument.scale.${value}` as const),
  "instrument.scale.skip",
  ...EXPECTATION_CODES.map((code) => `instrument.expectations.items.${code}` as const),
  ...EXPECTATION_LEVELS.map((level) => `instrument.expectations.levels.${level}` as const),
  ...RESPONDENT_FIELDS.flatMap((field) => [
    `instrument.respondent.${field}.question` as MessageKey,
    ...RESPONDENT_QUESTIONS[field].options.map(
      (option) => `instrument.respondent.${field}.options.${option}` as MessageKey,
    ),
  ]),
];

// The pages' table and the console's own table (shared/i18n/console) obey the same rules.
describe.each([
  ["pages", MESSAGES],
  ["console", CONSOLE_MESSAGES],
] as const)("the i18n table of the %s", (_, table) => {
  const source = flatten(table.vi);

  it("has every Vietnamese key, and no other, in every language", () => {
    for (const lang of LANGUAGES) {
      expect([...flatten(table[lang]).keys()], lang).toEqual([...source.keys()]);
    }
  });

  it("uses the same {placeholders} in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const lang of LANGUAGES) {
      for (const [key, text] of flatten(table[lang])) {
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(source.get(key) ?? ""));
      }
    }
  });

  it("has no empty text", () => {
    for (const lang of LANGUAGES) {
      for (const [key, text] of flatten(table[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });
});

describe("the i18n table", () => {
  it("has a text for every code of the instrument in every language", () => {
    for (const lang of LANGUAGES) {
      for (const key of INSTRUMENT_KEYS) {
        expect(flatten(MESSAGES[lang]).has(key), `${lang} ${key}`).toBe(true);
      }
    }
    // Every respondent option has wording, and no wording is left for a removed option.
    for (const field of RESPONDENT_FIELDS) {
      expect(Object.keys(MESSAGES.vi.instrument.respondent[field].options)).toEqual([
        ...RESPONDENT_QUESTIONS[field].options,
      ]);
    }
  });

  it("translates rather than copies: the item wording differs between languages", () => {
    for (const code of ITEM_CODES) {
      const texts = LANGUAGES.map((lang) => t(lang, `instrument.items.${code}`));
      expect(new Set(texts).size, code).toBe(LANGUAGES.length);
    }
  });

  it("follows SIPAS.md for the Vietnamese scale and the quick CC item", () => {
    expect(SCALE_VALUES.map((value) => t("vi", `instrument.scale.${value}`))).toEqual([
      "Rất không hài lòng",
      "Không hài lòng",
      "Bình thường",
      "Hài lòng",
      "Rất hài lòng",
    ]);
    expect(t("vi", "instrument.items.CC")).toBe(
      "Ông/Bà hài lòng thế nào về thái độ và sự hướng dẫn của công chức?",
    );
    expect(t("vi", "instrument.items.TT2")).toBe("Thành phần hồ sơ phải nộp là đúng quy định");
    expect(EXPECTATION_LEVELS.map((level) => t("vi", `instrument.expectations.levels.${level}`))).toEqual([
      "Rất nhiều",
      "Nhiều",
      "Ít",
    ]);
  });

  it("names each language in itself, for the language switch", () => {
    expect(LANGUAGES.map((lang) => t(lang, "common.languageName"))).toEqual([
      "Tiếng Việt",
      "中文",
      "English",
    ]);
  });
});

describe("t", () => {
  it("looks a dotted key up in the given language", () => {
    expect(t("en", "instrument.scale.5")).toBe("Very satisfied");
    expect(t("zh", "instrument.scale.1")).toBe("非常不满意");
    expect(t("vi", "instrument.respondent.ethnicity.options.san-chay")).toBe("Sán Chay");
  });

  it("fills {placeholders} and leaves unknown ones visible", () => {
    // A missing key comes back as itself, which lets this test give t a text of its own.
    const key = "Quầy {label}: {count} phiếu, {other}" as MessageKey;
    expect(t("vi", key, { label: "số 3", count: 12 })).toBe("Quầy số 3: 12 phiếu, {other}");
    expect(t("vi", key)).toBe(key);
  });

  it("falls back to the key for a key built at run time that does not exist", () => {
    expect(t("en", "instrument.items.XX9" as MessageKey)).toBe("instrument.items.XX9");
  });
  it("has no key in both the pages' and the console's table", () => {
    const pages = flatten(MESSAGES.vi);
    expect([...flatten(CONSOLE_MESSAGES.vi).keys()].filter((key) => pages.has(key))).toEqual([]);
  });

  it("in the console, reads console keys from the console's table and the rest from the pages'", () => {
    expect(consoleText("en", "console.errors.nope" as never)).toBe("console.errors.nope");
    expect(consoleText("vi", "errors.NOT_FOUND")).toBe(t("vi", "errors.NOT_FOUND"));
    expect(consoleText("zh", "instrument.scale.1")).toBe("非常不满意");
    expect(consoleText("en", "console.access.expired")).toBe("Expired");
    expect(consoleText("en", "officers.nav.mine")).toBe("My results");
  });
});

describe("languages", () => {
  it("ships vi, zh and en with vi as the default", () => {
    expect(LANGUAGES).toEqual(["vi", "zh", "en"]);
    expect(DEFAULT_LANG).toBe("vi");
  });

  it("recognises only shipped languages", () => {
    expect(isLang("zh")).toBe(true);
    expect(isLang("fr")).toBe(false);
    expect(isLang("EN")).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

// Compile-time checks: `npx tsc -p .` fails if these lines stop being errors.
describe("the types", () => {
  it("reject a language that misses a key, and a misspelt key", () => {
    const incomplete = {
      ...MESSAGES.en,
      common: { languageName: "Deutsch", languageTag: "de" },
    };
    // @ts-expect-error common.language is missing
    const de: Messages = incomplete;
    expect(flatten(de).has("common.language")).toBe(false);
    // @ts-expect-error a misspelt key does not compile
    expect(t("en", "instrument.itmes.TC1")).toBe("instrument.itmes.TC1");
    // @ts-expect-error a section is not a text
    expect(t("en", "instrument.items")).toBe("instrument.items");
  });

  it("accept keys built from instrument codes", () => {
    const lang: Lang = "zh";
    const key: MessageKey = `instrument.items.${ITEM_CODES[0] ?? "TC1"}`;
    expect(t(lang, key)).toBe(MESSAGES.zh.instrument.items.TC1);
  });
});
