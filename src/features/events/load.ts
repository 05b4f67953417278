// Reads and validates the events: one YAML file per event in _data/events/, its file name being its id.
import { readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { readDataFile } from "../../core/content/data-files.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import { SLUG_SHAPE, type Language, type SiteConfig } from "../../core/content/schema.ts";
import type { EventData } from "./fields.ts";
import { msg } from "../../core/i18n/message.ts";
import { eventSchema } from "./schema.ts";

export const EVENTS_FOLDER = "_data/events";
const EVENT_FILE = /\.ya?ml$/;

export interface EventSource extends EventData {
  /** The file name without extension: the event's address and the stem of its calendar UIDs. Never change it once published. */
  id: string;
  /** Path from the project root, e.g. `_data/events/contre-sommet-2025.yaml`. */
  file: string;
}

export async function loadEvents(
  root: string,
  site: SiteConfig,
  languages: Language[],
  problems: Problem[],
): Promise<EventSource[]> {
  const folder = path.join(root, EVENTS_FOLDER);
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((name) => EVENT_FILE.test(name)).sort();
  const schema = eventSchema({ zone: site.timezone, languages: languages.map((l) => l.code) });
  const events: EventSource[] = [];
  const files = new Map<string, string>();
  for (const name of names) {
    const file = `${EVENTS_FOLDER}/${name}`;
    const id = name.replace(EVENT_FILE, "");
    if (!SLUG_SHAPE.test(id)) {
      problems.push({
        file,
        message: msg`the file name ${quote(id)} is not a slug (expected lowercase letters, digits and hyphens, e.g. contre-sommet-2025.yaml: it is the event's address)`,
        severity: "error",
      });
      continue;
    }
    const other = files.get(id);
    if (other) {
      problems.push({
        file,
        message: msg`gives the id ${quote(id)}, already given by ${other} (expected one file per event)`,
        severity: "error",
      });
      continue;
    }
    files.set(id, file);
    const data = await readDataFile(root, file, schema, problems);
    if (data) events.push({ ...data, id, file });
  }
  return events;
}
