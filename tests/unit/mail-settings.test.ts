// The SMTP settings `npm run mail` takes from the environment: TLS by default, a clear error for each variable, passwords never sent in clear.
import { describe, expect, it } from "vitest";
import { MailSettingsError, smtpOptions } from "../../src/features/mail/transport.ts";

describe("SMTP settings", () => {
  it("require STARTTLS on the submission port, and TLS from the start on port 465", () => {
    expect(smtpOptions({ TRACT_SMTP_HOST: "smtp.example.org" })).toMatchObject({
      host: "smtp.example.org",
      port: 587,
      secure: false,
      requireTLS: true,
    });
    expect(smtpOptions({ TRACT_SMTP_HOST: "smtp.example.org", TRACT_SMTP_PORT: "465" })).toMatchObject({
      secure: true,
      requireTLS: false,
    });
  });

  it("log in with the user and password of the environment", () => {
    const options = smtpOptions({
      TRACT_SMTP_HOST: "smtp.example.org",
      TRACT_SMTP_USER: "presse",
      TRACT_SMTP_PASSWORD: "s3cret",
    });
    expect(options).toMatchObject({ auth: { user: "presse", pass: "s3cret" } });
  });

  it("refuse what is missing or wrong, naming the variable", () => {
    const error = (env: Record<string, string>) => {
      try {
        smtpOptions(env);
      } catch (caught) {
        expect(caught).toBeInstanceOf(MailSettingsError);
        return (caught as Error).message;
      }
      throw new Error("no error");
    };
    expect(error({})).toMatch(/^TRACT_SMTP_HOST is not set/);
    expect(error({ TRACT_SMTP_HOST: "smtp.example.org", TRACT_SMTP_PORT: "smtp" })).toMatch(
      /^TRACT_SMTP_PORT: "smtp" is not a port/,
    );
    expect(error({ TRACT_SMTP_HOST: "smtp.example.org", TRACT_SMTP_USER: "presse" })).toMatch(
      /^TRACT_SMTP_PASSWORD is not set/,
    );
    expect(error({ TRACT_SMTP_HOST: "smtp.example.org", TRACT_SMTP_SECURITY: "ssl" })).toMatch(
      /is not starttls, tls or none/,
    );
  });

  it("send in clear only to this machine", () => {
    expect(smtpOptions({ TRACT_SMTP_HOST: "127.0.0.1", TRACT_SMTP_SECURITY: "none" })).toMatchObject({
      ignoreTLS: true,
    });
    expect(() => smtpOptions({ TRACT_SMTP_HOST: "smtp.example.org", TRACT_SMTP_SECURITY: "none" })).toThrow(
      /in clear: only to this machine/,
    );
  });
});
