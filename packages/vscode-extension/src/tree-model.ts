import type { TicketCount } from '@whmcs-ticket-counts/core';
import type { ConnectionView } from './counts-view-state.js';
import { decodeTitle } from './decode-title.js';
import { UNKNOWN_COUNT } from './status-template.js';
import { departmentsText, formatTime } from './tooltip-markdown.js';
import type { Translate } from './translate.js';
import { viewsSum } from './views-sum.js';

/** Which admin-area list a node opens. */
export type TicketListLink =
  | { list: 'awaitingReply' }
  | { list: 'allActive' }
  | { list: 'flagged' }
  | { list: 'status'; title: string };

export type TreeNodeKind =
  | 'connection'
  | 'count'
  | 'statuses'
  | 'status'
  | 'departments'
  | 'error'
  | 'action'
  | 'message';

/** What an action node (under an error) runs when clicked. */
export type TreeNodeAction = 'showLog' | 'reconnect' | 'refresh';

/** A tree item described without `vscode`, turned into a TreeItem by the glue. */
export interface TreeNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  kind: TreeNodeKind;
  connectionId: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon?: string;
  /** Space-separated words matched by `viewItem =~ /\bword\b/` in package.json menus. */
  contextValue: string;
  link?: TicketListLink;
  action?: TreeNodeAction;
  children?: TreeNode[];
  /** Expanded the first time it is shown. */
  expanded?: boolean;
}

export interface TreeOptions {
  hideZeroStatuses: boolean;
}

/** A short headline per error kind; the description carries core's full sentence. */
export function errorTitle(kind: string, t: Translate): string {
  switch (kind) {
    case 'authentication':
      return t('Login rejected');
    case 'ip-not-allowed':
      return t('IP address not allowed');
    case 'access-key':
      return t('Access key rejected');
    case 'permission':
      return t('Permission missing');
    case 'ip-banned':
      return t('IP address banned');
    case 'configuration':
      return t('Not set up');
    case 'settings':
      return t('Invalid setting');
    case 'timeout':
      return t('No answer in time');
    case 'network':
      return t('Cannot reach WHMCS');
    case 'redirect':
      return t('Redirected');
    default:
      return t('WHMCS error');
  }
}

function describe(count: TicketCount): string {
  return count === null ? UNKNOWN_COUNT : String(count);
}

