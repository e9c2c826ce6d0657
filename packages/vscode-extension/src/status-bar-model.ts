import type { ConnectionView } from './counts-view-state.js';
import { escapeMarkdown } from './markdown-text.js';
import { renderStatusTemplate, templateProblems } from './status-template.js';
import { tooltipMarkdown } from './tooltip-markdown.js';
import type { Translate } from './translate.js';
import { viewsSum } from './views-sum.js';

export interface StatusBarOptions {
  template: string;
  /** Warning background from this many tickets awaiting reply; 0 = never. */
  warningThreshold: number;
  hideWhenZero: boolean;
  /** Show only this connection; undefined or unknown = sum of all. */
  connectionId?: string;
}

export interface StatusBarModel {
  visible: boolean;
  text: string;
  tooltip: string;
  accessibilityLabel: string;
  background?: 'warning' | 'error';
}

const leadingIcon = /^\s*\$\([^)]+\)/;

/** Replaces the template's first icon with a spinner, or puts one in front. */
function withSpinner(text: string): string {
  return leadingIcon.test(text)
    ? text.replace(leadingIcon, '$(sync~spin)')
    : `$(sync~spin) ${text}`;
}

/** The status bar item for the connections it covers: text, tooltip, colour, visibility. */
export function statusBarModel(
  allViews: readonly ConnectionView[],
  options: StatusBarOptions,
  t: Translate,
): StatusBarModel {
  if (allViews.length === 0) {
    return {
      visible: true,
      text: '$(plug) WHMCS',
      tooltip: t('WHMCS: not connected. Click to connect.'),
      accessibilityLabel: t('WHMCS ticket counts: not connected'),
    };
  }
  const picked = allViews.filter((view) => view.id === options.connectionId);
  const views = picked.length > 0 ? picked : allViews;
  const tooltip = tooltipMarkdown(views, t);
  const { counts, failing, notSetUp } = viewsSum(views);
  const refreshing = views.some((view) => view.state.refreshing);

  if (!counts) {
    const onlyNotSetUp = !failing && notSetUp > 0;
    return {
      visible: true,
      text: refreshing
        ? '$(sync~spin) WHMCS'
        : failing || onlyNotSetUp
          ? '$(error) WHMCS'
          : '$(inbox) WHMCS',
      tooltip,
      accessibilityLabel: failing
        ? t('WHMCS ticket counts: the connection failed')
        : onlyNotSetUp
          ? t('WHMCS ticket counts: not set up')
          : t('WHMCS ticket counts: loading'),
      ...(failing || onlyNotSetUp ? { background: 'error' as const } : {}),
    };
  }

  // A template typo shows as literal text in the item; the tooltip says what to change.
  const problems = templateProblems(options.template, counts, t);
  const explained =
    problems.length === 0
      ? tooltip
      : [tooltip, ...problems.map((problem) => `$(warning) ${escapeMarkdown(problem)}`)].join(
          '\n\n',
        );
  let text = renderStatusTemplate(options.template, counts);
  if (refreshing) text = withSpinner(text);
  // Old numbers stay visible but say so: hiding them would look like "no tickets".
  if (failing) text = `${text} ${t('(stale)')}`;
  else if (notSetUp > 0) text = `${text} ${t('({0} of {1} not set up)', notSetUp, views.length)}`;
  const awaiting = counts.awaitingReply;
  const background = failing
    ? 'error'
    : options.warningThreshold > 0 && awaiting !== null && awaiting >= options.warningThreshold
      ? 'warning'
      : undefined;
  const accessibilityLabel =
    awaiting === null
      ? t('WHMCS ticket counts are switched off on the server')
      : t('{0} WHMCS tickets awaiting reply', awaiting) + (failing ? `, ${t('stale')}` : '');
  return {
    // A failure, or a connection still to set up, is news even when nothing awaits a reply.
    visible: !(options.hideWhenZero && awaiting === 0 && !failing && notSetUp === 0),
    text,
    tooltip: explained,
    accessibilityLabel,
    ...(background ? { background } : {}),
  };
}
