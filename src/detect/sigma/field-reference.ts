import { compileFieldPath, type FieldGetter } from './field-path';
import type { Modifiers } from './modifiers';
import type { EventPredicate } from './event-predicate';
import { DocumentProblem, type DocumentPath } from './sigma-error';

type TextTest = (own: string, other: string) => boolean;

const TESTS: Readonly<Record<'equals' | 'contains' | 'startswith' | 'endswith', TextTest>> = {
  equals: (own, other) => own === other,
  contains: (own, other) => own.includes(other),
  startswith: (own, other) => own.startsWith(other),
  endswith: (own, other) => own.endsWith(other),
};

function texts(value: unknown): string[] {
  const found: string[] = [];
  const add = (leaf: unknown): void => {
    if (Array.isArray(leaf)) leaf.forEach(add);
    else if (typeof leaf === 'string') found.push(leaf);
    else if (typeof leaf === 'number' || typeof leaf === 'boolean') found.push(String(leaf));
  };
  add(value);
  return found;
}

/**
 * `userIdentity.arn|fieldref: requestParameters.userName`: the field compared with another field
 * of the same event (each value of the rule names a field). Case-insensitive unless `cased`, like
 * every Sigma comparison; arrays on either side match when any pair does. A missing field on
 * either side matches nothing, with or without `neq`: there is nothing to compare.
 */
export function compileFieldReference(own: FieldGetter, raw: unknown, modifiers: Modifiers, path: DocumentPath): EventPredicate {
  const names = Array.isArray(raw) ? raw : [raw];
  if (names.length === 0) throw new DocumentProblem('value', path, '"fieldref" needs the name of the field to compare with');
  const others = names.map((name, index) => {
    if (typeof name !== 'string' || name.trim() === '' || name.split('.').some((part) => part === '')) {
      throw new DocumentProblem(
        'value',
        Array.isArray(raw) ? [...path, index] : path,
        `"fieldref" takes a field name such as requestParameters.userName, not ${JSON.stringify(name)}`,
      );
    }
    return compileFieldPath(name.split('.'));
  });
  const test = TESTS[modifiers.comparison as keyof typeof TESTS];
  const fold = modifiers.cased ? (text: string): string => text : (text: string): string => text.toLowerCase();

  const matchesOne = (mine: readonly string[], other: FieldGetter, event: Readonly<Record<string, unknown>>): boolean | undefined => {
    const theirs = texts(other(event)).map(fold);
    if (theirs.length === 0) return undefined;
    return mine.some((text) => theirs.some((their) => test(text, their)));
  };
  return (event) => {
    const mine = texts(own(event)).map(fold);
    if (mine.length === 0) return false;
    const results = others.map((other) => matchesOne(mine, other, event));
    if (modifiers.negated) return results.every((result) => result === false);
    return modifiers.all ? results.every((result) => result === true) : results.some((result) => result === true);
  };
}
