// The links of a release's unchanged files into the new one, made by a worker thread in batches while the writer goes on.
import { Worker } from "node:worker_threads";

/** How a file was on disk when written: a hard link to it has the same inode and modification time. */
export type Stamp = { ino: number; mtimeMs: number };

/** A file of the last release to link into the new one, if it is still as that build wrote it. */
export interface LinkRequest {
  source: string;
  target: string;
  stamp: Stamp;
  /** The sizes of the file ("") and of its compressed copies (".gz", ".br"), as that build wrote them. */
  sizes: Record<string, number>;
}

/** Links sent to the worker in one message, at most: enough to keep it busy, few enough to start it early. */
const BATCH = 256;

interface Waiting {
  request: LinkRequest;
  resolve: (stamp: Stamp | undefined) => void;
  reject: (error: Error) => void;
}

type Result = { stamp: Stamp | null } | { error: string };

/**
 * At thousands of unchanged files, linking them (six system calls each) took two seconds of the main thread, which
 * meanwhile could compute the next outputs' inputs: a worker makes the links, sent to it in batches.
 */
export class Linker {
  private worker: Worker | undefined;
  private queued: Waiting[] = [];
  private readonly sent = new Map<number, Waiting[]>();
  private batches = 0;
  private failure: Error | undefined;
  private closed = false;

  /** The stamp of the linked file, or undefined when the last release's file changed since (it is then made). */
  link(request: LinkRequest): Promise<Stamp | undefined> {
    // After close (a failed build whose other writes are still finishing), nothing is linked and no worker started.
    if (this.closed) return Promise.reject(new Error(`${request.target}: the writer has stopped`));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const queued = this.queued.push({ request, resolve, reject });
      // Sent once the writer yields, or as soon as a batch is full when it asks for many in one go.
      if (queued === 1) setImmediate(() => this.flush());
      else if (queued >= BATCH) this.flush();
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL("./link-worker.mjs", import.meta.url), { execArgv: [] });
    worker.on("message", ({ batch, results }: { batch: number; results: Result[] }) => {
      const waiting = this.sent.get(batch) ?? [];
      this.sent.delete(batch);
      results.forEach((result, index) => {
        const { resolve, reject, request } = waiting[index]!;
        if ("error" in result) reject(new Error(`${request.target} could not be linked: ${result.error}`));
        else resolve(result.stamp ?? undefined);
      });
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (this.sent.size) this.fail(new Error(`the linking thread stopped (code ${code}) with links to make`));
    });
    return worker;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of [...this.sent.values()].flat()) waiting.reject(error);
    this.sent.clear();
  }

  private flush(): void {
    if (!this.queued.length) return;
    const waiting = this.queued;
    this.queued = [];
    const stopped = this.failure ?? (this.closed ? new Error("the writer has stopped") : undefined);
    if (stopped) return waiting.forEach(({ reject }) => reject(stopped));
    const batch = this.batches++;
    this.sent.set(batch, waiting);
    (this.worker ??= this.start()).postMessage({ batch, requests: waiting.map(({ request }) => request) });
  }

  /** Stops the worker: the writer closes it once its last file is written, so that no link is still asked for. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
