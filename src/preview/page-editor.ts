/**
 * The preview page's editor (`/editor.js`): every field of the data contract and the three
 * tables as grids built from the catalogue the server sends, live totals, checks while typing,
 * saving. It never loads pdf.js, so editing works where the PDF pane cannot be drawn. Data is
 * put into the page only as input values and `textContent`. Written for older Chromium engines
 * (no optional chaining, no `replaceChildren`).
 */

export const EDITOR_JS = String.raw`
const TOKEN = (function () {
  const m = /[#&]k=([0-9a-f]+)/.exec(location.hash);
  if (m) { sessionStorage.setItem('xxgk-token', m[1]); return m[1]; }
  return sessionStorage.getItem('xxgk-token') || '';
})();
const $ = (id) => document.getElementById(id);
const form = $('edit-form');
const FIELDS_TOP = [
  ['agency', '机关名称', 'input'], ['year', '报告年度', 'year'], ['contact', '联系方式（印在开头一段）', 'input'],
  ['level', '机关层级', 'level'], ['published', '发布日期（形如 2022-01-25）', 'input'], ['title', '标题（可省略）', 'input'],
];
const SECTIONS = [
  ['preamble', '开头一段（省略时由模板生成）'], ['overviewIntro', '一、总体情况（引言）'], ['@overview'],
  ['@表二'], ['applicationsIntro', '三、收到和处理政府信息公开申请情况（说明，可省略）'], ['@表三'], ['@表四'],
  ['problems', '五、存在的主要问题及改进情况'], ['otherMatters', '六、其他需要报告的事项'], ['@signature'], ['@acknowledged'],
];

let state = null; // { version, data, tables }
let edits = new Map(); // path -> value
let lists = { overview: null, acknowledged: null }; // edited lists
let checkTimer = 0;
let checkSeq = 0;
let saving = false;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function keysOf(path) {
  const out = [];
  path.replace(/([A-Za-z]+)|\[(\d+)\]/g, (m, k, i) => { out.push(k !== undefined ? k : Number(i)); return m; });
  return out;
}
function get(obj, path) {
  let x = obj;
  for (const k of keysOf(path)) { if (x === null || typeof x !== 'object' || !Object.prototype.hasOwnProperty.call(x, k)) return undefined; x = x[k]; }
  return x;
}
function api(path, body) {
  const init = { cache: 'no-store', headers: { 'X-Xxgk-Token': TOKEN } };
  if (body !== undefined) { init.method = 'POST'; init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  return fetch(path, init).then((r) => r.json().catch(() => ({ error: '服务器的回答无法读取' })).then((j) => ({ status: r.status, body: j })));
}

function dirty() { return edits.size > 0 || lists.overview !== null || lists.acknowledged !== null; }
function showState(text) {
  const s = $('edit-state');
  s.textContent = text || (dirty() ? '有未保存的修改' : '没有未保存的修改');
  s.classList.toggle('dirty', dirty());
  document.querySelector('[data-action="save"]').disabled = !dirty() || saving || !state || !state.editable;
  document.body.dataset.dirty = dirty() ? 'true' : 'false';
}

// ---- building the form ----
function field(path, label, kind) {
  const wrap = el('label', 'field');
  wrap.appendChild(el('span', '', label));
  let input;
  const v = get(state.data, path);
  if (kind === 'level') {
    input = el('select');
    for (const [val, text] of [['', '（未填写）'], ['department', '政府部门（1月31日前发布）'], ['government', '人民政府（3月31日前发布）']]) {
      const o = el('option', '', text); o.value = val; input.appendChild(o);
    }
    input.value = v === undefined ? '' : String(v);
  } else if (kind === 'text') {
    input = el('textarea');
    input.value = v === undefined || v === null ? '' : String(v);
    input.rows = Math.min(14, Math.max(3, Math.ceil(input.value.length / 60) + 1));
  } else {
    input = el('input');
    input.type = 'text';
    if (kind === 'year') input.inputMode = 'numeric';
    input.value = v === undefined || v === null ? '' : String(v);
  }
  input.dataset.path = path;
  input.dataset.kind = kind;
  input.addEventListener('input', () => onField(input));
  input.addEventListener('change', () => onField(input));
  wrap.appendChild(input);
  wrap.appendChild(el('div', 'field-msg'));
  return wrap;
}

function onField(input) {
  const path = input.dataset.path;
  const before = get(state.data, path);
  let value = input.value;
  input.classList.remove('invalid');
  if (input.dataset.kind === 'year') {
    if (!/^\d{4}$/.test(value.trim())) { input.classList.add('invalid'); input.title = '报告年度应为四位数的年份'; return; }
    value = Number(value.trim());
  } else if (value === '' && path !== 'agency') value = null;
  const same = value === null ? before === undefined || before === null : before === value;
  if (same) edits.delete(path); else edits.set(path, value);
  changed();
}

function tableOf(name) { return state.tables.filter((t) => t.name === name)[0]; }

function grid(t) {
  const table = el('table', 'grid');
  table.dataset.table = t.name;
  const cg = el('colgroup');
  const widths = t.name === '表三' ? [5, 10, 31].concat(new Array(7).fill(54 / 7)) : t.name === '表二' ? [34, 22, 22, 22] : new Array(t.columns).fill(100 / t.columns);
  for (const w of widths) { const c = el('col'); c.style.width = w + '%'; cg.appendChild(c); }
  table.appendChild(cg);
  const rows = [];
  for (let r = 0; r < t.rows; r++) rows.push(table.appendChild(el('tr')));
  for (const c of t.cells) {
    const td = el('td', c.figure ? 'fig' : 'label' + (c.colSpan > 1 && c.col === 0 ? ' left' : ''));
    if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
    if (c.colSpan > 1) td.colSpan = c.colSpan;
    if (c.label !== undefined) td.textContent = c.label;
    if (c.figure) {
      const f = c.figure;
      const input = el('input');
      input.type = 'text';
      input.inputMode = f.kind === 'amount' ? 'decimal' : 'numeric';
      input.dataset.path = f.path;
      input.dataset.row = String(c.row);
      input.dataset.col = String(c.col);
      input.setAttribute('aria-label', f.place);
      input.title = f.place + (f.notApplicable ? '（不适用的填 /）' : '');
      if (f.derived) { input.readOnly = true; input.tabIndex = -1; input.dataset.derived = 'true'; input.title = f.place + '（由程序计算）'; }
      else {
        const v = get(state.data, f.path);
        input.value = v === undefined || v === null ? '' : String(v);
        input.placeholder = v === undefined ? '0' : '';
        input.addEventListener('input', () => onCell(input, f));
        input.addEventListener('keydown', (ev) => onGridKey(ev, input, table));
      }
      td.appendChild(input);
    }
    rows[c.row].appendChild(td);
  }
  return table;
}

function cellValue(input, f) {
  const s = input.value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s === '') return { value: null, empty: true };
  if (s === '/' || s === '／') return f.notApplicable ? { value: '/' } : { error: '这个格子不能填“/”' };
  if (f.kind === 'amount' && /^\d+(\.\d+)?$/.test(s)) return { value: /\./.test(s) ? s : Number(s) };
  if (/^\d+$/.test(s)) return { value: Number(s) };
  return { error: f.kind === 'amount' ? '请填写金额（数字）' + (f.notApplicable ? '，不适用的填 /' : '') : '请填写非负整数' + (f.notApplicable ? '，不适用的填 /' : '') };
}

function onCell(input, f) {
  const r = cellValue(input, f);
  const before = get(state.data, f.path);
  input.classList.toggle('invalid', Boolean(r.error));
  input.title = r.error ? f.place + '：' + r.error : f.place;
  if (r.error) { edits.set(f.path, { invalid: r.error }); changed(); return; }
  const same = r.empty ? before === undefined || before === null : before === r.value || String(before) === String(r.value);
  input.classList.toggle('changed', !same);
  if (same) edits.delete(f.path); else edits.set(f.path, r.empty ? (before === undefined ? undefined : null) : r.value);
  if (edits.get(f.path) === undefined) edits.delete(f.path);
  totals();
  changed();
}

/** Enter moves down a column, Shift+Enter up, as in a spreadsheet; Tab moves along the row. */
function onGridKey(ev, input, table) {
  if (ev.key !== 'Enter') return;
  ev.preventDefault();
  const row = Number(input.dataset.row), col = Number(input.dataset.col);
  const all = Array.prototype.slice.call(table.querySelectorAll('input:not([readonly])'));
  const same = all.filter((x) => Number(x.dataset.col) === col);
  const next = ev.shiftKey
    ? same.filter((x) => Number(x.dataset.row) < row).pop()
    : same.filter((x) => Number(x.dataset.row) > row)[0];
  const target = next || all[(all.indexOf(input) + (ev.shiftKey ? -1 : 1) + all.length) % all.length];
  target.focus();
  target.select();
}

function numAt(path) {
  const input = form.querySelector('input[data-path="' + path + '"]');
  let v;
  if (input && !input.readOnly) { const s = input.value.trim(); v = s === '' ? 0 : Number(s); }
  else v = get(state.data, path);
  return typeof v === 'number' && isFinite(v) ? v : v === undefined ? 0 : NaN;
}

/** The 总计 cells, computed as the user types (read-only). */
function totals() {
  for (const input of form.querySelectorAll('input[data-derived="true"]')) {
    const path = input.dataset.path;
    let m, v = NaN;
    if ((m = /^applications\.total\[(\d)\]$/.exec(path))) {
      const cols = Number(m[1]) === 6 ? [0, 1, 2, 3, 4, 5] : [Number(m[1])];
      v = 0;
      for (const p of outcomeRows()) for (const c of cols) v += numAt('applications.' + p + '[' + c + ']');
    } else if ((m = /^(applications\..+)\[6\]$/.exec(path))) {
      v = 0;
      for (let c = 0; c < 6; c++) v += numAt(m[1] + '[' + c + ']');
    } else if ((m = /^(reviewLitigation\.\w+)\.total$/.exec(path))) {
      v = ['upheld', 'corrected', 'other', 'pending'].reduce((a, k) => a + numAt(m[1] + '.' + k), 0);
    }
    input.value = isNaN(v) ? '?' : String(v);
  }
}
function outcomeRows() {
  const keys = [];
  for (const c of tableOf('表三').cells) {
    const m = c.figure && /^applications\.(.+)\[0\]$/.exec(c.figure.path);
    if (m && ['newlyReceived', 'carriedOver', 'total', 'carriedForward'].indexOf(m[1]) < 0) keys.push(m[1]);
  }
  return keys;
}

// ---- lists: sub-sections of 一, acknowledged warnings ----
function currentList(name) {
  if (lists[name]) return lists[name];
  const raw = get(state.data, name);
  return (Array.isArray(raw) ? raw : []).map((x, i) => Object.assign({ from: i }, x));
}
function listChanged(name, items) {
  const raw = get(state.data, name) || [];
  const same = items.length === raw.length && items.every((it, i) => it.from === i && Object.keys(it).every((k) => k === 'from' || (it[k] || '') === (raw[i][k] || '')));
  lists[name] = same ? null : items;
  changed();
}

function overviewSection() {
  const box = el('fieldset');
  box.appendChild(el('legend', '', '一、总体情况：各方面（可添加、删除、调整顺序）'));
  const list = el('div');
  list.id = 'overview-list';
  const draw = () => {
    clear(list);
    const items = currentList('overview');
    items.forEach((it, i) => {
      const item = el('div', 'sub-item');
      item.dataset.index = String(i);
      const head = el('label', 'field');
      head.appendChild(el('span', '', '（' + '一二三四五六七八九十'.charAt(i) + '）小标题'));
      const h = el('input'); h.value = it.heading || ''; h.dataset.path = 'overview[' + i + '].heading';
      head.appendChild(h); head.appendChild(el('div', 'field-msg'));
      const bodyL = el('label', 'field');
      bodyL.appendChild(el('span', '', '正文'));
      const b = el('textarea'); b.value = it.body || ''; b.rows = Math.min(12, Math.max(3, Math.ceil(b.value.length / 60) + 1)); b.dataset.path = 'overview[' + i + '].body';
      bodyL.appendChild(b); bodyL.appendChild(el('div', 'field-msg'));
      const update = () => { const next = currentList('overview').slice(); next[i] = Object.assign({}, next[i], { heading: h.value, body: b.value }); listChanged('overview', next); };
      h.addEventListener('input', update);
      b.addEventListener('input', update);
      const tools = el('div', 'tools');
      const btn = (text, action, fn, disabled) => { const x = el('button', 'button quiet small', text); x.type = 'button'; x.dataset.action = action; x.disabled = Boolean(disabled); x.addEventListener('click', fn); tools.appendChild(x); };
      const move = (d) => { const next = currentList('overview').slice(); const t = next[i]; next[i] = next[i + d]; next[i + d] = t; listChanged('overview', next); draw(); };
      btn('上移', 'move-up', () => move(-1), i === 0);
      btn('下移', 'move-down', () => move(1), i === items.length - 1);
      btn('删除', 'remove', () => { const next = currentList('overview').slice(); next.splice(i, 1); listChanged('overview', next); draw(); });
      item.append(head, bodyL, tools);
      list.appendChild(item);
    });
  };
  draw();
  const add = el('button', 'button quiet small', '添加一项');
  add.type = 'button';
  add.dataset.action = 'add-overview';
  add.addEventListener('click', () => { listChanged('overview', currentList('overview').concat([{ heading: '', body: '' }])); draw(); const hs = list.querySelectorAll('input'); hs[hs.length - 1].focus(); });
  box.append(list, add);
  return box;
}

function ackSection() {
  const box = el('fieldset');
  box.id = 'ack-section';
  box.appendChild(el('legend', '', '已确认的警告'));
  const items = currentList('acknowledged');
  if (!items.length) box.appendChild(el('div', 'note', '没有。在右侧检查结果中，可对一条警告填写理由后确认。'));
  items.forEach((it, i) => {
    const row = el('div', 'sub-item');
    row.appendChild(el('div', '', it.code + (it.path ? '（' + it.path + '）' : '') + '：' + (it.reason || '')));
    const x = el('button', 'button quiet small', '取消确认'); x.type = 'button'; x.dataset.action = 'unacknowledge';
    x.addEventListener('click', () => { const next = currentList('acknowledged').slice(); next.splice(i, 1); listChanged('acknowledged', next); redrawAck(); });
    row.appendChild(x);
    box.appendChild(row);
  });
  return box;
}
function redrawAck() { const old = $('ack-section'); if (old) old.parentNode.replaceChild(ackSection(), old); }

function build() {
  clear(form);
  const basics = el('fieldset');
  basics.appendChild(el('legend', '', '基本信息'));
  const two = el('div', 'row2');
  for (const [p, l, k] of FIELDS_TOP) two.appendChild(field(p, l, k));
  basics.appendChild(two);
  form.appendChild(basics);
  for (const [p, l] of SECTIONS) {
    if (p === '@overview') { form.appendChild(overviewSection()); continue; }
    if (p === '@acknowledged') { form.appendChild(ackSection()); continue; }
    if (p === '@signature') {
      const s = el('fieldset'); s.appendChild(el('legend', '', '落款'));
      const two2 = el('div', 'row2');
      two2.append(field('signature.agency', '落款机关（省略时用机关名称）', 'input'), field('signature.date', '成文日期（形如 2022-01-20）', 'input'));
      s.appendChild(two2); form.appendChild(s); continue;
    }
    if (p.charAt(0) === '@') {
      const t = tableOf(p.slice(1));
      const s = el('fieldset');
      s.appendChild(el('legend', '', t.section + '（' + t.name + '）'));
      s.appendChild(grid(t));
      form.appendChild(s);
      continue;
    }
    const s = el('fieldset');
    s.appendChild(field(p, l, 'text'));
    form.appendChild(s);
  }
  totals();
  if (state.workbook) {
    // A workbook's cells are patched in place; its list rows are not (yet) written from here.
    for (const x of form.querySelectorAll('#overview-list button, [data-action="add-overview"], #overview-list input, #overview-list textarea, #ack-section button')) x.disabled = true;
    const note = el('div', 'note', 'Excel 工作簿：表格和各字段可在此修改并保存；“一、总体情况”的分项和已确认的警告请在 Excel/WPS 中修改。');
    form.insertBefore(note, form.firstChild);
  }
  if (!state.editable) {
    for (const x of form.querySelectorAll('input, textarea, select, button')) x.disabled = true;
    showError(state.why);
  }
}

function showError(text) {
  const e = $('edit-error');
  e.textContent = text || '';
  e.hidden = !text;
}

// ---- checks while typing, saving ----
function editList() {
  const out = [];
  edits.forEach((v, p) => out.push({ path: p, value: v }));
  for (const name of ['overview', 'acknowledged']) {
    if (lists[name]) out.push({ path: name, value: lists[name].map((it) => { const o = {}; for (const k of Object.keys(it)) if (it[k] !== undefined && it[k] !== '') o[k] = it[k]; return o; }) });
  }
  return out;
}
function invalidCount() { let n = 0; edits.forEach((v) => { if (v && typeof v === 'object' && v.invalid) n++; }); return n; }

function changed() {
  showState();
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkDraft, 250);
}

async function checkDraft() {
  if (!dirty()) { window.dispatchEvent(new CustomEvent('xxgk-draft', { detail: null })); return; }
  if (invalidCount()) return;
  const seq = ++checkSeq;
  const r = await api('/api/check', { edits: editList() });
  if (seq !== checkSeq) return;
  if (r.status !== 200) { showError(r.body.error); return; }
  showError('');
  highlight(r.body.diagnostics);
  window.dispatchEvent(new CustomEvent('xxgk-draft', { detail: r.body }));
  document.body.dataset.checked = String(seq);
}

async function save(force) {
  const bad = invalidCount();
  if (bad) { showError('有 ' + bad + ' 个格子填写的不是数字，请先改正（标为红色）'); return; }
  saving = true;
  showState('正在保存……');
  const r = await api('/api/save', { version: force || state.version, edits: editList() });
  saving = false;
  if (r.status === 409 && r.body.conflict) {
    $('edit-conflict').hidden = false;
    $('edit-conflict').dataset.version = r.body.version;
    showState('未保存：文件已被其他程序修改');
    return;
  }
  if (r.status !== 200) { showError(r.body.error || '保存失败'); showState(); return; }
  showError('');
  $('edit-conflict').hidden = true;
  await reload(r.body.version);
  showState(r.body.changed ? '已保存' : '没有需要保存的修改');
  document.body.dataset.saved = r.body.version;
}

async function reload(expectVersion) {
  const r = await api('/api/data');
  if (r.status !== 200) { showError(r.body.error || '无法读取数据文件'); return; }
  state = r.body;
  edits = new Map();
  lists = { overview: null, acknowledged: null };
  build();
  showState();
  document.body.dataset.dataVersion = state.version;
  window.dispatchEvent(new CustomEvent('xxgk-draft', { detail: null }));
}

// ---- diagnostics on the cells and fields ----
let lastSaved = [];
function highlight(list) {
  for (const x of form.querySelectorAll('.has-error, .has-warning')) { x.classList.remove('has-error', 'has-warning'); x.removeAttribute('data-message'); }
  for (const m of form.querySelectorAll('.field-msg')) { m.textContent = ''; m.className = 'field-msg'; }
  for (const d of list) {
    if (!d.path || d.acknowledged || d.severity === 'hint') continue;
    const targets = inputsFor(d.path);
    for (const t of targets) {
      t.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
      t.dataset.message = d.message;
      if (t.closest('table')) t.title = d.message;
      const msg = t.parentNode.querySelector('.field-msg');
      if (msg) { msg.textContent = d.message; msg.className = 'field-msg ' + d.severity; }
    }
  }
}
function inputsFor(path) {
  const exact = form.querySelectorAll('[data-path="' + path.replace(/"/g, '') + '"]');
  if (exact.length) return Array.prototype.slice.call(exact);
  return Array.prototype.slice.call(form.querySelectorAll('[data-path]')).filter((x) => x.dataset.path.indexOf(path + '.') === 0 || x.dataset.path.indexOf(path + '[') === 0);
}

function openEditor(on) {
  document.body.classList.toggle('editing', on);
  $('editor').hidden = !on;
  $('edit-toggle').textContent = on ? '结束编辑' : '编辑';
  window.dispatchEvent(new CustomEvent('xxgk-layout'));
}

window.addEventListener('xxgk-diagnostics', (ev) => { lastSaved = ev.detail.diagnostics; if (!dirty()) highlight(lastSaved); });
window.addEventListener('xxgk-focus', (ev) => {
  const path = ev.detail;
  const t = path ? inputsFor(path).filter((x) => !x.readOnly)[0] || inputsFor(path)[0] : null;
  if (!t) return;
  openEditor(true);
  t.scrollIntoView({ block: 'center' });
  t.focus();
});
window.addEventListener('xxgk-acknowledge', (ev) => {
  if (state && state.workbook) { showError('Excel 工作簿中的已确认警告请在“已确认的警告”工作表中填写'); return; }
  const next = currentList('acknowledged').concat([ev.detail]);
  listChanged('acknowledged', next);
  redrawAck();
  openEditor(true);
});
window.addEventListener('xxgk-update', async () => {
  if (!state || saving) return;
  const r = await api('/api/data');
  if (r.status !== 200 || r.body.version === state.version || saving) return;
  if (!dirty()) { await reload(); return; }
  $('edit-conflict').hidden = false;
  $('edit-conflict').dataset.version = r.body.version;
  showState('文件已被其他程序修改');
});
window.addEventListener('beforeunload', (ev) => { if (dirty()) { ev.preventDefault(); ev.returnValue = ''; } });
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('[data-action]');
  if (!a) return;
  const action = a.dataset.action;
  if (action === 'edit') openEditor($('editor').hidden);
  else if (action === 'save') void save();
  else if (action === 'reload') { $('edit-conflict').hidden = true; void reload(); }
  else if (action === 'keep-mine') { $('edit-conflict').hidden = true; void save($('edit-conflict').dataset.version); }
});
form.addEventListener('submit', (ev) => ev.preventDefault());

reload().then(() => { if (state && state.startEditing) openEditor(true); document.body.dataset.editor = 'ready'; });
`;
