// How each known server takes its port and address: for the project scan, and for doctor's fix.

/** How doctor binds all addresses: a host flag, a `[host:]port` argument, `hostVariable`, or its own config (host flags rewritten too). */
export type BindAll =
  | "host-option"
  | "address-argument"
  | "environment"
  | "server-setting";

export interface ServerProgram {
  /** As programName gives them. */
  names: readonly string[];
  modules?: readonly string[];
  /** Titles its process shows instead of its arguments (`next-server (v14.2.3)`). */
  titles?: readonly string[];
  /** How it is usually started, for a process that shows only its title. */
  start?: readonly string[];
  /** `redis-server 127.0.0.1:6379`. */
  addressInTitle?: boolean;
  /** `main.py` is ComfyUI's only sometimes. */
  recognise?: (words: readonly string[], at: number) => boolean;
  port: readonly string[];
  /** A fix adds the first. */
  host?: readonly string[];
  /** `gunicorn --bind 0.0.0.0:8000`, `php -S localhost:8000`. */
  bind?: readonly string[];
  /** With `portArgument`, the one that serves is required (`flask run`). */
  subcommands?: readonly string[];
  /** A bare port (`http.server 8000`), or `[host:]port` (`runserver 0.0.0.0:8000`). */
  portArgument?: "port" | "address";
  /** So the word after one is not its port argument. */
  flagsWithValue?: readonly string[];
  defaultPort?: number;
  /** Listens on every address unless told otherwise: `run` adds no host option for 0.0.0.0. */
  listensOnAll?: true;
  /** Makes it fail on a taken port instead of moving to the next (`vite --strictPort`). */
  exactPort?: readonly string[];
  bindAll?: BindAll;
  hostVariable?: string;
}

const COMFYUI_PATH = /comfyui/i;

/** Only a program listed here has `-p` read as its port: to most others it means something else (`docker run -p`, `mkdir -p`). */
export const SERVER_PROGRAMS = {
  next: { names: ["next"], titles: ["next-server"], start: ["next", "dev"], port: ["-p", "--port"], host: ["-H", "--hostname"], defaultPort: 3000, listensOnAll: true, bindAll: "host-option" },
  vite: { names: ["vite"], port: ["--port"], host: ["--host"], defaultPort: 5173, exactPort: ["--strictPort"], bindAll: "host-option" },
  storybook: { names: ["storybook", "start-storybook"], port: ["-p", "--port"], host: ["-h", "--host"], defaultPort: 6006, exactPort: ["--exact-port"] },
  nuxt: { names: ["nuxt", "nuxi"], port: ["-p", "--port"], host: ["-H", "--host", "--hostname"], defaultPort: 3000 },
  astro: { names: ["astro"], port: ["--port"], host: ["--host"], defaultPort: 4321 },
  "webpack-dev-server": { names: ["webpack-dev-server", "webpack"], port: ["--port"], host: ["--host"], defaultPort: 8080 },
  ng: { names: ["ng"], port: ["--port"], host: ["--host"], defaultPort: 4200 },
  uvicorn: { names: ["uvicorn"], port: ["--port"], host: ["--host"], defaultPort: 8000, bindAll: "host-option" },
  gunicorn: { names: ["gunicorn"], port: [], bind: ["-b", "--bind"], defaultPort: 8000 },
  hypercorn: { names: ["hypercorn"], port: [], bind: ["-b", "--bind"], defaultPort: 8000 },
  daphne: { names: ["daphne"], port: ["-p", "--port"], host: ["-b", "--bind"], defaultPort: 8000 },
  flask: { names: ["flask"], port: ["--port", "-p"], host: ["--host", "-h"], subcommands: ["run"], defaultPort: 5000, bindAll: "host-option" },
  "http.server": {
    names: [],
    modules: ["http.server"],
    port: [],
    host: ["--bind", "-b"],
    portArgument: "port",
    flagsWithValue: ["-d", "--directory", "-p", "--protocol"],
    defaultPort: 8000,
    listensOnAll: true,
    bindAll: "host-option",
  },
  django: {
    names: ["manage.py", "django-admin", "django-admin.py"],
    modules: ["django"],
    port: [],
    subcommands: ["runserver", "runserver_plus"],
    portArgument: "address",
    defaultPort: 8000,
    bindAll: "address-argument",
  },
  streamlit: { names: ["streamlit"], port: ["--server.port"], host: ["--server.address"], defaultPort: 8501 },
  comfyui: {
    names: ["main.py"],
    recognise: (words, at) => COMFYUI_PATH.test(words[at] ?? "") || words.slice(at + 1).some((w) => w === "--listen" || w.startsWith("--listen=")),
    port: ["--port"],
    host: ["--listen"],
    defaultPort: 8188,
    bindAll: "host-option",
  },
  rails: { names: ["rails"], titles: ["puma"], start: ["bin/rails", "server"], port: ["-p", "--port"], host: ["-b", "--binding"], defaultPort: 3000, bindAll: "host-option" },
  "http-server": { names: ["http-server"], port: ["-p", "--port"], host: ["-a"], defaultPort: 8080, listensOnAll: true },
  serve: { names: ["serve"], port: ["-p", "--port"], bind: ["-l", "--listen"], defaultPort: 3000 },
  hugo: { names: ["hugo"], port: ["-p", "--port"], host: ["--bind"], defaultPort: 1313 },
  "json-server": { names: ["json-server"], port: ["-p", "--port"], host: ["-H", "--host"], defaultPort: 3000 },
  php: { names: ["php"], port: [], bind: ["-S"] },
  ollama: { names: ["ollama"], port: [], defaultPort: 11434, bindAll: "environment", hostVariable: "OLLAMA_HOST" },
  redis: { names: ["redis-server"], addressInTitle: true, port: ["--port"], host: ["--bind"], defaultPort: 6379, bindAll: "host-option" },
  postgres: { names: ["postgres", "postmaster"], port: ["-p"], host: ["-h"], defaultPort: 5432, bindAll: "server-setting" },
} as const satisfies Record<string, ServerProgram>;

