// Where messages go: an SMTP server given by the environment (never by the repository), or .eml files for a dry run.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";

/** What sends one message and says its Message-ID. */
export interface Sender {
  send(message: Mail.Options, fileName: string): Promise<string>;
  close(): void;
  /** How the report names where messages went: "sent", "written to _mail/". */
  readonly done: string;
}

export class MailSettingsError extends Error {}

const LOCAL = new Set(["localhost", "127.0.0.1", "::1"]);

/**
 * TRACT_SMTP_HOST, _PORT (587), _USER, _PASSWORD and _SECURITY: `starttls` (the default: the connection must turn to
 * TLS before the password is sent), `tls` (TLS from the start, the default on port 465) or `none` (only to this machine).
 */
export function smtpOptions(env: NodeJS.ProcessEnv) {
  const variable = (name: string) => env[`TRACT_SMTP_${name}`]?.trim() || undefined;
  const host = variable("HOST");
  if (!host)
    throw new MailSettingsError(
      "TRACT_SMTP_HOST is not set (expected your mail server's name, e.g. TRACT_SMTP_HOST=smtp.example.org, or --dry-run to write the messages to files)",
    );
  const port = Number(variable("PORT") ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new MailSettingsError(
      `TRACT_SMTP_PORT: "${variable("PORT")}" is not a port (expected a number such as 587 or 465)`,
    );
  const security = variable("SECURITY") ?? (port === 465 ? "tls" : "starttls");
  if (!["starttls", "tls", "none"].includes(security))
    throw new MailSettingsError(`TRACT_SMTP_SECURITY: "${security}" is not starttls, tls or none`);
  if (security === "none" && !LOCAL.has(host))
    throw new MailSettingsError(
      `TRACT_SMTP_SECURITY: none sends the password and the messages in clear: only to this machine (expected starttls or tls for ${host})`,
    );
  const user = variable("USER");
  const pass = env.TRACT_SMTP_PASSWORD;
  if (user && !pass)
    throw new MailSettingsError(
      "TRACT_SMTP_PASSWORD is not set (expected the password of TRACT_SMTP_USER, in the environment only)",
    );
  return {
    host,
    port,
    secure: security === "tls",
    requireTLS: security === "starttls",
    ignoreTLS: security === "none",
    ...(user ? { auth: { user, pass } } : {}),
  };
}

export function smtpSender(env: NodeJS.ProcessEnv): Sender {
  const transport = nodemailer.createTransport(smtpOptions(env));
  return {
    done: "sent",
    send: async (message) => (await transport.sendMail(message)).messageId,
    close: () => transport.close(),
  };
}

/** Writes each message as `dir/<fileName>.eml`, exactly as it would be sent, and sends nothing. */
export function fileSender(dir: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    done: `written to ${dir}/`,
    send: async (message, fileName) => {
      const info = await transport.sendMail(message);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${fileName}.eml`), info.message);
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
