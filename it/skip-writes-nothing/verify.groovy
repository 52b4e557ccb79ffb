def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Skipping the IAM audit (iam.skip)')
assert log.contains('[INFO] BUILD SUCCESS')
assert !new File(basedir, 'target').exists()
return true
