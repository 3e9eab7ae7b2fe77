'use strict';
// 使用说明.txt in each archive: what a user of the folder needs, in the words of the README's
// section for Windows and 信创 users. Windows gets CRLF and a BOM so every Notepad shows it.

/** The note for one target, as the bytes to write. */
function usageNote(target, version) {
  const win = target.startsWith('win');
  const exe = win ? 'xxgk.exe' : './xxgk';
  const lines = [
    `xxgk ${version}：政府信息公开工作年度报告生成工具（免安装版，${target}）`,
    '',
    '本文件夹可以整个复制到任何位置（U 盘、桌面、内网电脑），不需要安装，也不需要 Node.js。',
    '',
    '一、起草和预览',
    win
      ? '  双击 xxgk.exe：浏览器打开起始页，列出本文件夹里的报告文件（.yaml、.xlsx），点文件名预览，点“新建”新建一份。'
      : '  在终端里运行 ./xxgk（不带参数）：浏览器打开起始页，列出本文件夹里的报告文件（.yaml、.xlsx），点文件名预览，点“新建”新建一份。',
    '  黑色窗口（控制台）开着时预览一直可用；关闭这个窗口或按 Ctrl-C 停止。',
    '',
    '二、批量生成',
    win
      ? '  把一个文件夹拖到 xxgk.exe 上：生成其中所有报告的 Word 和 PDF，放在该文件夹下的“输出”文件夹里；'
      : `  ${exe} 文件夹路径：生成其中所有报告的 Word 和 PDF，放在该文件夹下的“输出”文件夹里；`,
    `  该文件夹不能写入时，放在“${win ? '文档\\xxgk输出' : '~/文档/xxgk输出'}”里，窗口里会说明。`,
    win ? '  把一个报告文件拖到 xxgk.exe 上：在它旁边生成 Word 和 PDF。' : `  ${exe} 报告文件路径：在它旁边生成 Word 和 PDF。`,
    '  完成后窗口显示结果，按任意键退出。',
    '',
    '三、命令行',
    `  所有命令与 npx xxgk 相同，例如：`,
    `    ${exe} validate 报告.yaml`,
    `    ${exe} render 报告.yaml -o 输出`,
    `    ${exe} fonts            （查看每种字体用的是哪个文件）`,
    `    ${exe} --help`,
    '',
    '四、字体',
    `  PDF 优先使用电脑上已装的公文字体（仿宋、黑体、楷体、方正小标宋），没有时使用随附的开源字体（app${win ? '\\' : '/'}fonts）。`,
    '',
    '五、注意',
    win
      ? '  本程序没有数字签名：第一次运行时 Windows 可能提示“Windows 已保护你的电脑”，点“更多信息”→“仍要运行”；杀毒软件报警时请联系信息中心加入白名单。'
      : '  要求 64 位 Linux（统信 UOS、银河麒麟等）；解压后如不能运行，执行 chmod +x xxgk。',
    ...(win ? ['  支持 Windows 10、Windows 11 和 Windows Server 2016 及以上（64 位）；不支持 Windows 7 和 8。'] : []),
    '  正在用 Word、WPS 或 Excel 打开的文件不能被覆盖：请先关闭它再生成。',
    '',
    '示例：pingluo-kejiju-2021.yaml（可用它试一试）。',
    '',
  ];
  const text = lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join(win ? '\r\n' : '\n');
  return Buffer.concat([win ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

module.exports = { usageNote };
