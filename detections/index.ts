import type { Rule } from '../src/detect/rule';
import awsCloudtrailAccessDeniedBurst from './aws_cloudtrail_access_denied_burst';
import awsCloudtrailAccessKeyCheckedByScanner from './aws_cloudtrail_access_key_checked_by_scanner';
import awsCloudtrailAdminPolicyAttached from './aws_cloudtrail_admin_policy_attached';
import awsCloudtrailAmiSharedOutsideOrg from './aws_cloudtrail_ami_shared_outside_org';
import awsCloudtrailBackupVaultSharedOutsideOrg from './aws_cloudtrail_backup_vault_shared_outside_org';
import awsCloudtrailBedrockGuardrailChanged from './aws_cloudtrail_bedrock_guardrail_changed';
import awsCloudtrailBedrockInvocationLoggingDeleted from './aws_cloudtrail_bedrock_invocation_logging_deleted';
import awsCloudtrailBedrockUnexpectedPrincipal from './aws_cloudtrail_bedrock_unexpected_principal';
import awsCloudtrailCloudWatchAlarmsDisabled from './aws_cloudtrail_cloud_watch_alarms_disabled';
import awsCloudtrailCodebuildProjectPublic from './aws_cloudtrail_codebuild_project_public';
import awsCloudtrailConfigDisabled from './aws_cloudtrail_config_disabled';
import awsCloudtrailConsoleLoginFailures from './aws_cloudtrail_console_login_failures';
import awsCloudtrailConsoleLoginWithoutMfa from './aws_cloudtrail_console_login_without_mfa';
import awsCloudtrailConsoleMfaFailures from './aws_cloudtrail_console_mfa_failures';
import awsCloudtrailConsoleSigninTokenFromKeys from './aws_cloudtrail_console_signin_token_from_keys';
import awsCloudtrailEbsDefaultEncryptionWeakened from './aws_cloudtrail_ebs_default_encryption_weakened';
import awsCloudtrailEbsSnapshotSharedOutsideOrg from './aws_cloudtrail_ebs_snapshot_shared_outside_org';
import awsCloudtrailEc2BlockPublicAccessDisabled from './aws_cloudtrail_ec2_block_public_access_disabled';
import awsCloudtrailEc2MonitoringDisabled from './aws_cloudtrail_ec2_monitoring_disabled';
import awsCloudtrailEc2UserDataModified from './aws_cloudtrail_ec2_user_data_modified';
import awsCloudtrailEc2UserDataRead from './aws_cloudtrail_ec2_user_data_read';
import awsCloudtrailEcrImagePushedOutsideDeployment from './aws_cloudtrail_ecr_image_pushed_outside_deployment';
import awsCloudtrailEcrRepositorySharedOutsideOrg from './aws_cloudtrail_ecr_repository_shared_outside_org';
import awsCloudtrailEventBridgeRuleDisabled from './aws_cloudtrail_event_bridge_rule_disabled';
import awsCloudtrailEventBusSharedOutsideOrg from './aws_cloudtrail_event_bus_shared_outside_org';
import awsCloudtrailGuardDutyDisabled from './aws_cloudtrail_guard_duty_disabled';
import awsCloudtrailGuardDutyFindingsSuppressed from './aws_cloudtrail_guard_duty_findings_suppressed';
import awsCloudtrailIamAccessKeyActivated from './aws_cloudtrail_iam_access_key_activated';
import awsCloudtrailIamAccessKeyCreated from './aws_cloudtrail_iam_access_key_created';
import awsCloudtrailIamAlternateCredentialCreated from './aws_cloudtrail_iam_alternate_credential_created';
import awsCloudtrailIamCompromisedKeyQuarantine from './aws_cloudtrail_iam_compromised_key_quarantine';
import awsCloudtrailIamEntityCreatedOutsideDeployment from './aws_cloudtrail_iam_entity_created_outside_deployment';
import awsCloudtrailIamIdentityProviderChanged from './aws_cloudtrail_iam_identity_provider_changed';
import awsCloudtrailIamLoginProfileChanged from './aws_cloudtrail_iam_login_profile_changed';
import awsCloudtrailIamManagedPolicyAttachmentChanged from './aws_cloudtrail_iam_managed_policy_attachment_changed';
import awsCloudtrailIamMfaDeviceRemoved from './aws_cloudtrail_iam_mfa_device_removed';
import awsCloudtrailIamPolicyChanged from './aws_cloudtrail_iam_policy_changed';
import awsCloudtrailIamPolicyGrantsServiceWildcard from './aws_cloudtrail_iam_policy_grants_service_wildcard';
import awsCloudtrailIamRoleExternalTrust from './aws_cloudtrail_iam_role_external_trust';
import awsCloudtrailIamRoleTrustPolicyChanged from './aws_cloudtrail_iam_role_trust_policy_changed';
import awsCloudtrailIamUserAddedToPrivilegedGroup from './aws_cloudtrail_iam_user_added_to_privileged_group';
import awsCloudtrailIamUserCreated from './aws_cloudtrail_iam_user_created';
import awsCloudtrailIdentityCenterAccountAssignmentCreated from './aws_cloudtrail_identity_center_account_assignment_created';
import awsCloudtrailIdentityCenterPermissionSetChanged from './aws_cloudtrail_identity_center_permission_set_changed';
import awsCloudtrailInspectorDisabled from './aws_cloudtrail_inspector_disabled';
import awsCloudtrailInstanceCredentialsUsedOffInstance from './aws_cloudtrail_instance_credentials_used_off_instance';
import awsCloudtrailKmsKeyDisabled from './aws_cloudtrail_kms_key_disabled';
import awsCloudtrailKmsKeyScheduledForDeletion from './aws_cloudtrail_kms_key_scheduled_for_deletion';
import awsCloudtrailKmsKeySharedOutsideOrg from './aws_cloudtrail_kms_key_shared_outside_org';
import awsCloudtrailLambdaCodeChanged from './aws_cloudtrail_lambda_code_changed';
import awsCloudtrailLambdaFunctionUrlChanged from './aws_cloudtrail_lambda_function_url_changed';
import awsCloudtrailLambdaLayerChanged from './aws_cloudtrail_lambda_layer_changed';
import awsCloudtrailLambdaPermissionOutsideOrg from './aws_cloudtrail_lambda_permission_outside_org';
import awsCloudtrailLeaveOrganization from './aws_cloudtrail_leave_organization';
import awsCloudtrailLogSubscriptionRemoved from './aws_cloudtrail_log_subscription_removed';
import awsCloudtrailMacieDisabled from './aws_cloudtrail_macie_disabled';
import awsCloudtrailMacieFindingsSuppressed from './aws_cloudtrail_macie_findings_suppressed';
import awsCloudtrailNetworkAclChanged from './aws_cloudtrail_network_acl_changed';
import awsCloudtrailNetworkGatewayChanged from './aws_cloudtrail_network_gateway_changed';
import awsCloudtrailOpenSearchDomainSharedOutsideOrg from './aws_cloudtrail_open_search_domain_shared_outside_org';
import awsCloudtrailOrganizationGuardrailRemoved from './aws_cloudtrail_organization_guardrail_removed';
import awsCloudtrailRamShareOutsideOrg from './aws_cloudtrail_ram_share_outside_org';
import awsCloudtrailRdsActivityStreamStopped from './aws_cloudtrail_rds_activity_stream_stopped';
import awsCloudtrailRdsBackupsRemoved from './aws_cloudtrail_rds_backups_removed';
import awsCloudtrailRdsDeletionProtectionDisabled from './aws_cloudtrail_rds_deletion_protection_disabled';
import awsCloudtrailRdsInstancePublic from './aws_cloudtrail_rds_instance_public';
import awsCloudtrailRdsMasterPasswordChanged from './aws_cloudtrail_rds_master_password_changed';
import awsCloudtrailRdsRoleAdded from './aws_cloudtrail_rds_role_added';
import awsCloudtrailRdsSnapshotExported from './aws_cloudtrail_rds_snapshot_exported';
import awsCloudtrailRdsSnapshotSharedOutsideOrg from './aws_cloudtrail_rds_snapshot_shared_outside_org';
import awsCloudtrailRegionEnabled from './aws_cloudtrail_region_enabled';
import awsCloudtrailResolverQueryLoggingRemoved from './aws_cloudtrail_resolver_query_logging_removed';
import awsCloudtrailRootAccessKeyCreated from './aws_cloudtrail_root_access_key_created';
import awsCloudtrailRootActivity from './aws_cloudtrail_root_activity';
import awsCloudtrailRootConsoleLogin from './aws_cloudtrail_root_console_login';
import awsCloudtrailRootConsoleLoginFailed from './aws_cloudtrail_root_console_login_failed';
import awsCloudtrailRouteTableChanged from './aws_cloudtrail_route_table_changed';
import awsCloudtrailS3BucketAclPublic from './aws_cloudtrail_s3_bucket_acl_public';
import awsCloudtrailS3BucketDeleted from './aws_cloudtrail_s3_bucket_deleted';
import awsCloudtrailS3BucketEncryptionRemoved from './aws_cloudtrail_s3_bucket_encryption_removed';
import awsCloudtrailS3BucketLoggingDisabled from './aws_cloudtrail_s3_bucket_logging_disabled';
import awsCloudtrailS3BucketPolicyPublic from './aws_cloudtrail_s3_bucket_policy_public';
import awsCloudtrailS3BucketReplicationChanged from './aws_cloudtrail_s3_bucket_replication_changed';
import awsCloudtrailS3BucketVersioningWeakened from './aws_cloudtrail_s3_bucket_versioning_weakened';
import awsCloudtrailS3ObjectCopiedOutsideOrg from './aws_cloudtrail_s3_object_copied_outside_org';
import awsCloudtrailS3ObjectEncryptedWithForeignKey from './aws_cloudtrail_s3_object_encrypted_with_foreign_key';
import awsCloudtrailS3PublicAccessBlockRemoved from './aws_cloudtrail_s3_public_access_block_removed';
import awsCloudtrailS3RansomNoteUploaded from './aws_cloudtrail_s3_ransom_note_uploaded';
import awsCloudtrailSecretSharedOutsideOrg from './aws_cloudtrail_secret_shared_outside_org';
import awsCloudtrailSecretsBulkRead from './aws_cloudtrail_secrets_bulk_read';
import awsCloudtrailSecurityGroupOpenToWorld from './aws_cloudtrail_security_group_open_to_world';
import awsCloudtrailSecurityHubDisabled from './aws_cloudtrail_security_hub_disabled';
import awsCloudtrailSecurityHubFindingsSuppressed from './aws_cloudtrail_security_hub_findings_suppressed';
import awsCloudtrailSnsTopicSharedOutsideOrg from './aws_cloudtrail_sns_topic_shared_outside_org';
import awsCloudtrailSqsQueueSharedOutsideOrg from './aws_cloudtrail_sqs_queue_shared_outside_org';
import awsCloudtrailSsmParametersBulkRead from './aws_cloudtrail_ssm_parameters_bulk_read';
import awsCloudtrailSsmSendCommand from './aws_cloudtrail_ssm_send_command';
import awsCloudtrailSsmStartSession from './aws_cloudtrail_ssm_start_session';
import awsCloudtrailStsGetFederationToken from './aws_cloudtrail_sts_get_federation_token';
import awsCloudtrailStsSessionTokenWithoutMfa from './aws_cloudtrail_sts_session_token_without_mfa';
import awsCloudtrailTrailDeleted from './aws_cloudtrail_trail_deleted';
import awsCloudtrailTrailSelectorsChanged from './aws_cloudtrail_trail_selectors_changed';
import awsCloudtrailTrailStopped from './aws_cloudtrail_trail_stopped';
import awsCloudtrailTrailWeakened from './aws_cloudtrail_trail_weakened';
import awsCloudtrailUnapprovedRegionActivity from './aws_cloudtrail_unapproved_region_activity';
import awsCloudtrailVpcFlowLogsDeleted from './aws_cloudtrail_vpc_flow_logs_deleted';
import awsCloudtrailVpcPeeringOutsideOrg from './aws_cloudtrail_vpc_peering_outside_org';
import awsCloudtrailWafProtectionRemoved from './aws_cloudtrail_waf_protection_removed';
import awsGuarddutyHighSeverityFinding from './aws_guardduty_high_severity_finding';
import awsGuarddutyMediumSeverityFinding from './aws_guardduty_medium_severity_finding';
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
  awsCloudtrailAccessKeyCheckedByScanner,
  awsCloudtrailAdminPolicyAttached,
  awsCloudtrailAmiSharedOutsideOrg,
  awsCloudtrailBackupVaultSharedOutsideOrg,
  awsCloudtrailBedrockGuardrailChanged,
  awsCloudtrailBedrockInvocationLoggingDeleted,
  awsCloudtrailBedrockUnexpectedPrincipal,
  awsCloudtrailCloudWatchAlarmsDisabled,
  awsCloudtrailCodebuildProjectPublic,
  awsCloudtrailConfigDisabled,
  awsCloudtrailConsoleLoginFailures,
  awsCloudtrailConsoleLoginWithoutMfa,
  awsCloudtrailConsoleMfaFailures,
  awsCloudtrailConsoleSigninTokenFromKeys,
  awsCloudtrailEbsDefaultEncryptionWeakened,
  awsCloudtrailEbsSnapshotSharedOutsideOrg,
  awsCloudtrailEc2BlockPublicAccessDisabled,
  awsCloudtrailEc2MonitoringDisabled,
  awsCloudtrailEc2UserDataModified,
  awsCloudtrailEc2UserDataRead,
  awsCloudtrailEcrImagePushedOutsideDeployment,
  awsCloudtrailEcrRepositorySharedOutsideOrg,
  awsCloudtrailEventBridgeRuleDisabled,
  awsCloudtrailEventBusSharedOutsideOrg,
  awsCloudtrailGuardDutyDisabled,
  awsCloudtrailGuardDutyFindingsSuppressed,
  awsCloudtrailIamAccessKeyActivated,
  awsCloudtrailIamAccessKeyCreated,
  awsCloudtrailIamAlternateCredentialCreated,
  awsCloudtrailIamCompromisedKeyQuarantine,
  awsCloudtrailIamEntityCreatedOutsideDeployment,
  awsCloudtrailIamIdentityProviderChanged,
  awsCloudtrailIamLoginProfileChanged,
  awsCloudtrailIamManagedPolicyAttachmentChanged,
  awsCloudtrailIamMfaDeviceRemoved,
  awsCloudtrailIamPolicyChanged,
  awsCloudtrailIamPolicyGrantsServiceWildcard,
  awsCloudtrailIamRoleExternalTrust,
  awsCloudtrailIamRoleTrustPolicyChanged,
  awsCloudtrailIamUserAddedToPrivilegedGroup,
  awsCloudtrailIamUserCreated,
  awsCloudtrailIdentityCenterAccountAssignmentCreated,
  awsCloudtrailIdentityCenterPermissionSetChanged,
  awsCloudtrailInspectorDisabled,
  awsCloudtrailInstanceCredentialsUsedOffInstance,
  awsCloudtrailKmsKeyDisabled,
  awsCloudtrailKmsKeyScheduledForDeletion,
  awsCloudtrailKmsKeySharedOutsideOrg,
  awsCloudtrailLambdaCodeChanged,
  awsCloudtrailLambdaFunctionUrlChanged,
  awsCloudtrailLambdaLayerChanged,
  awsCloudtrailLambdaPermissionOutsideOrg,
  awsCloudtrailLeaveOrganization,
  awsCloudtrailLogSubscriptionRemoved,
  awsCloudtrailMacieDisabled,
  awsCloudtrailMacieFindingsSuppressed,
  awsCloudtrailNetworkAclChanged,
  awsCloudtrailNetworkGatewayChanged,
  awsCloudtrailOpenSearchDomainSharedOutsideOrg,
  awsCloudtrailOrganizationGuardrailRemoved,
  awsCloudtrailRamShareOutsideOrg,
  awsCloudtrailRdsActivityStreamStopped,
  awsCloudtrailRdsBackupsRemoved,
  awsCloudtrailRdsDeletionProtectionDisabled,
  awsCloudtrailRdsInstancePublic,
  awsCloudtrailRdsMasterPasswordChanged,
  awsCloudtrailRdsRoleAdded,
  awsCloudtrailRdsSnapshotExported,
  awsCloudtrailRdsSnapshotSharedOutsideOrg,
  awsCloudtrailRegionEnabled,
  awsCloudtrailResolverQueryLoggingRemoved,
  awsCloudtrailRootAccessKeyCreated,
  awsCloudtrailRootActivity,
  awsCloudtrailRootConsoleLogin,
  awsCloudtrailRootConsoleLoginFailed,
  awsCloudtrailRouteTableChanged,
  awsCloudtrailS3BucketAclPublic,
  awsCloudtrailS3BucketDeleted,
  awsCloudtrailS3BucketEncryptionRemoved,
  awsCloudtrailS3BucketLoggingDisabled,
  awsCloudtrailS3BucketPolicyPublic,
  awsCloudtrailS3BucketReplicationChanged,
  awsCloudtrailS3BucketVersioningWeakened,
  awsCloudtrailS3ObjectCopiedOutsideOrg,
  awsCloudtrailS3ObjectEncryptedWithForeignKey,
  awsCloudtrailS3PublicAccessBlockRemoved,
  awsCloudtrailS3RansomNoteUploaded,
  awsCloudtrailSecretSharedOutsideOrg,
  awsCloudtrailSecretsBulkRead,
  awsCloudtrailSecurityGroupOpenToWorld,
  awsCloudtrailSecurityHubDisabled,
  awsCloudtrailSecurityHubFindingsSuppressed,
  awsCloudtrailSnsTopicSharedOutsideOrg,
  awsCloudtrailSqsQueueSharedOutsideOrg,
  awsCloudtrailSsmParametersBulkRead,
  awsCloudtrailSsmSendCommand,
  awsCloudtrailSsmStartSession,
  awsCloudtrailStsGetFederationToken,
  awsCloudtrailStsSessionTokenWithoutMfa,
  awsCloudtrailTrailDeleted,
  awsCloudtrailTrailSelectorsChanged,
  awsCloudtrailTrailStopped,
  awsCloudtrailTrailWeakened,
  awsCloudtrailUnapprovedRegionActivity,
  awsCloudtrailVpcFlowLogsDeleted,
  awsCloudtrailVpcPeeringOutsideOrg,
  awsCloudtrailWafProtectionRemoved,
  awsGuarddutyHighSeverityFinding,
  awsGuarddutyMediumSeverityFinding,
  awsS3serveraccessErrorBurst,
  awsS3serveraccessInsecureTransport,
  awsS3serveraccessOutsideAllowedNetworks,
  awsS3serveraccessRequesterNotAllowed,
  awsVpcflowInboundAdminFromInternet,
  awsVpcflowUnusualEgressPort,
];
