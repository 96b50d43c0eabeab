import { auroraMySqlAudit } from '../../src/logs/aurora-mysql-audit';
import { events, expectGolden, parseFixture, quarantined } from './golden';

describe('Aurora MySQL audit logs (AWS.AuroraMySQLAudit)', () => {
  it('are read one audited event per line, to the reviewed golden output', async () => {
    const records = await parseFixture('aurora-mysql-audit/audit.log', [auroraMySqlAudit]);
    expectGolden('aurora-mysql-audit/audit.log', records);
    expect(events(records).map((event) => [event['operation'], event['retCode']])).toEqual([
      ['CONNECT', 0],
      ['QUERY', 0],
      ['READ', 0],
      ['QUERY', 0],
      ['QUERY', 0],
      ['QUERY', 1051],
      ['FAILED_CONNECT', 1045],
      ['DISCONNECT', 0],
    ]);
  });

  it('keep the SQL whole and as it ran: commas, quotes and backslashes inside the quoted object', async () => {
    const [, select, read, grant, insert] = events(await parseFixture('aurora-mysql-audit/audit.log', [auroraMySqlAudit]));
    expect(select!['object']).toBe(
      "SELECT `id`, `status`, `total` FROM `orders` WHERE `customer_id` = 42 AND `status` IN ('paid','shipped') ORDER BY `created_at` DESC LIMIT 20",
    );
    expect(read!['object']).toBe('orders');
    expect(grant!['object']).toBe("GRANT ALL PRIVILEGES ON *.* TO 'backdoor'@'%' WITH GRANT OPTION");
    expect(insert!['object']).toBe("INSERT INTO notes (body) VALUES ('it\\'s a \\\\path, with commas')");
  });

  it('keep microseconds in timestamp, nulls for empty fields and any fields after retcode', async () => {
    const [connect, , , , , , failed, disconnect] = events(await parseFixture('aurora-mysql-audit/audit.log', [auroraMySqlAudit]));
    expect(connect).toMatchObject({ timestamp: '2026-11-22T10:00:00.123456Z', p_event_time: '2026-11-22T10:00:00.123Z', object: null, queryId: 0 });
    expect(failed).toMatchObject({ database: null, object: null, username: 'reporting' });
    expect(disconnect).toMatchObject({ additionalFields: ['extra'] });
  });

  it('quarantine lines with a bad timestamp, an unclosed quote or a non-numeric retcode, by line', async () => {
    const records = await parseFixture('aurora-mysql-audit/audit.log', [auroraMySqlAudit]);
    expect(quarantined(records)).toEqual([
      { position: 9, quarantined: expect.stringContaining('timestamp') },
      { position: 10, quarantined: expect.stringContaining('never closes') },
      { position: 11, quarantined: expect.stringContaining('retcode') },
    ]);
  });

  it('carry the client address and the server host as Panther v1 does, and the database user', async () => {
    const [connect, , , grant] = events(await parseFixture('aurora-mysql-audit/audit.log', [auroraMySqlAudit]));
    expect(connect).toMatchObject({ p_any_ip_addresses: ['10.0.1.25'], p_any_domain_names: ['orders-db-instance-1'], p_any_usernames: ['app_rw'] });
    expect(grant).toMatchObject({ p_any_ip_addresses: ['203.0.113.77'], p_any_usernames: ['admin'] });
  });
});
