// A page's social card: a 1200×630 PNG with its title, the site's name, logo and colour and the page's language, drawn by satori without a browser.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import satori from "satori";
import type { OutputInfo } from "sharp";
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

/** The card's layout: the accent bar on the left, the margins, the logo's square in the top left corner, the footer. */
const BAR = 28;
const MARGIN = { top: 56, right: 72, bottom: 48, left: 64 };
const LOGO_SIZE = 88;
/** The footer's rule, space and line of text, as satori lays them out (the height it is given excludes both). */
const FOOTER_RULE = 2;
const FOOTER_SPACE = 20;
const FOOTER_HEIGHT = FOOTER_RULE + FOOTER_SPACE + 32;

/** Where the kicker and the title go, between the site's name and the footer: the only part drawn for each card. */
const TITLE_BOX = {
  left: BAR + MARGIN.left,
  top: MARGIN.top + LOGO_SIZE,
  width: CARD_WIDTH - BAR - MARGIN.left - MARGIN.right,
  height: CARD_HEIGHT - MARGIN.top - LOGO_SIZE - MARGIN.bottom - FOOTER_HEIGHT,
};

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

/** What every card of a language shows: the bar, the site's name (with room for the logo, which sharp lays on it), the footer. */
function backgroundLayout(text: CardText, style: CardStyle): Node {
  const logo = style.logo && element("div", { width: LOGO_SIZE, height: LOGO_SIZE, marginRight: 28, flexShrink: 0 });
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
          element("div", { display: "flex", alignItems: "center", height: LOGO_SIZE, fontSize: 34, fontWeight: 700 }, [
            ...(logo ? [logo] : []),
            element("div", {}, text.site),
          ]),
          element("div", { flexGrow: 1 }),
          element(
            "div",
            {
              display: "flex",
              justifyContent: "space-between",
              height: FOOTER_HEIGHT - FOOTER_RULE - FOOTER_SPACE,
              fontSize: 26,
              color: COLOURS.muted,
              borderTop: `${FOOTER_RULE}px solid ${COLOURS.rule}`,
              paddingTop: FOOTER_SPACE,
            },
            [element("div", {}, text.host), element("div", {}, text.language)],
          ),
        ],
      ),
    ],
  );
}

/** A card's own part, the size of `TITLE_BOX`, on the card's ground: the kicker and the title, centred in height. */
function titleLayout(text: CardText): Node {
  const size = titleSize(text.title);
  return element(
    "div",
    {
      width: TITLE_BOX.width,
      height: TITLE_BOX.height,
      display: "flex",
      flexDirection: "column",
      justifyContent: "center",
      background: COLOURS.background,
      color: COLOURS.text,
    },
    [
      ...(text.kicker
        ? [element("div", { fontSize: 26, fontWeight: 700, color: COLOURS.muted, marginBottom: 16 }, text.kicker)]
        : []),
      element("div", { display: "block", fontSize: size, fontWeight: 700, lineHeight: 1.18, lineClamp: 4 }, text.title),
    ],
  );
}

/** Pixels as sharp hands them over raw, without alpha: the card is opaque. */
interface Pixels {
  data: Buffer;
  info: OutputInfo;
}

/**
 * Draws a build's cards: satori draws the text as paths in an SVG, sharp (librsvg) renders it. What the cards of a
 * language share is drawn once; each card draws only its title, on the card's own ground, and its pixels are copied
 * into the shared ones (a whole card took some 25 ms, and sharp's compositing alone 10 ms: it blends every pixel).
 */
export class CardPainter {
  private readonly backgrounds = new Map<string, Promise<Pixels>>();

  constructor(
    private readonly style: CardStyle,
    private readonly fonts: Fonts,
  ) {}

  async draw(text: CardText): Promise<Buffer> {
    const [background, title] = await Promise.all([this.background(text), this.pixels(titleLayout(text), TITLE_BOX)]);
    const { width, height, channels } = background.info;
    const card = Buffer.from(background.data);
    const row = title.info.width * channels;
    for (let y = 0; y < title.info.height; y++)
      title.data.copy(card, ((TITLE_BOX.top + y) * width + TITLE_BOX.left) * channels, y * row, (y + 1) * row);
    return (await loadSharp())(card, { raw: { width, height, channels } }).png({ compressionLevel: 6 }).toBuffer();
  }

  private background(text: CardText): Promise<Pixels> {
    const key = JSON.stringify([text.site, text.host, text.language]);
    let drawn = this.backgrounds.get(key);
    if (!drawn) {
      drawn = this.svg(backgroundLayout(text, this.style), { width: CARD_WIDTH, height: CARD_HEIGHT }).then(
        async (svg) => {
          const sharp = await loadSharp();
          const { logo } = this.style;
          const onTop = logo ? [{ input: logo, left: BAR + MARGIN.left, top: MARGIN.top }] : [];
          // In two steps: sharp would drop the alpha before laying the logo on.
          const drawn = await sharp(svg).composite(onTop).png().toBuffer();
          return sharp(drawn).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        },
      );
      this.backgrounds.set(key, drawn);
    }
    return drawn;
  }

  private async pixels(layout: Node, size: { width: number; height: number }): Promise<Pixels> {
    const pixels = await (
      await loadSharp()
    )(await this.svg(layout, size))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (pixels.info.width !== size.width || pixels.info.height !== size.height)
      throw new Error(
        `a card's title was drawn ${pixels.info.width}×${pixels.info.height}, not ${size.width}×${size.height}`,
      );
    return pixels;
  }

  private async svg(layout: Node, size: { width: number; height: number }): Promise<Buffer> {
    return Buffer.from(await satori(layout as Parameters<typeof satori>[0], { ...size, fonts: this.fonts }));
  }
}