export type ServerProgramId = keyof typeof SERVER_PROGRAMS;

export type BindAllProgram = { [K in ServerProgramId]: (typeof SERVER_PROGRAMS)[K] extends { bindAll: BindAll } ? K : never }[ServerProgramId];

export interface KnownProgram {
  id: ServerProgramId;
  program: ServerProgram;
}

const ENTRIES: readonly KnownProgram[] = Object.entries(SERVER_PROGRAMS).map(([id, program]) => ({ id: id as ServerProgramId, program }));

function indexBy(words: (program: ServerProgram) => readonly string[]): ReadonlyMap<string, KnownProgram> {
  return new Map(ENTRIES.flatMap((entry) => words(entry.program).map((word) => [word, entry] as const)));
}

const BY_NAME = indexBy((p) => p.names);
const BY_MODULE = indexBy((p) => [...p.names, ...(p.modules ?? [])]);
const BY_TITLE = indexBy((p) => p.titles ?? []);

/** When its arguments agree. */
export function programNamed(name: string, words: readonly string[], at: number): KnownProgram | undefined {
  const entry = BY_NAME.get(name);
  return entry !== undefined && (entry.program.recognise?.(words, at) ?? true) ? entry : undefined;
}

export const programOfModule = (module: string): KnownProgram | undefined => BY_MODULE.get(module);

export const programTitled = (name: string): KnownProgram | undefined => BY_TITLE.get(name);

export const bindsAll = (id: ServerProgramId): id is BindAllProgram => "bindAll" in SERVER_PROGRAMS[id];

/** For a program not listed. */
export const COMMON_HOST_FLAGS: readonly string[] = [
  "--host",
  "--hostname",
  "--bind",
  "--bind-address",
  "--listen",
  "--listen-address",
  "--address",
  "--addr",
  "--ip",
  "--server.address",
  "-b",
  "-h",
  "-H",
  "-S",
  "-l",
];
