// The short summary `npm run build` prints: what the build wrote, what it reused, what it warned about, how long it took.
import { type Message, msg, plural } from "../i18n/message.ts";
import type { WrittenFile } from "../output/writer.ts";

export interface BuildSummary {
  pages: number;
  feeds: number;
  pressKits: number;
  calendars: number;
  warnings: number;
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
    reused: count((file) => file.reused),
    made: count((file) => file.made),
    files: files.length,
  };
}

export function formatSummary(outputDir: string, summary: BuildSummary): Message {
  const { pages, feeds, pressKits, calendars, warnings, made, files, reused } = summary;
  return msg`built ${outputDir} in ${summary.seconds.toFixed(1)} s: ${plural(pages, msg`${pages} page`, msg`${pages} pages`)}, ${plural(feeds, msg`${feeds} feed`, msg`${feeds} feeds`)}, ${plural(pressKits, msg`${pressKits} press kit`, msg`${pressKits} press kits`)}, ${plural(calendars, msg`${calendars} calendar`, msg`${calendars} calendars`)}, ${plural(warnings, msg`${warnings} warning`, msg`${warnings} warnings`)}; ${made} of ${files} files re-made, ${files - made} reused unchanged (${files - reused} written, ${reused} linked from the previous release)`;
}
