import { z } from 'zod';
import { UnexpectedResponseError } from './errors/unexpected-response-error.js';
import type { StatusTicketCount, TicketCount, TicketCounts } from './ticket-counts.js';

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

// One custom check each instead of a union of number|string: zod's unions are its slow path.
/** Numbers or numeric strings (WHMCS mixes both); "x" when counts are switched off on the server. */
const countSchema = z.unknown().transform((value, ctx): TicketCount => {
  if (value === 'x') return null;
  const count = toCount(value);
  if (count !== undefined) return count;
  ctx.addIssue({ code: 'custom', message: 'not a ticket count' });
  return z.NEVER;
});

const departmentIdSchema = z.unknown().transform((value, ctx): number => {
  const id = toCount(value);
  if (id !== undefined) return id;
  ctx.addIssue({ code: 'custom', message: 'not a department id' });
  return z.NEVER;
});

// PHP's json_encode turns an array with gaps in its keys into an object: take its values.
const departmentsSchema = z.preprocess(
  (value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.values(value)
      : value,
  z.array(departmentIdSchema),
);

const statusEntrySchema = z.unknown().transform((value, ctx): StatusTicketCount => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'not a status entry' });
    return z.NEVER;
  }
  const { title, count } = value as { title?: unknown; count?: unknown };
  if (typeof title !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'not a status title', path: ['title'] });
    return z.NEVER;
  }
  const parsed = count === 'x' ? null : toCount(count);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: 'not a ticket count', path: ['count'] });
    return z.NEVER;
  }
  return { title, count: parsed };
});

// An empty PHP array encodes as [] rather than {}.
const statusSchema = z.preprocess(
  (value) => (Array.isArray(value) && value.length === 0 ? {} : value),
  z.record(z.string(), statusEntrySchema),
);

/** A successful GetTicketCounts answer (`responsetype=json`), normalised to `TicketCounts`. */
export const ticketCountsResponseSchema = z
  .object({
    result: z.literal('success'),
    filteredDepartments: departmentsSchema,
    allActive: countSchema,
    awaitingReply: countSchema,
    flaggedTickets: countSchema,
    status: statusSchema.optional(),
  })
  .transform((raw): TicketCounts => {
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
  });

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
      ? `WHMCS's answer lacks the field "${field}"; check that the URL points at WHMCS itself (not a proxy or another application) and report this if it does.`
      : `WHMCS sent ${received} for "${field}", which GetTicketCounts never sends; check that the URL points at WHMCS itself and report this if it does.`;
  return throwUnexpected(message, field, received);
}

function throwUnexpected(message: string, field: string, received: string): never {
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
