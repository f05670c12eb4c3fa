import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

let configured = false;

/** zod/mini ships without messages; set at the first parse rather than at import, so declaring a schema costs nothing. */
export function useEnglishMessages(): void {
  if (configured) return;
  config(en());
  configured = true;
}
