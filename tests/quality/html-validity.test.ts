// Gate: every built page (and the CSS and SVG it uses) passes the Nu HTML Checker with zero errors.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import vnu from "vnu-jar";
import { listFiles } from "../helpers/site.ts";

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "java",
      [
        "-jar",
        vnu as unknown as string,
        "--errors-only",
        "--format",
        "json",
        "--also-check-css",
        "--also-check-svg",
        ...files,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(
            new Error(
              "java not found: the Nu HTML Checker needs Java. Install Debian's package: sudo apt-get install -y default-jre-headless",
            ),
          );
          return;
        }
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(new Error(`the Nu HTML Checker did not answer in JSON:\n${stderr}`));
        }
      },
    );
  });
}

describe("HTML validity (Nu HTML Checker)", () => {
  it("finds zero errors in every page, stylesheet and SVG", async () => {
    const siteDir = inject("siteDir");
    const files = (await listFiles(siteDir)).filter((file) => /\.(html|css|svg)$/.test(file));
    expect(files.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(30);
    const messages = await runVnu(files);
    const errors = messages.filter((m) => m.type === "error" || m.type === "non-document-error");
    const report = errors.map(
      (m) =>
        `${path.relative(siteDir, new URL(m.url).pathname)}:${m.lastLine ?? "?"}: ${m.message}${m.extract ? ` — ${m.extract.trim()}` : ""}`,
    );
    expect(report).toEqual([]);
  });
});
