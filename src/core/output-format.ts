/** The `-o, --output` formats of contract section 2; `ndjson` applies to lists. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'tsv'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}
