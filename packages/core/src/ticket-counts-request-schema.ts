import * as z from 'zod/mini';

export const ticketCountsRequestSchema = z.object({
  ignoreDepartmentAssignments: z.optional(z.boolean()),
  includeCountsByStatus: z.optional(z.boolean()),
});
