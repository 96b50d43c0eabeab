import { z } from 'zod';
import { shapeOf } from '../../src/search/field-shape';
import { testFlowSchema } from './helpers/test-log-type';

describe('shapeOf', () => {
  const fields = shapeOf(testFlowSchema).children!;
  const kind = (name: string): string | undefined => fields.get(name)?.kind;

  it('sees through nullish, optional and default wrappers to the scalar kind', () => {
    expect(kind('srcAddr')).toBe('string');
    expect(kind('dstPort')).toBe('number');
    expect(kind('accepted')).toBe('boolean');
    expect(shapeOf(z.number().default(0)).kind).toBe('number');
  });

  it('recognises ISO date-time strings as times', () => {
    expect(kind('startTime')).toBe('time');
    expect(shapeOf(z.string().datetime()).kind).toBe('time');
    expect(shapeOf(z.string().email()).kind).toBe('string');
  });

  it('treats enums of strings as text', () => {
    expect(kind('action')).toBe('string');
  });

  it('describes arrays as lists with their element shape', () => {
    expect(fields.get('tags')).toEqual({ kind: 'list', element: { kind: 'string' } });
    expect(fields.get('hops')?.element?.kind).toBe('object');
  });

  it('treats records and unknown values as free-form maps', () => {
    expect(kind('detail')).toBe('map');
    expect(shapeOf(z.unknown()).kind).toBe('map');
  });

  it('keeps the declared keys of nested objects', () => {
    expect([...fields.get('peer')!.children!.keys()]).toEqual(['name', 'region']);
  });

  it('compares a union of different scalar kinds as JSON text', () => {
    expect(kind('mixed')).toBe('json');
  });

  it('ignores null and undefined members of a union', () => {
    expect(shapeOf(z.union([z.string(), z.null()])).kind).toBe('string');
    expect(shapeOf(z.union([z.number(), z.undefined(), z.null()])).kind).toBe('number');
  });

  it('reads a transformed string by its input', () => {
    expect(shapeOf(z.string().transform((text) => text.trim())).kind).toBe('string');
  });
});
