import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

let configured = false;

/**
 * zod/mini ships without messages ("Invalid input"); the English ones are
 * switched on at the first parse rather than at import, so loading a module
 * that declares a schema costs nothing.
 */
export function useEnglishMessages(): void {
  if (configured) return;
  config(en());
  configured = true;
}
