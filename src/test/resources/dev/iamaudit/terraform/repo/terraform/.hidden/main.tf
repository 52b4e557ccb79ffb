resource "ibm_iam_service_id" "hidden" {
  name = "in-a-hidden-folder"
}
