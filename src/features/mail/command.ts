// `npm run mail`: a press release to the journalists of its language, or each language's digest of new posts to its supporters' list.
import path from "node:path";
import { DateTime } from "luxon";
import { projectPath } from "../../core/content/data-files.ts";
import { createContext } from "../../core/context.ts";
import type { Registry, SiteModel } from "../../core/contract.ts";
import { loadContent } from "../../core/content/load.ts";
import { ContentError } from "../../core/content/problems.ts";
import { buildSiteModel } from "../../core/model/site-model.ts";
import type { Post } from "../../core/model/types.ts";
import { digestMessage, embargoNotice, releaseMessage } from "./compose.ts";
import { MAIL_FILE, type MailData } from "./data.ts";
import { LOG_FILE, SendLog } from "./log.ts";
import { type Delivery, type DeliveryReport, deliver } from "./send.ts";
import { type Sender, fileSender, smtpSender } from "./transport.ts";

export interface MailOptions {
  root: string;
  /** The clock (TRACT_NOW or now): before a release's embargo, it goes out with the notice. */
  now: DateTime;
  registry: Registry;
  env: NodeJS.ProcessEnv;
  /** Write the messages as .eml files into this folder instead of sending them; the log is left as it is. */
  dryRun?: string | undefined;
  /** Send again what the log says was sent. */
  force: boolean;
}

/** A mistake in what was asked: one line saying what and how to fix it. */
export class MailError extends Error {}

/** The published model at `now`, from content already loaded. */
function modelAt(content: Awaited<ReturnType<typeof loadContent>>, options: MailOptions, now: DateTime): SiteModel {
  const context = createContext({ root: options.root, now, mode: "production" });
  const { model, problems } = buildSiteModel(content, options.registry, context);
  if (!model || problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);
  return model;
}

function mailData(model: SiteModel): MailData {
  const data = model.data("mail") as MailData | undefined;
  if (!data)
    throw new MailError(
      `${MAIL_FILE} is missing (expected the sender, the press list and the supporters' lists: see README, "E-mail")`,
    );
  return data;
}

async function sendAll(deliveries: Delivery[], skipped: string[], options: MailOptions): Promise<DeliveryReport> {
  const sender: Sender = options.dryRun ? fileSender(options.dryRun) : smtpSender(options.env);
  return deliver(
    deliveries,
    skipped,
    sender,
    options.dryRun ? undefined : await SendLog.open(options.root),
    options.now,
  );
}

/** Sends the press release of `file` (posts/<lang>/….md) to each journalist of its language who has not had it. */
export async function mailRelease(file: string, options: MailOptions): Promise<DeliveryReport> {
  const context = createContext({ root: options.root, now: options.now, mode: "production" });
  const content = await loadContent(context, options.registry);
  const wanted = projectPath(options.root, path.resolve(options.root, file));
  const source = content.posts.find((post) => post.file === wanted);
  if (!source)
    throw new MailError(`${file}: no such post (expected the file of a press release, e.g. posts/fr/communique.md)`);
  const makeDocument = options.registry.document(source.kind);
  if (!makeDocument)
    throw new MailError(
      `${file}: kind: "${source.kind}" is not sent by e-mail (expected a press release, kind: press-release)`,
    );
  if (source.draft)
    throw new MailError(`${file}: draft: true (expected a finished release: remove the draft line first)`);
  const embargoed = source.embargo !== undefined && source.embargo > options.now;
  // Before its embargo the release is composed from the site as it will be at that moment; the site itself still holds it back.
  const model = modelAt(content, options, embargoed ? (source.embargo as DateTime) : options.now);
  const edition = model.edition(source.lang);
  const post = edition.posts.find((candidate) => candidate.file === source.file) as Post;
  const data = mailData(model);
  const journalists = data.press.filter((journalist) => journalist.lang === source.lang);
  if (journalists.length === 0)
    throw new MailError(
      `${MAIL_FILE}: press: no journalist reads "${source.lang}" (expected at least one entry with lang: ${source.lang})`,
    );
  const notice = embargoed ? embargoNotice(source.embargo as DateTime, edition, model) : undefined;
  const document = await makeDocument(post, model, context, { notice });
  const log = await SendLog.open(options.root);
  const due = journalists.filter(
    (journalist) => options.force || !log.sent("release", post.translationKey, post.lang, journalist.email),
  );
  const deliveries = due.map((journalist, index) => ({
    to: journalist.email,
    message: releaseMessage(post, document, journalist, notice, data, model),
    entry: { kind: "release" as const, key: post.translationKey, lang: post.lang, to: journalist.email },
    fileName: `${post.lang}-${post.slug}-${index + 1}`,
  }));
  const skipped = journalists.filter((journalist) => !due.includes(journalist)).map((journalist) => journalist.email);
  return sendAll(deliveries, skipped, options);
}

/** When a post became public: its date, or the end of its embargo when that came later. */
function publishedAt(post: Post): DateTime {
  return post.embargo && post.embargo > post.date ? post.embargo : post.date;
}

/** Sends each language's digest (or `lang`'s) of the posts published since its list's last digest (or `since`, the first time). */
export async function mailDigest(
  lang: string | undefined,
  since: DateTime | undefined,
  options: MailOptions,
): Promise<DeliveryReport[]> {
  const context = createContext({ root: options.root, now: options.now, mode: "production" });
  const model = modelAt(await loadContent(context, options.registry), options, options.now);
  const data = mailData(model);
  const languages = lang ? [lang] : Object.keys(data.supporters);
  const log = await SendLog.open(options.root);
  const reports: DeliveryReport[] = [];
  for (const code of languages) {
    const list = data.supporters[code];
    if (!list)
      throw new MailError(
        `${MAIL_FILE}: supporters.${code}: missing (expected the "${code}" supporters' list: address, id, subscribe, unsubscribe)`,
      );
    const last = log.lastDigest(code, list.address);
    // Since the last digest (the one before it, with --force: the same posts again), or since --since.
    const from = options.force ? (last?.since ?? last?.at) : last?.at;
    const start = since ?? (from ? DateTime.fromISO(from, { zone: model.dates.zone }) : undefined);
    if (!start)
      throw new MailError(
        `no digest went to ${list.address} yet (${LOG_FILE}): say from when, e.g. --since 2025-01-01`,
      );
    const edition = model.edition(code);
    const posts = edition.posts.filter((post) => publishedAt(post) > start && publishedAt(post) <= options.now);
    if (posts.length === 0) {
      reports.push({
        done: `nothing new in "${code}" since ${start.toISO({ suppressMilliseconds: true })}`,
        delivered: [],
        skipped: [],
        failed: [],
      });
      continue;
    }
    const delivery: Delivery = {
      to: list.address,
      message: digestMessage(posts, start, list, edition, data, model),
      entry: {
        kind: "digest",
        lang: code,
        to: list.address,
        since: start.toISO({ suppressMilliseconds: true }) ?? "",
        posts: posts.map((post) => post.translationKey),
      },
      fileName: `${code}-digest`,
    };
    reports.push(await sendAll([delivery], [], options));
  }
  return reports;
}
