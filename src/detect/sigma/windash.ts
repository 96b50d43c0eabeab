/** The characters Windows accepts in front of a command-line flag. */
const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];
/** A rule value with more flags than this is matched as written plus each dash for all flags alike, not every mix. */
const MAX_FLAGS_PERMUTED = 4;

/**
 * `windash`: every flag (a dash or slash at the start of the value or after a space) written with
 * each of the dashes Windows accepts, in every combination. Only flag positions are varied, as
 * pySigma does, so a path or URL inside the value keeps its slashes.
 */
export function windashVariants(value: string): string[] {
  const positions: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    if (DASHES.includes(value[i]!) && (i === 0 || /\s/.test(value[i - 1]!))) positions.push(i);
  }
  if (positions.length === 0) return [value];
  const replace = (choices: readonly string[]): string => {
    const chars = value.split('');
    positions.forEach((position, index) => {
      chars[position] = choices[index]!;
    });
    return chars.join('');
  };
  if (positions.length > MAX_FLAGS_PERMUTED) return [...new Set([value, ...DASHES.map((dash) => replace(positions.map(() => dash)))])];
  let combinations: string[][] = [[]];
  for (let i = 0; i < positions.length; i += 1) combinations = combinations.flatMap((prefix) => DASHES.map((dash) => [...prefix, dash]));
  return [...new Set(combinations.map(replace))];
}
