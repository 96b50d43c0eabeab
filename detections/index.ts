import type { Rule } from '../src/detect/rule';
import awsCloudtrailConfigDisabled from './aws_cloudtrail_config_disabled';
import awsCloudtrailConsoleLoginFailures from './aws_cloudtrail_console_login_failures';
import awsCloudtrailConsoleLoginWithoutMfa from './aws_cloudtrail_console_login_without_mfa';
import awsCloudtrailGuardDutyDisabled from './aws_cloudtrail_guard_duty_disabled';
import awsCloudtrailGuardDutyFindingsSuppressed from './aws_cloudtrail_guard_duty_findings_suppressed';
import awsCloudtrailNetworkAclChanged from './aws_cloudtrail_network_acl_changed';
import awsCloudtrailNetworkGatewayChanged from './aws_cloudtrail_network_gateway_changed';
import awsCloudtrailRootAccessKeyCreated from './aws_cloudtrail_root_access_key_created';
import awsCloudtrailRootActivity from './aws_cloudtrail_root_activity';
import awsCloudtrailRootConsoleLogin from './aws_cloudtrail_root_console_login';
import awsCloudtrailRouteTableChanged from './aws_cloudtrail_route_table_changed';
import awsCloudtrailSecurityGroupOpenToWorld from './aws_cloudtrail_security_group_open_to_world';
import awsCloudtrailSecurityHubDisabled from './aws_cloudtrail_security_hub_disabled';
import awsCloudtrailTrailDeleted from './aws_cloudtrail_trail_deleted';
import awsCloudtrailTrailSelectorsChanged from './aws_cloudtrail_trail_selectors_changed';
import awsCloudtrailTrailStopped from './aws_cloudtrail_trail_stopped';
import awsCloudtrailTrailWeakened from './aws_cloudtrail_trail_weakened';
import awsCloudtrailVpcFlowLogsDeleted from './aws_cloudtrail_vpc_flow_logs_deleted';

/**
 * The detection pack. Every rule file is imported here explicitly so bundlers include it;
 * the catalog test fails if a file in this folder is missing from the list.
 */
export const rules: Rule[] = [
  awsCloudtrailConfigDisabled,
  awsCloudtrailConsoleLoginFailures,
  awsCloudtrailConsoleLoginWithoutMfa,
  awsCloudtrailGuardDutyDisabled,
  awsCloudtrailGuardDutyFindingsSuppressed,
  awsCloudtrailNetworkAclChanged,
  awsCloudtrailNetworkGatewayChanged,
  awsCloudtrailRootAccessKeyCreated,
  awsCloudtrailRootActivity,
  awsCloudtrailRootConsoleLogin,
  awsCloudtrailRouteTableChanged,
  awsCloudtrailSecurityGroupOpenToWorld,
  awsCloudtrailSecurityHubDisabled,
  awsCloudtrailTrailDeleted,
  awsCloudtrailTrailSelectorsChanged,
  awsCloudtrailTrailStopped,
  awsCloudtrailTrailWeakened,
  awsCloudtrailVpcFlowLogsDeleted,
];
