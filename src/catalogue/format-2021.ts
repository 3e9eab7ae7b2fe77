/**
 * The tables of the national format issued with 国办公开办函〔2021〕30号, used for the
 * reports of 2021 onwards (docs/FORMAT.md §B): the single source of the official labels,
 * their order, grouping and merged cells, and of where each figure lives in the data.
 */
import { label, placeRows, type CellSpec } from './grid';
import type { FigureCell, FigureKind, FormatCatalogue, GridCell, OfficialTable } from './types';

/** A data row of table 三: where it is in the input and how it is printed. */
export interface ApplicationRow {
  /** Key path under `applications`, e.g. `denied.stateSecret`. */
  key: string;
  /** The row's own label as printed (`1.属于国家秘密`). */
  label: string;
  /** The label of the group it sits in (`（三）不予公开`), if any. */
  group?: string;
  /** The label of the block it sits in (`三、本年度办理结果`), if any. */
  block?: string;
}

const RESULT = '三、本年度办理结果';

/** The groups of 三、本年度办理结果 with their rows: key, label, rows (key, label). */
export const OUTCOME_GROUPS = [
  ['denied', '（三）不予公开', [
    ['stateSecret', '1.属于国家秘密'],
    ['prohibitedByLaw', '2.其他法律行政法规禁止公开'],
    ['endangersSecurity', '3.危及“三安全一稳定”'],
    ['thirdPartyRights', '4.保护第三方合法权益'],
    ['internalAffairs', '5.属于三类内部事务信息'],
    ['processInformation', '6.属于四类过程性信息'],
    ['enforcementFiles', '7.属于行政执法案卷'],
    ['inquiryMatters', '8.属于行政查询事项'],
  ]],
  ['unableToProvide', '（四）无法提供', [
    ['notHeld', '1.本机关不掌握相关政府信息'],
    ['needsCreation', '2.没有现成信息需要另行制作'],
    ['unclearAfterCorrection', '3.补正后申请内容仍不明确'],
  ]],
  ['notProcessed', '（五）不予处理', [
    ['petitionOrComplaint', '1.信访举报投诉类申请'],
    ['repeated', '2.重复申请'],
    ['publication', '3.要求提供公开出版物'],
    ['excessive', '4.无正当理由大量反复申请'],
    ['confirmation', '5.要求行政机关确认或重新出具已获取信息'],
  ]],
  ['otherDisposal', '（六）其他处理', [
    ['overdueCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['overdueFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other', '3.其他'],
  ]],
] as const;

/** The 21 leaf outcome rows of 三、本年度办理结果, in print order. */
export const OUTCOME_ROWS: readonly ApplicationRow[] = [
  { key: 'granted', label: '（一）予以公开', block: RESULT },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', block: RESULT },
  ...OUTCOME_GROUPS.flatMap(([group, groupLabel, rows]) =>
    rows.map(([key, rowLabel]) => ({ key: `${group}.${key}`, label: rowLabel, group: groupLabel, block: RESULT })),
  ),
];

/** 一、本年新收. */
export const NEWLY_RECEIVED: ApplicationRow = { key: 'newlyReceived', label: '一、本年新收政府信息公开申请数量' };
/** 二、上年结转. */
export const CARRIED_OVER: ApplicationRow = { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' };
/** （七）总计 (derived; may be stated in the input as `total`). */
export const OUTCOME_TOTAL: ApplicationRow = { key: 'total', label: '（七）总计', block: RESULT };
/** 四、结转下年度继续办理. */
export const CARRIED_FORWARD: ApplicationRow = { key: 'carriedForward', label: '四、结转下年度继续办理' };

/** All 25 data rows of table 三 in print order (一, 二, 21 outcomes, （七）总计, 四). */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [NEWLY_RECEIVED, CARRIED_OVER, ...OUTCOME_ROWS, OUTCOME_TOTAL, CARRIED_FORWARD];

/** Applicant columns of table 三, in print order (the data's six numbers). */
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;

/** The 7 data columns of table 三 (6 applicant columns and 总计). */
export const APPLICATION_COLUMNS = [...APPLICANT_COLUMNS, '总计'] as const;

/** The three parts of table 四 and their labels in messages. */
export const REVIEW_LITIGATION_PARTS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼 未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼 复议后起诉' },
] as const;

/** The columns of each part of table 四 (its 总计 is derived). */
export const OUTCOME_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const;

/** The rows of 第二十条第（一）项 in table 二. */
export const DOCUMENT_ROWS = [
  { key: 'rules', label: '规章' },
  { key: 'normativeDocuments', label: '行政规范性文件' },
] as const;

/** The columns of 第二十条第（一）项 in table 二. */
export const DOCUMENT_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;

/** The single-figure items of table 二 (第二十条第（五）（六）（八）项), in print order. */
export const DECISION_ITEMS = [
  { item: '第二十条第（五）项', column: '本年处理决定数量', rows: [{ key: 'licensing', label: '行政许可', kind: 'count' }] },
  {
    item: '第二十条第（六）项',
    column: '本年处理决定数量',
    rows: [
      { key: 'penalty', label: '行政处罚', kind: 'count' },
      { key: 'coercion', label: '行政强制', kind: 'count' },
    ],
  },
  { item: '第二十条第（八）项', column: '本年收费金额（单位：万元）', rows: [{ key: 'fees', label: '行政事业性收费', kind: 'amount' }] },
] as const;

const figure = (path: string, place: string, options: { kind?: FigureKind; derived?: boolean; notApplicable?: boolean } = {}): FigureCell => ({
  path,
  place,
  kind: options.kind ?? 'count',
  derived: options.derived ?? false,
  notApplicable: options.notApplicable ?? false,
});

const cell = (f: FigureCell, spans: { colSpan?: number } = {}): CellSpec => ({ figure: f, ...spans });

function table2(): OfficialTable {
  const item1 = '第二十条第（一）项';
  const rows: CellSpec[][] = [
    [label(item1, { colSpan: 4 })],
    [label('信息内容'), ...DOCUMENT_COLUMNS.map((c) => label(c.label))],
    ...DOCUMENT_ROWS.map((r) => [
      label(r.label),
      ...DOCUMENT_COLUMNS.map((c) =>
        cell(figure(`proactive.${r.key}.${c.key}`, `表二 ${item1} ${r.label} / ${c.label}`, { notApplicable: true })),
      ),
    ]),
  ];
  for (const item of DECISION_ITEMS) {
    rows.push([label(item.item, { colSpan: 4 })], [label('信息内容'), label(item.column, { colSpan: 3 })]);
    for (const r of item.rows) {
      const f = figure(`proactive.${r.key}`, `表二 ${item.item} ${r.label} / ${item.column}`, { kind: r.kind, notApplicable: true });
      rows.push([label(r.label), cell(f, { colSpan: 3 })]);
    }
  }
  // Each item of table 二 carries its own heading rows, so none repeats on a new page.
  return { name: '表二', section: '二、主动公开政府信息情况', key: 'proactive', columns: 4, rows: rows.length, headerRows: 0, cells: placeRows(rows, 4) };
}

function applicationFigures(row: ApplicationRow): CellSpec[] {
  const rowPlace = `表三 ${row.group ? `${row.group} ` : ''}${row.label}`;
  return APPLICATION_COLUMNS.map((col, i) =>
    cell(figure(`applications.${row.key}[${i}]`, `${rowPlace} / ${col}`, { derived: i === 6 || row === OUTCOME_TOTAL })),
  );
}

function table3(): OfficialTable {
  const rows: CellSpec[][] = [
    [label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, colSpan: 3 }), label('申请人情况', { colSpan: 7 })],
    [label(APPLICATION_COLUMNS[0], { rowSpan: 2 }), label('法人或其他组织', { colSpan: 5 }), label(APPLICATION_COLUMNS[6], { rowSpan: 2 })],
    APPLICANT_COLUMNS.slice(1).map((c) => label(c)),
    [label(NEWLY_RECEIVED.label, { colSpan: 3 }), ...applicationFigures(NEWLY_RECEIVED)],
    [label(CARRIED_OVER.label, { colSpan: 3 }), ...applicationFigures(CARRIED_OVER)],
  ];
  const resultRows = OUTCOME_ROWS.length + 1;
  let first = true;
  let group: string | undefined;
  for (const row of [...OUTCOME_ROWS, OUTCOME_TOTAL]) {
    const specs: CellSpec[] = [];
    if (first) specs.push(label(RESULT, { rowSpan: resultRows }));
    first = false;
    if (!row.group) specs.push(label(row.label, { colSpan: 2 }));
    else {
      if (row.group !== group) specs.push(label(row.group, { rowSpan: OUTCOME_ROWS.filter((r) => r.group === row.group).length }));
      specs.push(label(row.label));
    }
    group = row.group;
    rows.push([...specs, ...applicationFigures(row)]);
  }
  rows.push([label(CARRIED_FORWARD.label, { colSpan: 3 }), ...applicationFigures(CARRIED_FORWARD)]);
  return { name: '表三', section: '三、收到和处理政府信息公开申请情况', key: 'applications', columns: 10, rows: rows.length, headerRows: 3, cells: placeRows(rows, 10) };
}

