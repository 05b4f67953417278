// Types for the part of negotiator 1.0 the server uses (@types/negotiator describes 0.6, without `preferred`).
declare module "negotiator" {
  interface Request {
    headers: Record<string, string | string[] | undefined>;
  }
  class Negotiator {
    constructor(request: Request);
    /** The available encodings the client accepts (q > 0), best first; ties go to `preferred`'s order. */
    encodings(available: string[], options?: { preferred?: string[] }): string[];
    /** The languages the client accepts (q > 0), best first. */
    languages(): string[];
  }
  export default Negotiator;
}
