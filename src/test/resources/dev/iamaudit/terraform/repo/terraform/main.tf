# The governance repo's IAM identities.
// Both comment styles, and a /* block */ comment.

resource "ibm_iam_service_id" "deployer" {
  name        = "ci-deployer"
  description = "Deploys \"apps\" from CI" /* inline */
  tags        = ["ci", "prod"]
}

resource "ibm_iam_service_api_key" "deployer_key" {
  name           = "ci-deployer-key"
  iam_service_id = ibm_iam_service_id.deployer.iam_id
  apikey         = "tf-literal-secret-0000"
  store_value    = false
}

resource "ibm_iam_api_key" "admin" {
  name = "admin-key"
}

resource "ibm_iam_trusted_profile" "ops" {
  name        = "ops-profile"
  description = <<-EOT
    Trusted by the ops cluster.
    Not a } brace, and "${not.closed here.
  EOT
}

resource "ibm_iam_service_id" "per_team" {
  for_each = toset(["alpha", "beta"])
  name     = "team-${each.key}"
}

resource "ibm_iam_service_id" "workers" {
  count = 2
  name  = "worker"
}

resource "ibm_iam_account_settings" "settings" {
  mfa                             = "TOTP4ALL"
  restrict_create_service_id      = "RESTRICTED"
  restrict_create_platform_apikey = var.apikey_creation
  allowed_ip_addresses            = "192.0.2.0/24,198.51.100.7"
  session_expiration_in_seconds   = 3600
  user_mfa {
    iam_id = "IBMid-550000AAAA"
    mfa    = "NONE"
  }
  dynamic "user_mfa" {
    for_each = var.exempt_users
    content {
      iam_id = user_mfa.value
      mfa    = "NONE"
    }
  }
}

module "team" {
  source = "./modules/team"
  name   = "team-svc"
}

module "registry" {
  source  = "terraform-ibm-modules/iam-service-id/ibm"
  version = "1.2.0"
}

locals {
  upper_names = [for n in ["a", "b"] : upper(n) if n != "}"]
  conditional = var.env == "prod" ? { a = 1 } : { a = 2 }
}
