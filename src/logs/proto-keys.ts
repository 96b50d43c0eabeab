function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = (value: object, key: string): boolean => Object.hasOwn(value, key);

/**
 * JSON.parse keeps a `__proto__` key as an ordinary own property, but zod's copy of an object
 * assigns it, which sets the copy's prototype instead: the key vanishes from the event (and its
 * value shows through as inherited fields). Puts such keys back on the copy as data, with the
 * ordinary prototype, wherever the record had them. Records are depth-bounded at framing time.
 */
export function keepProtoKeys(original: unknown, copy: unknown): void {
  if (Array.isArray(original) && Array.isArray(copy)) {
    original.forEach((item, index) => keepProtoKeys(item, copy[index]));
    return;
  }
  if (!isPlainObject(original) || !isPlainObject(copy) || original === copy) return;
  if (hasOwn(original, '__proto__') && !hasOwn(copy, '__proto__')) {
    Object.setPrototypeOf(copy, Object.prototype);
    Object.defineProperty(copy, '__proto__', {
      value: Object.getOwnPropertyDescriptor(original, '__proto__')!.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  for (const key of Object.keys(copy)) {
    if (hasOwn(original, key)) keepProtoKeys(original[key], copy[key]);
  }
}