function connectionChildren(view: ConnectionView, options: TreeOptions, t: Translate): TreeNode[] {
  const base = { connectionId: view.id };
  const nodes: TreeNode[] = [];
  const { value, error, halted, refreshing, stale, fetchedAt } = view.state;
  if (error) {
    nodes.push({
      ...base,
      id: `${view.id}/error`,
      kind: 'error',
      label: errorTitle(error.kind, t),
      description: error.message,
      tooltip: halted
        ? `${error.message}\n${t('Automatic refresh is stopped until you reconnect.')}`
        : error.message,
      icon: 'error',
      // "retryable" lets package.json offer Refresh inline on errors a retry may cure.
      contextValue: error.retryable ? 'error retryable' : 'error',
      expanded: true,
      children: [
        ...(error.retryable
          ? [
              {
                ...base,
                id: `${view.id}/error/retry`,
                kind: 'action' as const,
                label: t('Retry now'),
                icon: 'refresh',
                contextValue: 'action',
                action: 'refresh' as const,
              },
            ]
          : []),
        {
          ...base,
          id: `${view.id}/error/reconnect`,
          kind: 'action',
          label: t('Reconnect…'),
          icon: 'plug',
          contextValue: 'action',
          action: 'reconnect',
        },
        {
          ...base,
          id: `${view.id}/error/showLog`,
          kind: 'action',
          label: t('Show Log'),
          icon: 'output',
          contextValue: 'action',
          action: 'showLog',
        },
      ],
    });
  }
  if (!value) {
    if (!error) {
      nodes.push({
        ...base,
        id: `${view.id}/loading`,
        kind: 'message',
        label: refreshing ? t('Loading…') : t('No ticket counts yet'),
        icon: refreshing ? 'loading~spin' : 'info',
        contextValue: 'message',
      });
    }
    return nodes;
  }
  const staleNote =
    stale && fetchedAt !== undefined ? t('stale since {0}', formatTime(fetchedAt)) : '';
  // Rows say their numbers are old too: tooltips alone are easy to miss.
  const amountText = (amount: TicketCount) =>
    stale ? t('{0} (stale)', describe(amount)) : describe(amount);
  const count = (
    key: string,
    label: string,
    amount: TicketCount,
    icon: string,
    link: TicketListLink,
  ): TreeNode => ({
    ...base,
    id: `${view.id}/${key}`,
    kind: 'count',
    label,
    description: amountText(amount),
    tooltip: staleNote
      ? `${label}: ${describe(amount)} (${staleNote})`
      : `${label}: ${describe(amount)}`,
    icon,
    contextValue: 'count linkable',
    link,
  });
  nodes.push(
    count('awaitingReply', t('Awaiting Reply'), value.awaitingReply, 'inbox', {
      list: 'awaitingReply',
    }),
    count('allActive', t('All Active'), value.allActive, 'issues', { list: 'allActive' }),
    count('flagged', t('My Flagged'), value.flaggedTickets, 'flag', { list: 'flagged' }),
  );
  if (value.status) {
    const statuses = Object.entries(value.status)
      .filter(([, entry]) => !(options.hideZeroStatuses && entry.count === 0))
      .map(([key, entry]): TreeNode => {
        const title = decodeTitle(entry.title);
        return {
          ...base,
          // Keys can be empty or collide (derived from titles); the title disambiguates.
          id: `${view.id}/status/${key}/${title}`,
          kind: 'status',
          label: title,
          description: amountText(entry.count),
          tooltip: `${title}: ${describe(entry.count)}`,
          icon: 'circle-outline',
          contextValue: 'status linkable',
          link: { list: 'status', title: entry.title },
        };
      });
    const allHidden = statuses.length === 0 && Object.keys(value.status).length > 0;
    nodes.push({
      ...base,
      id: `${view.id}/statuses`,
      kind: 'statuses',
      label: t('Statuses'),
      // Every status hidden for having no tickets: an empty group would look broken.
      description: allHidden ? t('no tickets in any status') : t('all departments'),
      tooltip: t('Tickets per status. WHMCS counts these across all departments.'),
      icon: 'list-unordered',
      contextValue: 'statuses',
      ...(allHidden ? {} : { children: statuses, expanded: true }),
    });
  }
  nodes.push({
    ...base,
    id: `${view.id}/departments`,
    kind: 'departments',
    label: t('Counted'),
    description: departmentsText(value, t),
    tooltip:
      value.filteredDepartments.length === 0
        ? t('No department filter: tickets in all departments are counted.')
        : t(
            "Only tickets in the API admin's departments {0} are counted.",
            value.filteredDepartments.join(', '),
          ),
    icon: 'organization',
    contextValue: 'departments',
  });
  if (value.countsDisabled) {
    nodes.push({
      ...base,
      id: `${view.id}/disabled`,
      kind: 'message',
      label: t('Ticket counts are switched off on this WHMCS server'),
      icon: 'info',
      contextValue: 'message',
    });
  }
  return nodes;
}

/**
 * The whole tree: the counts directly when there is one connection, one root per installation
 * when there are several.
 */
export function buildTree(
  views: readonly ConnectionView[],
  options: TreeOptions,
  t: Translate,
): TreeNode[] {
  const [only] = views;
  if (only && views.length === 1) return connectionChildren(only, options, t);
  return views.map((view) => {
    const awaiting = view.state.value?.awaitingReply;
    return {
      id: view.id,
      kind: 'connection',
      connectionId: view.id,
      label: view.label,
      description: view.state.error
        ? t('error')
        : awaiting === undefined
          ? ''
          : t('{0} awaiting', describe(awaiting)),
      icon: view.state.error ? 'error' : 'server',
      contextValue: 'connection linkable',
      link: { list: 'awaitingReply' },
      children: connectionChildren(view, options, t),
      expanded: true,
    };
  });
}

/**
 * The view badge: the status bar's sum of tickets awaiting reply over all connections (halted
 * ones keep their last number), or nothing; `stale` when the status bar says "(stale)" too.
 */
export function awaitingBadge(
  views: readonly ConnectionView[],
): { value: number; stale: boolean } | undefined {
  const { counts, failing } = viewsSum(views);
  const awaiting = counts?.awaitingReply;
  return typeof awaiting === 'number' ? { value: awaiting, stale: failing } : undefined;
}
