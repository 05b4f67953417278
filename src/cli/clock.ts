// The command-line tools' clock: TRACT_NOW read in the site's time zone, or one line saying what is wrong and exit 1.
import type { DateTime } from "luxon";
import { siteTimeZone } from "../core/content/data-files.ts";
import { BuildError } from "../core/content/problems.ts";
import { buildClock } from "../core/dates/parse.ts";
import type { MessageRenderer } from "../core/i18n/message.ts";
import { say } from "./messages.ts";

export async function clockOrExit(
  root: string,
  messages: MessageRenderer,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DateTime> {
  const zone = await siteTimeZone(root);
  try {
    return buildClock(zone, env);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    say(messages, error.text, "error");
    process.exit(1);
  }
}
