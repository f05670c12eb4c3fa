import path from "node:path";

/**
 * A path as every finding shows it, in its message, location and fix alike: relative to `cwd` when it lies below
 * it or when `cwd` lies inside the project (`root`, the registry's folder), so `../backend/.env` beside
 * `../ports.yaml`; absolute for a registry named from elsewhere (`-r /srv/ports.yaml`). `/` separators either way.
 */
export function shownPath(file: string, cwd: string, root: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === "") return path.basename(absolute);
  const inside = (parent: string, child: string): boolean => {
    const r = path.relative(parent, child);
    return r === "" || (!r.startsWith("..") && !path.isAbsolute(r));
  };
  const shown = inside(cwd, absolute) || inside(path.resolve(root), path.resolve(cwd)) ? relative : absolute;
  return shown.split(path.sep).join("/");
}
