// The preview (`npm start`): after an edit, every page that shows the edited post shows the edit, and a change to strings reaches every page.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, copyProject } from "../helpers/project.ts";

const BUILD_TIMEOUT_MS = 60_000;
/** How long an edit may go unnoticed before it is written again. */
const REWRITE_AFTER_MS = 5_000;

/** Eleventy in watch mode: the preview's rebuilds without its web server; counts the builds it finishes. */
class Preview {
  builds = 0;
  private readonly output: string[] = [];
  private readonly child: ChildProcess;

  constructor(readonly root: string) {
    const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    this.child = spawn(
      tsx,
      ["./node_modules/.bin/eleventy", "--config=eleventy.config.ts", "--watch", "--output=_preview"],
      { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    for (const stream of [this.child.stdout, this.child.stderr]) {
      createInterface({ input: stream! }).on("line", (line) => {
        this.output.push(line);
        // Printed once a build is written and the watcher is ready for the next edit.
        if (/\bWatching…/.test(line)) this.builds++;
      });
    }
  }

  async waitForBuild(count: number): Promise<void> {
    const deadline = Date.now() + BUILD_TIMEOUT_MS;
    while (this.builds < count) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`build ${count} did not finish:\n${this.output.slice(-20).join("\n")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Writes a file and waits for the rebuild it causes. On a busy machine the watcher may still be scanning the
   * project when Eleventy says it is watching, and miss a first write: the same content is written again until
   * a rebuild comes.
   */
  async edit(file: string, content: string): Promise<void> {
    const count = this.builds + 1;
    const deadline = Date.now() + BUILD_TIMEOUT_MS;
    while (this.builds < count && Date.now() < deadline) {
      await writeFile(file, content);
      const retry = Date.now() + REWRITE_AFTER_MS;
      while (this.builds < count && Date.now() < retry && this.child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.waitForBuild(count);
  }

  page(url: string): Promise<string> {
    return readFile(path.join(this.root, "_preview", url, "index.html"), "utf8");
  }

  stop(): void {
    if (this.child.pid !== undefined && this.child.exitCode === null) process.kill(-this.child.pid, "SIGKILL");
  }
}

describe("the preview's rebuilds", () => {
  let preview: Preview | undefined;
  afterAll(() => preview?.stop());

  it("show an edited post on its page, its neighbours' pages, the lists and its topics, and new strings on every page", async () => {
    const root = await copyProject();
    preview = new Preview(root);
    await preview.waitForBuild(1);

    const postUrl = "fr/ia-retour-du-charbon";
    const before = await preview.page(postUrl);
    const neighbours = [...before.matchAll(/<a href="\/(fr\/[^"]+)\/" rel="(?:prev|next)">/g)].map(
      (match) => match[1]!,
    );
    expect(neighbours.length).toBeGreaterThan(0);
    const unrelated = "fr/notes-sobriete-numerique";
    expect(neighbours).not.toContain(unrelated);

    const title = "Le charbon revient, poussé par l’IA";
    const file = path.join(root, "posts/fr/ia-retour-du-charbon.md");
    const source = await readFile(file, "utf8");
    await preview.edit(
      file,
      source.replace(/^title: .*$/m, `title: "${title}"`) + "\nUn paragraphe ajouté pendant l’aperçu.\n",
    );

    const edited = await preview.page(postUrl);
    expect(edited).toContain(title);
    expect(edited).toContain("Un paragraphe ajouté pendant l’aperçu.");
    for (const url of [...neighbours, "fr", "fr/billets", "fr/sujets/charbon", "fr/archives"]) {
      expect(await preview.page(url), url).toContain(title);
    }
    expect(await preview.page(unrelated)).not.toContain(title);

    const strings = path.join(root, "_data/strings/fr.yaml");
    const footer = "Site publié avec tract, sans traceur ni ressource extérieure.";
    await preview.edit(
      strings,
      (await readFile(strings, "utf8")).replace(footer, "Pied de page changé pendant l’aperçu."),
    );
    expect(await preview.page(unrelated)).toContain("Pied de page changé pendant l’aperçu.");
    expect(await preview.page(postUrl)).toContain("Pied de page changé pendant l’aperçu.");
  });
});
