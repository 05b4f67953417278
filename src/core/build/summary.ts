// The short summary `npm run build` prints: what the build wrote, what it warned about, how long it took.
import { readdir } from "node:fs/promises";
import path from "node:path";

export interface BuildSummary {
  pages: number;
  feeds: number;
  pressKits: number;
  calendars: number;
  warnings: number;
  precompressed: number;
  seconds: number;
}

const FEED_NAMES = new Set(["feed.xml", "rss.xml", "feed.json"]);
const COMPRESSED = /\.(gz|br)$/;

/** Counts the built outputs by kind: HTML pages, feeds, press kit ZIPs, iCalendar files, files with precompressed copies. */
export async function countOutputs(dir: string): Promise<Omit<BuildSummary, "warnings" | "seconds">> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const originals = files.filter((file) => !COMPRESSED.test(file));
  const count = (test: (name: string) => boolean) => originals.filter((file) => test(path.basename(file))).length;
  return {
    pages: count((name) => path.extname(name) === ".html"),
    feeds: count((name) => FEED_NAMES.has(name)),
    pressKits: count((name) => path.extname(name) === ".zip"),
    calendars: count((name) => path.extname(name) === ".ics"),
    precompressed: new Set(files.filter((file) => COMPRESSED.test(file)).map((file) => file.replace(COMPRESSED, ""))).size,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function formatSummary(outputDir: string, summary: BuildSummary): string {
  return (
    `[tract] built ${outputDir} in ${summary.seconds.toFixed(1)} s: ` +
    [plural(summary.pages, "page"), plural(summary.feeds, "feed"), plural(summary.pressKits, "press kit"), plural(summary.calendars, "calendar"), plural(summary.warnings, "warning")].join(", ") +
    `; ${summary.precompressed} files precompressed (gzip, brotli)`
  );
}
