/** Command-line options of the reliability commands, checked with zod: a wrong one names itself. */
import { z } from 'zod';

/** `--name value` or `--name=value` from argv, else undefined. */
export function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export const whole = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, c) => {
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        c.addIssue({
          code: 'custom',
          message: `--${name}: expected a whole number from ${min} to ${max}, got ${v}`
        });
        return z.NEVER;
      }
      return n;
    });

export const dialect = z
  .string()
  .optional()
  .transform((v, c) => {
    const d = v ?? 'sqlite';
    if (d !== 'sqlite' && d !== 'postgresql') {
      c.addIssue({
        code: 'custom',
        message: `--database: expected sqlite or postgresql, got ${v}`
      });
      return z.NEVER;
    }
    return d;
  });

/** Parses argv with a schema of named options; on a mistake prints what to fix and exits 2. */
export function parseOptions<T extends z.ZodRawShape>(
  argv: string[],
  shape: T,
  usage: string
): z.infer<z.ZodObject<T>> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const raw = Object.fromEntries(Object.keys(shape).map((k) => [k, arg(argv, k)]));
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    console.error(`\n${usage}`);
    process.exit(2);
  }
  return parsed.data;
}
