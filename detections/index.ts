import type { Rule } from '../src/detect/rule';
import awsCloudtrailAccessDeniedBurst from './aws_cloudtrail_access_denied_burst';
import awsCloudtrailAdminPolicyAttached from './aws_cloudtrail_admin_policy_attached';
import awsCloudtrailAmiDeregistered from './aws_cloudtrail_ami_deregistered';
import awsCloudtrailAmiSharedOutsideOrg from './aws_cloudtrail_ami_shared_outside_org';
import awsCloudtrailBedrockUnexpectedPrincipal from './aws_cloudtrail_bedrock_unexpected_principal';
import awsCloudtrailConfigDisabled from './aws_cloudtrail_config_disabled';
import awsCloudtrailConsoleLoginFailures from './aws_cloudtrail_console_login_failures';
import awsCloudtrailConsoleLoginWithoutMfa from './aws_cloudtrail_console_login_without_mfa';
import awsCloudtrailEbsSnapshotSharedOutsideOrg from './aws_cloudtrail_ebs_snapshot_shared_outside_org';
import awsCloudtrailEc2InstanceConnectKeySent from './aws_cloudtrail_ec2_instance_connect_key_sent';
import awsCloudtrailEc2InstanceCredentialsUsedElsewhere from './aws_cloudtrail_ec2_instance_credentials_used_elsewhere';
import awsCloudtrailEc2InstanceRoleDiscovery from './aws_cloudtrail_ec2_instance_role_discovery';
import awsCloudtrailEc2PasswordDataSweep from './aws_cloudtrail_ec2_password_data_sweep';
import awsCloudtrailEc2SerialConsoleAccess from './aws_cloudtrail_ec2_serial_console_access';
import awsCloudtrailEc2UnusualInstanceTypeLaunched from './aws_cloudtrail_ec2_unusual_instance_type_launched';
import awsCloudtrailEc2UserDataModified from './aws_cloudtrail_ec2_user_data_modified';
import awsCloudtrailEc2UserDataRead from './aws_cloudtrail_ec2_user_data_read';
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
import awsCloudtrailLambdaCodeChanged from './aws_cloudtrail_lambda_code_changed';
import awsCloudtrailLambdaFunctionUrlChanged from './aws_cloudtrail_lambda_function_url_changed';
import awsCloudtrailLambdaLayerChanged from './aws_cloudtrail_lambda_layer_changed';
import awsCloudtrailLambdaPermissionGrantedOutsideOrg from './aws_cloudtrail_lambda_permission_granted_outside_org';
import awsCloudtrailLeaveOrganization from './aws_cloudtrail_leave_organization';
import awsCloudtrailNetworkAclChanged from './aws_cloudtrail_network_acl_changed';
import awsCloudtrailNetworkGatewayChanged from './aws_cloudtrail_network_gateway_changed';
import awsCloudtrailRdsSnapshotSharedOutsideOrg from './aws_cloudtrail_rds_snapshot_shared_outside_org';
import awsCloudtrailRolesAnywhereTrustAnchorCreated from './aws_cloudtrail_roles_anywhere_trust_anchor_created';
import awsCloudtrailRootAccessKeyCreated from './aws_cloudtrail_root_access_key_created';
import awsCloudtrailRootActivity from './aws_cloudtrail_root_activity';
import awsCloudtrailRootConsoleLogin from './aws_cloudtrail_root_console_login';
import awsCloudtrailRoute53ResolverQueryLoggingRemoved from './aws_cloudtrail_route53_resolver_query_logging_removed';
import awsCloudtrailRouteTableChanged from './aws_cloudtrail_route_table_changed';
import awsCloudtrailS3BucketAclPublic from './aws_cloudtrail_s3_bucket_acl_public';
import awsCloudtrailS3BucketPolicyGrantsOutsideAccount from './aws_cloudtrail_s3_bucket_policy_grants_outside_account';
import awsCloudtrailS3BucketPolicyPublic from './aws_cloudtrail_s3_bucket_policy_public';
import awsCloudtrailS3BucketVersionsWiped from './aws_cloudtrail_s3_bucket_versions_wiped';
import awsCloudtrailS3LifecycleShortExpiration from './aws_cloudtrail_s3_lifecycle_short_expiration';
import awsCloudtrailS3ObjectsEncryptedWithCustomerKey from './aws_cloudtrail_s3_objects_encrypted_with_customer_key';
import awsCloudtrailS3ObjectsMassDeleted from './aws_cloudtrail_s3_objects_mass_deleted';
import awsCloudtrailS3PublicAccessBlockRemoved from './aws_cloudtrail_s3_public_access_block_removed';
import awsCloudtrailSagemakerLifecycleConfigAttached from './aws_cloudtrail_sagemaker_lifecycle_config_attached';
import awsCloudtrailSecretsBatchRetrievalByFilter from './aws_cloudtrail_secrets_batch_retrieval_by_filter';
import awsCloudtrailSecretsBulkRead from './aws_cloudtrail_secrets_bulk_read';
import awsCloudtrailSecurityGroupOpenToWorld from './aws_cloudtrail_security_group_open_to_world';
import awsCloudtrailSecurityHubDisabled from './aws_cloudtrail_security_hub_disabled';
import awsCloudtrailSesEnumeration from './aws_cloudtrail_ses_enumeration';
import awsCloudtrailSsmParametersBulkRead from './aws_cloudtrail_ssm_parameters_bulk_read';
import awsCloudtrailSsmSendCommand from './aws_cloudtrail_ssm_send_command';
import awsCloudtrailSsmStartSession from './aws_cloudtrail_ssm_start_session';
import awsCloudtrailStsGetFederationToken from './aws_cloudtrail_sts_get_federation_token';
import awsCloudtrailTrailDeleted from './aws_cloudtrail_trail_deleted';
import awsCloudtrailTrailSelectorsChanged from './aws_cloudtrail_trail_selectors_changed';
import awsCloudtrailTrailStopped from './aws_cloudtrail_trail_stopped';
import awsCloudtrailTrailWeakened from './aws_cloudtrail_trail_weakened';
import awsCloudtrailUnapprovedRegionActivity from './aws_cloudtrail_unapproved_region_activity';
import awsCloudtrailVpcFlowLogsDeleted from './aws_cloudtrail_vpc_flow_logs_deleted';
import awsGuarddutyHighSeverityFinding from './aws_guardduty_high_severity_finding';
import awsCloudtrailinsightIamWriteRate from './aws_cloudtrailinsight_iam_write_rate';
import awsCloudtrailinsightKmsUnusualRate from './aws_cloudtrailinsight_kms_unusual_rate';
import awsCloudtrailinsightS3WriteRate from './aws_cloudtrailinsight_s3_write_rate';
import awsVpcdnsCryptoMiningDomain from './aws_vpcdns_crypto_mining_domain';
import awsVpcdnsDnsTunnelling from './aws_vpcdns_dns_tunnelling';
import awsVpcdnsMetadataServiceLookalike from './aws_vpcdns_metadata_service_lookalike';
import awsWafwebaclBlockedBurst from './aws_wafwebacl_blocked_burst';
import awsWafwebaclInjectionNotBlocked from './aws_wafwebacl_injection_not_blocked';
import awsWafwebaclInjectionOnSensitivePath from './aws_wafwebacl_injection_on_sensitive_path';
import awsS3serveraccessErrorBurst from './aws_s3serveraccess_error_burst';
import awsS3serveraccessInsecureTransport from './aws_s3serveraccess_insecure_transport';
import awsS3serveraccessOutsideAllowedNetworks from './aws_s3serveraccess_outside_allowed_networks';
import awsS3serveraccessRequesterNotAllowed from './aws_s3serveraccess_requester_not_allowed';
import awsVpcflowInboundAdminFromInternet from './aws_vpcflow_inbound_admin_from_internet';
import awsVpcflowUnusualEgressPort from './aws_vpcflow_unusual_egress_port';

