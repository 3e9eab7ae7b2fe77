/**
 * The editing requests of the preview page: read the data (`GET /api/data`), check a draft
 * without saving it (`POST /api/check`) and save (`POST /api/save`). The file on disk stays the
 * source: a save rewrites only the edited places (edit-yaml.ts), keeps a `.bak` of the original
 * before the first save of a run, is atomic, and is refused when the file changed since the page read it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { FORMAT_2021 } from '../catalogue/format-2021';
import { decodeInput, loadReportText } from '../load/load-report';
import { ReportSchema } from '../model/schema';
import { checkReportBytes, parseReportBytes } from '../pipeline/check-report';
import { writeFileAtomic, WriteError } from '../util/atomic-write';
import type { Diagnostic } from '../validate/diagnostic';
import { checkEdits, EditRequestError, type CheckedEdit } from './edit-paths';
import { patchWorkbook } from './edit-workbook';
import { applyEdits, EditApplyError } from './edit-yaml';
import { totalEdits } from './restate-totals';

/** Largest request body accepted (a whole report is about 30 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An answer to an editing request. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** The keys of the contract in order, so an added block lands where a reader expects it. */
const KEY_ORDER = Object.keys(ReportSchema.properties);

/** The version of a file's bytes that the page read: a save based on another version is a conflict. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

const fail = (status: number, error: string): ApiAnswer => ({ status, body: { error } });

/** Reads a request body of at most {@link MAX_BODY_BYTES}; undefined when it is larger. */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else if (!over) chunks.push(c);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The editing side of one preview: the data file and what this run has done to it. */
export class EditApi {
  private backedUp = false;

  constructor(
    private readonly file: string,
    private readonly onSaved: () => void,
    private readonly startEditing = false,
  ) {}

  private isWorkbook(): boolean {
    return extname(this.file).toLowerCase() === '.xlsx';
  }

  /** `GET /api/data`: the data as the page edits it, the version, and the tables' grids. */
  async data(): Promise<ApiAnswer> {
    const bytes = await readFile(this.file);
    const parsed = parseReportBytes(bytes, this.file);
    const why = parsed.data === undefined
        ? `数据文件无法读取，请先在文本编辑器中修正：${parsed.diagnostics[0]?.message ?? ''}`
        : typeof parsed.data !== 'object' || Array.isArray(parsed.data) || parsed.data === null
          ? '数据文件的顶层不是“键: 值”的形式，无法在页面中编辑'
          : undefined;
    return {
      status: 200,
      body: {
        version: versionOf(bytes),
        data: parsed.data ?? null,
        editable: why === undefined,
        why,
        startEditing: this.startEditing,
        workbook: this.isWorkbook(),
        tables: FORMAT_2021.tables,
      },
    };
  }

  private async draft(body: unknown): Promise<{ bytes: Buffer; next: Buffer; edits: CheckedEdit[] } | ApiAnswer> {
    const edits = checkEdits((body as { edits?: unknown } | null)?.edits);
    const bytes = await readFile(this.file);
    if (this.isWorkbook()) return { bytes, next: patchWorkbook(bytes, edits), edits };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const decoded = decodeInput(bytes);
    if (decoded.text === undefined || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail(409, decoded.diagnostic?.message ?? '只能在页面中编辑 UTF-8 编码的数据文件');
    }
    const loaded = loadReportText(decoded.text);
    if (loaded.data === undefined) return fail(409, `数据文件无法读取，请先在文本编辑器中修正：${loaded.diagnostics[0]?.message ?? ''}`);
    let next = applyEdits(decoded.text, edits, KEY_ORDER);
    const totals = totalEdits(loadReportText(next).data, edits);
    if (totals.length) next = applyEdits(next, totals, KEY_ORDER);
    return { bytes, next: Buffer.from((bom ? '\ufeff' : '') + next, 'utf8'), edits };
  }

  private async guarded(run: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof EditRequestError) return fail(400, e.message);
      if (e instanceof EditApplyError) return fail(422, e.message);
      if (e instanceof WriteError) {
        // Windows refuses to replace a file another program holds open (Excel keeps its workbook locked).
        if (e.code === 'EBUSY' || (this.isWorkbook() && (e.code === 'EPERM' || e.code === 'EACCES'))) {
          return fail(423, `${basename(this.file)} 被其他程序占用（可能正在 Excel 或 WPS 中打开）：请关闭后再保存`);
        }
        return fail(500, e.message);
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(409, '数据文件不存在（已被删除或改名）');
      throw e;
    }
  }

  /** `POST /api/check`: the diagnostics the draft would have, without saving it. */
  check(body: unknown): Promise<ApiAnswer> {
    return this.guarded(async () => {
      const d = await this.draft(body);
      if ('status' in d) return d;
      const checked = checkReportBytes(this.file, d.next);
      return { status: 200, body: { diagnostics: checked.diagnostics as Diagnostic[] } };
    });
  }

  /** `POST /api/save`: writes the draft when the file is still the version the page read. */
  save(body: unknown): Promise<ApiAnswer> {
    return this.guarded(async () => {
      const base = (body as { version?: unknown } | null)?.version;
      if (typeof base !== 'string') return fail(400, '请求中缺少数据文件的版本');
      const d = await this.draft(body);
      if ('status' in d) return d;
      const now = versionOf(d.bytes);
      if (now !== base) {
        return { status: 409, body: { conflict: true, version: now, error: '数据文件在页面载入后已被其他程序修改' } };
      }
      const out = d.next;
      if (out.equals(d.bytes)) return { status: 200, body: { version: now, changed: false } };
      const owner = join(dirname(this.file), `~$${basename(this.file)}`);
      if (this.isWorkbook() && existsSync(owner)) return fail(423, `${basename(this.file)} 正在 Excel 或 WPS 中打开（旁边有锁定文件 ~$${basename(this.file)}）：请先在 Excel/WPS 中保存并关闭它，再在页面中保存`);
      if (!this.backedUp) {
        // The file as it was before this run's first save, for anyone who wants it back.
        try {
          copyFileSync(this.file, `${this.file}.bak`);
        } catch (e) {
          throw new WriteError(`无法写入备份 ${this.file}.bak：${(e as Error).message}`, (e as NodeJS.ErrnoException).code);
        }
        this.backedUp = true;
      }
      writeFileAtomic(this.file, out);
      this.onSaved();
      return { status: 200, body: { version: versionOf(out), changed: true } };
    });
  }

  /** True when a `.bak` was written in this run (for the log). */
  get hasBackup(): boolean {
    return this.backedUp && existsSync(`${this.file}.bak`);
  }
}
