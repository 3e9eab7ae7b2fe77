/**
 * The preview page: one HTML file, its stylesheet and its script, kept as strings so they
 * travel inside `dist/` with the compiled code. The script is an ES module that imports
 * pdf.js from the server's `/pdfjs/` prefix (the installed `pdfjs-dist`), nothing from the internet.
 * Data from the report is only ever put into the page with `textContent`, never as HTML.
 */

export const PAGE_HTML = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>报告预览 · xxgk</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<script type="module" src="/editor.js"></script>
<script type="module" src="/app.js"></script>
</head>
<body data-status="pending" data-update-id="0" data-pdf-id="0">
<header id="top">
  <div class="title">
    <h1 id="doc-title">政府信息公开工作年度报告 · 预览</h1>
    <div id="doc-file" class="sub"></div>
  </div>
  <div id="summary" class="summary" aria-live="polite">
    <span class="count error" id="n-errors" title="错误">错误 0</span>
    <span class="count warning" id="n-warnings" title="警告">警告 0</span>
    <span class="count hint" id="n-hints" title="提示">提示 0</span>
    <span class="count ack" id="n-ack" title="已确认的警告">已确认 0</span>
  </div>
  <div class="tools">
    <label class="zoom">缩放
      <select id="zoom">
        <option value="fit" selected>适合宽度</option>
        <option value="0.75">75%</option>
        <option value="1">100%</option>
        <option value="1.25">125%</option>
        <option value="1.5">150%</option>
        <option value="2">200%</option>
      </select>
    </label>
    <button type="button" id="edit-toggle" class="button" data-action="edit">编辑</button>
    <button type="button" id="pdf-toggle" class="button quiet" data-action="toggle-pdf">收起 PDF</button>
    <a id="dl-pdf" class="button disabled" href="/document.pdf" download aria-disabled="true">下载 PDF</a>
    <a id="dl-docx" class="button disabled" href="/document.docx" download aria-disabled="true">下载 Word</a>
    <a id="dl-html" class="button disabled" href="/document.html" download aria-disabled="true">下载网页</a>
  </div>
</header>
<div id="banner" class="banner" role="alert" hidden>
  <strong id="banner-title"></strong>
  <ul id="banner-list"></ul>
</div>
<main>
  <section id="editor" aria-label="编辑报告" hidden>
    <div id="edit-bar" class="edit-bar">
      <button type="button" class="button" data-action="save" disabled>保存</button>
      <span id="edit-state" class="sub">没有未保存的修改</span>
    </div>
    <div id="edit-conflict" class="banner refused" role="alert" hidden>
      <strong id="edit-conflict-text">数据文件在页面载入后已被其他程序修改。</strong>
      <button type="button" class="button" data-action="reload">载入文件中的版本（放弃页面中的修改）</button>
      <button type="button" class="button" data-action="keep-mine">保留页面中的修改并保存</button>
    </div>
    <div id="edit-error" class="banner" role="alert" hidden></div>
    <form id="edit-form" autocomplete="off"></form>
  </section>
  <section id="viewer" aria-label="PDF 页面">
    <div id="placeholder" class="placeholder">正在生成预览……</div>
    <div id="pages"></div>
  </section>
  <aside id="panel" aria-label="检查结果">
    <nav id="outline" aria-label="目录" hidden>
      <h2>目录</h2>
      <ol id="outline-list"></ol>
    </nav>
    <h2>检查结果 <span id="diag-total" class="sub"></span></h2>
    <div id="diag-empty" class="empty" hidden>没有发现问题。</div>
    <div id="diagnostics"></div>
  </aside>
</main>
<footer id="status-bar">
  <span id="conn" class="conn">正在连接预览服务……</span>
  <span id="timing"></span>
  <span id="updated"></span>
