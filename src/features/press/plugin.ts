// Eleventy plugin: the press room's filters, and its files (cards, PDFs, kits, pictures) written beside the pages.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import type { SiteModel } from "../../core/model/site-model.ts";
import type { Post } from "../../core/model/types.ts";
import { modelOfCurrentBuild } from "../../core/model/plugin.ts";
import { modelFrom } from "../../core/i18n/plugin.ts";
import { datelineOf } from "./room.ts";

/** A file size for readers, in decimal units of their locale: "1,2 Mo", "1.2 MB", "350 kB", "250 bytes". */
export function formatFileSize(bytes: number, locale: string): string {
  const [unit, value] = bytes >= 1e6 ? ["megabyte", bytes / 1e6] : bytes >= 1e3 ? ["kilobyte", bytes / 1e3] : ["byte", bytes];
  // Bytes in full: the short form is "byte" whatever the number in English.
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" ? "long" : "short", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

async function writePressFiles(model: SiteModel, outputDir: string): Promise<void> {
  const files = new Map(Object.values(model.sections).flatMap((section) => [...(section.press?.files ?? [])]));
  for (const [url, data] of files) {
    const target = path.join(outputDir, decodeURI(url));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}

export default function pressPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("fileSize", function (bytes: number, lang: string) {
    return formatFileSize(bytes, modelFrom(this).section(lang).language.locale);
  });
  eleventyConfig.addFilter("dateline", function (post: Post) {
    const model = modelFrom(this);
    return datelineOf(post, model.section(post.lang), model.site.timezone);
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => writePressFiles(await modelOfCurrentBuild(), directories.output));
}
