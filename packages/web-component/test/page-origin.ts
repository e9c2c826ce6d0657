/** Where vitest serves the browser tests; the relay under test allows exactly this origin (CORS). */
export const pagePort = Number(process.env.TICKET_COUNTS_TEST_PORT ?? 63_425);
export const pageOrigin = `http://127.0.0.1:${pagePort}`;
