variable "prowl_account_id" {
  description = "The account Prowl runs in (where the scan function assumes this role from)."
  type        = string

  validation {
    condition     = can(regex("^\\d{12}$", var.prowl_account_id))
    error_message = "prowl_account_id must be a 12-digit AWS account id."
  }
}

variable "external_id" {
  description = "The external id in Prowl's scan configuration (scan.externalId). Guards against the confused-deputy problem."
  type        = string
  sensitive   = true

  validation {
    # Length is checked apart from the pattern: RE2 caps repetition counts at 1000.
    condition     = length(var.external_id) >= 2 && length(var.external_id) <= 1224 && can(regex("^[\\w+=,.@:/-]+$", var.external_id))
    error_message = "external_id must be 2-1224 characters from letters, digits and +=,.@:/-."
  }
}

variable "role_name" {
  description = "The role's name; Prowl assumes arn:<partition>:iam::<account>:role/<role_name> unless an account sets roleArn."
  type        = string
  default     = "ProwlAudit"

  validation {
    condition     = can(regex("^[\\w+=,.@-]{1,64}$", var.role_name))
    error_message = "role_name must be a valid IAM role name (1-64 characters from letters, digits and +=,.@-)."
  }
}

variable "trusted_principal_arns" {
  description = "ARNs of the roles the Prowl scan function runs as. Empty trusts the Prowl account as a whole, which then decides through its own IAM policies who may assume this role."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
}
