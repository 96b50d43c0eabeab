import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSigmaRules, readSigmaRules } from '../../../src/detect/sigma';
import type { NormalizedEvent } from '../../../src/logs/log-type';

/** SigmaHQ's rules/cloud/aws/cloudtrail folder as published (DRL 1.1), kept outside the repo. */
const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'sigmahq-aws-cloudtrail');
const PACK = join(__dirname, '..', '..', '..', 'detections', 'sigma');

describe('SigmaHQ’s AWS CloudTrail rules, as published', () => {
  const report = readSigmaRules(CORPUS);
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.yml'));

  it('load every rule with none skipped and no warning', () => {
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.loaded).toHaveLength(files.length);
    expect(report.loaded).toHaveLength(57);
  });

  it('load with their author and the Detection Rule License for attribution', () => {
    for (const { rule } of report.loaded) {
      expect(rule.author).toEqual(expect.any(String));
      expect(rule.license).toBe('Detection Rule License (DRL) 1.1');
    }
  });

  it('keep ATT&CK v17+ tactics: stealth as TA0005 and defense-impairment as TA0112', () => {
    const tags = report.loaded.flatMap(({ rule }) => rule.tags);
    expect(tags.some((tag) => tag.startsWith('TA0112'))).toBe(true);
    expect(tags.some((tag) => tag.startsWith('TA0005'))).toBe(true);
  });

  it('run the fieldref rule: a user login profile changed by someone else matches, one’s own does not', () => {
    expect(readFileSync(join(CORPUS, 'aws_update_login_profile.yml'), 'utf8')).toContain('|fieldref');
    const rule = report.loaded.find(({ file }) => file.endsWith('aws_update_login_profile.yml'))!.rule;
    const update = (arn: string, userName: string): NormalizedEvent =>
      ({
        p_log_type: 'AWS.CloudTrail',
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateLoginProfile',
        userIdentity: { arn },
        requestParameters: { userName },
      }) as unknown as NormalizedEvent;
    expect(rule.rule(update('arn:aws:iam::123456789012:user/mallory', 'alice'))).toBe(true);
    // The published rule compares the ARN with the user name, so as written only an identical value is filtered.
    expect(rule.rule(update('alice', 'alice'))).toBe(false);
  });
});

describe('the bundled Sigma pack', () => {
  it('loads in strict mode with no warning', () => {
    expect(() => loadSigmaRules(PACK, { strict: true })).not.toThrow();
    expect(readSigmaRules(PACK).warnings).toEqual([]);
  });
});
