// `npm run mail` in a copy of the project, against an SMTP server in the test process; what it receives is read with mailparser.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { simpleParser, type ParsedMail } from "mailparser";
import YAML from "yaml";
import { copyProject, runScript, tempDir } from "../helpers/project.ts";
import { flatten, pdfText } from "../helpers/press.ts";
import { type TestSmtp, startSmtp } from "../helpers/smtp.ts";

const FR_RELEASE = "posts/fr/communique-contre-sommet.md";
const EN_RELEASE = "posts/en/press-release-counter-summit.md";
const BEFORE = "2025-02-06T18:00+01:00";
const AFTER = "2025-02-07T09:00+01:00";
// The core formats the time (issue #16 may write it "9 h 00"): the test takes either form.
const FR_NOTICE = /^SOUS EMBARGO JUSQU['’]AU 7 février 2025 à 9\sh \(heure de Paris\)/;
const EN_NOTICE = /EMBARGOED UNTIL/;
const [ALEX, DOMINIQUE, ROBIN] = [
  "alex.exemple@example.org",
  "dominique.exemple@example.org",
  "robin.example@example.org",
];

let root: string;
let smtp: TestSmtp;
const mail = (args: string[], now: string, env: Record<string, string> = smtp.env) =>
  runScript(root, "src/cli/mail.ts", args, { ...env, TRACT_NOW: now });
const sentLog = async () =>
  (YAML.parse(await readFile(path.join(root, "_data/mail-log.yaml"), "utf8")) ?? []) as Record<string, unknown>[];
const newSince = (count: number) => smtp.received.slice(count);

/** Every block of the HTML part (paragraphs, list items, headings) is in the text part, links aside. */
function expectPartsAgree(message: ParsedMail): void {
  const $ = cheerio.load(String(message.html).replace(/<br\s*\/?>/g, " "));
  const blocks = $("p, li, h1, h2")
    .toArray()
    .map((element) => flatten($(element).text()).trim())
    .filter(Boolean);
  expect(blocks.length).toBeGreaterThan(5);
  const text = flatten(String(message.text).replace(/\s*\[(https?|mailto|tel):[^\]]*\]/g, ""));
  for (const block of blocks) expect(text, block).toContain(block);
}

beforeAll(async () => {
  root = await copyProject();
  smtp = await startSmtp();
}, 60_000);
afterAll(() => smtp?.close());

describe("a press release sent before its embargo", () => {
  let first: ParsedMail;

  it("goes to each journalist of its language in a message of their own; one refused is named, the others get it", async () => {
    smtp.refuseOnce.add(DOMINIQUE);
    const result = await mail(["release", FR_RELEASE], BEFORE);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`NOT sent to ${DOMINIQUE}`);
    expect(result.stderr).toContain("run the same command again");
    expect(result.stdout).toContain(`sent: ${ALEX}`);
    expect(smtp.received.map((message) => message.to)).toEqual([[ALEX]]);
    first = smtp.received[0]!.mail;
    expect((first.to as { value: { address: string }[] }).value.map((to) => to.address)).toEqual([ALEX]);
    expect(await sentLog()).toEqual([
      expect.objectContaining({
        kind: "release",
        key: "communique-contre-sommet",
        lang: "fr",
        to: ALEX,
        messageId: first.messageId,
      }),
    ]);
  });

  it("carries the embargo notice in its subject, its first line, its HTML and its PDF", async () => {
    expect(first.subject).toMatch(FR_NOTICE);
    expect(first.subject).toContain("Contre-sommet de l’IA le 8 février à Paris");
    expect(String(first.text).split("\n")[0]).toMatch(FR_NOTICE);
    expect(cheerio.load(String(first.html))("body > p").first().text()).toMatch(FR_NOTICE);
    expect(cheerio.load(String(first.html))("html").attr("lang")).toBe("fr");
    const [pdf] = first.attachments;
    expect(pdf).toMatchObject({ contentType: "application/pdf", filename: "communique-contre-sommet.pdf" });
    const read = await pdfText(pdf!.content);
    expect(flatten(read.text).trim()).toMatch(/^Contre l’IA et son monde SOUS EMBARGO JUSQU/);
    expect(flatten(read.text)).toMatch(new RegExp(FR_NOTICE.source.slice(1)));
    expect(read.text).toContain("Fin du communiqué");
  });

  it("has an HTML part and a text part that say the same", () => {
    expectPartsAgree(first);
    expect(first.text).toContain("porte-parole@example.org");
    expect(first.html).toContain('href="https://tract.example.org/fr/presse/"');
  });

  it("goes, run again, only to the journalist it failed for", async () => {
    const count = smtp.received.length;
    const result = await mail(["release", FR_RELEASE], BEFORE);
    expect(result.code, result.stderr).toBe(0);
    expect(newSince(count).map((message) => message.to)).toEqual([[DOMINIQUE]]);
    expect(result.stdout).toContain(`already sent to ${ALEX}`);
    expect((await sentLog()).map((entry) => entry.to)).toEqual([ALEX, DOMINIQUE]);
  });

  it("sends nothing the third time, and everything again with --force", async () => {
    const count = smtp.received.length;
    const again = await mail(["release", FR_RELEASE], BEFORE);
    expect(again.code, again.stderr).toBe(0);
    expect(newSince(count)).toEqual([]);
    expect(again.stdout).toContain(`already sent to ${ALEX}, ${DOMINIQUE}`);
    const forced = await mail(["release", FR_RELEASE, "--force"], BEFORE);
    expect(forced.code, forced.stderr).toBe(0);
    expect(newSince(count).map((message) => message.to)).toEqual([[ALEX], [DOMINIQUE]]);
  });
});

