import type { Policy } from '../../src/detect/policy';
import awsCloudtrailTrailDeliveryFailing from './aws_cloudtrail_delivery_failing';
import awsCloudtrailTrailKmsEncryptionDisabled from './aws_cloudtrail_kms_encryption_disabled';
import awsCloudtrailTrailLogFileValidationDisabled from './aws_cloudtrail_log_file_validation_disabled';
import awsCloudtrailTrailLoggingStopped from './aws_cloudtrail_logging_stopped';
import awsCloudtrailTrailMultiRegionDisabled from './aws_cloudtrail_multi_region_disabled';
import awsEc2NetworkaclAdminPortsOpenToWorld from './aws_ec2_networkacl_admin_ports_open_to_world';
import awsEc2SecuritygroupAdminPortsOpenToWorld from './aws_ec2_securitygroup_admin_ports_open_to_world';
import awsEc2SecuritygroupDatabasePortsOpenToWorld from './aws_ec2_securitygroup_database_ports_open_to_world';
import awsEc2SecuritygroupDefaultAllowsTraffic from './aws_ec2_securitygroup_default_allows_traffic';
import awsEc2VpcFlowLogsDisabled from './aws_ec2_vpc_flow_logs_disabled';
import awsPasswordpolicyWeak from './aws_passwordpolicy_weak';
import awsIamRootuserAccessKeysPresent from './aws_iam_rootuser_access_keys_present';
import awsIamRootuserMfaDisabled from './aws_iam_rootuser_mfa_disabled';
import awsIamUserAccessKeyNotRotated from './aws_iam_user_access_key_not_rotated';
import awsIamUserAccessKeyUnused from './aws_iam_user_access_key_unused';
import awsIamUserConsoleMfaDisabled from './aws_iam_user_console_mfa_disabled';
import awsIamUserConsolePasswordUnused from './aws_iam_user_console_password_unused';
import awsKmsKeyRotationDisabled from './aws_kms_key_rotation_disabled';
import awsResourceUnapprovedRegion from './aws_resource_unapproved_region';
import awsS3BucketAccessLoggingDisabled from './aws_s3_bucket_access_logging_disabled';
import awsS3BucketEncryptionDisabled from './aws_s3_bucket_encryption_disabled';
import awsS3BucketInsecureTransportAllowed from './aws_s3_bucket_insecure_transport_allowed';
import awsS3BucketKmsEncryptionDisabled from './aws_s3_bucket_kms_encryption_disabled';
import awsS3BucketPublicAccessBlockMissing from './aws_s3_bucket_public_access_block_missing';
import awsS3BucketPublicAclGrant from './aws_s3_bucket_public_acl_grant';
import awsS3BucketPublicPolicy from './aws_s3_bucket_public_policy';
import awsS3BucketVersioningDisabled from './aws_s3_bucket_versioning_disabled';

/**
 * The policy pack. Every policy file is imported here explicitly so bundlers include it; the
 * catalog test fails if a policy file in this folder is missing from the list.
 */
export const policies: Policy[] = [
  awsCloudtrailTrailDeliveryFailing,
  awsCloudtrailTrailKmsEncryptionDisabled,
  awsCloudtrailTrailLogFileValidationDisabled,
  awsCloudtrailTrailLoggingStopped,
  awsCloudtrailTrailMultiRegionDisabled,
  awsEc2NetworkaclAdminPortsOpenToWorld,
  awsEc2SecuritygroupAdminPortsOpenToWorld,
  awsEc2SecuritygroupDatabasePortsOpenToWorld,
  awsEc2SecuritygroupDefaultAllowsTraffic,
  awsEc2VpcFlowLogsDisabled,
  awsPasswordpolicyWeak,
  awsIamRootuserAccessKeysPresent,
  awsIamRootuserMfaDisabled,
  awsIamUserAccessKeyNotRotated,
  awsIamUserAccessKeyUnused,
  awsIamUserConsoleMfaDisabled,
  awsIamUserConsolePasswordUnused,
  awsKmsKeyRotationDisabled,
  awsResourceUnapprovedRegion,
  awsS3BucketAccessLoggingDisabled,
  awsS3BucketEncryptionDisabled,
  awsS3BucketInsecureTransportAllowed,
  awsS3BucketKmsEncryptionDisabled,
  awsS3BucketPublicAccessBlockMissing,
  awsS3BucketPublicAclGrant,
  awsS3BucketPublicPolicy,
  awsS3BucketVersioningDisabled,
];
