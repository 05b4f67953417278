// Terminal output for the CLIs: colours only on a terminal and never when NO_COLOR is set (https://no-color.org).
const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], bold: [1, 22], dim: [2, 22] } as const;
export type Style = keyof typeof CODES;

export function colourEnabled(
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export function painter(enabled: boolean): (text: string, style: Style) => string {
  return (text, style) => (enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}
