// Production finishing of written files, on every core: pages minified, then gzip and brotli copies of each text file.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { HtmlMinifier } from "../minify/minify-html.ts";
import { COMPRESSIBLE, compressedCopies } from "./precompress.ts";
import { WorkerPool } from "./worker-pool.ts";
import { mapWithConcurrency } from "./concurrency.ts";

/** Files handled at a time: every core and the disk stay busy while memory stays bounded. */
const IN_FLIGHT = 32;

/** Writes files in their final production form: minified when HTML, with their compressed copies. */
export class OutputFinisher {
  private pool: WorkerPool | undefined;
  private readonly minifier: HtmlMinifier;
  precompressed = 0;

  constructor(root: string) {
    // Workers start on the first file that needs one: a rebuild whose pages are all cached may need none.
    this.minifier = new HtmlMinifier(root, () => this.workers());
  }

  private workers(): WorkerPool {
    return (this.pool ??= new WorkerPool());
  }

  /** Writes `content` to `file` finished: one read of nothing, three writes (the file, .gz, .br). */
  async write(file: string, content: Buffer): Promise<void> {
    const final = file.endsWith(".html") ? await this.minifier.minify(content) : content;
    await mkdir(path.dirname(file), { recursive: true });
    const copies = COMPRESSIBLE.test(file) ? await compressedCopies(final, this.workers()) : [];
    await Promise.all([writeFile(file, final), ...copies.map(([extension, data]) => writeFile(file + extension, data))]);
    if (copies.length) this.precompressed++;
  }

  /** Finishes every text file of `dir` that is not finished yet (pages written through `write` already are). */
  async finishTree(dir: string): Promise<void> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !existsSync(`${file}.gz`) && !existsSync(`${file}.br`));
    await mapWithConcurrency(files, IN_FLIGHT, async (file) => this.write(file, await readFile(file)));
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
