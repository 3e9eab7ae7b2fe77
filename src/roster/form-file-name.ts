/** A file name for a unit's form: its name with the characters Windows forbids in names made `_`. */
export function formFileName(unit: string, ext: string): string {
  const stem = unit
    .trim()
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_')
    .replace(/[. ]+$/, '');
  return `${stem || '_'}${ext}`;
}
