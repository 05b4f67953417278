// The command-line tools' options: --help and --messages everywhere, an unknown option explained, and the `--` that npm needs before them.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Message, msg } from "../core/i18n/message.ts";
import { say, writerMessages } from "./messages.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The values of the options: booleans for flags, strings (or undefined) for the others. */
type Values<O extends Options> = {
  [K in keyof O]: O[K] extends { type: "boolean" }
    ? boolean
    : O[K] extends { default: string }
      ? string
      : string | undefined;
} & { messages?: string | undefined; help: boolean };

const COMMON = {
  help: { type: "boolean", default: false },
  messages: { type: "string" },
} as const;

/**
 * npm takes the options written after `npm run <script>` without `--` for its own: they reach the tool as
 * npm_config_<name> variables (and their values as loose words).
 */
export function optionsTakenByNpm(options: Options, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!env.npm_lifecycle_event) return [];
  return Object.keys(options).filter((name) => env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined);
}

/** What `npm run <script>` needs to pass options: the `--` before them. */
export function missingDashes(script: string, example: string): Message {
  return msg`npm kept the options for itself: write -- before them, e.g. npm run ${script} -- ${example}`;
}

/**
 * The tool's options, or the usage: printed for --help (exit 0), and after a message for an unknown option or
 * options npm kept for itself (exit 1).
 */
export async function optionsOrExit<O extends Options>(
  root: string,
  usage: Message,
  options: O,
  npm: { script: string; example: string },
  allowPositionals = false,
): Promise<{ values: Values<O>; positionals: string[] }> {
  const all = { ...options, ...COMMON };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ options: all, allowPositionals, strict: true });
  } catch (error) {
    const messages = await writerMessages(root);
    const code = (error as { code?: string }).code;
    const found = (error as Error).message.match(/'([^']+)'/)?.[1] ?? "";
    say(
      messages,
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? msg`${found} is not an option of npm run ${npm.script} (expected one of those below)`
        : code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
          ? msg`${quoteWord(found)} is not expected here (expected only the options below)`
          : msg`${(error as Error).message}`,
      "error",
    );
    console.error(messages.render(usage));
    process.exit(1);
  }
  const taken = optionsTakenByNpm(all);
  if (taken.length) {
    const messages = await writerMessages(root, parsed.values.messages as string | undefined);
    say(messages, missingDashes(npm.script, npm.example), "error");
    console.error(messages.render(usage));
    process.exit(1);
  }
  if (parsed.values.help) {
    console.log((await writerMessages(root, parsed.values.messages as string | undefined)).render(usage));
    process.exit(0);
  }
  return parsed as { values: Values<O>; positionals: string[] };
}

const quoteWord = (word: string) => JSON.stringify(word);