</footer>
</body>
</html>
`;

export const PAGE_CSS = String.raw`
/* The bundled open 黑体, downloaded by the browser only when no installed font has the characters. */
@font-face { font-family: "xxgk-ui"; src: url("/fonts/ui.ttf") format("truetype"); font-display: swap; }
:root {
  --error: #c62828; --warning: #b26a00; --hint: #1565c0; --ack: #6b6b6b;
  --bg: #f4f5f7; --line: #d8dbe0; --ink: #1f2328;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, "xxgk-ui", sans-serif;
  color: var(--ink);
}
select, button { font: inherit; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; background: var(--bg); }
header#top { display: flex; align-items: center; gap: 16px; padding: 8px 16px; background: #fff; border-bottom: 1px solid var(--line); }
header .title { flex: 1; min-width: 0; }
h1 { font-size: 17px; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
h2 { font-size: 15px; margin: 0 0 8px; }
.sub { color: #666; font-size: 12px; font-weight: normal; }
.summary { display: flex; gap: 6px; }
.count { font-size: 13px; padding: 2px 8px; border-radius: 10px; background: #eceef1; color: #555; }
.count.error.on { background: var(--error); color: #fff; }
.count.warning.on { background: var(--warning); color: #fff; }
.count.hint.on { background: var(--hint); color: #fff; }
.tools { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.button { display: inline-block; padding: 5px 12px; border-radius: 4px; background: #1f6feb; color: #fff; text-decoration: none; font-size: 13px; }
.button:hover { background: #1a5fd0; }
.button.disabled { background: #9aa4b2; pointer-events: none; }
.banner { background: #fdecea; border-bottom: 3px solid var(--error); color: #7f1d1d; padding: 10px 16px; font-size: 14px; }
.banner.refused { background: #fff4e5; border-color: var(--warning); color: #663c00; }
.banner ul { margin: 6px 0 0; padding-left: 20px; }
.banner li { margin: 2px 0; }
main { flex: 1; display: flex; min-height: 0; }
#viewer { flex: 1 1 45%; min-width: 0; overflow: auto; background: #525659; position: relative; }
#pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px; min-width: min-content; }
.page { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.45); }
.page canvas { display: block; }
.page .label { position: absolute; right: -2px; bottom: -18px; font-size: 11px; color: #ddd; }
body.stale #pages .page { outline: 3px solid var(--error); }
.placeholder { color: #eee; text-align: center; padding: 64px 16px; font-size: 15px; }
#panel { width: 400px; max-width: 45vw; overflow: auto; background: #fff; border-left: 1px solid var(--line); padding: 12px 14px; }
.group { margin-bottom: 14px; }
.group h3 { font-size: 14px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.group ul { list-style: none; margin: 0; padding: 0; }
#outline ol { list-style: none; margin: 0 0 14px; padding: 0; font-size: 13px; line-height: 1.7; }
#outline li.level-1 { padding-left: 1.5em; }
#outline li.level-2 { padding-left: 3em; }
#outline a { color: inherit; text-decoration: none; cursor: pointer; }
#outline a:hover { text-decoration: underline; }
.diag { border-left: 4px solid var(--hint); padding: 5px 8px; margin: 0 0 6px; background: #f7f9fc; font-size: 13px; line-height: 1.5; }
.diag.error { border-color: var(--error); background: #fdf3f2; }
.diag.warning { border-color: var(--warning); background: #fff8ec; }
.diag.acknowledged { border-color: var(--ack); background: #f3f3f3; color: #666; }
.diag .meta { display: flex; gap: 8px; align-items: baseline; font-size: 12px; }
.diag .sev { font-weight: bold; }
.diag.error .sev { color: var(--error); }
.diag.warning .sev { color: var(--warning); }
.diag.hint .sev { color: var(--hint); }
.diag.acknowledged .sev { color: var(--ack); }
.diag code { font-size: 12px; background: #e9ecef; padding: 0 4px; border-radius: 3px; }
.diag .line { color: #555; }
.diag .path { color: #777; font-size: 11px; font-family: ui-monospace, monospace; word-break: break-all; }
.diag .reason { color: #555; font-size: 12px; }
.empty { color: #2e7d32; font-size: 14px; }
button.button { border: 0; cursor: pointer; }
button.button:disabled { background: #9aa4b2; cursor: default; }
.button.quiet { background: #eceef1; color: #333; }
body.editing #edit-toggle { background: #2e7d32; }
#editor { flex: 1 1 55%; min-width: 0; overflow: auto; background: #fff; border-right: 1px solid var(--line); padding: 0 14px 40px; }
body.pdf-collapsed #viewer { display: none; }
.edit-bar { position: sticky; top: 0; z-index: 2; background: #fff; display: flex; align-items: center; gap: 12px; padding: 8px 0; border-bottom: 1px solid var(--line); }
#edit-state.dirty { color: var(--warning); font-weight: bold; }
#editor fieldset { border: 0; border-top: 1px solid var(--line); margin: 12px 0 0; padding: 8px 0 0; }
#editor legend { font-weight: bold; font-size: 14px; padding: 0 4px 0 0; }
.field { display: flex; flex-direction: column; gap: 2px; margin: 6px 0; font-size: 13px; }
.field input, .field select, .field textarea { font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid #b8bec7; border-radius: 3px; }
.field textarea { min-height: 5.5em; resize: vertical; line-height: 1.6; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; }
.field-msg { font-size: 12px; color: var(--error); }
.field-msg.warning { color: var(--warning); }
.sub-item { border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 8px 0; background: #fafbfc; }
.sub-item .tools { justify-content: flex-end; }
.small { font-size: 12px; padding: 2px 8px; }
table.grid { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 12px; margin: 6px 0 10px; }
table.grid td { border: 1px solid #9aa4b2; padding: 1px 3px; vertical-align: middle; text-align: center; overflow-wrap: anywhere; line-height: 1.35; }
table.grid td.fig { padding: 0; }
table.grid td.label { background: #f6f7f9; }
table.grid td.label.left { text-align: left; }
table.grid input { width: 100%; min-width: 0; border: 0; padding: 3px 2px; font: inherit; font-size: 13px; text-align: right; background: transparent; }
table.grid input:focus { outline: 2px solid #1f6feb; outline-offset: -2px; background: #fff; }
table.grid input[readonly] { background: #eef0f3; color: #333; font-weight: bold; }
.invalid, table.grid input.invalid { background: #fde0dc !important; }
.has-error { box-shadow: inset 0 0 0 2px var(--error); background: #fdf3f2 !important; }
.has-warning { box-shadow: inset 0 0 0 2px var(--warning); background: #fff8ec !important; }
.changed { color: #0b5cad; }
.diag.draft { border-style: dashed; }
.diag { cursor: pointer; }
.diag .ack { margin-top: 4px; display: flex; gap: 6px; }
.diag .ack input { flex: 1; font: inherit; font-size: 12px; }
.note { font-size: 12px; color: #666; }
footer#status-bar { display: flex; gap: 16px; padding: 4px 16px; font-size: 12px; color: #555; background: #fff; border-top: 1px solid var(--line); }
.conn::before { content: "●"; margin-right: 4px; color: #999; }
.conn.on::before { color: #2e7d32; }
.conn.off::before { color: var(--error); }
`;

export const PAGE_JS = String.raw`
// The per-run token arrives in the address's fragment; kept for reloads of this tab only.
const TOKEN = (function () {
  const m = /[#&]k=([0-9a-f]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem('xxgk-token', m[1]); history.replaceState(null, '', location.pathname); return m[1]; }
  return sessionStorage.getItem('xxgk-token') || '';
})();
const withToken = (url) => url + (url.indexOf('?') >= 0 ? '&' : '?') + 'k=' + TOKEN;

// pdf.js is loaded on its own: where neither build runs, editing and the checks still work.
let pdfjsLib = null;
async function loadPdfjs() {
  if (pdfjsLib) return pdfjsLib;
  for (const dir of ['/pdfjs/', '/pdfjs/legacy/']) {
    try {
      const lib = await import(dir + 'pdf.min.mjs');
      lib.GlobalWorkerOptions.workerSrc = dir + 'pdf.worker.min.mjs';
      pdfjsLib = lib;
      document.body.dataset.pdfjs = dir === '/pdfjs/' ? 'modern' : 'legacy';
      return lib;
    } catch (e) { /* try the legacy build */ }
  }
  throw new Error('此浏览器无法显示 PDF 页面（请使用较新的浏览器）；编辑和检查不受影响，也可下载 PDF 查看');
}

const $ = (id) => document.getElementById(id);
const viewer = $('viewer');
const pagesBox = $('pages');
const SEVERITY = { error: '错误', warning: '警告', hint: '提示' };
const GROUPS = [
  ['', '整个文件'],
  ['proactive', '表二　主动公开政府信息情况'],
  ['applications', '表三　收到和处理政府信息公开申请情况'],
  ['reviewLitigation', '表四　行政复议、行政诉讼情况'],
];
const OTHER_GROUP = '正文及其他';

let fileName = 'document';
let shownPdfId = 0;
let wantedPdfId = 0;
let shownDiagId = 0;
let drawing = false;
let redrawWanted = false;
let currentDoc = null;
let currentTask = null;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function clockTime(iso) {
  return iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour12: false }) : '';
}

// ---- live updates ----
const events = new EventSource(withToken('/events'));
events.addEventListener('update', (ev) => onSummary(JSON.parse(ev.data)));
events.addEventListener('open', () => setConn(true));
events.addEventListener('error', () => setConn(false));

function setConn(on) {
  const c = $('conn');
  c.className = 'conn ' + (on ? 'on' : 'off');
  c.textContent = on ? '已连接，保存数据文件后自动更新' : '与预览服务的连接已断开（预览已停止？）';
}

function onSummary(s) {
  document.body.dataset.updateId = String(s.id);
  document.body.dataset.status = s.status;
  showCounts(s.counts);
  showLinks(s);
  $('timing').textContent = s.saveToPdfMs !== undefined && s.id === s.pdfId
    ? '保存到新 PDF：' + s.saveToPdfMs + ' ms（渲染 ' + s.renderMs + ' ms）' : '';
  $('updated').textContent = s.updatedAt ? '检查于 ' + clockTime(s.updatedAt) : '';
  void refreshDiagnostics();
  window.dispatchEvent(new CustomEvent('xxgk-update', { detail: s }));
  if (s.pdfId && s.pdfId !== shownPdfId) {
    wantedPdfId = Math.max(wantedPdfId, s.pdfId);
    void drawLoop();
  }
  if (!s.hasPdf && s.status !== 'pending') $('placeholder').textContent = '尚无可显示的 PDF：请先修正下列错误。';
}

function showCounts(c) {
  const set = (id, label, n) => { const e = $(id); e.textContent = label + ' ' + n; e.classList.toggle('on', n > 0); };
  set('n-errors', '错误', c.errors);
  set('n-warnings', '警告', c.warnings);
  set('n-hints', '提示', c.hints);
  set('n-ack', '已确认', c.acknowledged);
}

function showLinks(s) {
  fileName = (s.file || 'document').split(/[\\/]/).pop().replace(/\.(ya?ml|json)$/i, '') || 'document';
  const title = (s.agency ? s.agency : '') + (s.year ? s.year + '年' : '') + '政府信息公开工作年度报告';
  $('doc-title').textContent = title + ' · 预览';
  document.title = title + ' · 预览';
  $('doc-file').textContent = s.file || '';
  for (const [id, has, ext] of [['dl-pdf', s.hasPdf, '.pdf'], ['dl-docx', s.hasDocx, '.docx'], ['dl-html', s.hasHtml, '.html']]) {
    const a = $(id);
    a.href = withToken('/document' + ext);
    a.classList.toggle('disabled', !has);
    a.setAttribute('aria-disabled', has ? 'false' : 'true');
    a.setAttribute('download', fileName + ext);
  }
}

// ---- diagnostics ----
async function refreshDiagnostics() {
  let d;
  try {
    const res = await fetch('/diagnostics.json', { cache: 'no-store', headers: { 'X-Xxgk-Token': TOKEN } });
    d = await res.json();
  } catch (e) {
    return;
  }
  if (d.id < shownDiagId) return; // an older answer overtaken by a newer one
  shownDiagId = d.id;
  showDiagnostics(d);
  showBanner(d);
  window.dispatchEvent(new CustomEvent('xxgk-diagnostics', { detail: d }));
}

// A draft's findings, checked as the user types, until it is saved.
window.addEventListener('xxgk-draft', (ev) => {
  const d = ev.detail;
  if (!d) { void refreshDiagnostics(); shownDiagId = 0; return; }
  showDiagnostics({ diagnostics: d.diagnostics, status: 'draft', draft: true });
});

function groupOf(path) {
  const head = (path || '').split(/[.\[]/)[0];
  for (const [key, label] of GROUPS) if (key === head) return label;
  return OTHER_GROUP;
}

function showDiagnostics(d) {
  const box = $('diagnostics');
  const groups = new Map();
  for (const [, label] of GROUPS) groups.set(label, []);
  groups.set(OTHER_GROUP, []);
  for (const x of d.diagnostics) groups.get(groupOf(x.path)).push(Object.assign({ draft: d.draft }, x));
  const rank = (x) => (x.acknowledged ? 1 : 0);
  const frag = document.createDocumentFragment();
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    list.sort((a, b) => rank(a) - rank(b) || (a.line || 0) - (b.line || 0));
    const g = el('section', 'group');
    g.appendChild(el('h3', '', label + '（' + list.length + '）'));
    const ul = el('ul');
    for (const x of list) ul.appendChild(diagItem(x));
    g.appendChild(ul);
    frag.appendChild(g);
  }
  box.replaceChildren(frag);
  document.body.dataset.diagnostics = d.draft ? 'draft' : 'saved';
  $('diag-empty').hidden = d.diagnostics.length > 0 || d.status === 'pending';
  $('diag-total').textContent = d.diagnostics.length ? '共 ' + d.diagnostics.length + ' 条' : '';
}

const ackDrafts = new Map();
function diagItem(x) {
  const li = el('li', 'diag ' + x.severity + (x.acknowledged ? ' acknowledged' : '') + (x.draft ? ' draft' : ''));
  li.dataset.code = x.code;
  li.dataset.diagPath = x.path || '';
  li.title = '点击定位到对应的格子或字段';
  li.addEventListener('click', (ev) => {
    if (ev.target.closest('.ack')) return;
    window.dispatchEvent(new CustomEvent('xxgk-focus', { detail: x.path || '' }));
  });
  li.dataset.severity = x.severity;
  const meta = el('div', 'meta');
  meta.appendChild(el('span', 'sev', x.acknowledged ? SEVERITY[x.severity] + '（已确认）' : SEVERITY[x.severity] || x.severity));
  meta.appendChild(el('code', '', x.code));
  if (x.cell) meta.appendChild(el('span', 'line', x.cell));
  else if (x.line) meta.appendChild(el('span', 'line', '第 ' + x.line + ' 行'));
  li.appendChild(meta);
  li.appendChild(el('div', 'msg', x.message));
  if (x.acknowledged) li.appendChild(el('div', 'reason', '确认理由：' + x.acknowledged.reason));
  if (x.path) li.appendChild(el('div', 'path', x.path));
  if (x.severity === 'warning' && !x.acknowledged) {
    const ack = el('div', 'ack');
    const reason = el('input');
    const key = x.code + ' ' + (x.path || '');
    // The list is redrawn after every check: a reason being typed must survive it.
    reason.value = ackDrafts.get(key) || '';
    reason.addEventListener('input', () => ackDrafts.set(key, reason.value));
    reason.placeholder = '确认理由（如：本机关无规章制定权）';
    reason.dataset.action = 'ack-reason';
    const ok = el('button', 'button small', '确认此警告');
    ok.type = 'button';
    ok.dataset.action = 'acknowledge';
    ok.addEventListener('click', () => {
      if (!reason.value.trim()) { reason.focus(); return; }
      ackDrafts.delete(key);
      window.dispatchEvent(new CustomEvent('xxgk-acknowledge', { detail: { code: x.code, path: x.path || undefined, reason: reason.value.trim() } }));
    });
    ack.append(reason, ok);
    li.appendChild(ack);
  }
  return li;
}

function showBanner(d) {
  const banner = $('banner');
  const failed = d.status === 'failed' || d.status === 'refused';
  document.body.classList.toggle('stale', Boolean(d.stale));
  if (!failed) { banner.hidden = true; return; }
  banner.className = 'banner' + (d.status === 'refused' ? ' refused' : '');
  const keep = d.hasPdf ? '下方显示的仍是上一次成功生成的版本。' : '尚无可显示的 PDF。';
  $('banner-title').textContent = (d.status === 'refused' ? '数据有错误，未生成新的预览：' : '数据文件无法生成预览：') + keep;
  const list = $('banner-list');
  list.replaceChildren();
  for (const x of d.diagnostics.filter((y) => y.severity === 'error').slice(0, 5)) {
    list.appendChild(el('li', '', (x.cell ? x.cell + '：' : x.line ? '第 ' + x.line + ' 行：' : '') + x.message + '（' + x.code + '）'));
  }
  banner.hidden = false;
}

// ---- PDF pages ----
function zoomFor(page) {
  const z = $('zoom').value;
  const natural = page.getViewport({ scale: 1 });
  if (z !== 'fit') return Number(z) * 96 / 72;
  const room = Math.max(200, viewer.clientWidth - 40);
  return Math.min(room, 1000) / natural.width;
}

async function drawCanvas(page, vp) {
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(vp.width * dpr);
  canvas.height = Math.floor(vp.height * dpr);
  canvas.style.width = Math.floor(vp.width) + 'px';
  canvas.style.height = Math.floor(vp.height) + 'px';
  canvas.dataset.height = String(page.view[3] - page.view[1]);
  await page.render({ canvas, viewport: vp, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined }).promise;
  return canvas;
}

/**
 * The document's bookmarks as a table of contents in the side panel; a click scrolls the
 * viewer to the heading (its page, at the height the bookmark names).
 */
async function showOutline(doc, pdfId) {
  const entries = [];
  const walk = async (items, level) => {
    for (const o of items || []) {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      const page = Array.isArray(dest) && dest[0] ? (await doc.getPageIndex(dest[0])) + 1 : null;
      const top = Array.isArray(dest) && typeof dest[2] === 'number' ? dest[2] : null;
      if (page) entries.push({ title: o.title, page, top, level });
      await walk(o.items, level + 1);
    }
  };
  await walk(await doc.getOutline(), 0);
  if (pdfId !== shownPdfId) return;
  $('outline-list').replaceChildren(...entries.map((e) => {
    const li = el('li', 'level-' + Math.min(e.level, 2));
    const a = el('a', '', e.title);
    a.href = '#';
    a.dataset.page = String(e.page);
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const wrap = pagesBox.children[e.page - 1];
      if (!wrap) return;
      const canvas = wrap.querySelector('canvas');
      const scale = Number(pagesBox.dataset.scale) || 1;
      const fromTop = canvas && e.top !== null ? Math.max(0, Number(canvas.dataset.height) - e.top) * scale : 0;
      viewer.scrollTop = wrap.offsetTop + fromTop - 12;
    });
    li.appendChild(a);
    return li;
  }));
  $('outline').hidden = entries.length === 0;
}

function pageBox(i) {
  const wrap = el('div', 'page');
  wrap.dataset.page = String(i);
  wrap.appendChild(el('span', 'label', '第 ' + i + ' 页'));
  return wrap;
}

/** Page numbers in drawing order: those on screen first, then the rest from the top. */
function drawingOrder(n) {
  const top = viewer.scrollTop;
  const bottom = top + viewer.clientHeight;
  const seen = [];
  const rest = [];
  for (let i = 1; i <= n; i++) {
    const w = pagesBox.children[i - 1];
    const onScreen = w && w.offsetTop < bottom && w.offsetTop + w.offsetHeight > top;
    (onScreen ? seen : rest).push(i);
  }
  return seen.concat(rest);
}

/**
 * Draws every page of a document. Each page is drawn off screen and then swapped for the old
 * one in a single step, the pages on screen first, so nothing flickers and the scroll position
 * stays. Returns false when a newer version arrived before all pages were drawn.
 */
async function drawPages(doc, pdfId) {
  const first = await doc.getPage(1);
  const scale = zoomFor(first);
  const top = viewer.scrollTop;
  const left = viewer.scrollLeft;
  if (pagesBox.dataset.scale !== String(scale) || pagesBox.children.length === 0) {
    // New zoom (or the first document): build all pages, then swap them in at once.
    const built = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = i === 1 ? first : await doc.getPage(i);
      const wrap = pageBox(i);
      wrap.prepend(await drawCanvas(page, page.getViewport({ scale })));
      wrap.dataset.pdfId = String(pdfId);
      built.push(wrap);
    }
    pagesBox.replaceChildren(...built);
    pagesBox.dataset.scale = String(scale);
  } else {
    for (const i of drawingOrder(doc.numPages)) {
      if (pdfId < wantedPdfId) return false;
      const page = i === 1 ? first : await doc.getPage(i);
      const canvas = await drawCanvas(page, page.getViewport({ scale }));
      let wrap = pagesBox.children[i - 1];
      if (!wrap) pagesBox.appendChild((wrap = pageBox(i)));
      const old = wrap.querySelector('canvas');
      if (old) old.replaceWith(canvas);
      else wrap.prepend(canvas);
      wrap.dataset.pdfId = String(pdfId);
    }
    while (pagesBox.children.length > doc.numPages) pagesBox.lastElementChild.remove();
  }
  viewer.scrollTop = top;
  viewer.scrollLeft = left;
  $('placeholder').hidden = true;
  return true;
}

let sharedWorker = null;
function pdfWorker() {
  // One worker for every version of the document: starting a worker per update costs more than the drawing.
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new pdfjsLib.PDFWorker();
  return sharedWorker;
}

async function drawLoop() {
  if (drawing) return;
  drawing = true;
  try {
    for (;;) {
      if (wantedPdfId > shownPdfId) {
        const t0 = performance.now();
        await loadPdfjs();
        const res = await fetch('/document.pdf?v=' + wantedPdfId, { cache: 'no-store', headers: { 'X-Xxgk-Token': TOKEN } });
        if (!res.ok) break;
        const got = Number(res.headers.get('X-Xxgk-Pdf-Id')) || wantedPdfId;
        const data = new Uint8Array(await res.arrayBuffer());
        const task = pdfjsLib.getDocument({ data, worker: pdfWorker(), isEvalSupported: false, enableXfa: false, enableScripting: false });
        const doc = await task.promise;
        const complete = await drawPages(doc, got);
        // pdf.js 6 destroys a document through its loading task.
        if (currentTask) void currentTask.destroy();
        currentTask = task;
        currentDoc = doc;
        shownPdfId = got;
        wantedPdfId = Math.max(wantedPdfId, got);
        void showOutline(doc, got).catch(() => { $('outline').hidden = true; });
        if (complete) {
          document.body.dataset.pdfId = String(got);
          document.body.dataset.drawMs = String(Math.round(performance.now() - t0));
        }
      } else if (redrawWanted && currentDoc) {
        redrawWanted = false;
        pagesBox.dataset.scale = '';
        await drawPages(currentDoc, shownPdfId);
      } else break;
    }
  } catch (e) {
    $('placeholder').hidden = false;
    $('placeholder').textContent = '页面绘制失败：' + (e && e.message ? e.message : e);
  } finally {
    drawing = false;
  }
}

function redraw() {
  redrawWanted = true;
  void drawLoop();
}

let resizeTimer = 0;
let lastWidth = viewer.clientWidth;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if ($('zoom').value === 'fit' && viewer.clientWidth !== lastWidth) { lastWidth = viewer.clientWidth; redraw(); }
  }, 150);
});
$('zoom').addEventListener('change', redraw);
$('pdf-toggle').addEventListener('click', () => {
  const collapsed = document.body.classList.toggle('pdf-collapsed');
  $('pdf-toggle').textContent = collapsed ? '展开 PDF' : '收起 PDF';
  if (!collapsed) redraw();
});
// The editor opening or closing changes the pane's width: fit the pages again.
window.addEventListener('xxgk-layout', () => {
  if ($('zoom').value === 'fit' && viewer.clientWidth !== lastWidth && viewer.clientWidth > 0) { lastWidth = viewer.clientWidth; redraw(); }
});
`;
