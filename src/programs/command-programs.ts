/** How a program takes its port on the command line. */
export interface ProgramFlags {
  /** Flags whose value is the port (`-p 3000`, `--port=3000`, `-p3000`). */
  port: readonly string[];
  /** Flags whose value is the host it binds. */
  host?: readonly string[];
  /** Flags whose value is `host:port` or a port (`gunicorn --bind 0.0.0.0:8000`, `php -S localhost:8000`). */
  bind?: readonly string[];
}

const STORYBOOK: ProgramFlags = { port: ["-p", "--port"], host: ["-h", "--host"] };
const NUXT: ProgramFlags = { port: ["-p", "--port"], host: ["-H", "--host", "--hostname"] };
const WEBPACK: ProgramFlags = { port: ["--port"], host: ["--host"] };
const BINDER: ProgramFlags = { port: [], bind: ["-b", "--bind"] };

/**
 * Programs whose short port flag (`-p`) is known; any other program is read for `--port` alone, since `-p` means
 * something else to most (`docker run -p`, `mkdir -p`).
 */
export const PROGRAMS: Readonly<Record<string, ProgramFlags>> = {
  next: { port: ["-p", "--port"], host: ["-H", "--hostname"] },
  vite: { port: ["--port"], host: ["--host"] },
  storybook: STORYBOOK,
  "start-storybook": STORYBOOK,
  nuxt: NUXT,
  nuxi: NUXT,
  astro: { port: ["--port"], host: ["--host"] },
  "webpack-dev-server": WEBPACK,
  webpack: WEBPACK,
  ng: { port: ["--port"], host: ["--host"] },
  uvicorn: { port: ["--port"], host: ["--host"] },
  flask: { port: ["-p", "--port"], host: ["-h", "--host"] },
  "http-server": { port: ["-p", "--port"], host: ["-a"] },
  serve: { port: ["-p", "--port"], bind: ["-l", "--listen"] },
  rails: { port: ["-p", "--port"], host: ["-b", "--binding"] },
  hugo: { port: ["-p", "--port"], host: ["--bind"] },
  "json-server": { port: ["-p", "--port"], host: ["-H", "--host"] },
  daphne: { port: ["-p", "--port"], host: ["-b", "--bind"] },
  gunicorn: BINDER,
  hypercorn: BINDER,
  php: { port: [], bind: ["-S"] },
  streamlit: { port: ["--server.port"], host: ["--server.address"] },
};

/** Package managers: `npm start -- -p 3001` hands `-p` to the script's program. */
export const PACKAGE_MANAGERS = new Set(["npm", "pnpm", "yarn", "bun"]);

/** The flag every program is read for. */
export const PORT_FLAG: ProgramFlags = { port: ["--port"] };
