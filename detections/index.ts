import type { Rule } from '../src/detect/rule';
import awsCloudtrailAccessDeniedBurst from './aws_cloudtrail_access_denied_burst';
import awsCloudtrailAdminPolicyAttached from './aws_cloudtrail_admin_policy_attached';
import awsCloudtrailConfigDisabled from './aws_cloudtrail_config_disabled';
import awsCloudtrailConsoleLoginFailures from './aws_cloudtrail_console_login_failures';
import awsCloudtrailConsoleLoginWithoutMfa from './aws_cloudtrail_console_login_without_mfa';
import awsCloudtrailGuardDutyDisabled from './aws_cloudtrail_guard_duty_disabled';
import awsCloudtrailGuardDutyFindingsSuppressed from './aws_cloudtrail_guard_duty_findings_suppressed';
import awsCloudtrailIamAccessKeyActivated from './aws_cloudtrail_iam_access_key_activated';
import awsCloudtrailIamAccessKeyCreated from './aws_cloudtrail_iam_access_key_created';
import awsCloudtrailIamIdentityProviderChanged from './aws_cloudtrail_iam_identity_provider_changed';
import awsCloudtrailIamLoginProfileChanged from './aws_cloudtrail_iam_login_profile_changed';
import awsCloudtrailIamMfaDeviceRemoved from './aws_cloudtrail_iam_mfa_device_removed';
import awsCloudtrailIamPolicyChanged from './aws_cloudtrail_iam_policy_changed';
import awsCloudtrailIamRoleExternalTrust from './aws_cloudtrail_iam_role_external_trust';
import awsCloudtrailIamRoleTrustPolicyChanged from './aws_cloudtrail_iam_role_trust_policy_changed';
import awsCloudtrailIamUserAddedToPrivilegedGroup from './aws_cloudtrail_iam_user_added_to_privileged_group';
import awsCloudtrailIamUserCreated from './aws_cloudtrail_iam_user_created';
import awsCloudtrailKmsKeyDisabled from './aws_cloudtrail_kms_key_disabled';
import awsCloudtrailKmsKeyScheduledForDeletion from './aws_cloudtrail_kms_key_scheduled_for_deletion';
import awsCloudtrailNetworkAclChanged from './aws_cloudtrail_network_acl_changed';
import awsCloudtrailNetworkGatewayChanged from './aws_cloudtrail_network_gateway_changed';
import awsCloudtrailRootAccessKeyCreated from './aws_cloudtrail_root_access_key_created';
import awsCloudtrailRootActivity from './aws_cloudtrail_root_activity';
import awsCloudtrailRootConsoleLogin from './aws_cloudtrail_root_console_login';
import awsCloudtrailRouteTableChanged from './aws_cloudtrail_route_table_changed';
import awsCloudtrailS3BucketAclPublic from './aws_cloudtrail_s3_bucket_acl_public';
import awsCloudtrailS3BucketPolicyPublic from './aws_cloudtrail_s3_bucket_policy_public';
import awsCloudtrailS3PublicAccessBlockRemoved from './aws_cloudtrail_s3_public_access_block_removed';
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
  awsCloudtrailAccessDeniedBurst,
  awsCloudtrailAdminPolicyAttached,
  awsCloudtrailConfigDisabled,
  awsCloudtrailConsoleLoginFailures,
  awsCloudtrailConsoleLoginWithoutMfa,
  awsCloudtrailGuardDutyDisabled,
  awsCloudtrailGuardDutyFindingsSuppressed,
  awsCloudtrailIamAccessKeyActivated,
  awsCloudtrailIamAccessKeyCreated,
  awsCloudtrailIamIdentityProviderChanged,
  awsCloudtrailIamLoginProfileChanged,
  awsCloudtrailIamMfaDeviceRemoved,
  awsCloudtrailIamPolicyChanged,
  awsCloudtrailIamRoleExternalTrust,
  awsCloudtrailIamRoleTrustPolicyChanged,
  awsCloudtrailIamUserAddedToPrivilegedGroup,
  awsCloudtrailIamUserCreated,
  awsCloudtrailKmsKeyDisabled,
  awsCloudtrailKmsKeyScheduledForDeletion,
  awsCloudtrailNetworkAclChanged,
  awsCloudtrailNetworkGatewayChanged,
  awsCloudtrailRootAccessKeyCreated,
  awsCloudtrailRootActivity,
  awsCloudtrailRootConsoleLogin,
  awsCloudtrailRouteTableChanged,
  awsCloudtrailS3BucketAclPublic,
  awsCloudtrailS3BucketPolicyPublic,
  awsCloudtrailS3PublicAccessBlockRemoved,
  awsCloudtrailSecurityGroupOpenToWorld,
  awsCloudtrailSecurityHubDisabled,
  awsCloudtrailTrailDeleted,
  awsCloudtrailTrailSelectorsChanged,
  awsCloudtrailTrailStopped,
  awsCloudtrailTrailWeakened,
  awsCloudtrailVpcFlowLogsDeleted,
];
