export interface Style {
  (text: string): string;
  readonly bold: (text: string) => string;
}

/** chalk's instance has this shape; output without colour (a pipe, NO_COLOR) uses noPaint and never loads chalk. */
export interface Paint {
  readonly red: Style;
  readonly yellow: Style;
  readonly blue: Style;
  readonly green: Style;
  readonly dim: Style;
  readonly bold: Style;
}

const unchanged: Style = Object.assign((text: string) => text, { bold: (text: string) => text });

export const noPaint: Paint = { red: unchanged, yellow: unchanged, blue: unchanged, green: unchanged, dim: unchanged, bold: unchanged };
