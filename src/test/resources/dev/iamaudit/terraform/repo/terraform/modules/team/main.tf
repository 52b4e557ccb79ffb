variable "name" {
  type = string
}

variable "profile_name" {
  default = "team-profile"
}

resource "ibm_iam_service_id" "this" {
  name = var.name
}

resource "ibm_iam_trusted_profile" "this" {
  name = var.profile_name
}

resource "ibm_iam_service_api_key" "this" {
  name           = "${var.name}-key"
  iam_service_id = ibm_iam_service_id.this.iam_id
}
