// Folders removed in a worker thread, so that a build goes on with its own work while what it no longer keeps is deleted.
import { Worker } from "node:worker_threads";

/** Run by the worker as plain CommonJS (worker threads do not get tsx's TypeScript loader). */
const REMOVE = `
const { rmSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
for (const target of workerData) rmSync(target, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
`;

/** Removes every path of `targets` (files or folders, missing ones skipped) on another thread; settles once all are gone. */
export function removeInBackground(targets: readonly string[]): Promise<void> {
  if (!targets.length) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = new Worker(REMOVE, { eval: true, workerData: targets, execArgv: [] });
    worker.once("error", (error) => reject(new Error(`could not remove ${targets.join(", ")}: ${error.message}`)));
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`removing ${targets.join(", ")} stopped with code ${code}`)),
    );
  });
}
