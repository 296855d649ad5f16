import fs from 'node:fs';

/**
 * The data directory, the database and uploads are the service user's alone (issue 17,
 * finding 7): directories 0700, files 0600, whatever the umask. Existing ones from an older
 * install are narrowed too. A path this user does not own (EPERM) is left as it is.
 */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

function narrow(target: string, mode: number): void {
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw err;
  }
}

/** Creates the directory (and missing parents) if need be, and makes the directory itself 0700. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  narrow(dir, PRIVATE_DIR);
}

/** Makes existing files 0600 (missing ones are skipped). */
export function privateFiles(...files: string[]): void {
  for (const file of files) narrow(file, PRIVATE_FILE);
}

/** Creates the file empty with mode 0600 if it does not exist yet, so nothing else creates it wider. */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  privateFiles(file);
}
