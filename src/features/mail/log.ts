// The send log (_data/mail-log.yaml), committed with the content: which release or digest went to which address, when, with which message id.
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import YAML from "yaml";

export const LOG_FILE = "_data/mail-log.yaml";

const entrySchema = z.strictObject({
  kind: z.enum(["release", "digest"]),
  /** A release's translationKey; for a digest, the posts' keys are in `posts`. */
  key: z.string().optional(),
  lang: z.string(),
  to: z.string(),
  at: z.string(),
  messageId: z.string(),
  /** A digest's window: the posts published after `since`, up to `at`. */
  since: z.string().optional(),
  posts: z.array(z.string()).optional(),
});
export type SentEntry = z.output<typeof entrySchema>;

const HEADER = `# Written by npm run mail: every message sent, one entry each. Commit it with the content: a second run\n# sends nothing that is listed here (unless --force). Do not edit it by hand.\n`;

export class SendLog {
  private constructor(
    private readonly file: string,
    readonly entries: SentEntry[],
  ) {}

  static async open(root: string): Promise<SendLog> {
    const file = path.join(root, LOG_FILE);
    if (!existsSync(file)) return new SendLog(file, []);
    const parsed = z
      .array(entrySchema)
      .nullable()
      .safeParse(YAML.parse(await readFile(file, "utf8")));
    if (!parsed.success)
      throw new Error(
        `${LOG_FILE}: not a send log npm run mail can read (${parsed.error.issues[0]?.message}); restore it from git`,
      );
    return new SendLog(file, parsed.data ?? []);
  }

  /** Whether `kind` of `key` in `lang` already went to `to`. */
  sent(kind: SentEntry["kind"], key: string, lang: string, to: string): boolean {
    return this.entries.some(
      (e) => e.kind === kind && e.key === key && e.lang === lang && e.to.toLowerCase() === to.toLowerCase(),
    );
  }

  /** The newest digest sent to the list `to`. */
  lastDigest(lang: string, to: string): SentEntry | undefined {
    return this.entries
      .filter((e) => e.kind === "digest" && e.lang === lang && e.to === to)
      .sort((a, b) => DateTime.fromISO(b.at).toMillis() - DateTime.fromISO(a.at).toMillis())[0];
  }

  /** Records one message, at once and atomically: a send interrupted later still has this one in the log. */
  async record(entry: SentEntry): Promise<void> {
    this.entries.push(entry);
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, HEADER + YAML.stringify(this.entries));
    await rename(temporary, this.file);
  }
}
