# Prowl audit role: deploy in every account Prowl scans. It lets Prowl's scanner read security
# configuration and nothing else: the actions below are exactly the calls the collectors in
# src/scan/collectors make, and a test keeps them in step with the CloudFormation version
# (infra/audit-role.yml).

terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 4.0"
    }
  }
}

data "aws_partition" "current" {}

locals {
  trusted_principals = length(var.trusted_principal_arns) > 0 ? var.trusted_principal_arns : ["arn:${data.aws_partition.current.partition}:iam::${var.prowl_account_id}:root"]

  read_actions = [
    "access-analyzer:ListAnalyzers",
    "acm:DescribeCertificate",
    "acm:ListCertificates",
    "acm:ListTagsForCertificate",
    "cloudformation:DescribeStacks",
    "cloudtrail:DescribeTrails",
    "cloudtrail:GetEventSelectors",
    "cloudtrail:GetTrail",
    "cloudtrail:GetTrailStatus",
    "cloudtrail:ListTags",
    "cloudtrail:ListTrails",
    "config:DescribeConfigurationRecorderStatus",
    "config:DescribeConfigurationRecorders",
    "dynamodb:DescribeContinuousBackups",
    "dynamodb:DescribeTable",
    "dynamodb:ListTables",
    "ec2:DescribeFlowLogs",
    "ec2:DescribeImages",
    "ec2:DescribeInstances",
    "ec2:DescribeNetworkAcls",
    "ec2:DescribeRegions",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeSnapshotAttribute",
    "ec2:DescribeSnapshots",
    "ec2:DescribeVolumes",
    "ec2:DescribeVpcs",
    "ec2:GetEbsDefaultKmsKeyId",
    "ec2:GetEbsEncryptionByDefault",
    "ec2:GetImageBlockPublicAccessState",
    "ec2:GetSnapshotBlockPublicAccessState",
    "ecs:DescribeClusters",
    "ecs:DescribeServices",
    "ecs:ListClusters",
    "ecs:ListServices",
    "eks:DescribeCluster",
    "eks:ListClusters",
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeSSLPolicies",
    "elasticloadbalancing:DescribeTags",
    "guardduty:GetDetector",
    "guardduty:GetMasterAccount",
    "guardduty:ListDetectors",
    "iam:GenerateCredentialReport",
    "iam:GetAccountPasswordPolicy",
    "iam:GetCredentialReport",
    "iam:GetGroup",
    "iam:GetGroupPolicy",
    "iam:GetPolicyVersion",
    "iam:GetRolePolicy",
    "iam:GetUserPolicy",
    "iam:ListAttachedGroupPolicies",
    "iam:ListAttachedRolePolicies",
    "iam:ListAttachedUserPolicies",
    "iam:ListGroupPolicies",
    "iam:ListGroups",
    "iam:ListGroupsForUser",
    "iam:ListMFADevices",
    "iam:ListPolicies",
    "iam:ListRolePolicies",
    "iam:ListRoles",
    "iam:ListUserPolicies",
    "iam:ListUserTags",
    "iam:ListUsers",
    "iam:ListVirtualMFADevices",
    "kms:DescribeKey",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListKeys",
    "kms:ListResourceTags",
    "lambda:GetFunctionUrlConfig",
    "lambda:GetPolicy",
    "lambda:ListFunctions",
    "logs:DescribeLogGroups",
    "rds:DescribeDBInstances",
    "rds:DescribeDBSnapshotAttributes",
    "rds:DescribeDBSnapshots",
    "redshift:DescribeClusters",
    "redshift:DescribeLoggingStatus",
    "s3:GetAccountPublicAccessBlock",
    "s3:GetBucketAcl",
    "s3:GetBucketLocation",
    "s3:GetBucketLogging",
    "s3:GetBucketObjectLockConfiguration",
    "s3:GetBucketPolicy",
    "s3:GetBucketPolicyStatus",
    "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketTagging",
    "s3:GetBucketVersioning",
    "s3:GetEncryptionConfiguration",
    "s3:GetLifecycleConfiguration",
    "s3:ListAllMyBuckets",
    "waf-regional:GetRateBasedRule",
    "waf-regional:GetRule",
    "waf-regional:GetWebACL",
    "waf-regional:GetWebACLForResource",
    "waf-regional:ListTagsForResource",
    "waf-regional:ListWebACLs",
    "waf:GetRateBasedRule",
    "waf:GetRule",
    "waf:GetWebACL",
    "waf:ListTagsForResource",
    "waf:ListWebACLs",
  ]
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "ProwlScanner"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = local.trusted_principals
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

data "aws_iam_policy_document" "read" {
  # List and Describe calls cannot be scoped to resources, and the scan reads every bucket, key and
  # trail in the account, so the resource is "*"; the actions are what is narrow.
  statement {
    sid       = "ReadSecurityConfiguration"
    effect    = "Allow"
    actions   = local.read_actions
    resources = ["*"]
  }
}

resource "aws_iam_role" "audit" {
  name                 = var.role_name
  description          = "Read-only access for Prowl's cloud security scans."
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = merge({ "managed-by" = "prowl" }, var.tags)
}

resource "aws_iam_role_policy" "read" {
  name   = "prowl-audit-read"
  role   = aws_iam_role.audit.id
  policy = data.aws_iam_policy_document.read.json
}
