import type { Page } from "playwright-core";

// What the survey's browser tests and bench/survey-page.ts measure on a rendered survey page.

/** The widths the survey is checked at (CSS px): a small phone, the common one, a large one. */
export const PHONE_WIDTHS = [320, 360, 412] as const;

/**
 * 200 % zoom of a 1280×740 window: the page sees 640×370 CSS px at two device pixels per CSS pixel
 * (WCAG 1.4.4: text resized to 200 % without loss of content or function).
 */
export const ZOOM_200 = { viewport: { width: 640, height: 370 }, deviceScaleFactor: 2 } as const;

export type SurveyLayout = {
  /** CSS px from the top of the page to the top of the comment box (the end of the questions). */
  toComment: number;
  /** The whole page's height. */
  total: number;
  /** True when the page scrolls sideways. */
  overflow: boolean;
  /** The smallest width and height of any answer's tap target (label box), in CSS px. */
  smallestTarget: { width: number; height: number };
};

/** Measures the survey page on screen. */
export function measureSurvey(page: Page): Promise<SurveyLayout> {
  return page.evaluate(() => {
    const comment = document.getElementById("comment") as HTMLElement;
    const boxes = Array.from(document.querySelectorAll("label.s"), (label) => label.getBoundingClientRect());
    return {
      toComment: Math.round(comment.getBoundingClientRect().top + scrollY),
      total: document.documentElement.scrollHeight,
      overflow: document.documentElement.scrollWidth > innerWidth,
      smallestTarget: {
        width: Math.min(...boxes.map((b) => b.width)),
        height: Math.min(...boxes.map((b) => b.height)),
      },
    };
  });
}

/** Thirty services with realistic Vietnamese names (the picker's worst case at a one-stop centre). */
export function thirtyServices(): Array<{ code: string; name: string }> {
  const kinds = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Đăng ký khai tử",
    "Cấp bản sao trích lục hộ tịch",
    "Cấp phiếu lý lịch tư pháp",
    "Chứng thực bản sao từ bản chính",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Đăng ký thành lập hộ kinh doanh",
    "Cấp đổi giấy phép lái xe",
    "Đăng ký thường trú",
  ];
  const variants = ["", " có yếu tố nước ngoài", " (cấp lại)"];
  return variants.flatMap((variant, v) =>
    kinds.map((kind, k) => ({ code: `2.${String(500000 + v * 100 + k)}`, name: `${kind}${variant}` })),
  );
}
