// The hand-kept description of <ticket-counts> that custom-elements.json is generated from.
// A browser test checks it against the element (attributes, parts, events), so it cannot drift.
export const description = {
  tagName: 'ticket-counts',
  className: 'TicketCountsElement',
  module: 'dist/ticket-counts-element.js',
  summary: 'WHMCS support-ticket counts (GetTicketCounts) from a ticket-counts relay.',
  attributes: [
    {
      name: 'src',
      field: 'src',
      type: 'string',
      description: "The relay's JSON URL, e.g. https://relay.example/ticket-counts.",
    },
    {
      name: 'refresh',
      field: 'refresh',
      type: 'string',
      default: '"60"',
      description:
        'Seconds between polls (1 to 86400), or "live" for server-sent events from <src>/events.',
    },
    {
      name: 'show',
      field: 'show',
      type: 'string',
      default: '"awaiting,active,flagged"',
      description:
        'Comma list of awaiting, active, flagged, statuses, or status titles (a comma in a title is written \\,).',
    },
    {
      name: 'hide-zero',
      field: 'hideZero',
      type: 'boolean',
      default: 'false',
      description: 'Hide counts that are 0 (never hides disabled counts).',
    },
    {
      name: 'admin-url',
      field: 'adminUrl',
      type: 'string',
      description: 'WHMCS base URL (http or https); makes each count a link into the admin area.',
    },
    {
      name: 'admin-folder',
      field: 'adminFolder',
      type: 'string',
      default: '"admin"',
      description: "WHMCS's admin folder name, if renamed.",
    },
    {
      name: 'label',
      field: 'label',
      type: 'string',
      description: 'A caption shown before the counts.',
    },
    {
      name: 'compact',
      field: 'compact',
      type: 'boolean',
      default: 'false',
      description: 'Numbers only; labels stay available to screen readers and as tooltips.',
    },
  ],
  properties: [
    {
      name: 'data',
      type: 'RelayPayload | null',
      description: 'The counts shown; set it to show counts without a relay.',
    },
    {
      name: 'state',
      type: "'loading' | 'ok' | 'stale' | 'error'",
      readonly: true,
      description: 'Also reflected as the state attribute.',
    },
  ],
  events: [
    {
      name: 'ticket-counts:load',
      type: 'CustomEvent<{ data: RelayPayload }>',
      description: 'New counts arrived.',
    },
    {
      name: 'ticket-counts:error',
      type: 'CustomEvent<{ message: string }>',
      description: 'A load failed; message is one sentence for people.',
    },
    {
      name: 'ticket-counts:change',
      type: 'CustomEvent<{ changes: TicketCountChange[]; data: RelayPayload }>',
      description: 'A count changed since the previous load (not fired for the first load).',
    },
  ],
  parts: [
    { name: 'container', description: 'Wraps caption, counts and state.' },
    { name: 'caption', description: 'The label attribute text.' },
    { name: 'counts', description: 'The list of counts.' },
    { name: 'count', description: 'One count (also awaiting, active, flagged, or status).' },
    { name: 'link', description: 'The admin-area link around a count (with admin-url).' },
    { name: 'value', description: 'The number, or "—" when counts are disabled (also disabled).' },
    { name: 'label', description: 'What a count counts.' },
    {
      name: 'state',
      description: '"not updating · last update N min ago" when stale, the message on error.',
    },
  ],
  slots: [
    { name: '', description: 'Fallback content shown until counts arrive (no-JS fallback).' },
  ],
  // [name, description, default]: the default is the styles' var() fallback (a unit test compares).
  cssProperties: [
    ['--ticket-counts-color', 'Text color.', 'light-dark(#1f2328,#e6edf3)'],
    ['--ticket-counts-background', 'Pill background.', 'light-dark(#fff,#0d1117)'],
    ['--ticket-counts-border-color', 'Pill border.', 'light-dark(#d1d9e0,#3d444d)'],
    ['--ticket-counts-accent', 'Number badge background.', 'light-dark(#0969da,#4493f8)'],
    ['--ticket-counts-accent-text', 'Number badge text.', 'light-dark(#fff,#0d1117)'],
    ['--ticket-counts-muted', 'The number badge of stale counts.', 'light-dark(#59636e,#9198a1)'],
    ['--ticket-counts-warning', 'State text when stale or failing.', 'light-dark(#9a6700,#d29922)'],
    ['--ticket-counts-font', 'Font shorthand.', '.875rem/1.5 system-ui,sans-serif'],
    ['--ticket-counts-gap', 'Space between pills.', '.375rem'],
    ['--ticket-counts-radius', 'Pill corner radius.', '2em'],
  ],
};
