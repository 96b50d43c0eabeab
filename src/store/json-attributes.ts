/**
 * The one place where values that carry log data (samples, rule context, audit before/after) become
 * DynamoDB attributes. They are stored as JSON text, not as marshalled maps: an event's keys are
 * chosen by whoever acted in the account, and keys such as `__proto__` or `constructor`, empty maps
 * or odd number formats break the document client's marshalling, while any JSON survives as a string.
 */
export interface JsonAttributes<T> {
  toItem(value: T): Record<string, unknown>;
  fromItem(item: Record<string, unknown>): T;
}

export function jsonAttributes<T extends object>(fields: ReadonlyArray<keyof T & string>): JsonAttributes<T> {
  return {
    toItem(value) {
      const item: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const field of fields) {
        if (item[field] !== undefined) item[field] = JSON.stringify(item[field]);
      }
      return item;
    },
    fromItem(item) {
      const value: Record<string, unknown> = { ...item };
      for (const field of fields) {
        // Items written before this encoding hold the field as a map; read those as they are.
        if (typeof value[field] === 'string') value[field] = JSON.parse(value[field]) as unknown;
      }
      return value as T;
    },
  };
}
