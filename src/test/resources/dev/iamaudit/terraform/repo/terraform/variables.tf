variable "apikey_creation" {
  type    = string
  default = "NOT_RESTRICTED"
}

variable "exempt_users" {
  type    = list(string)
  default = []
}

variable "env" {
  default = "prod"
}