function table4(): OfficialTable {
  const columns = [...OUTCOME_COLUMNS, { key: 'total', label: '总计' }] as const;
  const partCells = (part: (typeof REVIEW_LITIGATION_PARTS)[number]) =>
    columns.map((c) => cell(figure(`reviewLitigation.${part.key}.${c.key}`, `表四 ${part.label} / ${c.label}`, { derived: c.key === 'total' })));
  const rows: CellSpec[][] = [
    [label('行政复议', { colSpan: 5 }), label('行政诉讼', { colSpan: 10 })],
    [...columns.map((c) => label(c.label, { rowSpan: 2 })), label('未经复议直接起诉', { colSpan: 5 }), label('复议后起诉', { colSpan: 5 })],
    [...columns.map((c) => label(c.label)), ...columns.map((c) => label(c.label))],
    REVIEW_LITIGATION_PARTS.flatMap(partCells),
  ];
  return { name: '表四', section: '四、政府信息公开行政复议、行政诉讼情况', key: 'reviewLitigation', columns: 15, rows: rows.length, headerRows: 3, cells: placeRows(rows, 15) };
}

function placesOf(tables: readonly OfficialTable[]): Map<string, string> {
  const places = new Map<string, string>();
  const [t2, t3, t4] = tables;
  places.set('proactive', `${t2.name} 主动公开政府信息情况`);
  places.set('applications', `${t3.name} 收到和处理政府信息公开申请情况`);
  places.set('reviewLitigation', `${t4.name} 政府信息公开行政复议、行政诉讼情况`);
  for (const r of DOCUMENT_ROWS) places.set(`proactive.${r.key}`, `表二 第二十条第（一）项 ${r.label}`);
  for (const r of APPLICATION_ROWS) places.set(`applications.${r.key}`, `表三 ${r.group ? `${r.group} ` : ''}${r.label}`);
  for (const [group, groupLabel] of OUTCOME_GROUPS) places.set(`applications.${group}`, `表三 ${groupLabel}`);
  for (const p of REVIEW_LITIGATION_PARTS) places.set(`reviewLitigation.${p.key}`, `表四 ${p.label}`);
  for (const t of tables) for (const c of t.cells) if (c.figure) places.set(c.figure.path, c.figure.place);
  return places;
}

function build(): FormatCatalogue {
  const tables = [table2(), table3(), table4()] as const;
  const figures = tables.flatMap((t) => t.cells.flatMap((c: GridCell) => (c.figure ? [c.figure] : [])));
  return { format: 2021, issuedBy: '国办公开办函〔2021〕30号', templateDir: 'annual-report', tables, figures, places: placesOf(tables) };
}

/** The catalogue of the 2021 national format. */
export const FORMAT_2021: FormatCatalogue = build();
