// Social cards drawn without a browser: 1200×630, French accents drawn, long titles wrapped inside the card and cut with an ellipsis, the footer kept.
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { readFile } from "node:fs/promises";
import { CardPainter, type CardStyle, type CardText, cardFonts, cardLogo } from "../../src/features/pictures/card.ts";

const fonts = cardFonts();
const style = { accent: "#9b1c1c" };
const renderCard = async (text: CardText, style: CardStyle) => new CardPainter(style, await fonts).draw(text);
const text = (title: string): CardText => ({
  title,
  site: "Contre l’IA et son monde",
  host: "tract.example.org",
  language: "Français",
});

/** The rows and columns where the card has ink (pixels darker than its light background), within a region. */
async function ink(png: Buffer, region: { left: number; top: number; width: number; height: number }) {
  const { data, info } = await sharp(png).extract(region).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rows: number[] = [];
  const columns: number[] = [];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++)
      if (data[y * info.width + x]! < 128) {
        rows.push(y);
        columns.push(x);
      }
  return { top: Math.min(...rows), bottom: Math.max(...rows), right: Math.max(...columns), count: rows.length };
}

/** The title's band: between the site's name and the footer's rule, right of the accent bar. */
const TITLE = { left: 60, top: 160, width: 1140, height: 360 };

describe("a social card", () => {
  it("is a 1200×630 PNG with the site's colour and logo", async () => {
    const logo = await cardLogo(await readFile("assets/press/logo.svg"), 512);
    const png = await renderCard(text("Un titre"), { ...style, logo });
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
    const colour = async (left: number, top: number) => {
      const { data } = await sharp(png)
        .extract({ left, top, width: 1, height: 1 })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return `#${[...data].map((value) => value.toString(16).padStart(2, "0")).join("")}`;
    };
    expect(await colour(10, 300)).toBe("#9b1c1c");
    // The logo's red square, left of the site's name, and its white T.
    expect(await colour(100, 100)).toBe("#9b1c1c");
    expect(await colour(135, 86)).toBe("#ffffff");
  });

  it("draws French accents: É reaches higher than E", async () => {
    const plain = await ink(await renderCard(text("EEEE"), style), TITLE);
    const accented = await ink(await renderCard(text("ÉÉÉÉ"), style), TITLE);
    expect(accented.top).toBeLessThan(plain.top - 5);
    expect(accented.bottom).toBe(plain.bottom);
  });

  it("wraps a long title inside its margins, on at most four lines, and keeps the footer", async () => {
    const long = "Contre-sommet de l’IA\u202F: pourquoi et comment résister à la dictature algorithmique, ".repeat(4);
    const png = await renderCard(text(long), style);
    const title = await ink(png, TITLE);
    const oneLine = await ink(await renderCard(text("Contre-sommet"), style), TITLE);
    expect(title.right).toBeLessThan(1140 - 60);
    expect(title.bottom - title.top).toBeGreaterThan(3 * (oneLine.bottom - oneLine.top));
    expect(title.bottom).toBeLessThan(TITLE.height);
    const footer = await ink(png, { left: 60, top: 540, width: 1080, height: 60 });
    expect(footer.count).toBeGreaterThan(100);
    // The footer's rule, under the title's band, across the card.
    const { data } = await sharp(png)
      .extract({ left: 600, top: TITLE.top + TITLE.height, width: 1, height: 630 - TITLE.top - TITLE.height })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const column = [...Array(data.length / 3).keys()].map((y) => [...data.subarray(y * 3, y * 3 + 3)].join(","));
    expect(column).toContain("214,211,200");
  });
});
