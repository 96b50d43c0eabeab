import { compileFor, filterParams } from './helpers/compile';

const DUCK_NAME = `json_extract_string(e."eventName", '$')`;
const DUCK_IPS = 'e."p_any_ip_addresses"';

/** [operator case, query, DuckDB fragment, Athena fragment, filter parameters (same for both unless given)] */
const cases: Array<[string, string, string, string, unknown[], unknown[]?]> = [
  ['= on text', 'AWS.CloudTrail eventName=ConsoleLogin', `${DUCK_NAME} = $3`, `"eventName" = ?`, ['ConsoleLogin']],
  [
    '!= keeps rows without the field',
    'AWS.CloudTrail eventName!=ConsoleLogin',
    `NOT coalesce(${DUCK_NAME} = $3, false)`,
    `NOT coalesce("eventName" = ?, false)`,
    ['ConsoleLogin'],
  ],
  [
    '~ is a case-insensitive glob',
    'AWS.CloudTrail eventName~*Login',
    `lower(${DUCK_NAME}) LIKE $3 ESCAPE '\\'`,
    `lower("eventName") LIKE ? ESCAPE '\\'`,
    ['%login'],
  ],
  [
    '!~',
    'AWS.CloudTrail eventName!~Get*',
    `NOT coalesce(lower(${DUCK_NAME}) LIKE $3 ESCAPE '\\', false)`,
    `NOT coalesce(lower("eventName") LIKE ? ESCAPE '\\', false)`,
    ['get%'],
  ],
  ['in', 'AWS.CloudTrail eventName in (A, B)', `${DUCK_NAME} IN ($3, $4)`, `"eventName" IN (?, ?)`, ['A', 'B']],
  ['> on numbers', 'Test.Flow dstPort>1024', `TRY_CAST(json_extract_string(e."dstPort", '$') AS DOUBLE) > $3`, `"dstPort" > ?`, [1024]],
  ['>= on numbers', 'Test.Flow dstPort>=1024', `AS DOUBLE) >= $3`, `"dstPort" >= ?`, [1024]],
  ['< on numbers', 'Test.Flow bytes<10', `TRY_CAST(json_extract_string(e."bytes", '$') AS DOUBLE) < $3`, `"bytes" < ?`, [10]],
  ['<= on numbers', 'Test.Flow bytes<=10', `AS DOUBLE) <= $3`, `"bytes" <= ?`, [10]],
  [
    '> on times',
    'AWS.CloudTrail eventTime>2024-05-02T08:00:00Z',
    `TRY_CAST(json_extract_string(e."eventTime", '$') AS TIMESTAMPTZ) > CAST($3 AS TIMESTAMPTZ)`,
    `try(from_iso8601_timestamp("eventTime")) > from_iso8601_timestamp(?)`,
    ['2024-05-02T08:00:00.000Z'],
  ],
  ['< on p_event_time as text', 'AWS.CloudTrail p_event_time<2024-05-02T09:00Z', `e."p_event_time" < $3`, `"p_event_time" < ?`, ['2024-05-02T09:00:00.000Z']],
  ['= on booleans', 'Test.Flow accepted=false', `TRY_CAST(json_extract_string(e."accepted", '$') AS BOOLEAN) = $3`, `"accepted" = ?`, [false]],
  [
    'nested struct field',
    'AWS.CloudTrail userIdentity.userName=x',
    `json_extract_string(e."userIdentity", '$."userName"') = $3`,
    `"userIdentity"."userName" = ?`,
    ['x'],
  ],
  [
    'columnar field (its own column in DuckDB-written Parquet)',
    'AWS.CloudTrail userIdentity.arn=x',
    `e."p_text.userIdentity.arn" = $3`,
    `"userIdentity"."arn" = ?`,
    ['x'],
  ],
  [
    'field inside a free-form map',
    'AWS.CloudTrail requestParameters.bucketName=b',
    `json_extract_string(e."requestParameters", '$."bucketName"') = $3`,
    `json_extract_scalar("requestParameters", '$["bucketName"]') = ?`,
    ['b'],
  ],
  [
    'number comparison inside a map',
    'Test.Flow detail.code>7',
    `TRY_CAST(json_extract_string(e."detail", '$."code"') AS DOUBLE) > $3`,
    `TRY_CAST(json_extract_scalar("detail", '$["code"]') AS DOUBLE) > ?`,
    [7],
  ],
  [
    'IPv4 CIDR',
    'AWS.CloudTrail sourceIPAddress=10.0.0.0/8',
    `THEN list_reduce(list_transform(string_split(json_extract_string(e."sourceIPAddress", '$'), '.'), lambda o: CAST(o AS BIGINT)), lambda a, b: a * 256 + b) END) BETWEEN $4 AND $5)`,
    `coalesce(contains(?, TRY_CAST("sourceIPAddress" AS IPADDRESS)), false)`,
    ['10.', 167772160, 184549375],
    ['10.0.0.0/8'],
  ],
  [
    'IPv6 CIDR',
    'AWS.CloudTrail sourceIPAddress=2001:db8::/32',
    `coalesce(prowl_ipv6_in_cidr(json_extract_string(e."sourceIPAddress", '$'), $3), false)`,
    `coalesce(contains(?, TRY_CAST("sourceIPAddress" AS IPADDRESS)), false)`,
    ['2001:db8::/32'],
  ],
  ['= on a list', 'any ip=1.2.3.4', `list_contains(${DUCK_IPS}, $3)`, `contains("p_any_ip_addresses", ?)`, ['1.2.3.4']],
  [
    'in on a list',
    'any ip in (1.2.3.4, 5.6.7.8)',
    `list_has_any(${DUCK_IPS}, [$3, $4])`,
    `arrays_overlap("p_any_ip_addresses", ARRAY[?, ?])`,
    ['1.2.3.4', '5.6.7.8'],
  ],
  [
    '~ on a list',
    'any user~adm*',
    `len(list_filter(e."p_any_usernames", lambda v: lower(v) LIKE $3 ESCAPE '\\')) > 0`,
    `any_match("p_any_usernames", v -> lower(v) LIKE ? ESCAPE '\\')`,
    ['adm%'],
  ],
  [
    'CIDR on a list',
    'any ip=192.168.0.0/16',
    `len(list_filter(${DUCK_IPS}, lambda v: (starts_with(v, $3) AND (CASE WHEN regexp_full_match(v,`,
    `any_match("p_any_ip_addresses", v -> coalesce(contains(?, TRY_CAST(v AS IPADDRESS)), false))`,
    ['192.168.', 3232235520, 3232301055],
    ['192.168.0.0/16'],
  ],
  [
    '!= on a list',
    'any user!=root',
    `NOT coalesce(list_contains(e."p_any_usernames", $3), false)`,
    `NOT coalesce(contains("p_any_usernames", ?), false)`,
    ['root'],
  ],
];

describe.each(cases)('compiling %s', (_name, query, duckFragment, athenaFragment, params, athenaParams) => {
  it('writes the DuckDB predicate with the value bound', () => {
    const compiled = compileFor('duckdb', query);
    expect(compiled.sql).toContain(duckFragment);
    expect(filterParams(compiled)).toEqual(params);
  });

  it('writes the Athena predicate with the value bound', () => {
    const compiled = compileFor('athena', query);
    expect(compiled.sql).toContain(athenaFragment);
    expect(filterParams(compiled).slice(0, (athenaParams ?? params).length)).toEqual(athenaParams ?? params);
  });
});
