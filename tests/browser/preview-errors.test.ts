// The preview (`npm start`, Eleventy's dev server): a save that breaks the build shows the problems in the browser, in the writer's language, until it is fixed.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { freePort } from "../helpers/nginx.ts";
import { PROJECT_ROOT, copyProject } from "../helpers/project.ts";

const WAIT_MS = 60_000;
/** How long an edit may go unnoticed by the watcher (still scanning the project) before it is written again. */
const REWRITE_AFTER_MS = 10_000;

/** `npm start` in a copy of the project, on a free port; resolves with its address once it serves. */
function startPreview(root: string, port: number): { child: ChildProcess; url: Promise<string> } {
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const child = spawn(
    tsx,
    ["./node_modules/.bin/eleventy", "--config=eleventy.config.ts", "--serve", `--port=${port}`, "--output=_preview"],
    {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", TRACT_MESSAGES: "fr" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const output: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start:\n${output.join("\n")}`)), WAIT_MS);
    for (const stream of [child.stdout!, child.stderr!])
      createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        const served = line.match(/Server at (http:\/\/localhost:\d+)\//);
        if (served) {
          clearTimeout(timer);
          resolve(served[1]!);
        }
      });
  });
  return { child, url };
}

/** Writes `content` and waits for the page to show `selector` after the dev server reloads it (writing again if the watcher missed it). */
async function saveAndSee(page: Page, file: string, content: string, selector: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    await writeFile(file, content);
    const seen = await page
      .waitForSelector(selector, { timeout: REWRITE_AFTER_MS })
      .then(() => true)
      .catch(() => false);
    if (seen) return;
  }
  throw new Error(`${selector} never showed after saving ${file}`);
}

describe("the preview in the browser", () => {
  let preview: ChildProcess | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    if (preview?.pid !== undefined && preview.exitCode === null) process.kill(-preview.pid, "SIGKILL");
  });

  it("shows the problems of a broken save in the page, in French, then the page again once it is fixed", async () => {
    const root = await copyProject();
    const started = startPreview(root, await freePort());
    preview = started.child;
    const url = await started.url;
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${url}/fr/ia-retour-du-charbon/`);
    expect(await page.locator("h1").first().textContent()).toContain("le grand retour du charbon");

    const file = path.join(root, "posts/fr/ia-retour-du-charbon.md");
    const source = await readFile(file, "utf8");
    await saveAndSee(page, file, source.replace("date: 2025-01-13T08:30", "date: 2025-02-31"), "#tract-problems");
    expect(await page.locator("h1").textContent()).toBe("L’aperçu ne peut pas être construit");
    expect(await page.locator("#tract-problems li").allTextContents()).toEqual([
      'posts/fr/ia-retour-du-charbon.md:3: date: "2025-02-31" n’est pas une date (attendu : 2025-02-08 ou 2025-02-08T13:00+01:00)',
    ]);
    // Every page shows it while the build is broken, not only the one that was open.
    await page.goto(`${url}/fr/`);
    expect(await page.locator("#tract-problems li").count()).toBe(1);

    await saveAndSee(page, file, source, 'body:not([data-page="preview-error"]) h1');
    await page.goto(`${url}/fr/ia-retour-du-charbon/`);
    expect(await page.locator("h1").first().textContent()).toContain("le grand retour du charbon");
    expect(await page.locator("#tract-problems").count()).toBe(0);
  });
});
