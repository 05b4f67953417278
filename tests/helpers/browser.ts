// Test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser), and the built site served locally.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { startStaticServer, type RunningServer } from "../../src/server/static-server.ts";

/** Debian's Chromium, or CHROMIUM_PATH; a clear failure naming the package when neither exists. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter((p): p is string => Boolean(p));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`Chromium not found (looked at ${candidates.join(", ")}). Install Debian's package: sudo apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export function serveSite(root: string, headers?: Record<string, string>): Promise<RunningServer> {
  return startStaticServer({ root, headers });
}
