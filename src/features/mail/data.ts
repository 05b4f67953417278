// The mail feature's data (_data/mail.yaml): who sends, the press list (journalists and their language), each language's supporters' list.
import { z } from "zod";
import type { Problem } from "../../core/content/problems.ts";
import { quote } from "../../core/content/problems.ts";
import { readDataFile } from "../../core/content/data-files.ts";
import { expecting, text } from "../../core/content/schema.ts";
import type { BuildContext } from "../../core/context.ts";

export const MAIL_FILE = "_data/mail.yaml";

const address = (what: string) => z.email({ error: expecting(`${what}, e.g. name@example.org`, "an e-mail address") });
/** A list server's address for an action: a web page or a mailto: line, as List-* headers carry them (RFC 2369). */
const listAction = (what: string) =>
  z
    .string({ error: expecting(`${what}: an https: or mailto: address`, "an address") })
    .regex(/^(https:\/\/|mailto:)\S+$/, {
      error: (issue) =>
        `${quote(issue.input)} is not an https: or mailto: address (expected ${what}, e.g. mailto:sympa@lists.example.org?subject=…)`,
    });

export function mailSchema(languages: string[]) {
  const language = z.enum(languages as [string, ...string[]], {
    error: (issue) => `${quote(issue.input)} is not a language of the site (expected one of ${languages.join(", ")})`,
  });
  return z.strictObject({
    from: z.strictObject({
      name: text("the sender's name, e.g. the collective's"),
      email: address("the sender's address"),
    }),
    replyTo: address("where replies go").optional(),
    press: z
      .array(
        z.strictObject({
          name: text("the journalist's name"),
          email: address("the journalist's address"),
          lang: language,
        }),
        {
          error: expecting("a list of journalists: - { name: …, email: …, lang: fr }", "a list"),
        },
      )
      .default([]),
    supporters: z
      .partialRecord(
        language,
        z.strictObject({
          address: address("the list's posting address"),
          id: text("the list's id for List-Id, e.g. soutiens.lists.example.org"),
          subscribe: listAction("how to subscribe"),
          unsubscribe: listAction("how to unsubscribe"),
        }),
        {
          error: expecting(
            "one list per language: fr: { address: …, id: …, subscribe: …, unsubscribe: … }",
            "lists by language",
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
        message: `${quote(journalist.email)} is already press.${first} (expected each journalist once)`,
        severity: "error",
      });
  });
  return data;
}
