/**
 * Turns a search glob into a LIKE pattern: `*` any run, `?` one character, everything else
 * literal. LIKE's own wildcards and the escape character are escaped, so `100%_done` matches only
 * itself. Lowercased because `~` is case-insensitive (the SQL side compares lower(field)).
 */
export function globToLike(glob: string): string {
  let pattern = '';
  for (const char of glob.toLowerCase()) {
    if (char === '*') pattern += '%';
    else if (char === '?') pattern += '_';
    else if (char === '%' || char === '_' || char === '\\') pattern += `\\${char}`;
    else pattern += char;
  }
  return pattern;
}
