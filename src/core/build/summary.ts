// The short summary `npm run build` prints: what the build wrote, what it reused, what it warned about, how long it took.
import { plural } from "../i18n/plural.ts";
import type { WrittenFile } from "../output/writer.ts";

export interface BuildSummary {
  pages: number;
  feeds: number;
  pressKits: number;
  calendars: number;
  warnings: number;
  /** Files with gzip and brotli copies. */
  precompressed: number;
  /** Files linked unchanged from the previous release rather than written. */
  reused: number;
  /** Outputs made at this build; the others were known unchanged from their inputs. */
  made: number;
  files: number;
  seconds: number;
}

const FEED_TYPES = new Set(["application/atom+xml", "application/rss+xml", "application/feed+json"]);

/** Counts the written files by kind, from the writer's record of them. */
export function countOutputs(files: readonly WrittenFile[]): Omit<BuildSummary, "warnings" | "seconds"> {
  const count = (test: (file: WrittenFile) => boolean) => files.filter(test).length;
  return {
    pages: count((file) => file.type === "text/html"),
    feeds: count((file) => FEED_TYPES.has(file.type)),
    pressKits: count((file) => file.type === "application/zip"),
    calendars: count((file) => file.type === "text/calendar"),
    precompressed: count((file) => Object.keys(file.sizes).length > 1),
    reused: count((file) => file.reused),
    made: count((file) => file.made),
    files: files.length,
  };
}

export function formatSummary(outputDir: string, summary: BuildSummary): string {
  return (
    `[tract] built ${outputDir} in ${summary.seconds.toFixed(1)} s: ` +
    [
      plural(summary.pages, "page"),
      plural(summary.feeds, "feed"),
      plural(summary.pressKits, "press kit"),
      plural(summary.calendars, "calendar"),
      plural(summary.warnings, "warning"),
    ].join(", ") +
    `; ${summary.made} of ${summary.files} files re-made, ${summary.files - summary.made} reused unchanged (${summary.files - summary.reused} written, ${summary.reused} linked from the previous release)`
  );
}