/**
 * The detection pack. Every rule file is imported here explicitly so bundlers include it;
 * the catalog test fails if a file in this folder is missing from the list.
 */
export const rules: Rule[] = [
  awsCloudtrailAccessDeniedBurst,
  awsCloudtrailAdminPolicyAttached,
  awsCloudtrailAmiDeregistered,
  awsCloudtrailAmiSharedOutsideOrg,
  awsCloudtrailBedrockUnexpectedPrincipal,
  awsCloudtrailConfigDisabled,
  awsCloudtrailConsoleLoginFailures,
  awsCloudtrailConsoleLoginWithoutMfa,
  awsCloudtrailEbsSnapshotSharedOutsideOrg,
  awsCloudtrailEc2InstanceConnectKeySent,
  awsCloudtrailEc2InstanceCredentialsUsedElsewhere,
  awsCloudtrailEc2InstanceRoleDiscovery,
  awsCloudtrailEc2PasswordDataSweep,
  awsCloudtrailEc2SerialConsoleAccess,
  awsCloudtrailEc2UnusualInstanceTypeLaunched,
  awsCloudtrailEc2UserDataModified,
  awsCloudtrailEc2UserDataRead,
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
  awsCloudtrailLambdaCodeChanged,
  awsCloudtrailLambdaFunctionUrlChanged,
  awsCloudtrailLambdaLayerChanged,
  awsCloudtrailLambdaPermissionGrantedOutsideOrg,
  awsCloudtrailLeaveOrganization,
  awsCloudtrailNetworkAclChanged,
  awsCloudtrailNetworkGatewayChanged,
  awsCloudtrailRdsSnapshotSharedOutsideOrg,
  awsCloudtrailRolesAnywhereTrustAnchorCreated,
  awsCloudtrailRootAccessKeyCreated,
  awsCloudtrailRootActivity,
  awsCloudtrailRootConsoleLogin,
  awsCloudtrailRoute53ResolverQueryLoggingRemoved,
  awsCloudtrailRouteTableChanged,
  awsCloudtrailS3BucketAclPublic,
  awsCloudtrailS3BucketPolicyGrantsOutsideAccount,
  awsCloudtrailS3BucketPolicyPublic,
  awsCloudtrailS3BucketVersionsWiped,
  awsCloudtrailS3LifecycleShortExpiration,
  awsCloudtrailS3ObjectsEncryptedWithCustomerKey,
  awsCloudtrailS3ObjectsMassDeleted,
  awsCloudtrailS3PublicAccessBlockRemoved,
  awsCloudtrailSagemakerLifecycleConfigAttached,
  awsCloudtrailSecretsBatchRetrievalByFilter,
  awsCloudtrailSecretsBulkRead,
  awsCloudtrailSecurityGroupOpenToWorld,
  awsCloudtrailSecurityHubDisabled,
  awsCloudtrailSesEnumeration,
  awsCloudtrailSsmParametersBulkRead,
  awsCloudtrailSsmSendCommand,
  awsCloudtrailSsmStartSession,
  awsCloudtrailStsGetFederationToken,
  awsCloudtrailTrailDeleted,
  awsCloudtrailTrailSelectorsChanged,
  awsCloudtrailTrailStopped,
  awsCloudtrailTrailWeakened,
  awsCloudtrailUnapprovedRegionActivity,
  awsCloudtrailVpcFlowLogsDeleted,
  awsGuarddutyHighSeverityFinding,
  awsCloudtrailinsightIamWriteRate,
  awsCloudtrailinsightKmsUnusualRate,
  awsCloudtrailinsightS3WriteRate,
  awsVpcdnsCryptoMiningDomain,
  awsVpcdnsDnsTunnelling,
  awsVpcdnsMetadataServiceLookalike,
  awsWafwebaclBlockedBurst,
  awsWafwebaclInjectionNotBlocked,
  awsWafwebaclInjectionOnSensitivePath,
  awsS3serveraccessErrorBurst,
  awsS3serveraccessInsecureTransport,
  awsS3serveraccessOutsideAllowedNetworks,
  awsS3serveraccessRequesterNotAllowed,
  awsVpcflowInboundAdminFromInternet,
  awsVpcflowUnusualEgressPort,
];
