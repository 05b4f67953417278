// Test helpers for pictures: a phone photo as writers drop it in a post (4000×3000, GPS, camera and author in EXIF), and what a page makes a browser fetch.
/// <reference lib="dom" />
import sharp from "sharp";
import type { Page } from "playwright-core";

export const PHOTO_GPS = { latitude: 48.8566, longitude: 2.3522 };

/**
 * A 4000×3000 JPEG with a photo's texture (blurred noise, so it compresses like a photo, not like a flat colour),
 * GPS position, camera, author and a wide-gamut colour profile, as phones leave them.
 */
export async function phonePhoto(): Promise<Buffer> {
  const texture = await sharp({
    create: {
      width: 1000,
      height: 750,
      channels: 3,
      background: "#000000",
      noise: { type: "gaussian", mean: 120, sigma: 50 },
    },
  })
    .blur(2)
    .png()
    .toBuffer();
  return sharp(texture)
    .resize(4000, 3000)
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Serial 0042", Artist: "Camille Dupont" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 8/1" },
    })
    .withIccProfile("p3")
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** One picture as the browser shows it: the file it chose, that file's pixel width, and the width it is drawn at. */
export interface ShownPicture {
  src: string;
  naturalWidth: number;
  /** In device pixels: CSS pixels × devicePixelRatio. */
  shownWidth: number;
}

/** Scrolls to the end, so that every lazily loaded picture is fetched, and waits until the network is idle. */
export async function loadWholePage(page: Page): Promise<void> {
  for (let step = 0; step < 20; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.innerHeight + window.scrollY >= document.body.scrollHeight;
    });
    await page.waitForTimeout(50);
    if (atEnd) break;
  }
  await page.waitForLoadState("networkidle");
}

export function shownPictures(page: Page): Promise<ShownPicture[]> {
  return page.evaluate(() =>
    Array.from(document.images)
      .filter((image) => image.complete && image.naturalWidth > 0 && !/\.svg$/.test(new URL(image.currentSrc).pathname))
      .map((image) => ({
        src: new URL(image.currentSrc).pathname,
        naturalWidth: image.naturalWidth,
        shownWidth: image.getBoundingClientRect().width * window.devicePixelRatio,
      })),
  );
}
