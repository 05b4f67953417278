// The figures of `npm run bench -- --search`: what building the search index adds to each kind of production build, as JSON and Markdown.
import { type CorpusFigures, type Machine, median } from "./report.ts";
import type { SearchPair, SearchPhase } from "./search.ts";
import type { QuerySummary, QueryTimes } from "./search-queries.ts";

export interface PhaseSummary {
  pairs: number;
  medianWallMs: { search: number; without: number };
  /** Median of the pairs' ratios, minus one: 0.12 is 12 % longer with search. */
  overhead: number;
  /** Node processes and Pagefind's indexer together. */
  medianCpuMs: { search: number; without: number };
  medianPeakRssBytes: { search: number; without: number };
  indexerPeakRssBytes: number;
  indexBytes: number;
  files: { search: number; without: number };
}

export interface SearchResults {
  mode: "search";
  date: string;
  machine: Machine;
  corpus: CorpusFigures;
  runs: number;
  pairs: SearchPair[];
  /** Query times in Chromium on the last build with search. */
  queries: QueryTimes[];
  summary: Record<SearchPhase, PhaseSummary>;
  querySummary: QuerySummary[];
  workspace?: string;
}

const PHASES: Record<SearchPhase, string> = {
  first: "first build (empty cache)",
  unchanged: "rebuild, nothing changed",
  edited: "rebuild after one post was edited",
};

function summarise(pairs: SearchPair[]): PhaseSummary {
  const of = (pick: (pair: SearchPair) => number) => median(pairs.map(pick));
  const last = pairs[pairs.length - 1]!;
  return {
    pairs: pairs.length,
    medianWallMs: { search: of((p) => p.search.wallMs), without: of((p) => p.without.wallMs) },
    overhead: of((p) => p.ratio) - 1,
    medianCpuMs: {
      search: of((p) => p.search.cpuMs + p.search.helperCpuMs),
      without: of((p) => p.without.cpuMs + p.without.helperCpuMs),
    },
    medianPeakRssBytes: { search: of((p) => p.search.peakRssBytes), without: of((p) => p.without.peakRssBytes) },
    indexerPeakRssBytes: Math.max(...pairs.map((p) => p.search.indexerPeakRssBytes)),
    indexBytes: last.search.indexBytes,
    files: { search: last.search.files, without: last.without.files },
  };
}

export function searchSummary(pairs: SearchPair[]): SearchResults["summary"] {
  const phase = (name: SearchPhase) => summarise(pairs.filter((pair) => pair.phase === name));
  return { first: phase("first"), unchanged: phase("unchanged"), edited: phase("edited") };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const percent = (share: number) => `${share >= 0 ? "+" : ""}${Math.round(share * 100)} %`;

export function searchMarkdown(results: SearchResults): string {
  const { corpus, machine } = results;
  const row = (phase: SearchPhase) => {
    const s = results.summary[phase];
    return (
      `| ${PHASES[phase]} (${s.pairs}) | ${seconds(s.medianWallMs.search)} | ${seconds(s.medianWallMs.without)} | **${percent(s.overhead)}** | ` +
      `${seconds(s.medianCpuMs.search)} | ${seconds(s.medianCpuMs.without)} | ${mebibytes(s.medianPeakRssBytes.search)} | ` +
      `${s.indexerPeakRssBytes ? mebibytes(s.indexerPeakRssBytes) : "not run"} | ${mebibytes(s.indexBytes)} | ${s.files.search - s.files.without} |`
    );
  };
  return [
    `### Search index, ${corpus.posts} posts`,
    "",
    `${results.date.slice(0, 10)} · ${corpus.french} French + ${corpus.english} English posts, ${corpus.words.toLocaleString("en")} words (seed ${corpus.seed}) · ` +
      `${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM · ${machine.os} · Node ${machine.node}`,
    "",
    "| build (pairs) | with search | without | added (median ratio) | CPU with | CPU without | Node peak RSS with | Pagefind peak RSS | index size | files added |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    row("first"),
    row("unchanged"),
    row("edited"),
    "",
    "| search page (phone, 390 px) | before the first query | first query | a query alone (median) | queries in a row (median) |",
    "|---|---:|---:|---:|---:|",
    ...results.querySummary.map(
      (q, index) =>
        `| ${results.queries[index]!.url} | ${(q.bytesBeforeFirstQuery / 1024).toFixed(1)} KB | ${q.firstMs.toFixed(0)} ms | ` +
        `**${q.medianAloneMs.toFixed(0)} ms** | ${q.medianInARowMs.toFixed(0)} ms |`,
    ),
    "",
    `Each page looks up ${results.queries[0]?.words.length ?? 0} words of the corpus's vocabulary (${results.queries.map((q) => `${q.lang}: ${q.words.join(", ")}`).join("; ")}); ` +
      "the medians leave out the first query, which also merges the index's parts. A query alone is typed once the previous list is whole; " +
      "in a row, as soon as the previous answer shows, while the rest of its list is still being fetched.",
    "",
    "| pair | build | order | with search | without | added | other processes' CPU share (with / without) | taken by the host (with / without) |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ...results.pairs.map(
      (pair, index) =>
        `| ${index + 1} | ${pair.phase} | ${pair.order.join(", ")} | ${seconds(pair.search.wallMs)} | ${seconds(pair.without.wallMs)} | ${percent(pair.ratio - 1)} | ` +
        `${Math.round(pair.search.otherCpuShare * 100)} % / ${Math.round(pair.without.otherCpuShare * 100)} % | ` +
        `${Math.round(pair.search.stolenCpuShare * 100)} % / ${Math.round(pair.without.stolenCpuShare * 100)} % |`,
    ),
    "",
  ].join("\n");
}
