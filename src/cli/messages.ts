// The command-line tools' voice: messages in the writer's language (--messages, TRACT_MESSAGES, the locale, then the site's default language).
import { siteLanguage } from "../core/content/data-files.ts";
import { messagesIn, writerLanguage } from "../core/i18n/catalogue.ts";
import type { Message, MessageRenderer } from "../core/i18n/message.ts";

/** The writer's messages for the project at `root`; `option` is the value of --messages. */
export async function writerMessages(root: string, option?: string): Promise<MessageRenderer & { lang: string }> {
  return messagesIn(writerLanguage(await siteLanguage(root), process.env, option));
}

/** Prints a message prefixed with [tract]: on stderr for problems, on stdout otherwise. */
export function say(renderer: MessageRenderer, message: Message, stream: "out" | "error" = "out"): void {
  (stream === "error" ? console.error : console.log)(`[tract] ${renderer.render(message)}`);
}
