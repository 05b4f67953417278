// The command-line tools' clock: TRACT_NOW read in the site's time zone, or one line saying what is wrong and exit 1.
import type { DateTime } from "luxon";
import { siteTimeZone } from "../core/content/data-files.ts";
import { buildClock } from "../core/dates/parse.ts";

export async function clockOrExit(root: string, env: NodeJS.ProcessEnv = process.env): Promise<DateTime> {
  const zone = await siteTimeZone(root);
  try {
    return buildClock(zone, env);
  } catch (error) {
    console.error(`[tract] ${(error as Error).message}`);
    process.exit(1);
  }
}
