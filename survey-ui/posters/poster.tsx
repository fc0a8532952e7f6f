import { t } from "../../shared/i18n/index.js";
import { type QrDrawing, QrImage } from "./qr-image.js";

export const POSTER_FORMATS = ["a4", "a5", "tent"] as const;
export type PosterFormat = (typeof POSTER_FORMATS)[number];

/** What one poster shows: public facts only (unit, counter, survey address). */
export type PosterData = {
  code: string;
  unitName: string;
  label: string;
  serviceName: string | null;
  /** The unit and counter in Chinese and in English, where the catalogue has those names (else absent). */
  otherNames?: Partial<Record<"zh" | "en", string>>;
  /** The survey URL as typed by hand, without its code: "hailong.example.gov.vn/s/". */
  typedPrefix: string;
  /** The absolute URL the QR code carries. */
  url: string;
  qr: QrDrawing;
};

/**
 * One face of a poster: Vietnamese first (who, which counter, three steps), one line each in Chinese and
 * English, the privacy promise. The layout (portrait or the tent's landscape face) comes from the CSS.
 */
export function Poster(props: { poster: PosterData; class?: string }) {
  const { poster } = props;
  return (
    <section class={`poster ${props.class ?? ""}`} data-code={poster.code}>
      <header class="poster__head">
        <p class="poster__kicker">{t("vi", "poster.kicker")}</p>
        <h1 class="poster__unit">{poster.unitName}</h1>
        <p class="poster__label">{poster.label}</p>
        {poster.serviceName && <p class="poster__service">{poster.serviceName}</p>}
      </header>
      <div class="poster__body">
        <QrImage class="poster__qr" drawing={poster.qr} title={poster.url} />
        <div class="poster__text">
          <p class="poster__question">{t("vi", "poster.question")}</p>
          <ol class="poster__steps">
            <li>{t("vi", "poster.steps.scan")}</li>
            <li>{t("vi", "poster.steps.answer")}</li>
            <li>{t("vi", "poster.steps.send")}</li>
          </ol>
          <p class="poster__url">
            <span class="poster__url-hint">{t("vi", "poster.typeUrl")}</span>{" "}
            <span class="poster__url-text">
              {poster.typedPrefix}
              <b>{poster.code}</b>
            </span>
          </p>
          <p class="poster__other" lang="zh-Hans">
            {poster.otherNames?.zh && <b>{poster.otherNames.zh}: </b>}
            {t("zh", "poster.scanLine")}
          </p>
          <p class="poster__other" lang="en">
            {poster.otherNames?.en && <b>{poster.otherNames.en}: </b>}
            {t("en", "poster.scanLine")}
          </p>
        </div>
      </div>
      <p class="poster__privacy">{t("vi", "poster.privacy")}</p>
    </section>
  );
}
