import { rules } from '../../detections';
import { runDetectionTests } from '../../src/detect/detection-tests';
import { ruleSubject } from '../../src/detect/rule-tests';
import type { Severity } from '../../src/config/severity';

/** The severity each named test event of a rule would alert with, as the engine decides it. */
function severities(ruleId: string): Record<string, Severity | undefined> {
  return Object.fromEntries(
    runDetectionTests(
      rules.map((rule) => ruleSubject(rule)),
      ruleId,
    )
      .filter((result) => result.detectionId === ruleId && result.severity)
      .map((result) => [result.testName, result.severity]),
  );
}

describe('severity that depends on the event', () => {
  it('rates SSH, RDP or all traffic open to the world high, and web ports or ping alone low', () => {
    expect(severities('AWS.CloudTrail.SecurityGroupOpenToWorld')).toEqual({
      'SSH opened to 0.0.0.0/0 matches': 'HIGH',
      'all traffic opened to ::/0 matches': 'HIGH',
      'HTTPS opened to the world matches': 'LOW',
      'ping opened to the world matches': 'LOW',
      'a modified rule widened to 0.0.0.0/0 matches': 'HIGH',
      'SSH opened with the short form (top-level cidrIp and ports) matches': 'HIGH',
    });
  });

  it('rates a public snapshot critical and a share with one outside account high', () => {
    expect(severities('AWS.CloudTrail.EbsSnapshotSharedOutsideOrg')).toEqual({
      'sharing with an outside account matches': 'HIGH',
      'making a snapshot public matches': 'CRITICAL',
    });
  });

  it('rates a GuardDuty finding by its band, and sample findings as information', () => {
    expect(severities('AWS.GuardDuty.HighSeverityFinding')).toEqual({
      'a high-severity crypto-mining finding matches': 'HIGH',
      'a critical credential exfiltration finding matches': 'CRITICAL',
      'a sample finding still matches (at INFO)': 'INFO',
    });
  });

  it('rates a layer from outside the organization higher than a layer of our own', () => {
    expect(severities('AWS.CloudTrail.LambdaLayerChanged')).toEqual({
      'attaching a layer from an outside account matches': 'HIGH',
      'publishing a layer by hand matches': 'MEDIUM',
    });
  });

  it('rates a narrowing of trail selectors higher than other selector changes', () => {
    expect(severities('AWS.CloudTrail.TrailSelectorsChanged')).toEqual({
      'excluding management events matches, with high severity': 'HIGH',
      'adding S3 data events matches': 'MEDIUM',
    });
  });
});
