import type { Policy } from '../../src/detect/policy';
import awsAccessanalyzerMetaNoActiveAnalyzer from './aws_accessanalyzer_meta_no_active_analyzer';
import awsCloudformationStackDrifted from './aws_cloudformation_stack_drifted';
import awsCloudformationStackTerminationProtectionDisabled from './aws_cloudformation_stack_termination_protection_disabled';
import awsCloudtrailCloudWatchLogsDisabled from './aws_cloudtrail_cloud_watch_logs_disabled';
import awsCloudtrailDeliveryFailing from './aws_cloudtrail_delivery_failing';
import awsCloudtrailGlobalServiceEventsExcluded from './aws_cloudtrail_global_service_events_excluded';
import awsCloudtrailKmsEncryptionDisabled from './aws_cloudtrail_kms_encryption_disabled';
import awsCloudtrailLogFileValidationDisabled from './aws_cloudtrail_log_file_validation_disabled';
import awsCloudtrailLoggingStopped from './aws_cloudtrail_logging_stopped';
import awsCloudtrailManagementEventsExcluded from './aws_cloudtrail_management_events_excluded';
import awsCloudtrailMetaNoValidatedMultiRegionTrail from './aws_cloudtrail_meta_no_validated_multi_region_trail';
import awsCloudtrailMultiRegionDisabled from './aws_cloudtrail_multi_region_disabled';
import awsCloudwatchLoggroupKmsEncryptionDisabled from './aws_cloudwatch_loggroup_kms_encryption_disabled';
import awsCloudwatchLoggroupRetentionTooShort from './aws_cloudwatch_loggroup_retention_too_short';
import awsConfigRecorderMetaNoGlobalRecorder from './aws_config_recorder_meta_no_global_recorder';
import awsConfigRecorderNotRecordingAll from './aws_config_recorder_not_recording_all';
import awsDynamodbTableCustomerManagedKeyNotUsed from './aws_dynamodb_table_customer_managed_key_not_used';
import awsDynamodbTableDeletionProtectionDisabled from './aws_dynamodb_table_deletion_protection_disabled';
import awsDynamodbTablePointInTimeRecoveryDisabled from './aws_dynamodb_table_point_in_time_recovery_disabled';
import awsEc2AccountsettingsEbsDefaultEncryptionDisabled from './aws_ec2_accountsettings_ebs_default_encryption_disabled';
import awsEc2AccountsettingsImagePublicSharingAllowed from './aws_ec2_accountsettings_image_public_sharing_allowed';
import awsEc2AccountsettingsSnapshotPublicSharingAllowed from './aws_ec2_accountsettings_snapshot_public_sharing_allowed';
import awsEc2AmiPublic from './aws_ec2_ami_public';
import awsEc2AmiUnencryptedSnapshot from './aws_ec2_ami_unencrypted_snapshot';
import awsEc2InstanceLegacyMetadataServiceAllowed from './aws_ec2_instance_legacy_metadata_service_allowed';
import awsEc2InstanceNoInstanceRole from './aws_ec2_instance_no_instance_role';
import awsEc2InstancePublicIpAssigned from './aws_ec2_instance_public_ip_assigned';
import awsEc2NetworkaclAdminPortsOpenToWorld from './aws_ec2_networkacl_admin_ports_open_to_world';
import awsEc2NetworkaclDatabasePortsOpenToWorld from './aws_ec2_networkacl_database_ports_open_to_world';
import awsEc2SecuritygroupAdminPortsOpenToWorld from './aws_ec2_securitygroup_admin_ports_open_to_world';
import awsEc2SecuritygroupAllTrafficOpenToWorld from './aws_ec2_securitygroup_all_traffic_open_to_world';
import awsEc2SecuritygroupDatabasePortsOpenToWorld from './aws_ec2_securitygroup_database_ports_open_to_world';
import awsEc2SecuritygroupDefaultAllowsTraffic from './aws_ec2_securitygroup_default_allows_traffic';
import awsEc2SecuritygroupWidePortRangeOpenToWorld from './aws_ec2_securitygroup_wide_port_range_open_to_world';
import awsEc2VolumePublicSnapshot from './aws_ec2_volume_public_snapshot';
import awsEc2VolumeUnattached from './aws_ec2_volume_unattached';
import awsEc2VolumeUnencrypted from './aws_ec2_volume_unencrypted';
import awsEc2VpcFlowLogsDisabled from './aws_ec2_vpc_flow_logs_disabled';
import awsEksClusterControlPlaneLoggingDisabled from './aws_eks_cluster_control_plane_logging_disabled';
import awsEksClusterPublicEndpoint from './aws_eks_cluster_public_endpoint';
import awsEksClusterSecretsEncryptionDisabled from './aws_eks_cluster_secrets_encryption_disabled';
import awsGuarddutyDetectorMetaNoDetector from './aws_guardduty_detector_meta_no_detector';
import awsGuarddutyDetectorSuspended from './aws_guardduty_detector_suspended';
import awsIamGroupInlinePolicyGrantsAdmin from './aws_iam_group_inline_policy_grants_admin';
import awsIamGroupPassRoleOnAnyResource from './aws_iam_group_pass_role_on_any_resource';
import awsIamPolicyAllowWithNotAction from './aws_iam_policy_allow_with_not_action';
import awsIamPolicyGrantsAdmin from './aws_iam_policy_grants_admin';
import awsIamPolicyPassRoleOnAnyResource from './aws_iam_policy_pass_role_on_any_resource';
import awsIamRoleAdministratorAccessAttached from './aws_iam_role_administrator_access_attached';
import awsIamRoleInlinePolicyGrantsAdmin from './aws_iam_role_inline_policy_grants_admin';
import awsIamRoleOidcTrustWithoutSubject from './aws_iam_role_oidc_trust_without_subject';
import awsIamRolePassRoleOnAnyResource from './aws_iam_role_pass_role_on_any_resource';
import awsIamRoleTrustsEveryone from './aws_iam_role_trusts_everyone';
import awsIamRoleTrustsOutsideAccount from './aws_iam_role_trusts_outside_account';
import awsIamRootuserAccessKeysPresent from './aws_iam_rootuser_access_keys_present';
import awsIamRootuserHardwareMfaDisabled from './aws_iam_rootuser_hardware_mfa_disabled';
import awsIamRootuserMfaDisabled from './aws_iam_rootuser_mfa_disabled';
import awsIamRootuserRecentlyUsed from './aws_iam_rootuser_recently_used';
import awsIamRootuserSigningCertificatesActive from './aws_iam_rootuser_signing_certificates_active';
import awsIamUserAccessKeyNotRotated from './aws_iam_user_access_key_not_rotated';
import awsIamUserAccessKeyUnused from './aws_iam_user_access_key_unused';
import awsIamUserAdministratorAccessAttached from './aws_iam_user_administrator_access_attached';
import awsIamUserConsoleMfaDisabled from './aws_iam_user_console_mfa_disabled';
import awsIamUserConsolePasswordUnused from './aws_iam_user_console_password_unused';
import awsIamUserInlinePolicyGrantsAdmin from './aws_iam_user_inline_policy_grants_admin';
import awsIamUserMultipleActiveAccessKeys from './aws_iam_user_multiple_active_access_keys';
import awsIamUserPassRoleOnAnyResource from './aws_iam_user_pass_role_on_any_resource';
import awsIamUserPolicyAttachedDirectly from './aws_iam_user_policy_attached_directly';
import awsKmsKeyCrossAccountAccess from './aws_kms_key_cross_account_access';
import awsKmsKeyPendingDeletion from './aws_kms_key_pending_deletion';
import awsKmsKeyPolicyAllowsEveryone from './aws_kms_key_policy_allows_everyone';
import awsKmsKeyRotationDisabled from './aws_kms_key_rotation_disabled';
import awsLambdaFunctionCrossAccountPolicy from './aws_lambda_function_cross_account_policy';
import awsLambdaFunctionDeprecatedRuntime from './aws_lambda_function_deprecated_runtime';
import awsLambdaFunctionPublicPolicy from './aws_lambda_function_public_policy';
import awsLambdaFunctionSecretInEnvironment from './aws_lambda_function_secret_in_environment';
import awsLambdaFunctionUrlWithoutAuth from './aws_lambda_function_url_without_auth';
import awsPasswordpolicyComplexityNotRequired from './aws_passwordpolicy_complexity_not_required';
import awsPasswordpolicyWeak from './aws_passwordpolicy_weak';
import awsRdsInstanceBackupsDisabled from './aws_rds_instance_backups_disabled';
import awsRdsInstanceDeletionProtectionDisabled from './aws_rds_instance_deletion_protection_disabled';
import awsRdsInstancePublicSnapshot from './aws_rds_instance_public_snapshot';
import awsRdsInstancePubliclyAccessible from './aws_rds_instance_publicly_accessible';
import awsRdsInstanceStorageUnencrypted from './aws_rds_instance_storage_unencrypted';
import awsResourceUnapprovedRegion from './aws_resource_unapproved_region';
import awsS3AccountpublicaccessblockNotFullyBlocked from './aws_s3_accountpublicaccessblock_not_fully_blocked';
import awsS3BucketAccessLoggingDisabled from './aws_s3_bucket_access_logging_disabled';
import awsS3BucketCrossAccountAclGrant from './aws_s3_bucket_cross_account_acl_grant';
import awsS3BucketEncryptionDisabled from './aws_s3_bucket_encryption_disabled';
import awsS3BucketInsecureTransportAllowed from './aws_s3_bucket_insecure_transport_allowed';
import awsS3BucketKmsEncryptionDisabled from './aws_s3_bucket_kms_encryption_disabled';
import awsS3BucketMfaDeleteDisabled from './aws_s3_bucket_mfa_delete_disabled';
import awsS3BucketPolicyAllowsWithNotPrincipal from './aws_s3_bucket_policy_allows_with_not_principal';
import awsS3BucketPublicAccessBlockMissing from './aws_s3_bucket_public_access_block_missing';
import awsS3BucketPublicAclGrant from './aws_s3_bucket_public_acl_grant';
import awsS3BucketPublicPolicy from './aws_s3_bucket_public_policy';
import awsS3BucketVersioningDisabled from './aws_s3_bucket_versioning_disabled';

