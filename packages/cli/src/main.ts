/** Entry point of the `whmcs-ticket-counts` command; returns the process exit code. */
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write('whmcs-ticket-counts: not implemented yet\n');
  return 2;
}
