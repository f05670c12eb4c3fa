// The few promise-returning file operations the commands run on every start.
// node:fs/promises is not in Node's start-up snapshot, and loading it (with
// the stream and readline modules it pulls in) costs about 2 ms: a tenth of
// what `check` may add to Node's own start. These wrap the callback API,
// which is already loaded.
import { readFile as readFileCallback, stat as statCallback, type Stats } from "node:fs";

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void) {
  return (error: Error | null, value: T): void => {
    if (error === null) resolve(value);
    else reject(error);
  };
}

export function readFileBytes(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFileCallback(path, settle(resolve, reject)));
}

export function stat(path: string): Promise<Stats> {
  return new Promise((resolve, reject) => statCallback(path, settle(resolve, reject)));
}