describe("a press release sent at or after its embargo", () => {
  it("carries no embargo notice, anywhere", async () => {
    const count = smtp.received.length;
    const result = await mail(["release", EN_RELEASE], AFTER);
    expect(result.code, result.stderr).toBe(0);
    const [message] = newSince(count);
    expect(message?.to).toEqual([ROBIN]);
    const { subject, text, html, attachments } = message!.mail;
    expect(subject).toBe(
      "Press release: AI counter-summit in Paris on 8 February: other voices before the official summit",
    );
    expect(String(text).split("\n")[0]).toMatch(/^AI counter-summit in Paris on 8 February/);
    for (const part of [subject, text, html, (await pdfText(attachments[0]!.content)).text])
      expect(part).not.toMatch(EN_NOTICE);
    expectPartsAgree(message!.mail);
  });

  it("carries the English notice before it", async () => {
    const count = smtp.received.length;
    const result = await mail(["release", EN_RELEASE, "--force"], BEFORE);
    expect(result.code, result.stderr).toBe(0);
    const { subject, text, attachments } = newSince(count)[0]!.mail;
    expect(subject).toMatch(/^EMBARGOED UNTIL 7 February 2025, (9:00|09:00)( am)? \(Paris time\) — AI counter-summit/);
    expect(String(text).split("\n")[0]).toMatch(/^EMBARGOED UNTIL 7 February 2025/);
    expect(flatten((await pdfText(attachments[0]!.content)).text)).toMatch(/EMBARGOED UNTIL 7 February 2025/);
  });
});

describe("the digest to supporters", () => {
  it("needs to know from when the first time", async () => {
    const result = await mail(["digest", "--lang", "fr"], "2025-02-08T10:00+01:00");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--since 2025-01-01");
  });

  it("goes to the list with List-* headers, the new posts, and the site's feed and subscribe page", async () => {
    const count = smtp.received.length;
    const result = await mail(["digest", "--lang", "fr", "--since", "2025-02-04"], "2025-02-08T10:00+01:00");
    expect(result.code, result.stderr).toBe(0);
    const [message] = newSince(count);
    expect(message?.to).toEqual(["soutiens@lists.example.org"]);
    const digest = message!.mail;
    const headers = message!.raw
      .toString("utf8")
      .split("\r\n\r\n")[0]!
      .replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-ID: .* <soutiens\.lists\.example\.org>$/m);
    expect(headers).toContain("List-Unsubscribe: <mailto:sympa@lists.example.org?subject=unsubscribe%20soutiens>");
    expect(headers).toContain("List-Subscribe: <mailto:sympa@lists.example.org?subject=subscribe%20soutiens>");
    expect(digest.text).toContain("https://tract.example.org/fr/communique-contre-sommet/");
    expect(digest.text).toContain("https://tract.example.org/fr/brochure-synthese-critiques-ia/");
    expect(digest.text).not.toContain("ia-retour-du-charbon");
    expect(digest.html).toContain('href="https://tract.example.org/fr/feed.xml"');
    expect(digest.html).toContain('href="https://tract.example.org/fr/s-abonner/"');
    expectPartsAgree(digest);
    const [entry] = (await sentLog()).filter((logged) => logged.kind === "digest");
    expect(entry).toMatchObject({ to: "soutiens@lists.example.org", messageId: digest.messageId });
  });

  it("sends nothing when nothing was published since the last one", async () => {
    const count = smtp.received.length;
    const result = await mail(["digest", "--lang", "fr"], "2025-02-08T11:00+01:00");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing new in "fr"');
    expect(newSince(count)).toEqual([]);
  });
});

describe("a dry run", () => {
  it("writes the messages as .eml files, sends nothing, needs no SMTP server and leaves the log as it was", async () => {
    const out = await tempDir("tract-mail-");
    const log = await sentLog();
    const count = smtp.received.length;
    const result = await mail(["release", FR_RELEASE, "--dry-run", "--force", "--out", out], BEFORE, {});
    expect(result.code, result.stderr).toBe(0);
    expect(newSince(count)).toEqual([]);
    expect(await sentLog()).toEqual(log);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(["fr-communique-contre-sommet-1.eml", "fr-communique-contre-sommet-2.eml"]);
    const written = await simpleParser(await readFile(path.join(out, files[0]!)));
    expect(written.subject).toMatch(FR_NOTICE);
    expect(written.attachments).toHaveLength(1);
  });

  it("refuses to send without an SMTP server, saying which variable to set", async () => {
    const result = await mail(["release", FR_RELEASE, "--force"], BEFORE, {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("TRACT_SMTP_HOST is not set");
  });
});
