import { z } from 'zod';

export const ticketCountsRequestSchema = z.object({
  ignoreDepartmentAssignments: z.boolean().optional(),
  includeCountsByStatus: z.boolean().optional(),
});
