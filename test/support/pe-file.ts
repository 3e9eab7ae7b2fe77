/**
 * Just enough of the Windows PE format to check a built executable without running it: the
 * machine, the subsystem, the certificate table and one named RCDATA resource.
 */

/** What the checks need of a PE image. */
export interface PeImage {
  /** COFF machine: 0x8664 for x64. */
  machine: number;
  /** Optional-header magic: 0x20b for PE32+. */
  magic: number;
  /** 3 is the console subsystem (a console window opens when Explorer starts it). */
  subsystem: number;
  /** Size of the certificate table (Authenticode signature); 0 when unsigned. */
  certificateSize: number;
  /** The bytes of an RT_RCDATA resource by its name, or undefined. */
  rcdata(name: string): Buffer | undefined;
}

const RT_RCDATA = 10;

/** Parses the headers of a PE file (throws on anything that is not one). */
export function readPe(file: Buffer): PeImage {
  if (file.toString('latin1', 0, 2) !== 'MZ') throw new Error('no MZ header');
  const pe = file.readUInt32LE(0x3c);
  if (file.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('no PE signature');
  const coff = pe + 4;
  const machine = file.readUInt16LE(coff);
  const sectionCount = file.readUInt16LE(coff + 2);
  const optionalSize = file.readUInt16LE(coff + 16);
  const opt = coff + 20;
  const magic = file.readUInt16LE(opt);
  if (magic !== 0x20b) throw new Error(`not PE32+ (magic ${magic.toString(16)})`);
  const subsystem = file.readUInt16LE(opt + 68);
  const directory = (i: number) => ({ rva: file.readUInt32LE(opt + 112 + 8 * i), size: file.readUInt32LE(opt + 116 + 8 * i) });
  const sections = Array.from({ length: sectionCount }, (_, i) => {
    const s = opt + optionalSize + 40 * i;
    return { va: file.readUInt32LE(s + 12), rawSize: file.readUInt32LE(s + 16), raw: file.readUInt32LE(s + 20), vSize: file.readUInt32LE(s + 8) };
  });
  const offsetOf = (rva: number) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + Math.max(x.vSize, x.rawSize));
    if (!s) throw new Error(`RVA ${rva.toString(16)} is in no section`);
    return rva - s.va + s.raw;
  };
  const resources = directory(2);
  const base = resources.size ? offsetOf(resources.rva) : -1;

  // A resource directory: named entries first, then ID entries; the high bit marks a name or a subdirectory.
  const entries = (dir: number) => {
    const count = file.readUInt16LE(dir + 12) + file.readUInt16LE(dir + 14);
    return Array.from({ length: count }, (_, i) => {
      const e = dir + 16 + 8 * i;
      const nameField = file.readUInt32LE(e);
      const target = file.readUInt32LE(e + 4);
      let name: string | number = nameField;
      if (nameField & 0x80000000) {
        const at = base + (nameField & 0x7fffffff);
        name = file.toString('utf16le', at + 2, at + 2 + 2 * file.readUInt16LE(at));
      }
      return { name, subdirectory: (target & 0x80000000) !== 0, at: base + (target & 0x7fffffff) };
    });
  };

  return {
    machine,
    magic,
    subsystem,
    certificateSize: directory(4).size,
    rcdata(name) {
      if (base < 0) return undefined;
      const type = entries(base).find((e) => e.name === RT_RCDATA && e.subdirectory);
      const named = type && entries(type.at).find((e) => e.name === name && e.subdirectory);
      const language = named && entries(named.at)[0];
      if (!language || language.subdirectory) return undefined;
      const at = offsetOf(file.readUInt32LE(language.at));
      return file.subarray(at, at + file.readUInt32LE(language.at + 4));
    },
  };
}
