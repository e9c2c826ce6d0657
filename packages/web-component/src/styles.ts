/**
 * Default look: small pills, light or dark through `light-dark()`. That follows the page's
 * `color-scheme`, not prefers-color-scheme alone: a page that declares `color-scheme: light dark`
 * gets the dark look when its user prefers dark, and a light-only page never gets light text on
 * its white background. Everything else is a `--ticket-counts-*` property or a `::part()`.
 * The state text shows only while stale or failing, so it always takes the warning colour.
 * Written terse: it ships as-is inside the 5 KB bundle (each line ends in `\`, a line continuation,
 * so no newlines ship).
 */
export const styles = `\
:host{display:inline-block;overflow-wrap:anywhere;font:var(--ticket-counts-font,.875rem/1.5 system-ui,sans-serif);color:var(--ticket-counts-color,light-dark(#1f2328,#e6edf3))}\
[hidden],:host([hidden]){display:none!important}\
div{display:flex;flex-wrap:wrap;align-items:center;gap:var(--ticket-counts-gap,.375rem)}\
ul{display:contents}\
li{display:flex;border:1px solid var(--ticket-counts-border-color,light-dark(#d1d9e0,#3d444d));border-radius:var(--ticket-counts-radius,2em);background:var(--ticket-counts-background,light-dark(#fff,#0d1117))}\
a,li>span{display:flex;align-items:center;gap:.375em;padding:.125em .625em;padding-inline-start:.25em;color:inherit;text-decoration:none;border-radius:inherit}\
a:hover [part=label]{text-decoration:underline}\
[part~=value]{min-width:1.5em;padding:0 .375em;border-radius:2em;background:var(--ticket-counts-accent,light-dark(#0969da,#4493f8));color:var(--ticket-counts-accent-text,light-dark(#fff,#0d1117));font-weight:600;text-align:center;font-variant-numeric:tabular-nums}\
[part=caption]{font-weight:600}\
[part=state]{color:var(--ticket-counts-warning,light-dark(#9a6700,#d29922));font-size:.875em}\
:host([state=stale]) [part~=value]{background:var(--ticket-counts-muted,light-dark(#59636e,#9198a1))}\
:host([state=stale]) [part=state]::before{content:"\\26A0\\FE0E  "}\
:host([compact]) li>*{padding:.125em}\
.sr,:host([compact]) [part=label]{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;
