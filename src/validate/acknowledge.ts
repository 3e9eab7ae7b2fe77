/**
 * Acknowledged warnings: `acknowledged: [{code, path?, reason}]` in the data marks the
 * matching warnings `acknowledged: {reason}`. They stay in the list (shown as
 * acknowledged) but no longer count. An acknowledgement that matches no warning is a
 * hint (ACK1), so stale acknowledgements do not pile up silently.
 */
import { nearestLine, type SourceMap } from '../load/source-map';
import type { Diagnostic } from './diagnostic';
import { isRecord, own } from './read';

/** True when a diagnostic path is `path` or inside it. */
export function pathCovers(path: string, inner: string): boolean {
  if (path === '' || inner === path) return true;
  return inner.startsWith(`${path}.`) || inner.startsWith(`${path}[`);
}

/** Marks acknowledged warnings in place and returns the ACK1 hints to add. */
export function applyAcknowledgements(data: unknown, diagnostics: Diagnostic[], map: SourceMap): Diagnostic[] {
  const list = own(data, 'acknowledged');
  if (!Array.isArray(list)) return [];
  const hints: Diagnostic[] = [];
  list.forEach((ack, i) => {
    if (!isRecord(ack)) return;
    const code = own(ack, 'code');
    const path = own(ack, 'path');
    const reason = own(ack, 'reason');
    if (typeof code !== 'string' || typeof reason !== 'string' || reason.trim() === '') return;
    if (path !== undefined && typeof path !== 'string') return;
    const ackPath = `acknowledged[${i}]`;
    const matches = (d: Diagnostic) => d.code === code.trim() && (path === undefined || pathCovers(path.trim(), d.path));
    let matched = 0;
    for (const d of diagnostics) {
      if (d.severity !== 'warning' || !matches(d)) continue;
      d.acknowledged = { reason: reason.trim() };
      matched++;
    }
    if (matched > 0) return;
    const where = path === undefined ? '' : `（位置 ${path}）`;
    const errors = diagnostics.filter((d) => d.severity === 'error' && matches(d)).length;
    hints.push({
      severity: 'hint',
      code: 'ACK1',
      path: ackPath,
      line: nearestLine(map, ackPath),
      message:
        errors > 0
          ? `已确认的警告 第${i + 1}项 ${code}${where} 对应的是错误而不是警告：错误不能确认，必须改正`
          : `已确认的警告 第${i + 1}项 ${code}${where} 没有对应的警告，可能问题已经改正，可以删除这一项`,
    });
  });
  return hints;
}
