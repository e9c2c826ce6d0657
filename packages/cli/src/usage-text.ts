const connectionHelp = `WHMCS connection (flags win over environment variables):
  --url URL               base URL, sub-folder URL or .../includes/api.php (WHMCS_URL)
  --identifier ID         API credential identifier (WHMCS_IDENTIFIER)
  --admin-username NAME   legacy admin login instead (WHMCS_ADMIN_USERNAME)
                          The secret comes from WHMCS_SECRET, the admin password from
                          WHMCS_ADMIN_PASSWORD, or either of them from:
  --secret-file PATH      a file holding it (one trailing newline is ignored)
  --access-key KEY        API access key; prefer WHMCS_ACCESS_KEY, argv is visible to others
  --admin-folder NAME     renamed admin folder, for links into the admin area (default admin)
  --ca-file PATH          PEM CA certificate(s) for a WHMCS with a private CA
  --timeout SECONDS       whole request (default 15)
  --ignore-department-assignments
                          count all departments, not only the API admin's
  --no-status             leave out the per-status counts
  --debug                 add redacted details to errors (or set WHMCS_DEBUG=1)
  -h, --help              this help

Secrets are never accepted as flags: --secret, --password and the like are refused.`;

export const usageText = {
  main: `Usage: whmcs-ticket-counts <command> [flags]

WHMCS support-ticket counts (API action GetTicketCounts) on the command line.

Commands:
  get      print the ticket counts of a WHMCS once (table, or --json)
  serve    run the relay: hold the secret, serve the counts to web pages (JSON, SSE)
  demo     run a simulated WHMCS (and the relay) with lively sample data

Run 'whmcs-ticket-counts <command> --help' for a command's flags.
  -h, --help      this help
  -v, --version   print the version

Exit codes: 0 success, 1 WHMCS or network failure, 2 usage error.
`,
  get: `Usage: whmcs-ticket-counts get [flags]

Prints the ticket counts of a WHMCS once: awaiting reply, all active, flagged to you, which
departments were counted, and the count for each ticket status.

  --json                  one JSON object with the API's own fields (counts switched off
                          on the server are null)

${connectionHelp}

Example:
  export WHMCS_URL=https://billing.example.com/ WHMCS_IDENTIFIER=abc123
  read -rs WHMCS_SECRET && export WHMCS_SECRET
  whmcs-ticket-counts get

Exit codes: 0 success, 1 WHMCS or network failure, 2 usage error.
`,
  serve: `Usage: whmcs-ticket-counts serve [flags]

Runs the relay: it holds the WHMCS secret and serves the counts to pages as JSON
(GET /ticket-counts), as server-sent events (/ticket-counts/events), the <ticket-counts>
element script (/ticket-counts.js) and a demo page (/). Ctrl-C stops it.

  --host HOST             address to listen on (default 127.0.0.1; others are warned about)
  --port PORT             port (default 8787, 0 picks a free one)
  --ttl SECONDS           at most one WHMCS request per TTL (default 60, at least 1)
  --allow-origin ORIGIN   allow pages from ORIGIN to read the counts (CORS); repeatable
  --token-file PATH       viewers must send this token (Authorization: Bearer ...)
  --max-viewers N         at most N live (server-sent events) viewers at once (default 100)

${connectionHelp}

Exit codes: 0 stopped with Ctrl-C, 1 failure, 2 usage error.
`,
  demo: `Usage: whmcs-ticket-counts demo [flags]

Starts a simulated WHMCS on 127.0.0.1 with lively sample data and the relay in front of it,
prints the counts, then one line per change until Ctrl-C. Nothing leaves this machine.

  --port PORT             simulator port (default 0: a free one)
  --relay-port PORT       relay port (default 8787, 0 picks a free one)
  --interval SECONDS      how often to refresh the counts (default 2, at least 0.1)
  --once                  print the counts once and exit
  --debug                 add redacted details to errors
  -h, --help              this help
`,
} as const;
