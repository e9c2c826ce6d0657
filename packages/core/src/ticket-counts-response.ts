// zod/mini, not classic zod: the VS Code extension bundles this entry, and classic zod was most of it.
import * as z from 'zod/mini';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import type { StatusTicketCount, TicketCount, TicketCounts } from './ticket-counts.js';
import { type Wording, wording } from './wording.js';

const NUMERIC = /^[0-9]+$/;

/** A non-negative safe integer from a number or a string of digits; undefined for anything else. */
function toCount(value: unknown): number | undefined {
  const count =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && NUMERIC.test(value)
        ? Number(value)
        : Number.NaN;
  return Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

/** Records why a value was refused (zod/mini's transforms have no `addIssue`) and ends the transform. */
function reject(
  ctx: z.core.ParsePayload,
  input: unknown,
  message: string,
  path?: PropertyKey[],
): never {
  ctx.issues.push(
    path === undefined
      ? { code: 'custom', message, input }
      : { code: 'custom', message, input, path },
  );
  return z.NEVER;
}

// One custom check each instead of a union of number|string: zod's unions are its slow path.
/** Numbers or numeric strings (WHMCS mixes both); "x" when counts are switched off on the server. */
const countSchema = z.transform((value: unknown, ctx): TicketCount => {
  if (value === 'x') return null;
  const count = toCount(value);
  if (count !== undefined) return count;
  return reject(ctx, value, 'not a ticket count');
});

const departmentIdSchema = z.transform((value: unknown, ctx): number => {
  const id = toCount(value);
  if (id !== undefined) return id;
  return reject(ctx, value, 'not a department id');
});

// PHP's json_encode turns an array with gaps in its keys into an object: take its values.
const departmentsSchema = z.pipe(
  z.transform((value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.values(value)
      : value,
  ),
  z.array(departmentIdSchema),
);

const statusEntrySchema = z.transform((value: unknown, ctx): StatusTicketCount => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject(ctx, value, 'not a status entry');
  }
  const { title, count } = value as { title?: unknown; count?: unknown };
  if (typeof title !== 'string') {
    return reject(ctx, value, 'not a status title', ['title']);
  }
  const parsed = count === 'x' ? null : toCount(count);
  if (parsed === undefined) {
    return reject(ctx, value, 'not a ticket count', ['count']);
  }
  return { title, count: parsed };
});

// An empty PHP array encodes as [] rather than {}.
const statusSchema = z.pipe(
  z.transform((value: unknown) => (Array.isArray(value) && value.length === 0 ? {} : value)),
  z.record(z.string(), statusEntrySchema),
);

/** A successful GetTicketCounts answer (`responsetype=json`), normalised to `TicketCounts`. */
export const ticketCountsResponseSchema = z.pipe(
  z.object({
    result: z.literal('success'),
    filteredDepartments: departmentsSchema,
    allActive: countSchema,
    awaitingReply: countSchema,
    flaggedTickets: countSchema,
    status: z.optional(statusSchema),
  }),
  z.transform((raw): TicketCounts => {
    const counts: TicketCounts = {
      filteredDepartments: raw.filteredDepartments,
      allActive: raw.allActive,
      awaitingReply: raw.awaitingReply,
      flaggedTickets: raw.flaggedTickets,
      countsDisabled:
        raw.allActive === null || raw.awaitingReply === null || raw.flaggedTickets === null,
    };
    if (raw.status !== undefined) counts.status = raw.status;
    return counts;
  }),
);

/** Parses a success body; throws UnexpectedResponseError naming the field and what came. */
export function parseTicketCountsResponse(json: unknown): TicketCounts {
  return parseSuccess(json, (text) => text);
}

/** As parseTicketCountsResponse; `clean` removes secrets from what came before it is shortened. */
export function parseSuccess(json: unknown, clean: (text: string) => string): TicketCounts {
  const parsed = ticketCountsResponseSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  const field = path.join('.') || '(body)';
  const value = valueAt(json, path);
  const received = describeValue(value, clean);
  const message =
    value === undefined
      ? wording`WHMCS's answer lacks the field "${field}"; check that the URL points at WHMCS itself (not a proxy or another application) and report this if it does.`
      : wording`WHMCS sent ${received} for "${field}", which GetTicketCounts never sends; check that the URL points at WHMCS itself and report this if it does.`;
  return throwUnexpected(message, field, received);
}

function throwUnexpected(message: Wording, field: string, received: string): never {
  throw new UnexpectedResponseError(message, field, received);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A short rendering for messages: `-1`, `"abc"`, `an object`, `missing`. */
export function describeValue(
  value: unknown,
  clean: (text: string) => string = (text) => text,
): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = clean(JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
