// Reads one YAML data file of the project and validates it against its schema; problems name the file, the field and the line.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { parseYaml } from "./front-matter.ts";
import type { Problem } from "./problems.ts";
import { zodProblems } from "./zod-problems.ts";
import { languagesSchema, siteSchema } from "./schema.ts";
import { msg } from "../i18n/message.ts";

/** The data files every site has. */
export const DATA_FILES = {
  site: "_data/site.yaml",
  languages: "_data/languages.yaml",
  strings: (lang: string) => `_data/strings/${lang}.yaml`,
};

/** Forward-slash path relative to the root, as messages and tools show it. */
export function projectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/**
 * The validated content of `file` (relative to `root`), or undefined with its problems reported. `allowedFields`
 * names the fields an unknown one is compared with; `optional` files may be absent.
 */
export async function readDataFile<T>(
  root: string,
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  options: { allowedFields?: string[]; optional?: boolean } = {},
): Promise<T | undefined> {
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) {
    if (!options.optional) problems.push({ file, message: msg`file is missing`, severity: "error" });
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    // A folder named like a data file (_data/events/x.yaml/), or one the build may not read.
    problems.push({
      file,
      message: msg`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}: expected a YAML file the build can read)`,
      severity: "error",
    });
    return undefined;
  }
  const parsed = parseYaml(text, 0, "any");
  if (parsed.syntaxError) {
    problems.push({
      file,
      line: parsed.syntaxError.line,
      message: msg`not valid YAML: ${parsed.syntaxError.message}`,
      severity: "error",
    });
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...zodProblems(file, result.error, parsed.lines, options.allowedFields, parsed.data));
    return undefined;
  }
  return result.data;
}

/** The site's time zone as _data/site.yaml sets it (the default when the file is unreadable: loading the content reports why). */
export async function siteTimeZone(root: string): Promise<string> {
  const site = await readDataFile(root, DATA_FILES.site, siteSchema, []);
  return (site ?? siteSchema.parse({ url: "https://example.org" })).timezone;
}

/** The site's default language (the first of _data/languages.yaml), for the writer's messages; undefined when unreadable. */
export async function siteLanguage(root: string): Promise<string | undefined> {
  return (await readDataFile(root, DATA_FILES.languages, languagesSchema, []))?.[0]?.code;
}
