def log = new File(basedir, 'build.log').text

assert log.contains(':audit (default) on project no-api-key-is-usage-error: No API key: set the environment variable IBMCLOUD_API_KEY (or the password of server \'iam-audit-it-no-such-server\' in settings.xml) to an IBM Cloud API key')
assert log.contains('/MojoExecutionException')
assert !new File(basedir, 'target').exists()
return true
