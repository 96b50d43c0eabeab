import { definePolicy } from '../../src/detect/policy';
import { configRecorder } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.Config.Recorder.NotRecordingAll',
  resourceTypes: ['AWS.Config.Recorder'],
  severity: 'MEDIUM',
  description: 'The Config recorder is stopped, or records only some resource types, so configuration changes go unrecorded.',
  runbook: 'Start the recorder and set it to record all supported resource types (Config → Settings → Edit).',
  reference: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
  tags: ['TA0005:T1562.008'],
  policy: (recorder) => recorder.Status?.Recording === true && recorder.RecordingGroup?.AllSupported === true,
  title: (recorder) =>
    `AWS Config recorder ${recorder.Name ?? recorder.ResourceId} in ${recorder.Region} ${recorder.Status?.Recording === true ? 'does not record all resource types' : 'is not recording'}`,
  tests: [
    { name: 'a recorder recording everything complies', expect: true, resource: configRecorder() },
    { name: 'a stopped recorder fails', expect: false, resource: configRecorder({ Status: { Recording: false, LastStatus: 'SUCCESS' } }) },
    {
      name: 'a recorder of selected types fails',
      expect: false,
      resource: configRecorder({ RecordingGroup: { AllSupported: false, IncludeGlobalResourceTypes: false } }),
    },
  ],
});
