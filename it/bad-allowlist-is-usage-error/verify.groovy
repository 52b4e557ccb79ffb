def log = new File(basedir, 'build.log').text

assert log.contains(':audit (default) on project bad-allowlist-is-usage-error: iam-allowlist.yml:1:3: allowlist entry 1 has no \'reason\'; add reason: "why this exception is accepted" -> [Help 1]')
assert log.contains('/MojoExecutionException')
assert !new File(basedir, 'target').exists()
return true
