// The core's FileAccess on Node's synchronous fs, for the CLI. A file that
// exists but cannot be read throws io's UsageError (a clear one-line message);
// a missing file reads as undefined.
import { readdirSync, statSync } from 'node:fs';
import type { FileAccessSync } from '../core/files';
import { fileExists, readTextFile } from './io';

export const nodeFiles: FileAccessSync = {
  read: (path) => (fileExists(path) ? readTextFile(path).text : undefined),
  exists: fileExists,
  list: (dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => {
          try {
            return statSync(`${dir}/${name}`).isFile();
          } catch {
            return false;
          }
        })
        .sort();
    } catch {
      return undefined;
    }
  },
};
