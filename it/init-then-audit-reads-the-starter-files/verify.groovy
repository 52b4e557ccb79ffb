import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def policy = new File(basedir, 'iam-audit.yml')
def allowlist = new File(basedir, 'iam-allowlist.yml')

assert log.contains("[INFO] Wrote ${policy.canonicalPath}\n")
assert log.contains("[INFO] Next: review iam-audit.yml, then run mvn iam:audit to audit with these files\n")
assert policy.readLines()[0] == '# yaml-language-server: $schema=iam-audit.schema.json'
assert allowlist.readLines()[0] == '# yaml-language-server: $schema=iam-allowlist.schema.json'
['iam-audit.schema.json', 'iam-allowlist.schema.json'].each {
  assert new JsonSlurper().parse(new File(basedir, it))['$schema'] == 'http://json-schema.org/draft-07/schema#'
}

// The audit read the starter files strictly and judged as with none: the defaults, every finding at line 1.
def json = new JsonSlurper().parse(new File(basedir, 'target/iam-audit/iam-audit.json'))
assert json.summary.violations == 7
assert json.findings.every { it.location.file == 'iam-audit.yml' && it.location.line == 1 }
assert json.rules.find { it.id == 'apikey-inactive' }.params.maxDays == 90
assert log.contains('[INFO] BUILD SUCCESS')
return true
