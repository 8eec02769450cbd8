/**
 * The report's stylesheet and script, inlined into report.html. They are constants (no data is
 * ever interpolated into them), so the Content-Security-Policy can pin them by hash.
 */

export const reportStyle = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --link: #0645ad;
  --error: #a4001c; --error-bg: #fde8eb; --warning: #7a4a00; --warning-bg: #fff1d6; --info: #1f4f7a; --info-bg: #e6f0fa;
  --mark: #fff2a8; --focus: #1a57d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
header, main, nav.toc { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; }
.question { font-size: 1.05rem; color: var(--muted); max-width: 60rem; }
nav.toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0 0; }
dl.counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
dl.counts div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
dl.counts dt { font-size: .85rem; color: var(--muted); }
dl.counts dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
.failures { border: 2px solid var(--error); background: var(--error-bg); padding: .5rem 1rem; border-radius: 6px; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; padding: 0 .4rem; border-radius: 4px; border: 1px solid currentColor; }
.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-info { color: var(--info); background: var(--info-bg); }
form.filters fieldset { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: end; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0; }
form.filters legend { font-weight: 700; padding: 0 .25rem; }
form.filters label { display: flex; flex-direction: column; font-size: .9rem; }
form.filters select { font: inherit; padding: .25rem; min-width: 12rem; max-width: 24rem; }
.filter-status { color: var(--muted); }
details.problem-group > summary { cursor: pointer; }
details.problem-group > summary h4 { display: inline; }
.problem { border-left: 4px solid var(--line); padding: .25rem .75rem; margin: .5rem 0 .9rem; }
.problem[data-severity="error"] { border-left-color: var(--error); }
.problem[data-severity="warning"] { border-left-color: var(--warning); }
.problem[data-severity="info"] { border-left-color: var(--info); }
.problem p { margin: .2rem 0; }
.problem .place { font-size: .9rem; color: var(--muted); }
.problem blockquote { margin: .3rem 0; padding: .3rem .6rem; background: #f6f6f6; border-radius: 4px; }
.rule-id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
mark { background: var(--mark); color: var(--ink); padding: 0 .1em; }
.references ul { list-style: none; padding-left: 0; }
.references li { margin-bottom: .9rem; }
.references details { font-size: .9rem; color: var(--muted); }
.references .entry { text-indent: -1.5rem; padding-left: 1.5rem; }
.references details { padding-left: 1.5rem; }
.references .entry-problems { font-size: .9rem; padding-left: 1.5rem; }
.references .entry-problems ul { margin: .2rem 0; }
.references .entry-problems li { margin-bottom: .2rem; }
table.typed-list tr.uncited td { background: #fff4e5; }
.references-not-ready { margin-top: 1rem; }
.references-todo .todo-entry { border-left: 3px solid var(--error); padding-left: .8rem; margin-bottom: 1.2rem; }
.references-todo h3 { margin-bottom: .2rem; }
.references-todo .place { color: var(--muted); font-size: .9rem; margin-top: 0; }
.references-todo ul { padding-left: 1.2rem; }
.references-todo .entry-problems { font-size: .9rem; }
.references-todo .entry-problems ul { margin: .2rem 0; }
.status-verified { color: #1d5e20; }
.status-partly-verified { color: var(--warning); }
.status-unverified, .status-none { color: var(--error); }
.table-wrap { overflow-x: auto; }
.table-title, .table-note-label { font-style: italic; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; caption-side: top; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #eef0f3; }
table.heat-map td { text-align: center; position: relative; min-width: 4.5rem; font-weight: 700; cursor: default; }
table.heat-map td .tip { display: none; position: absolute; z-index: 2; left: 50%; top: 100%; width: 22rem; max-width: 80vw;
  transform: translateX(-50%); text-align: left; font-weight: 400; background: #fff; color: var(--ink); border: 1px solid var(--ink);
  border-radius: 6px; padding: .5rem .75rem; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
table.heat-map td:hover .tip, table.heat-map td:focus .tip, table.heat-map td:focus-within .tip { display: block; }
table.heat-map td .tip ul { margin: 0; padding-left: 1.1rem; }
.heat-0 { background: #ffffff; color: #4a4a4a; }
.heat-1 { background: #deebf7; color: #1b1b1b; }
.heat-2 { background: #9ecae1; color: #1b1b1b; }
.heat-3 { background: #3f7fbf; color: #ffffff; }
.heat-4 { background: #08306b; color: #ffffff; }
.manuscript { max-width: 48rem; }
.manuscript .block { margin: 0 0 .8rem; padding-left: 4.5rem; position: relative; }
.manuscript .block:target { background: #fffbe0; outline: 2px solid var(--focus); }
.manuscript .lineno { position: absolute; left: 0; width: 4rem; text-align: right; font-size: .75rem; color: var(--muted); top: .2rem; }
.manuscript .pageno { display: block; font-size: .75rem; color: var(--muted); border-top: 1px dashed var(--line); margin: 1rem 0 .5rem; }
.manuscript mark:target { outline: 3px solid var(--focus); outline-offset: 1px; }
.manuscript mark.has-problem { background: #ffd6dc; outline: 1px solid var(--error); }
.manuscript a.backref { font-size: .75rem; vertical-align: super; margin-left: .1rem; }
.manuscript blockquote { margin-left: 4.5rem; }
@media print {
  nav.toc, nav.table-contents, form.filters, .filter-status, .skip, .tip, a.backref { display: none !important; }
  body { font-size: 11pt; }
  h2 { break-after: avoid; }
  .problem, .references li, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .heat-3, .heat-4 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Filters the problems by severity, rule and source; without script every problem shows. */
export const reportScript = `
(function () {
  // A link to a problem folded away (a note on form, e.g. from the reference list) unfolds its group.
  function reveal() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var group = target && target.closest('details');
    if (group && !group.open) { group.open = true; target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  reveal();
  var form = document.getElementById('filters');
  if (!form) return;
  var problems = Array.prototype.slice.call(document.querySelectorAll('.problem'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('.problem-group'));
  var status = document.getElementById('filter-status');
  var template = status ? status.getAttribute('data-template') : '';
  function apply() {
    var severity = form.elements.severity.value;
    var rule = form.elements.rule.value;
    var source = form.elements.source.value;
    var shown = 0;
    problems.forEach(function (problem) {
      var visible = (!severity || problem.getAttribute('data-severity') === severity) &&
        (!rule || problem.getAttribute('data-rule') === rule) &&
        (!source || problem.getAttribute('data-source') === source);
      problem.hidden = !visible;
      if (visible) shown++;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('.problem:not([hidden])');
      // A filter the reader chose unfolds the folded groups it leaves.
      if (group.tagName === 'DETAILS' && (severity || rule || source) && !group.hidden) group.open = true;
    });
    if (status) status.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(problems.length));
  }
  // A printed report shows the verification details that are folded away on screen.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (details) { details.open = true; });
  });
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;
