variable "name" {
  type = string
}

resource "ibm_iam_service_id" "this" {
  name = var.name
}

resource "ibm_iam_service_api_key" "this" {
  name           = "${var.name}-key"
  iam_service_id = ibm_iam_service_id.this.iam_id
}
