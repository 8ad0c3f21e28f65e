/** The package version, read once (the file sits beside dist/ and src/). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = (require('../package.json') as { version: string }).version;
