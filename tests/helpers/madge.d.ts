// Typed declaration of the part of madge 8 the architecture tests use (madge ships no .d.ts).
declare module "madge" {
  interface MadgeResult {
    /** Each module (path from the folder read) and the modules it imports. */
    obj(): Record<string, string[]>;
    /** Each import cycle, as the modules in it. */
    circular(): string[][];
  }
  interface MadgeOptions {
    fileExtensions?: string[];
    tsConfig?: string;
    detectiveOptions?: Record<string, Record<string, unknown>>;
  }
  export default function madge(path: string, options?: MadgeOptions): Promise<MadgeResult>;
}
