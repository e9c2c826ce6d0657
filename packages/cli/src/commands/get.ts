import { connectionOptions } from '../options/connection-options.js';
import { parseCommandLine } from '../options/parse-command-line.js';
import { formatCountsJson } from '../output/counts-json.js';
import { formatCountsTable } from '../output/counts-table.js';
import { chooseStyle } from '../output/terminal-style.js';
import { usageText } from '../usage-text.js';
import { buildClient } from './build-client.js';
import type { Command } from './command-context.js';

const getOptions = { ...connectionOptions, json: { type: 'boolean' } } as const;

/** `get`: one GetTicketCounts request, printed as a table or as JSON. */
export const getCommand: Command = async (argv, context) => {
  const { io } = context;
  const flags = parseCommandLine('get', argv, getOptions);
  if (flags.help) {
    io.out(usageText.get);
    return 0;
  }
  const includeStatus = flags['no-status'] !== true;
  const built = await buildClient(flags, context);
  try {
    const counts = await built.client.getTicketCounts({
      ignoreDepartmentAssignments: flags['ignore-department-assignments'] === true,
      includeCountsByStatus: includeStatus,
    });
    io.out(
      flags.json
        ? formatCountsJson(counts, { includeStatus, pretty: io.stdoutIsTty })
        : formatCountsTable(counts, {
            style: chooseStyle(io.stdoutIsTty, io.env),
            link: built.awaitingReplyLink,
          }),
    );
    return 0;
  } finally {
    await built.close();
  }
};
