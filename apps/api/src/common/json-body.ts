import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/**
 * What a JSON body may be, whatever the endpoint: checked right after parsing, before any pipe,
 * DTO or validator sees it. No request of this API needs more; a body beyond them is refused
 * with 400 naming where, instead of costing a stack overflow or seconds of CPU in validation.
 */
export const JSON_BODY_LIMITS = {
  /** bytes on the wire */
  bytes: 1024 * 1024,
  /** objects and arrays inside one another (`{"a":[{"b":1}]}` is 3) */
  depth: 32,
  /** items of one array */
  arrayItems: 5_000,
  /** keys of one object */
  objectKeys: 500,
  /** characters of one string or key */
  stringLength: 100_000,
  /** objects, arrays, strings, numbers ... of the whole body */
  nodes: 100_000,
} as const;

/** A body refused before validation: 400 with the line that says why (ErrorFilter sends it). */
export class JsonBodyError extends Error {
  readonly status = 400;
  constructor(readonly lines: string[]) {
    super(lines.join('; '));
  }
}

/** A UTF-16 surrogate without its pair: not a character, and no text a person typed holds one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a parsed body breaks JSON_BODY_LIMITS or holds text that is not text (a lone surrogate),
 * as a 400 line naming the field path; null when it is fine. Walks the value without recursion,
 * so no nesting can exhaust the stack here.
 */
export function jsonBodyProblem(body: unknown, limits = JSON_BODY_LIMITS): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  let nodes = 0;
  const where = (path: string) => (path === '' ? 'the request body' : path);
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (++nodes > limits.nodes) return `the request body has more than ${limits.nodes} values`;
    if (typeof value === 'string') {
      if (value.length > limits.stringLength)
        return `${where(path)} is longer than ${limits.stringLength} characters`;
      if (LONE_SURROGATE.test(value))
        return `${where(path)} contains an invalid character (a lone UTF-16 surrogate)`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.depth)
      return `${where(path)} is nested more than ${limits.depth} levels deep`;
    if (Array.isArray(value)) {
      if (value.length > limits.arrayItems)
        return `${where(path)} has more than ${limits.arrayItems} items`;
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: path ? `${path}.${i}` : String(i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.objectKeys)
      return `${where(path)} has more than ${limits.objectKeys} fields`;
    for (const key of keys.reverse()) {
      const name = path ? `${path}.${key}` : key;
      if (key.length > limits.stringLength || LONE_SURROGATE.test(key))
        return `${where(path)} has a field name that is not valid`;
      stack.push({ value: (value as Record<string, unknown>)[key], path: name, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The API's JSON body parser: express.json (1 MB; a prototype key such as `__proto__` stays an
 * own data property, JSON.parse never assigns it), then the shape check above.
 */
export function jsonBodyParser(): RequestHandler[] {
  const check = (req: Request, _res: Response, next: NextFunction) => {
    const problem = req.body === undefined ? null : jsonBodyProblem(req.body);
    next(problem ? new JsonBodyError([problem]) : undefined);
  };
  return [express.json({ limit: JSON_BODY_LIMITS.bytes }), check];
}
