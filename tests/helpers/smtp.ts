// An SMTP server in the test process (smtp-server, from nodemailer's authors) that keeps what it receives, parsed by mailparser.
import type { AddressInfo } from "node:net";
import { buffer } from "node:stream/consumers";
import { SMTPServer } from "smtp-server";
import { type ParsedMail, simpleParser } from "mailparser";

export interface Received {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  mail: ParsedMail;
  raw: Buffer;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  /** Recipients refused once each (550), as a mailbox that is full or a server that fails for one address. */
  refuseOnce: Set<string>;
  /** The environment `npm run mail` reads to reach it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const refuseOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseOnce.delete(address.address)) {
        const error = Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      buffer(stream)
        .then(async (raw) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            mail: await simpleParser(raw),
            raw,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuseOnce,
    env: { TRACT_SMTP_HOST: "127.0.0.1", TRACT_SMTP_PORT: String(port), TRACT_SMTP_SECURITY: "none" },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
