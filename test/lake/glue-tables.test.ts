import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { lakeKey, parquetHourPrefix, parquetTableName } from '../../src/lake/lake-layout';
import { INDICATOR_FIELDS } from '../../src/logs/indicators';
import { tableName } from '../../src/logs/log-type';
import { builtInLogTypes } from '../../src/logs/registry';

interface GlueTable {
  Type: string;
  Properties: {
    TableInput: {
      Name: string;
      Parameters: Record<string, unknown>;
      PartitionKeys: Array<{ Name: string; Type: string }>;
      StorageDescriptor: { Columns: Array<{ Name: string; Type: string }>; SerdeInfo: { SerializationLibrary: string; Parameters?: Record<string, string> } };
    };
  };
}

const resources = (parseYaml(readFileSync(join(__dirname, '..', '..', 'infra', 'glue.yml'), 'utf8')) as { Resources: Record<string, GlueTable> }).Resources;
const tables = new Map(
  Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::Glue::Table')
    .map((resource) => [resource.Properties.TableInput.Name, resource.Properties.TableInput]),
);
const STANDARD = ['p_log_type', 'p_row_id', 'p_event_time', 'p_parse_time', 'p_source_id', 'p_source_label', ...INDICATOR_FIELDS];

describe.each(builtInLogTypes.all().map((logType) => [logType.name, logType] as const))('the Glue table for %s', (name, logType) => {
  const table = tables.get(tableName(name))!;

  it("exists, under the log type's table name", () => {
    expect(table).toBeDefined();
  });

  it('projects the same hourly partitions the lake writer writes', () => {
    expect(table.PartitionKeys.map((key) => key.Name)).toEqual(['year', 'month', 'day', 'hour']);
    expect(table.Parameters['projection.enabled']).toBe('true');
    const template = (table.Parameters['storage.location.template'] as { 'Fn::Sub': string })['Fn::Sub'];
    const written = lakeKey(name, '2026-11-02T07:00:00.000Z', 'any');
    const projected = template
      .replace('s3://${LakeBucket}/', '')
      .replace('${!year}', '2026')
      .replace('${!month}', '11')
      .replace('${!day}', '02')
      .replace('${!hour}', '07');
    expect(written.startsWith(`${projected}/`)).toBe(true);
  });

  it('has a column for every field of the schema and every p_ field, named as Athena allows', () => {
    const columns = table.StorageDescriptor.Columns.map((column) => column.Name);
    // A JSON key Athena cannot name (EventBridge's detail-type) gets an underscore column and a SerDe mapping.
    const mapped = new Map(
      Object.entries(table.StorageDescriptor.SerdeInfo.Parameters ?? {}).flatMap(([key, value]) =>
        key.startsWith('mapping.') ? [[value, key.slice('mapping.'.length)]] : [],
      ),
    );
    const shape = (logType.schema as unknown as z.ZodObject).shape;
    for (const field of [...Object.keys(shape).map((key) => key.toLowerCase()), ...STANDARD]) {
      const column = mapped.get(field) ?? field;
      expect({ field, present: columns.includes(column) }).toEqual({ field, present: true });
    }
    for (const column of columns) expect(column).toMatch(/^[a-z0-9_]+$/);
    expect(table.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
  });
});

describe.each(builtInLogTypes.all().map((logType) => [logType.name] as const))('the Parquet table for %s', (name) => {
  const json = tables.get(tableName(name))!;
  const parquet = tables.get(parquetTableName(tableName(name)))!;

  it('has the columns of the JSON table, in the same order, so a search can read both as one', () => {
    expect(parquet).toBeDefined();
    expect(parquet.StorageDescriptor.Columns).toEqual(json.StorageDescriptor.Columns);
    expect(parquet.StorageDescriptor.Columns.filter((column) => column.Name.startsWith('p_any_')).map((column) => column.Type)).toEqual(
      INDICATOR_FIELDS.map(() => 'array<string>'),
    );
    expect(parquet.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
  });

  it('projects the hourly partitions the compaction writes, under parquet/', () => {
    expect(parquet.PartitionKeys).toEqual(json.PartitionKeys);
    const projection = (table: typeof json): Record<string, unknown> =>
      Object.fromEntries(Object.entries(table.Parameters).filter(([key]) => key.startsWith('projection.')));
    expect(projection(parquet)).toEqual(projection(json));
    const template = (parquet.Parameters['storage.location.template'] as { 'Fn::Sub': string })['Fn::Sub'];
    const projected = template
      .replace('s3://${LakeBucket}/', '')
      .replace('${!year}', '2026')
      .replace('${!month}', '11')
      .replace('${!day}', '02')
      .replace('${!hour}', '07');
    expect(`${projected}/`).toBe(parquetHourPrefix(tableName(name), '2026-11-02T07:00:00.000Z'));
  });
});
