# Set by the pipeline's reviewers.
apikey_creation = "RESTRICTED"
