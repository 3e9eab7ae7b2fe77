import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readSource } from '../../src/import/read-source';
import { IMPORT_LIMITS } from '../../src/import/limits';

const refused = async (name: string, bytes: Uint8Array) => {
  try {
    await readSource(name, bytes);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
};

const docx = (documentXml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml), ...extra });

describe('import: hostile files are refused before parsing, with a message', () => {
  test('a .docx with more zip entries than the cap', async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= IMPORT_LIMITS.zipEntries; i++) many[`x/${i}.xml`] = strToU8('x');
    expect(await refused('a.docx', docx('<w:document/>', many))).toMatch(/超过 2000 个条目/);
  });

  test('a .docx whose document inflates beyond the cap (a zip bomb) is refused from its declared size', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.entryBytes + 1024);
    const bomb = zipSync({ 'word/document.xml': [big, { level: 9 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused('bomb.docx', bomb)).toMatch(/解压后过大/);
  });

  test('any DOCTYPE in the document part is refused: no entity is defined, expanded or read', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    expect(await refused('xxe.docx', docx(xxe))).toMatch(/DOCTYPE/);
    const lol = '<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document>&b;</w:document>';
    expect(await refused('lol.docx', docx(lol))).toMatch(/DOCTYPE/);
  });

  test('very deep nesting in a web page or a Word document is refused', async () => {
    const deep = '<div>'.repeat(IMPORT_LIMITS.depth + 10) + '平罗' + '</div>'.repeat(IMPORT_LIMITS.depth + 10);
    expect(await refused('deep.html', Buffer.from(`<html><body>${deep}</body></html>`))).toMatch(/嵌套超过/);
    const deepXml = '<w:document><w:body>' + '<w:sdt>'.repeat(IMPORT_LIMITS.depth + 10) + '</w:sdt>'.repeat(IMPORT_LIMITS.depth + 10) + '</w:body></w:document>';
    expect(await refused('deep.docx', docx(deepXml))).toMatch(/嵌套超过/);
  });

  test('a file over the input size cap is refused before it is read further', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.inputBytes + 1);
    expect(await refused('big.txt', big)).toMatch(/超过了导入的上限/);
  });

  test('scripts in a web page are never run (their text is not even read)', async () => {
    const page = '<html><body><h1>某某局2023年政府信息公开工作年度报告</h1><script>globalThis.ran = true; document.write("一、总体情况")</script><p>一、总体情况</p></body></html>';
    const doc = await readSource('p.html', Buffer.from(page));
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(JSON.stringify(doc.blocks)).not.toMatch(/document\.write/);
  });

  test('an encrypted PDF, and a PDF with no text layer (a scan), get their own messages', async () => {
    const minimal = (extra: string) =>
      Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R${extra}>>\n%%EOF\n`);
    expect(await refused('enc.pdf', minimal('/Encrypt 9 0 R'))).toMatch(/PDF 文件已加密/);
    expect(await refused('scan.pdf', minimal(''))).toMatch(/没有文字层.*无法提取文字/);
  }, 30_000);

  test('a web page declared charset=gb2312 is decoded as GB18030', async () => {
    const title = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>'), Buffer.from([0xc6, 0xbd, 0xc2, 0xde, 0xcf, 0xd8]), Buffer.from('</p></body></html>')]);
    const doc = await readSource('gb.html', title);
    expect(JSON.stringify(doc.blocks)).toContain('平罗县');
  });
});

describe('import: a PDF whose fonts map to no usable text', () => {
  test('says 无法提取文字 rather than returning garbage (LibreOffice without a Chinese font: every glyph maps to 本 or 某)', async () => {
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'import', 'no-text-mapping.pdf'));
    expect(await refused('no-text-mapping.pdf', bytes)).toMatch(/无法提取文字/);
  }, 30_000);
});
