/**
 * Where everything sits in an xxgk workbook (docs/WORKBOOK.md): the three official tables
 * placed from the catalogue's grid, the text sheet's rows, the acknowledged-warnings
 * sheet and the defined names. Shared by the writer and the reader, so they cannot drift.
 */
import { FORMAT_2021 } from '../catalogue/format-2021';
import type { FigureCell, OfficialTable } from '../catalogue/types';

/** The layout version stored in the workbook as the defined name `xxgk_layout`. */
export const LAYOUT_VERSION = '2021-1';
/** The defined name carrying the layout version. */
export const LAYOUT_NAME = 'xxgk_layout';
/** The sheet of basic facts and narrative text. */
export const TEXT_SHEET = '基本信息与正文';
/** The sheet of acknowledged warnings. */
export const ACK_SHEET = '已确认的警告';
/** Rows above each table's grid: the title and a note. */
export const TABLE_TOP_ROWS = 2;

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 1-based row and column of an A1 address, or undefined. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** `表三!E6`: a cell as Excel writes it in a reference. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetters(col)}${row}`;
}

/** The defined name of a figure cell: `applications.denied.stateSecret[1]` → `xxgk_applications_denied_stateSecret_1`. */
export function definedNameOf(path: string): string {
  return `xxgk_${path.replace(/\[(\d+)\]/g, '_$1').replace(/\./g, '_')}`;
}

/** A cell of a table sheet: a label or a figure, at its 1-based Excel position. */
export interface SheetCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  label?: string;
  figure?: FigureCell;
}

/** One table sheet: the catalogue table and its cells at their Excel positions. */
export interface TableSheet {
  table: OfficialTable;
  /** The sheet name (the table's name: 表二, 表三, 表四). */
  name: string;
  cells: SheetCell[];
  /** Figure cells by data path. */
  figures: Map<string, SheetCell>;
}

function tableSheet(table: OfficialTable): TableSheet {
  const cells = table.cells.map((c) => ({ row: c.row + TABLE_TOP_ROWS + 1, col: c.col + 1, rowSpan: c.rowSpan, colSpan: c.colSpan, label: c.label, figure: c.figure }));
  const figures = new Map<string, SheetCell>();
  for (const c of cells) if (c.figure) figures.set(c.figure.path, c);
  return { table, name: table.name, cells, figures };
}

/** The three table sheets of the 2021 format. */
export const TABLE_SHEETS: readonly TableSheet[] = FORMAT_2021.tables.map(tableSheet);

/** What a text-sheet field holds, which decides how its cell is written and read. */
export type FieldKind = 'text' | 'year' | 'integer' | 'date' | 'level';

/** A row of the text sheet: a field of the data, its label in column A and a hint in column C. */
export interface TextField {
  /** Data path, e.g. `agency`, `signature.date`. */
  path: string;
  label: string;
  kind: FieldKind;
  hint: string;
}

/** The label of the rows of 一、总体情况 (heading in column B, body in column C). */
export const OVERVIEW_LABEL = '一、总体情况（分项）';

/** Text-sheet rows in order; the overview rows come after `overviewIntro`. */
export const TEXT_FIELDS: readonly TextField[] = [
  { path: 'agency', label: '机关名称', kind: 'text', hint: '必填，发布报告的行政机关全称' },
  { path: 'year', label: '报告年度', kind: 'year', hint: '必填，如 2024' },
  { path: 'title', label: '标题', kind: 'text', hint: '可不填：默认为“机关名称+年度+年政府信息公开工作年度报告”' },
  { path: 'contact', label: '联系方式', kind: 'text', hint: '地址、电话等，印在开头一段；可不填' },
  { path: 'format', label: '报告格式', kind: 'integer', hint: `2021 即${FORMAT_2021.issuedBy}` },
  { path: 'level', label: '机关层级', kind: 'level', hint: '政府部门（次年1月31日前发布）或 人民政府（3月31日前发布）' },
  { path: 'published', label: '发布日期', kind: 'date', hint: '发布后填写，如 2025-01-20；可不填' },
  { path: 'preamble', label: '开头一段', kind: 'text', hint: '可不填：不填时用模板的开头一段' },
  { path: 'overviewIntro', label: '一、总体情况（引言）', kind: 'text', hint: '“一、总体情况”下、（一）之前的段落' },
  { path: 'applicationsIntro', label: '三、表三之前的说明', kind: 'text', hint: '可不填' },
  { path: 'problems', label: '五、存在的主要问题及改进情况', kind: 'text', hint: '先写问题，再写改进措施' },
  { path: 'otherMatters', label: '六、其他需要报告的事项', kind: 'text', hint: '须说明信息处理费收取情况' },
  { path: 'signature.agency', label: '落款机关', kind: 'text', hint: '可不填：默认为机关名称' },
  { path: 'signature.date', label: '成文日期', kind: 'date', hint: '如 2025-01-20；可不填' },
];

/** The field after which the overview rows are written. */
export const OVERVIEW_AFTER = 'overviewIntro';

/** Level values as shown in the workbook. */
export const LEVEL_WORDS: Record<'department' | 'government', string> = { department: '政府部门', government: '人民政府' };

/** Header of the text sheet (row 2) and of the acknowledged-warnings sheet (row 1). */
export const TEXT_HEADER = ['项目', '内容（一、总体情况分项：小标题）', '说明（一、总体情况分项：正文）'] as const;
export const ACK_HEADER = ['规则代码', '位置（数据路径，可不填）', '理由'] as const;

/** The explanation written at the foot of the text sheet. */
export const CONVENTIONS = [
  '填写说明',
  '1. 正文中段落之间空一行（在单元格内按 Alt+回车 换行，WPS 同）；用 **文字** 表示加粗。',
  '2. 正文中的 {{applications.newlyReceived.total}} 等占位符会替换为表格中的数字，不必手填。',
  '3. “一、总体情况（分项）”每行一个方面：B 列写小标题（如 主动公开），C 列写正文；可在这些行之间插入新行，A 列照样写“一、总体情况（分项）”。',
  '4. 表二、表三、表四只在白色单元格内填数字；没有的填 0，不要留空（留空会被当作“无法读取”而报错）；表二中不适用的填 /。',
  '5. 总计列和（七）总计行是公式，会自动合计；xxgk 自己计算总计。如在总计格中手填数字，xxgk 会核对它是否等于合计。',
  '6. 联系方式、收费金额和日期按文本保存（如 0.50、2025-01-20 原样保留）。',
  '7. 填好后运行：xxgk preview 本文件（预览），xxgk render 本文件（生成 Word 和 PDF）。',
];