/**
 * The policy pack. Every policy file is imported here explicitly so bundlers include it; the
 * catalog test fails if a policy file in this folder is missing from the list.
 */
export const policies: Policy[] = [
  awsAccessanalyzerMetaNoActiveAnalyzer,
  awsCloudformationStackDrifted,
  awsCloudformationStackTerminationProtectionDisabled,
  awsCloudtrailCloudWatchLogsDisabled,
  awsCloudtrailDeliveryFailing,
  awsCloudtrailGlobalServiceEventsExcluded,
  awsCloudtrailKmsEncryptionDisabled,
  awsCloudtrailLogFileValidationDisabled,
  awsCloudtrailLoggingStopped,
  awsCloudtrailManagementEventsExcluded,
  awsCloudtrailMetaNoValidatedMultiRegionTrail,
  awsCloudtrailMultiRegionDisabled,
  awsCloudwatchLoggroupKmsEncryptionDisabled,
  awsCloudwatchLoggroupRetentionTooShort,
  awsConfigRecorderMetaNoGlobalRecorder,
  awsConfigRecorderNotRecordingAll,
  awsDynamodbTableCustomerManagedKeyNotUsed,
  awsDynamodbTableDeletionProtectionDisabled,
  awsDynamodbTablePointInTimeRecoveryDisabled,
  awsEc2AccountsettingsEbsDefaultEncryptionDisabled,
  awsEc2AccountsettingsImagePublicSharingAllowed,
  awsEc2AccountsettingsSnapshotPublicSharingAllowed,
  awsEc2AmiPublic,
  awsEc2AmiUnencryptedSnapshot,
  awsEc2InstanceLegacyMetadataServiceAllowed,
  awsEc2InstanceNoInstanceRole,
  awsEc2InstancePublicIpAssigned,
  awsEc2NetworkaclAdminPortsOpenToWorld,
  awsEc2NetworkaclDatabasePortsOpenToWorld,
  awsEc2SecuritygroupAdminPortsOpenToWorld,
  awsEc2SecuritygroupAllTrafficOpenToWorld,
  awsEc2SecuritygroupDatabasePortsOpenToWorld,
  awsEc2SecuritygroupDefaultAllowsTraffic,
  awsEc2SecuritygroupWidePortRangeOpenToWorld,
  awsEc2VolumePublicSnapshot,
  awsEc2VolumeUnattached,
  awsEc2VolumeUnencrypted,
  awsEc2VpcFlowLogsDisabled,
  awsEksClusterControlPlaneLoggingDisabled,
  awsEksClusterPublicEndpoint,
  awsEksClusterSecretsEncryptionDisabled,
  awsGuarddutyDetectorMetaNoDetector,
  awsGuarddutyDetectorSuspended,
  awsIamGroupInlinePolicyGrantsAdmin,
  awsIamGroupPassRoleOnAnyResource,
  awsIamPolicyAllowWithNotAction,
  awsIamPolicyGrantsAdmin,
  awsIamPolicyPassRoleOnAnyResource,
  awsIamRoleAdministratorAccessAttached,
  awsIamRoleInlinePolicyGrantsAdmin,
  awsIamRoleOidcTrustWithoutSubject,
  awsIamRolePassRoleOnAnyResource,
  awsIamRoleTrustsEveryone,
  awsIamRoleTrustsOutsideAccount,
  awsIamRootuserAccessKeysPresent,
  awsIamRootuserHardwareMfaDisabled,
  awsIamRootuserMfaDisabled,
  awsIamRootuserRecentlyUsed,
  awsIamRootuserSigningCertificatesActive,
  awsIamUserAccessKeyNotRotated,
  awsIamUserAccessKeyUnused,
  awsIamUserAdministratorAccessAttached,
  awsIamUserConsoleMfaDisabled,
  awsIamUserConsolePasswordUnused,
  awsIamUserInlinePolicyGrantsAdmin,
  awsIamUserMultipleActiveAccessKeys,
  awsIamUserPassRoleOnAnyResource,
  awsIamUserPolicyAttachedDirectly,
  awsKmsKeyCrossAccountAccess,
  awsKmsKeyPendingDeletion,
  awsKmsKeyPolicyAllowsEveryone,
  awsKmsKeyRotationDisabled,
  awsLambdaFunctionCrossAccountPolicy,
  awsLambdaFunctionDeprecatedRuntime,
  awsLambdaFunctionPublicPolicy,
  awsLambdaFunctionSecretInEnvironment,
  awsLambdaFunctionUrlWithoutAuth,
  awsPasswordpolicyComplexityNotRequired,
  awsPasswordpolicyWeak,
  awsRdsInstanceBackupsDisabled,
  awsRdsInstanceDeletionProtectionDisabled,
  awsRdsInstancePublicSnapshot,
  awsRdsInstancePubliclyAccessible,
  awsRdsInstanceStorageUnencrypted,
  awsResourceUnapprovedRegion,
  awsS3AccountpublicaccessblockNotFullyBlocked,
  awsS3BucketAccessLoggingDisabled,
  awsS3BucketCrossAccountAclGrant,
  awsS3BucketEncryptionDisabled,
  awsS3BucketInsecureTransportAllowed,
  awsS3BucketKmsEncryptionDisabled,
  awsS3BucketMfaDeleteDisabled,
  awsS3BucketPolicyAllowsWithNotPrincipal,
  awsS3BucketPublicAccessBlockMissing,
  awsS3BucketPublicAclGrant,
  awsS3BucketPublicPolicy,
  awsS3BucketVersioningDisabled,
];
