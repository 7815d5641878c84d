// A route's description for the OpenAPI document: a middleware that does nothing but pass
// the request on, and carries the words that say what the route is for. Kept in the route's
// own chain, beside its validator, so that the description and the route cannot part.
import type { MiddlewareHandler } from 'hono';

/** Where a route's description is kept on its middleware. */
export const ROUTE_DOC = Symbol('accord.route-doc');

export interface RouteDoc {
  /** One line: what the route does, and for whom. */
  summary: string;
  /** The section of docs/api.md it belongs to. */
  tag: string;
  /** A body that is not JSON (a file): its media types. A JSON body is described by its validator. */
  upload?: string[];
  /** The answer when it is not JSON: its media type. */
  answers?: string;
}

/** Describes the route it stands in; passes every request on unchanged. */
export function doc(description: RouteDoc): MiddlewareHandler {
  const pass: MiddlewareHandler = (_c, next) => next();
  return Object.assign(pass, { [ROUTE_DOC]: description });
}
