# The platform team's IAM identities and account settings.

resource "ibm_iam_account_settings" "account" {
  mfa                             = "TOTP4ALL"
  restrict_create_service_id      = "RESTRICTED"
  restrict_create_platform_apikey = "RESTRICTED"
}

resource "ibm_iam_service_id" "ci" {
  name        = "ci-deployer"
  description = "Deploys from CI"
}

resource "ibm_iam_service_api_key" "ci" {
  name           = "ci-deployer-key"
  iam_service_id = ibm_iam_service_id.ci.iam_id
}

resource "ibm_iam_service_id" "team" {
  for_each = toset(["alpha", "beta"])
  name     = "team-${each.key}"
}

resource "ibm_iam_trusted_profile" "ops" {
  name = "ops-on-call"
}

module "billing" {
  source = "./modules/pipeline"
  name   = "billing-exporter"
}
