export function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`not a TCP port: ${port}`);
}

export function checkPid(pid: number | undefined): void {
  if (pid !== undefined && (!Number.isSafeInteger(pid) || pid < 0)) throw new RangeError(`not a process id: ${pid}`);
}

export const sentences = (...parts: readonly string[]): string => parts.filter((part) => part !== "").join(" ");
