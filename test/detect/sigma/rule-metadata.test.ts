import type { NormalizedEvent } from '../../../src/logs/log-type';
import { sigmaRule } from './sigma-helpers';

const detection = { selection: { eventName: 'StopLogging' }, condition: 'selection' };

describe('Sigma rule metadata on the Prowl rule', () => {
  it('maps each level to a severity', () => {
    const severities = ['informational', 'low', 'medium', 'high', 'critical'].map((level) => sigmaRule(detection, { level }).severity);
    expect(severities).toEqual(['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
  });

  it('makes the id from the log type and the title in PascalCase', () => {
    expect(sigmaRule(detection, { title: 'AWS CloudTrail: logging stopped (or trail deleted)' }).id).toBe(
      'Sigma.AWS.CloudTrail.AWSCloudTrailLoggingStoppedOrTrailDeleted',
    );
    expect(sigmaRule(detection, { title: 'Réseau ouvert à tous' }).id).toBe('Sigma.AWS.CloudTrail.ReseauOuvertATous');
  });

  it('uses the title as the alert title', () => {
    const rule = sigmaRule(detection, { title: 'Trail Logging Stopped' });
    expect(rule.title?.({} as NormalizedEvent)).toBe('Trail Logging Stopped');
  });

  it('keeps the description, first reference and author, and marks the rule as Sigma', () => {
    const rule = sigmaRule(detection, {
      description: 'Stops the audit trail.',
      references: ['https://example.com/a', 'https://example.com/b'],
      author: 'Jane Doe, John Roe',
    });
    expect(rule).toMatchObject({ description: 'Stops the audit trail.', reference: 'https://example.com/a', author: 'Jane Doe, John Roe', origin: 'sigma' });
  });

  it('falls back to the title when there is no description', () => {
    expect(sigmaRule(detection, { title: 'Trail Logging Stopped' }).description).toBe('Trail Logging Stopped');
  });

  it('turns ATT&CK tactics and techniques into Tactic:Technique tags', () => {
    expect(sigmaRule(detection, { tags: ['attack.defense_evasion', 'attack.t1562.008'] }).tags).toEqual(['TA0005:T1562.008']);
    expect(sigmaRule(detection, { tags: ['attack.persistence', 'attack.privilege-escalation', 'attack.t1078'] }).tags).toEqual([
      'TA0003:T1078',
      'TA0004:T1078',
    ]);
    expect(sigmaRule(detection, { tags: ['attack.impact'] }).tags).toEqual(['TA0040']);
    expect(sigmaRule(detection, { tags: ['attack.T1530'] }).tags).toEqual(['T1530']);
  });

  it('keeps tags outside ATT&CK techniques off the Prowl tags but on the alert context', () => {
    const rule = sigmaRule(detection, { tags: ['attack.collection', 'attack.g0016', 'cve.2021-44228', 'detection.threat_hunting'] });
    expect(rule.tags).toEqual(['TA0009']);
    expect(rule.alertContext?.({} as NormalizedEvent)).toMatchObject({
      sigmaTags: ['attack.collection', 'attack.g0016', 'cve.2021-44228', 'detection.threat_hunting'],
    });
  });

  it('puts the false positives into the runbook', () => {
    const rule = sigmaRule(detection, { falsepositives: ['Trail migration by the platform team', 'Account closure'] });
    expect(rule.runbook).toContain('Known false positives (from the Sigma rule): Trail migration by the platform team; Account closure.');
    expect(sigmaRule(detection, { falsepositives: 'Planned maintenance' }).runbook).toContain('Planned maintenance');
    expect(sigmaRule(detection).runbook).toContain('lists no known false positives');
  });

  it('loads deprecated and unsupported rules disabled, and the others enabled', () => {
    expect(sigmaRule(detection, { status: 'deprecated' }).enabled).toBe(false);
    expect(sigmaRule(detection, { status: 'unsupported' }).enabled).toBe(false);
    expect(sigmaRule(detection, { status: 'experimental' }).enabled).toBe(true);
    expect(sigmaRule(detection, { status: undefined }).enabled).toBe(true);
  });

  it('uses the engine defaults for dedup period and threshold', () => {
    expect(sigmaRule(detection)).toMatchObject({ dedupPeriodMinutes: 60, threshold: 1 });
  });

  it('puts the Sigma id and the values of the rule’s fields on the alert context', () => {
    const rule = sigmaRule(detection, { id: '3b6d1f3e-8a4c-4f0e-9d59-1f2a3b4c5d6e', fields: ['userIdentity.arn', 'requestParameters.name'] });
    const context = rule.alertContext?.({ userIdentity: { arn: 'arn:aws:iam::1:user/eve' } } as unknown as NormalizedEvent);
    expect(context).toEqual({
      sigmaId: '3b6d1f3e-8a4c-4f0e-9d59-1f2a3b4c5d6e',
      sigmaAuthor: 'Prowl tests',
      fields: { 'userIdentity.arn': 'arn:aws:iam::1:user/eve', 'requestParameters.name': null },
    });
  });

  it('puts the author and the license the rule names on the rule and the alert context, for attribution', () => {
    const rule = sigmaRule(detection, { author: 'Jane Doe (@jane)', license: 'DRL 1.1' });
    expect(rule).toMatchObject({ author: 'Jane Doe (@jane)', license: 'DRL 1.1' });
    expect(rule.alertContext?.({} as NormalizedEvent)).toMatchObject({ sigmaAuthor: 'Jane Doe (@jane)', sigmaLicense: 'DRL 1.1' });
  });
});
