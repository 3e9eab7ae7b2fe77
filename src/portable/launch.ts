import { statSync } from 'node:fs';

/** What the portable executable is asked to do, read from its arguments. */
export type Launch =
  /** No arguments, as Explorer starts it: the start page for the executable's folder. */
  | { kind: 'start'; folder: string; open: boolean }
  /** A folder dropped onto it: batch into its 输出 folder. */
  | { kind: 'folder'; path: string; open: boolean }
  /** A report file dropped onto it: render beside the file. */
  | { kind: 'file'; path: string; open: boolean }
  /** A command line as `npx xxgk` takes it. */
  | { kind: 'cli'; argv: string[] };

/** The first words that are commands or options, never a dropped path. */
const COMMANDS = new Set(['validate', 'render', 'batch', 'preview', 'init', 'convert', 'fonts', 'schema', 'rules', 'help']);

/**
 * Reads the executable's arguments: none (or only `--no-open`) is the start page; one
 * existing folder or file that is not a command is a drop (Explorer passes the dropped
 * item's full path as the only argument); anything else is the ordinary command line.
 */
export function launchOf(argv: readonly string[], exeFolder: string): Launch {
  const rest = argv.filter((a) => a !== '--no-open');
  const open = rest.length === argv.length;
  if (rest.length === 0) return { kind: 'start', folder: exeFolder, open };
  if (rest.length === 1 && !rest[0].startsWith('-') && !COMMANDS.has(rest[0])) {
    try {
      const st = statSync(rest[0]);
      if (st.isDirectory()) return { kind: 'folder', path: rest[0], open };
      if (st.isFile()) return { kind: 'file', path: rest[0], open };
    } catch {
      // not a path: the command line reports the unknown command
    }
  }
  return { kind: 'cli', argv: [...argv] };
}
