/**
 * What a terminal would have shown for a program's piped output: each JSON log line becomes its
 * message (warnings and errors prefixed with their level, as in a terminal); any other line (a
 * progress bar, a stack trace) stays as it is. For tests and for reading a captured log.
 */
export function logText(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      try {
        const { level, msg } = JSON.parse(line) as { level?: number; msg?: unknown };
        if (typeof msg !== 'string') return line;
        if (level === 40) return `warn: ${msg}`;
        if (level === 50) return `error: ${msg}`;
        if (level === 60) return `fatal: ${msg}`;
        return msg;
      } catch {
        return line;
      }
    })
    .join('\n');
}
