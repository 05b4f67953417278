// A page's social card: a 1200×630 PNG with its title, the site's name, logo and colour and the page's language, drawn by satori without a browser.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import satori from "satori";
import { codeVersion } from "../../core/build/cache.ts";
import { loadSharp } from "../../core/media/clean-images.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Cards depend on satori, sharp, the font and this code: changing any of them makes new ones. */
export const CARD_VERSION = codeVersion(["satori", "sharp", "dejavu-fonts-ttf"], [new URL(import.meta.url)]);

/** What a card says. */
export interface CardText {
  title: string;
  /** Above the title, e.g. the kind of post ("Communiqué de presse"). */
  kicker?: string | undefined;
  site: string;
  host: string;
  /** The page's language, named in itself ("Français"). */
  language: string;
}

/** How it looks: the site's colour, and its logo as a PNG of `LOGO_SIZE` pixels (see `cardLogo`). */
export interface CardStyle {
  accent: string;
  logo?: Buffer | undefined;
}

/** The card's layout: the accent bar on the left, the margins, and the logo's square in the top left corner. */
const BAR = 28;
const MARGIN = { top: 56, right: 72, bottom: 48, left: 64 };
const LOGO_SIZE = 88;

/** The site's SVG logo as the PNG laid on every card: drawn once per build, not parsed and drawn by every card. */
export async function cardLogo(svg: Buffer, svgWidth: number): Promise<Buffer> {
  const density = Math.min(100_000, (72 * LOGO_SIZE) / Math.max(1, svgWidth));
  return (await loadSharp())(svg, { density })
    .resize(LOGO_SIZE, LOGO_SIZE, { fit: "contain", background: "#0000" })
    .png()
    .toBuffer();
}

type Fonts = Parameters<typeof satori>[1]["fonts"];

/** DejaVu Sans from the dejavu-fonts-ttf package: every Latin accent, and no font from another server. */
export async function cardFonts(): Promise<Fonts> {
  const folder = path.join(
    path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
    "ttf",
  );
  const font = (file: string) => readFile(path.join(folder, file));
  return [
    { name: "DejaVu Sans", data: await font("DejaVuSans.ttf"), weight: 400, style: "normal" },
    { name: "DejaVu Sans", data: await font("DejaVuSans-Bold.ttf"), weight: 700, style: "normal" },
  ];
}

const COLOURS = { background: "#fdfcf8", text: "#1d1d1b", muted: "#55554f", rule: "#d6d3c8" };

type Node = { type: string; props: Record<string, unknown> };
const element = (type: string, style: Record<string, unknown>, children?: unknown, props: object = {}): Node => ({
  type,
  props: { style, children, ...props },
});

/** Long titles get a smaller type, and wrap on at most four lines, the last one cut with an ellipsis. */
function titleSize(title: string): number {
  return title.length <= 50 ? 72 : title.length <= 90 ? 62 : 52;
}

/** The card's text, with room for the logo, which sharp lays on it: satori would embed it for librsvg to decode on every card. */
function layout(text: CardText, style: CardStyle): Node {
  const logo = style.logo && element("div", { width: LOGO_SIZE, height: LOGO_SIZE, marginRight: 28, flexShrink: 0 });
  const size = titleSize(text.title);
  return element(
    "div",
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: "flex", background: COLOURS.background, color: COLOURS.text },
    [
      element("div", { width: BAR, height: CARD_HEIGHT, flexShrink: 0, background: style.accent }),
      element(
        "div",
        {
          display: "flex",
          flexDirection: "column",
          flexGrow: 1,
          padding: Object.values(MARGIN)
            .map((px) => `${px}px`)
            .join(" "),
        },
        [
          element("div", { display: "flex", alignItems: "center", fontSize: 34, fontWeight: 700 }, [
            ...(logo ? [logo] : []),
            element("div", {}, text.site),
          ]),
          element("div", { display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }, [
            ...(text.kicker
              ? [element("div", { fontSize: 26, fontWeight: 700, color: COLOURS.muted, marginBottom: 16 }, text.kicker)]
              : []),
            element(
              "div",
              { display: "block", fontSize: size, fontWeight: 700, lineHeight: 1.18, lineClamp: 4 },
              text.title,
            ),
          ]),
          element(
            "div",
            {
              display: "flex",
              justifyContent: "space-between",
              fontSize: 26,
              color: COLOURS.muted,
              borderTop: `2px solid ${COLOURS.rule}`,
              paddingTop: 20,
            },
            [element("div", {}, text.host), element("div", {}, text.language)],
          ),
        ],
      ),
    ],
  );
}

/** The card as a PNG: satori draws the text as paths in an SVG, sharp (librsvg) renders it and lays the logo on it. */
export async function renderCard(text: CardText, style: CardStyle, fonts: Fonts): Promise<Buffer> {
  const svg = await satori(layout(text, style) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  const logo = style.logo ? [{ input: style.logo, left: BAR + MARGIN.left, top: MARGIN.top }] : [];
  return (await loadSharp())(Buffer.from(svg)).composite(logo).png({ compressionLevel: 6 }).toBuffer();
}
