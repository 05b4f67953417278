// A pool of worker threads for the CPU-heavy steps on finished files, so they run on every core.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** What each kind of task takes and gives back (see worker.mjs). */
export interface Tasks {
  minify: { input: { html: string; options: object }; output: { html: string } };
  compress: { input: { content: Uint8Array; brotliQuality: number }; output: { gz: Uint8Array; br: Uint8Array } };
}

interface Job {
  worker: Worker;
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private readonly jobs = new Map<number, Job>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;
  private closing = false;
  /** Set when a worker died: the build fails with its reason instead of waiting for answers that never come. */
  private failure: Error | undefined;

  constructor(size = availableParallelism()) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL("./worker.mjs", import.meta.url), { execArgv: [] });
      worker.on("message", ({ id, output, error }: { id: number; output?: unknown; error?: string }) => {
        const job = this.jobs.get(id);
        this.jobs.delete(id);
        this.busy.set(worker, (this.busy.get(worker) ?? 1) - 1);
        if (error !== undefined) job?.reject(new Error(error));
        else job?.resolve(output as never);
      });
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(worker, new Error(`a build worker stopped (exit code ${code})`));
      });
      this.busy.set(worker, 0);
      return worker;
    });
  }

  private fail(worker: Worker, error: Error): void {
    this.failure ??= error;
    for (const [id, job] of this.jobs) {
      if (job.worker !== worker) continue;
      this.jobs.delete(id);
      job.reject(error);
    }
  }

  run<K extends keyof Tasks>(type: K, input: Tasks[K]["input"]): Promise<Tasks[K]["output"]> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers.reduce((least, candidate) => ((this.busy.get(candidate) ?? 0) < (this.busy.get(least) ?? 0) ? candidate : least));
    const id = this.nextId++;
    this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { worker, resolve: resolve as (output: never) => void, reject });
      worker.postMessage({ id, type, input });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
