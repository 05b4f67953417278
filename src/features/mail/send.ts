// Sends a batch of messages one by one, recording each in the send log as soon as it is accepted; a failure stops no other message.
import type { DateTime } from "luxon";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { SendLog, SentEntry } from "./log.ts";
import type { Sender } from "./transport.ts";

export interface Delivery {
  to: string;
  message: Mail.Options;
  /** What the log records of it, besides when and its message id. */
  entry: Omit<SentEntry, "at" | "messageId">;
  /** The .eml file's name in a dry run. */
  fileName: string;
}

export interface DeliveryReport {
  /** Where the messages went: "sent", or the dry run's folder. */
  done: string;
  delivered: string[];
  /** Already in the log: not sent again. */
  skipped: string[];
  failed: { to: string; reason: string }[];
}

/** `log` is absent in a dry run: the messages are written to files and nothing is recorded. */
export async function deliver(
  deliveries: Delivery[],
  skipped: string[],
  sender: Sender,
  log: SendLog | undefined,
  now: DateTime,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { done: sender.done, delivered: [], skipped, failed: [] };
  try {
    for (const delivery of deliveries) {
      let messageId: string;
      try {
        messageId = await sender.send({ ...delivery.message, date: now.toJSDate() }, delivery.fileName);
      } catch (error) {
        report.failed.push({ to: delivery.to, reason: (error as Error).message.split("\n")[0] ?? String(error) });
        continue;
      }
      report.delivered.push(delivery.to);
      // A log that cannot be written stops the run: going on would send messages a rerun could not know about.
      await log?.record({ ...delivery.entry, at: now.toISO({ suppressMilliseconds: true }) ?? "", messageId });
    }
  } finally {
    sender.close();
  }
  return report;
}
