resource "ibm_iam_service_id" "this" {
  name = "copied-by-terraform-init"
}
