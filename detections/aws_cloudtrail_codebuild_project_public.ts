import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function projectOf(event: CloudTrailEvent): string {
  return requestText(event, 'projectArn') ?? 'unknown project';
}

export default defineRule({
  id: 'AWS.CloudTrail.CodebuildProjectPublic',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "A CodeBuild project's build results were made public (PUBLIC_READ): anyone can read its build logs and artifacts, which routinely contain environment variables, tokens and internal hostnames.",
  runbook:
    'Set the project back to PRIVATE (`aws codebuild update-project-visibility --project-visibility PRIVATE`). Read recent build logs for secrets and rotate any found. Ask the actor why the project was made public.',
  reference: 'https://docs.aws.amazon.com/codebuild/latest/userguide/public-builds.html',
  tags: ['TA0009:T1530', 'TA0006:T1552'],
  rule: (event) =>
    event.eventSource === 'codebuild.amazonaws.com' &&
    event.eventName === 'UpdateProjectVisibility' &&
    requestText(event, 'projectVisibility') === 'PUBLIC_READ' &&
    succeeded(event),
  title: (event) => `${actorOf(event)} made CodeBuild project ${projectOf(event)} public in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${projectOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'making a project public matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'codebuild.amazonaws.com',
        eventName: 'UpdateProjectVisibility',
        requestParameters: { projectArn: 'arn:aws:codebuild:us-east-1:123456789012:project/orders-api', projectVisibility: 'PUBLIC_READ' },
      }),
    },
    {
      name: 'making a project private does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'codebuild.amazonaws.com',
        eventName: 'UpdateProjectVisibility',
        requestParameters: { projectArn: 'arn:aws:codebuild:us-east-1:123456789012:project/orders-api', projectVisibility: 'PRIVATE' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'codebuild.amazonaws.com',
        eventName: 'UpdateProjectVisibility',
        errorCode: 'AccessDeniedException',
        requestParameters: { projectArn: 'arn:aws:codebuild:us-east-1:123456789012:project/orders-api', projectVisibility: 'PUBLIC_READ' },
      }),
    },
  ],
});
