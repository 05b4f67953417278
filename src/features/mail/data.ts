// The mail feature's data (_data/mail.yaml): who sends, the press list (journalists and their language), each language's supporters' list.
import { z } from "zod";
import type { Problem } from "../../core/content/problems.ts";
import { quote } from "../../core/content/problems.ts";
import { readDataFile } from "../../core/content/data-files.ts";
import { expecting, saysOf, text } from "../../core/content/schema.ts";
import { type Message, msg } from "../../core/i18n/message.ts";
import type { BuildContext } from "../../core/context.ts";

export const MAIL_FILE = "_data/mail.yaml";

const address = (what: Message) =>
  z.email({ error: expecting(msg`${what}, e.g. name@example.org`, msg`an e-mail address`) });
/** A list server's address for an action: a web page or a mailto: line, as List-* headers carry them (RFC 2369). */
const listAction = (what: Message) =>
  z.string({ error: expecting(msg`${what}: an https: or mailto: address`, msg`an address`) }).regex(
    /^(https:\/\/|mailto:)\S+$/,
    saysOf(
      (input) =>
        msg`${quote(input)} is not an https: or mailto: address (expected ${what}, e.g. mailto:sympa@lists.example.org?subject=…)`,
    ),
  );

export function mailSchema(languages: string[]) {
  const language = z.enum(
    languages as [string, ...string[]],
    saysOf((input) => msg`${quote(input)} is not a language of the site (expected one of ${languages.join(", ")})`),
  );
  return z.strictObject({
    from: z.strictObject({
      name: text(msg`the sender's name, e.g. the collective's`),
      email: address(msg`the sender's address`),
    }),
    replyTo: address(msg`where replies go`).optional(),
    press: z
      .array(
        z.strictObject({
          name: text(msg`the journalist's name`),
          email: address(msg`the journalist's address`),
          lang: language,
        }),
        {
          error: expecting(msg`a list of journalists: - { name: …, email: …, lang: fr }`, msg`a list`),
        },
      )
      .default([]),
    supporters: z
      .partialRecord(
        language,
        z.strictObject({
          address: address(msg`the list's posting address`),
          id: text(msg`the list's id for List-Id, e.g. soutiens.lists.example.org`),
          subscribe: listAction(msg`how to subscribe`),
          unsubscribe: listAction(msg`how to unsubscribe`),
        }),
        {
          error: expecting(
            msg`one list per language: fr: { address: …, id: …, subscribe: …, unsubscribe: … }`,
            msg`lists by language`,
          ),
        },
      )
      .default({}),
  });
}

export type MailData = z.output<ReturnType<typeof mailSchema>>;

/** The mail data when the site has it; two journalists with one address would get every release twice. */
export async function loadMail(
  context: BuildContext,
  languages: string[],
  problems: Problem[],
): Promise<MailData | undefined> {
  const data = await readDataFile(context.root, MAIL_FILE, mailSchema(languages), problems, { optional: true });
  data?.press.forEach((journalist, index) => {
    const first = data.press.findIndex((other) => other.email.toLowerCase() === journalist.email.toLowerCase());
    if (first !== index)
      problems.push({
        file: MAIL_FILE,
        field: `press.${index}.email`,
        message: msg`${quote(journalist.email)} is already press #${first + 1} (expected each journalist once)`,
        severity: "error",
      });
  });
  return data;
}
