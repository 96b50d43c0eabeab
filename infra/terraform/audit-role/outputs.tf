output "role_arn" {
  description = "The role Prowl assumes; put it in the scan plan as roleArn if its name is not the default."
  value       = aws_iam_role.audit.arn
}

output "role_name" {
  description = "The role's name."
  value       = aws_iam_role.audit.name
}
